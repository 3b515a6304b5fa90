#include "fleet/outbox.h"

#include <filesystem>

#include "bundle/bundle_file.h"
#include "stats/stats_file.h"
#include "util/safe_file.h"

namespace khlang::fleet {

std::string health_file_name(const std::string& kiosk_id) { return "khlang-health-" + kiosk_id + ".txt"; }

std::string private_stats_path(const std::string& kiosk_db_path) { return kiosk_db_path + ".outbox-stats.sqlite"; }

Expected<OutboxResult> write_outbox(sqlite::Database& kiosk, const std::string& outbox_dir, HealthInputs inputs) {
  std::error_code ec;
  if (!std::filesystem::is_directory(outbox_dir, ec)) {
    return Error{"outbox folder " + outbox_dir + " not found (make it, or set up the fleet: docs/fleet.md)"};
  }
  KHLANG_TRY_AS(auto id, stats::kiosk_id(kiosk));
  OutboxResult result;
  const std::string stats_name = stats::stats_file_name(id), health_name = health_file_name(id);
  result.stats_path = (std::filesystem::path(outbox_dir) / stats_name).string();
  result.health_path = (std::filesystem::path(outbox_dir) / health_name).string();

  const std::string built = private_stats_path(kiosk.path());
  auto updated = stats::update_stats_file(kiosk, built);
  Status stats = updated ? Status(Ok{}) : Status(updated.error());
  if (updated) {
    result.new_events = updated->added;
    const auto in_outbox = std::filesystem::file_size(result.stats_path, ec);
    if (updated->added > 0 || ec || in_outbox != std::filesystem::file_size(built, ec)) {
      stats = safe_file::copy_into(outbox_dir, stats_name, built);
      result.stats_copied = stats.ok();
    }
  }
  if (!stats) {
    result.stats_error = "statistics for the outbox: " + stats.error().message;
    inputs.last_error = result.stats_error;
    inputs.last_error_at = bundle::now_utc_iso();
  }
  KHLANG_TRY_AS(auto record, collect_health(kiosk, inputs));
  KHLANG_TRY(safe_file::write_into(outbox_dir, health_name, format_health(record)));
  return result;
}

}  // namespace khlang::fleet

#include "screens/admin_menu_screen.h"

#include <sys/statvfs.h>
#include <unistd.h>

#include <ctime>
#include <filesystem>

#include "admin/admin_session.h"
#include "admin/admin_widgets.h"
#include "bundle/importer.h"
#include "fleet_agent.h"
#include "navigator.h"
#include "screens/screen_helpers.h"
#include "stats/stats_file.h"
#include "stats/usage_recorder.h"
#include "store/kiosk_status.h"
#include "store/schema.h"

namespace khlang::kiosk {
namespace {

std::string megabytes(uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  return buf;
}

std::string duration(double seconds, Lang lang) {
  const auto s = static_cast<int64_t>(seconds);
  return say(Str::StatusUptimeValue, lang, {std::to_string(s / 86400), std::to_string(s % 86400 / 3600), std::to_string(s % 3600 / 60)});
}

}  // namespace

AdminMenuScreen::AdminMenuScreen(sqlite::Database& db) { load(db, status_lang_); }

void AdminMenuScreen::load(sqlite::Database& db, Lang lang) {
  status_lang_ = lang;
  status_.clear();
  const auto say = [lang](Str key, std::initializer_list<std::string_view> args = {}) { return kiosk::say(key, lang, args); };
  auto org = store::load_organization(db);
  auto summary = store::load_summary(db);
  status_.push_back({say(Str::StatusOrganization), org && org.value() ? in_language(lang, org.value()->name_th, org.value()->name_en) : ""});
  if (summary) {
    const store::ContentSummary& s = summary.value();
    content_created_ = store::content_created_utc(s);
    status_.push_back({say(Str::StatusSequence), std::to_string(s.bundle_seq)});
    status_.push_back({say(Str::StatusBundleDate), s.bundle_created_at});
    status_.push_back({say(Str::StatusCounts),
                       say(Str::StatusCountsValue, {std::to_string(s.articles), std::to_string(s.announcements),
                                                     std::to_string(s.plans), std::to_string(s.people), std::to_string(s.media)})});
  }
  auto signer = store::content_signer(db);
  status_.push_back({say(Str::StatusSigner), signer ? signer.value() : ""});
  std::string last;
  if (auto entry = store::last_import(db); entry && entry.value()) {
    const store::ImportLogEntry& e = *entry.value();
    last = e.at + "  " + import_result_word(e.result, lang) + (e.message.empty() ? "" : ": " + e.message);
  }
  status_.push_back({say(Str::StatusLastImport), last});
  std::error_code ec;
  const std::string path = db.path();
  uint64_t size = std::filesystem::file_size(path, ec);
  if (ec) size = 0;
  if (auto wal = std::filesystem::file_size(path + "-wal", ec); !ec) size += wal;
  status_.push_back({say(Str::StatusDatabaseSize), megabytes(size)});
  struct statvfs fs{};
  const std::string dir = std::filesystem::path(path).parent_path().string();
  if (statvfs(dir.empty() ? "." : dir.c_str(), &fs) == 0) {
    const uint64_t free_bytes = static_cast<uint64_t>(fs.f_bavail) * fs.f_frsize;
    status_.push_back({say(Str::StatusFreeDisk), megabytes(free_bytes), free_bytes < stats::kMinFreeBytesForStatistics});
  }
}

void AdminMenuScreen::export_statistics(FrameContext& f) {
  std::vector<std::string> roots = f.admin.media_roots();
  // Onto the first stick or inbox the kiosk can write to (a stick may be write-protected).
  std::erase_if(roots, [](const std::string& r) { return ::access(r.c_str(), W_OK) != 0; });
  if (roots.empty()) {
    f.admin.start(f.say(Str::JobExport),
                  [lang = f.lang](const auto&) -> Expected<std::string> { return Error{say(Str::JobNoWritableMedia, lang)}; },
                  false);
    return;
  }
  const std::string root = roots.front(), db_path = f.admin.db_path();
  f.admin.start(f.say(Str::JobExportTo, {root}),
                [root, db_path, lang = f.lang](const auto& progress) -> Expected<std::string> {
                  auto db = store::open_kiosk_db(db_path);
                  if (!db) return db.error();
                  progress(0.3);
                  // The file is kept beside the kiosk's database and copied onto the stick: nothing
                  // on the stick is opened, and a link planted there is refused.
                  const std::string private_dir = (std::filesystem::path(db_path).parent_path() / "statistics").string();
                  auto result = stats::export_stats_to_folder(db.value(), private_dir, root);
                  if (!result) return result.error();
                  return say(Str::JobExported, lang,
                              {result->path, std::to_string(result->added), std::to_string(result->total)});
                },
                false);
}

// Unattended import (docs/fleet.md): on or off, and the last one since the start, in red if it
// was refused or failed (the last import row says when and why; the settings screen says more).
float AdminMenuScreen::fleet_row(FrameContext& f, ImVec2 pos, float width, const FleetStatus& fleet) {
  std::string state = f.say(Str::StatusAutoImportOff);
  if (fleet.auto_import) state = f.say(fleet.inboxes.empty() ? Str::StatusAutoImportNoInbox : Str::StatusAutoImportOn);
  if (!fleet.last_result.empty()) state += " — " + import_result_word(fleet.last_result, f.lang) + " " + fleet.last_bundle;
  const bool warning = (fleet.auto_import && fleet.inboxes.empty()) ||
                       (!fleet.last_result.empty() && fleet.last_result != "imported") || !fleet.outbox_error.empty();
  if (!fleet.outbox_error.empty()) state += " — " + f.say(Str::StatusOutboxFailed);
  return status_row(f, pos, width, f.say(Str::StatusAutoImport), state, warning);
}

void AdminMenuScreen::draw(FrameContext& f, const ImRect& area) {
  if (generation_ != f.admin.content_generation()) {
    generation_ = f.admin.content_generation();
    load(f.db, f.lang);
  }
  if (status_lang_ != f.lang) load(f.db, f.lang);  // the staff switched the language
  const float margin = f.px(f.portrait ? 32 : 56);
  const bool two_columns = !f.portrait;
  const float col_w = two_columns ? (area.GetWidth() - 3 * margin) * 0.55f : area.GetWidth() - 2 * margin;
  float y = area.Min.y + f.px(24);
  const float x = area.Min.x + margin;
  y += section_heading(f, ImVec2(x, y), f.say(Str::StatusHeading), col_w);
  for (const Row& r : status_) y += status_row(f, ImVec2(x, y), col_w, r.label, r.value, r.warning);
  // The clock: a kiosk with a flat battery wakes in 1970 (or behind its content).
  const int64_t wall = static_cast<int64_t>(std::time(nullptr));
  const bool clock_wrong = wall < content_created_ || wall < 1'700'000'000;
  y += status_row(f, ImVec2(x, y), col_w, f.say(Str::StatusClock), clock_wrong ? f.say(Str::StatusClockBehind) : stats::iso_utc(wall),
                  clock_wrong);
  y += status_row(f, ImVec2(x, y), col_w, f.say(Str::StatusUptime), duration(f.now - f.admin.started_at(), f.lang));
  if (f.fleet) y += fleet_row(f, ImVec2(x, y), col_w, *f.fleet);
  // Below the free-space threshold the kiosk keeps its disk for imports and stops recording.
  const bool stats_stopped = f.usage.stopped_for_low_disk();
  y += status_row(f, ImVec2(x, y), col_w, f.say(Str::StatusStatistics),
                  stats_stopped ? f.say(Str::StatusStatisticsStopped, {std::to_string(stats::kMinFreeBytesForStatistics / 1000000) + " MB"})
                                : f.say(Str::StatusStatisticsOn),
                  stats_stopped);
  y += f.px(16);
  if (!two_columns) y += draw_job(f, ImVec2(x, y), col_w);

  // Actions.
  const float ax = two_columns ? x + col_w + margin : x;
  const float aw = two_columns ? area.Max.x - margin - ax : col_w;
  float ay = two_columns ? area.Min.y + f.px(24) : y + f.px(8);
  const float bh = std::max(f.px(84), f.min_target_px()), gap = f.px(14);
  const bool busy = f.admin.job().running;
  auto next = [&] {
    const ImRect r(ax, ay, ax + aw, ay + bh);
    ay += bh + gap;
    return r;
  };
  if (button(f, next(), f.say(Str::AdminImportFromUsb))) f.nav.go(RouteKey::AdminImport);
  if (button(f, next(), f.say(Str::AdminTrustedKeys), quiet_button(f))) f.nav.go(RouteKey::AdminKeys);
  if (button(f, next(), f.say(Str::AdminSettings), quiet_button(f))) f.nav.go(RouteKey::AdminSettings);
  if (button(f, next(), f.say(Str::MeetingMode), quiet_button(f))) f.nav.go(RouteKey::Meeting);
  if (button(f, next(), f.say(Str::AdminExportStatistics), quiet_button(f)) && !busy) export_statistics(f);
  if (confirm_button(f, next(), f.say(Str::AdminRollBack), armed_) && !busy) {
    const std::string db_path = f.admin.db_path();
    f.admin.start(f.say(Str::JobRollBack),
                  [db_path, lang = f.lang](const auto&) -> Expected<std::string> {
                    KHLANG_TRY(bundle::rollback_import(db_path));
                    return say(Str::JobRolledBack, lang);
                  },
                  true);
  }
  if (button(f, next(), f.say(Str::AdminLock), quiet_button(f))) {
    f.admin.lock();
    f.nav.home();
  }
  if (confirm_button(f, next(), f.say(Str::AdminLeave), armed_)) f.admin.request_quit();
  if (two_columns) draw_job(f, ImVec2(ax, ay + f.px(8)), aw);
}

}  // namespace khlang::kiosk

#include "fleet_agent.h"

#include <atomic>
#include <cstdio>
#include <filesystem>

#include "admin/admin_session.h"
#include "bundle/bundle_file.h"
#include "fleet/inbox.h"
#include "fleet/outbox.h"
#include "i18n/strings.h"
#include "store/schema.h"

namespace khlang::kiosk {

struct FleetAgent::Result {
  FleetWork work = FleetWork::None;
  fleet::AutoImportOutcome outcome;  // an import's
  std::string outbox_error;          // a write's failure
  std::atomic<bool> done{false};     // set last, by the worker
};

FleetAgent::FleetAgent(AdminSession& admin, std::string db_path, bool active)
    : admin_(admin), db_path_(std::move(db_path)), active_(active) {}

// A job still running holds its own references (the admin session's destructor waits for it).
FleetAgent::~FleetAgent() = default;

void FleetAgent::configure(bool auto_import, std::vector<std::string> inboxes, std::string outbox) {
  if (!importer_ || inboxes != status_.inboxes) {
    importer_ = std::make_shared<fleet::AutoImporter>(db_path_, inboxes, fleet::AutoImportOptions{});
  }
  FleetConfig config;
  config.auto_import = auto_import;
  config.inbox = !inboxes.empty();
  config.outbox = !outbox.empty();
  config.poll_seconds = kPollSeconds;
  config.write_seconds = kWriteSeconds;
  schedule_.configure(config);
  status_.auto_import = auto_import;
  status_.inboxes = std::move(inboxes);
  status_.outbox = std::move(outbox);
}

std::string FleetAgent::last_error() const {
  if (!status_.outbox_error.empty() && (import_error_.empty() || outbox_error_at_ > import_error_at_)) {
    return status_.outbox_error;
  }
  return import_error_;
}

std::string FleetAgent::last_error_at() const {
  if (!status_.outbox_error.empty() && (import_error_.empty() || outbox_error_at_ > import_error_at_)) {
    return outbox_error_at_;
  }
  return import_error_at_;
}

void FleetAgent::start(FleetWork work, const FleetMoment& m, double wall) {
  auto result = std::make_shared<Result>();
  result->work = work;
  bool started = false;
  if (work == FleetWork::Import) {
    started = admin_.start_background(
        Str::JobUnattendedImport, [result, importer = importer_, wall, steady = m.now](const auto& progress) {
          bundle::ImportOptions options;
          options.progress = progress;
          result->outcome = importer->run_once(wall, steady, options);
          result->done.store(true, std::memory_order_release);
        });
  } else {
    fleet::HealthInputs inputs;
    inputs.uptime_seconds = static_cast<int64_t>(m.now - admin_.started_at());
    inputs.write_interval_seconds = static_cast<int64_t>(kWriteSeconds);
    inputs.last_error = last_error();
    inputs.last_error_at = last_error_at();
    started = admin_.start_background(
        Str::JobWriteOutbox, [result, db_path = db_path_, outbox = status_.outbox, inputs](const auto&) {
          auto db = store::open_kiosk_db(db_path);
          auto written = db ? fleet::write_outbox(db.value(), outbox, inputs) : Expected<fleet::OutboxResult>(db.error());
          if (!written) result->outbox_error = written.error().message;
          result->done.store(true, std::memory_order_release);
        });
  }
  if (!started) return;  // admin mode's job took the worker first: the next frame asks again
  schedule_.started(work, m.now);
  running_ = std::move(result);
}

bool FleetAgent::take(const Result& r, double now) {
  if (r.work == FleetWork::Outbox) {
    schedule_.outbox_finished(now);
    if (r.outbox_error.empty()) {
      status_.written_at = bundle::now_utc_iso();
      status_.outbox_error.clear();
    } else {
      if (r.outbox_error != status_.outbox_error) std::fprintf(stderr, "khlang-kiosk: outbox: %s\n", r.outbox_error.c_str());
      status_.outbox_error = r.outbox_error;
      outbox_error_at_ = bundle::now_utc_iso();
    }
    return false;
  }
  using Kind = fleet::AutoImportOutcome::Kind;
  const fleet::AutoImportOutcome& o = r.outcome;
  const bool acted = o.kind == Kind::Imported || o.kind == Kind::Refused || o.kind == Kind::Failed;
  schedule_.import_finished(now, acted);
  if (!acted) return false;
  ++status_.imports;
  status_.last_at = bundle::now_utc_iso();
  const std::string name = std::filesystem::path(o.bundle).filename().string();
  status_.last_bundle = name + (o.seq ? " (seq " + std::to_string(*o.seq) + ")" : "");
  status_.last_message = o.message;
  status_.last_result = o.kind == Kind::Imported ? "imported" : o.kind == Kind::Refused ? "refused" : "failed";
  if (o.kind == Kind::Imported) {
    import_error_.clear();
  } else if (o.kind == Kind::Failed) {
    import_error_ = "unattended import" + (name.empty() ? "" : " of " + status_.last_bundle) + " failed: " + o.message;
    import_error_at_ = status_.last_at;
  }
  // The journal's line (the import log has it too).
  std::fprintf(stderr, "khlang-kiosk: unattended import: %s %s%s%s\n", status_.last_result.c_str(),
               status_.last_bundle.c_str(), o.message.empty() ? "" : (": " + o.message).c_str(),
               o.kind == Kind::Refused ? " (not tried again)" : "");
  return o.kind == Kind::Imported;
}

bool FleetAgent::tick(const FleetMoment& m, double wall) {
  if (!active_) return false;
  bool new_content = false;
  if (running_ && running_->done.load(std::memory_order_acquire)) {
    const std::shared_ptr<Result> finished = std::move(running_);
    new_content = take(*finished, m.now);
  }
  if (!running_) {
    FleetMoment now = m;
    now.worker_free = m.worker_free && !admin_.busy();
    if (const FleetWork work = schedule_.due(now); work != FleetWork::None) start(work, m, wall);
  }
  status_.busy = running_ != nullptr || schedule_.outbox_owed();
  return new_content;
}

}  // namespace khlang::kiosk

// [SECTION] The kiosk's side of the fleet (docs/fleet.md): the unattended import from its inbox
// folders (fleet::AutoImporter) and its outbox, the health record and statistics
// (fleet::write_outbox), both run on admin mode's worker when FleetSchedule says they are due
// (the import only at the visit policy's quiet moments). Each frame tick() takes what the worker
// finished and starts what is due. The import log has each import's result (the importer writes
// it); the outbox write that follows carries it to the office; an import that brought new content
// is reported to the kiosk, which reloads its screens once no one is using them
// (content_reload.h).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "fleet_schedule.h"

namespace khlang::fleet {
class AutoImporter;
}

namespace khlang::kiosk {

class AdminSession;

// What admin mode's status and scripts show of the fleet work.
struct FleetStatus {
  bool auto_import = false;
  std::vector<std::string> inboxes;
  std::string outbox;          // "": none
  int imports = 0;             // unattended imports that imported, refused or failed since the start
  std::string last_result;     // imported, refused or failed ("": none since the start)
  std::string last_at;         // its time (UTC, ISO 8601)
  std::string last_bundle;     // its file name and number: "khlang-main-00000012.khb (seq 12)"
  std::string last_message;    // why it was refused or failed
  std::string written_at;      // the outbox's last good write (UTC), "" before the first
  std::string outbox_error;    // why the last write failed ("" if it did not)
  bool busy = false;           // a job of ours runs, or the outbox owes a write after an import
};

class FleetAgent {
 public:
  static constexpr double kPollSeconds = 10;
  static constexpr double kWriteSeconds = 300;

  // `active`: false for a --screenshot, which shows the state but must change nothing.
  FleetAgent(AdminSession& admin, std::string db_path, bool active);
  ~FleetAgent();
  FleetAgent(const FleetAgent&) = delete;
  FleetAgent& operator=(const FleetAgent&) = delete;

  // The settings: auto_import, the inbox folders, the outbox folder ("": none).
  void configure(bool auto_import, std::vector<std::string> inboxes, std::string outbox);
  // Once a frame; `wall` is the system's wall clock (KioskClock::system_wall), which file times
  // are compared with. Returns true when an unattended import brought new content.
  bool tick(const FleetMoment& m, double wall);
  double seconds_until_due(const FleetMoment& m) const {
    return active_ ? schedule_.seconds_until_due(m) : FleetSchedule::kNothingDue;
  }
  const FleetStatus& status() const { return status_; }

 private:
  struct Result;  // what a job hands back from the worker
  void start(FleetWork work, const FleetMoment& m, double wall);
  bool take(const Result& r, double now);
  std::string last_error() const;
  std::string last_error_at() const;

  AdminSession& admin_;
  std::string db_path_;
  bool active_;
  FleetSchedule schedule_;
  FleetStatus status_;
  std::shared_ptr<fleet::AutoImporter> importer_;  // keeps what it saw settling between looks
  std::shared_ptr<Result> running_;
  // The kiosk's own errors for the health record: the last failed import and the last failed
  // write, each until the same kind of work succeeds again.
  std::string import_error_, import_error_at_, outbox_error_at_;
};

}  // namespace khlang::kiosk

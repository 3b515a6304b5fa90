// [SECTION] When the kiosk does its fleet work (docs/fleet.md). No threads and no clock of its
// own: each frame the kiosk asks what is due, starts it on admin mode's worker (fleet_agent.h)
// and says when it finished. Unit tests drive it with a fake clock (test_fleet_schedule.cpp).
//
// Two kinds of work, one at a time (the worker runs one job, admin mode's or ours):
// - IMPORT: one look at the inbox folders, importing at most one bundle (fleet::AutoImporter).
//   Due when the setting auto_import is on, there is an inbox folder, the visit policy says it
//   is a quiet moment (the attract loop, or a public screen a minute without input; never a
//   meeting or admin mode) and `poll_seconds` passed since the last look.
// - OUTBOX: the statistics and the health record written into the outbox (fleet::write_outbox).
//   Due when there is an outbox folder, no admin screen is up (admin mode's buttons would wait
//   for the worker), and it was never written since the start (or since the folder was set),
//   or `write_seconds` passed since the last write, or an import did something since (imported,
//   refused or failed: the office hears of it at once). Writing files interrupts no visitor, so
//   it need not wait for a quiet moment.
// An import that is due goes first, so the write after it carries its result.
//
//   IDLE --due() = Import, started()--> IMPORTING --import_finished(acted)--> IDLE
//                                                   (acted: the outbox is owed a write now)
//   IDLE --due() = Outbox, started()--> WRITING ----outbox_finished()------> IDLE
//                                                   (the next in write_seconds, failed or not)
#pragma once

namespace khlang::kiosk {

struct FleetConfig {
  bool auto_import = false;     // the setting auto_import
  bool inbox = false;           // there is an inbox folder (--inbox, inbox_folders)
  bool outbox = false;          // there is an outbox folder (--outbox, outbox_folder)
  double poll_seconds = 10;     // between looks at the inbox (a look is a directory listing)
  double write_seconds = 300;   // between outbox writes
};

// The kiosk as the schedule needs to see it at a moment.
struct FleetMoment {
  double now = 0;            // monotonic seconds
  bool quiet = false;        // VisitPolicy::quiet_moment
  double until_quiet = 0;    // VisitPolicy::seconds_until_quiet
  bool in_admin = false;     // an admin screen is shown
  bool worker_free = true;   // admin mode's worker runs nothing
};

enum class FleetWork { None, Import, Outbox };

class FleetSchedule {
 public:
  static constexpr double kNothingDue = 3600;

  // New settings: a newly set outbox is written at once, a newly enabled import looks at once.
  void configure(const FleetConfig& config);
  const FleetConfig& config() const { return config_; }

  FleetWork due(const FleetMoment& m) const;
  void started(FleetWork work, double now);
  // `acted`: the import imported, refused or failed (not "nothing new" or "still settling").
  void import_finished(double now, bool acted);
  void outbox_finished(double now);

  // Seconds until due() may answer something without input (0: now), for the app's sleep.
  double seconds_until_due(const FleetMoment& m) const;
  FleetWork running() const { return running_; }
  // An import acted and the outbox write that tells of it has not finished yet.
  bool outbox_owed() const { return config_.outbox && owed_; }

 private:
  bool import_wanted() const { return config_.auto_import && config_.inbox; }
  double import_in(const FleetMoment& m) const;  // seconds until an import is due, or kNothingDue
  double outbox_in(const FleetMoment& m) const;

  FleetConfig config_;
  FleetWork running_ = FleetWork::None;
  bool looked_ = false, written_ = false;  // a look, a write since the start (or the setting)
  double last_look_ = 0, last_write_ = 0;
  bool owed_ = false;
};

}  // namespace khlang::kiosk

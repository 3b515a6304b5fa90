// [SECTION] Time as the kiosk sees it: monotonic seconds for timers and the wall clock (UTC
// seconds) for dates and records. A script runs on a clock of its own that moves only when the
// script says (frames, waits, advance-clock), so tests of an idle timeout take no real time.
#pragma once

#include <cstdint>

#include "security/pin_lock.h"
#include "visit_policy.h"

namespace khlang::kiosk {

class KioskClock {
 public:
  enum class Kind { Real, Scripted };
  explicit KioskClock(Kind kind) : kind_(kind) {}

  double now() const;
  // The wall clock, never before `floor` (a clock behind the bundle would hide every current
  // announcement: the bundle's time stands in).
  int64_t wall_utc() const;
  // The wall clock as the system has it (a scripted one moved by the script), without the floor:
  // what file times are compared with.
  double system_wall() const;
  Moment moment() const { return {now(), wall_utc()}; }
  // What the admin PIN's lock is measured by: the machine's clocks, or a scripted run's own (a
  // run is a boot of its own, so a second run on the same database is a restart, and its wall
  // clock is the floor plus the script's time).
  security::LockClock lock_clock() const;

  void set_floor(int64_t utc) { floor_ = utc; }
  // A scripted clock moves forward (both its monotonic and its wall time); a real one ignores it.
  void advance(double seconds);
  // A scripted clock's wall time from now on (still never before the floor); a real one ignores it.
  void set_wall_utc(int64_t utc);
  bool scripted() const { return kind_ == Kind::Scripted; }

 private:
  Kind kind_;
  double script_time_ = 0;
  int64_t wall_offset_ = 0;  // scripted: set_wall_utc's shift from the real wall clock
  int64_t floor_ = 0;
};

}  // namespace khlang::kiosk

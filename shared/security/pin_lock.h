// [SECTION] The admin PIN: at least 6 digits, stored as an Argon2id hash (libsodium's
// crypto_pwhash_str) in the kiosk's settings, with a lockout that no clock and no second process
// can get around.
//
// Counting. Each check counts its failure and decides the lock inside one BEGIN IMMEDIATE
// transaction, committed before the Argon2id check: checks from several processes are serialised
// on the database, none is lost, and pulling the plug mid-check cannot buy a free guess. The
// check that reaches kFreeFailures commits its lock before it is verified (a right PIN then lifts
// it), so no further check is verified until the lock ends.
//
// Time. A lock is not a wall-clock time: the app's clock is held at the content's creation time
// when the system clock is behind it, and a lock measured on it never ended. A lock is a remainder
// (milliseconds left) stored with a mark: the boot it was measured on, the monotonic time since
// that boot (CLOCK_BOOTTIME: counts suspend, never set by anyone) and the system clock then.
//   - On the same boot, the monotonic clock alone counts it down; setting the wall clock changes
//     nothing.
//   - After a restart the monotonic clock starts again. The system clock counts the time the
//     kiosk was off only if it moved forward from the mark; a clock reset by a flat battery does
//     not end a lock. What is left is then marked on this boot, so the lock survives a restart
//     and can only end later than it would have, never sooner.
//
// States (settings keys admin_pin_failures, admin_lock_left_ms and its mark):
//   Open(n)  --wrong PIN, n + 1 <  free--> Open(n + 1)
//   Open(n)  --any PIN,   n + 1 >= free--> Locked(lock(n + 1)), committed before the check;
//                                          a right PIN then goes to Open(0)
//   Locked   --any PIN--> Locked (not counted, not checked; the remainder is marked again)
//   Locked   --the remainder runs out--> Open(n): the next failure locks again, twice as long
//   any      --right PIN, set_pin, reset--> Open(0)
#pragma once

#include <cstdint>
#include <string>

#include "sqlite/database.h"
#include "util/error.h"

namespace khlang::security {

inline constexpr int kMinPinDigits = 6;
inline constexpr int kFreeFailures = 5;
inline constexpr int64_t kFirstLockSeconds = 30;
inline constexpr int64_t kMaxLockSeconds = 3600;

struct LockPolicy {
  int free_failures = kFreeFailures;                // failures in a row before the first lock
  int64_t first_lock_seconds = kFirstLockSeconds;  // doubling with each further failure
  int64_t max_lock_seconds = kMaxLockSeconds;
};

// What the lock's time is measured by.
struct LockClock {
  std::string boot_id;        // one value per boot of the machine
  int64_t since_boot_ms = 0;  // monotonic since that boot
  int64_t wall_utc = 0;       // the system clock (seconds), trusted only when it moves forward
};
// The machine's: /proc/sys/kernel/random/boot_id, CLOCK_BOOTTIME, time().
LockClock system_lock_clock();

// Why a PIN cannot be used (empty if it can): digits only, at least kMinPinDigits of them.
std::string pin_problem(const std::string& pin);

class PinLock {
 public:
  explicit PinLock(sqlite::Database& db, LockPolicy policy = {}) : db_(db), policy_(policy) {}

  bool has_pin() const;
  Status set_pin(const std::string& pin);  // a new PIN also clears failures and locks
  // Clears failures and any lock; the PIN stays (the office's 'pin reset').
  Status reset();

  enum class Outcome { Accepted, Wrong, Locked };
  struct Check {
    Outcome outcome;
    int64_t locked_seconds = 0;  // Locked, or Wrong that started a lock: how long (rounded up)
    int failures = 0;            // failures in a row so far
  };
  Check check(const std::string& pin, const LockClock& now);
  // Seconds the pad stays locked from `now` (0: open), rounded up. A lock marked on another boot
  // is marked again on this one (a write, once per boot).
  int64_t locked_for(const LockClock& now);
  int failures() const;

 private:
  int64_t lock_seconds(int failures) const;
  // Counts this check's failure and decides the lock, committed before the PIN is checked.
  Expected<Check> count(const LockClock& now);
  Status mark_again(const LockClock& now);  // a lock marked on another boot, marked on this one
  sqlite::Database& db_;
  LockPolicy policy_;
};

}  // namespace khlang::security

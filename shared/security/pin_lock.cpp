#include "security/pin_lock.h"

#include <sodium.h>

#include <algorithm>
#include <charconv>
#include <ctime>
#include <fstream>

#include "store/settings.h"

namespace khlang::security {
namespace {

constexpr const char* kHash = "admin_pin_hash";
constexpr const char* kFailures = "admin_pin_failures";
constexpr const char* kLeftMs = "admin_lock_left_ms";      // what was left of the lock at the mark
constexpr const char* kMarkBoot = "admin_lock_mark_boot";  // the mark: boot, monotonic ms, wall seconds
constexpr const char* kMarkMs = "admin_lock_mark_ms";
constexpr const char* kMarkWall = "admin_lock_mark_wall";

int64_t setting_int(sqlite::Database& db, const char* key) {
  const std::string text = store::get_setting(db, key, "0");
  int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size() ? value : 0;
}

// The lock as stored.
struct LockState {
  int failures = 0;
  int64_t left_ms = 0;
  std::string mark_boot;
  int64_t mark_ms = 0, mark_wall = 0;
};

LockState read_state(sqlite::Database& db) {
  return {static_cast<int>(std::clamp<int64_t>(setting_int(db, kFailures), 0, 1'000'000)), setting_int(db, kLeftMs),
          store::get_setting(db, kMarkBoot, ""), setting_int(db, kMarkMs), setting_int(db, kMarkWall)};
}

// What is left of the lock at `now`, and whether it must be marked again (it was marked on
// another boot, whose monotonic clock means nothing on this one).
struct Remaining {
  int64_t ms = 0;
  bool remark = false;
};
Remaining remaining(const LockState& s, const LockClock& now) {
  if (s.left_ms <= 0) return {};
  if (s.mark_boot == now.boot_id && now.since_boot_ms >= s.mark_ms) {
    return {std::max<int64_t>(0, s.left_ms - (now.since_boot_ms - s.mark_ms)), false};
  }
  const int64_t wall_elapsed = now.wall_utc - s.mark_wall;  // the time the kiosk was off, if the clock says so
  const int64_t left = wall_elapsed > 0 ? s.left_ms - std::min<int64_t>(wall_elapsed, s.left_ms / 1000 + 1) * 1000 : s.left_ms;
  return {std::max<int64_t>(0, left), true};
}

Status write_mark(sqlite::Database& db, int64_t left_ms, const LockClock& now) {
  KHLANG_TRY(store::set_setting(db, kLeftMs, std::to_string(left_ms)));
  KHLANG_TRY(store::set_setting(db, kMarkBoot, now.boot_id));
  KHLANG_TRY(store::set_setting(db, kMarkMs, std::to_string(now.since_boot_ms)));
  return store::set_setting(db, kMarkWall, std::to_string(now.wall_utc));
}

int64_t seconds_up(int64_t ms) { return (ms + 999) / 1000; }

}  // namespace

LockClock system_lock_clock() {
  LockClock c;
  std::ifstream boot("/proc/sys/kernel/random/boot_id");
  if (!std::getline(boot, c.boot_id) || c.boot_id.empty()) c.boot_id = "unknown";
  timespec ts{};
  clock_gettime(CLOCK_BOOTTIME, &ts);
  c.since_boot_ms = static_cast<int64_t>(ts.tv_sec) * 1000 + ts.tv_nsec / 1'000'000;
  c.wall_utc = static_cast<int64_t>(std::time(nullptr));
  return c;
}

std::string pin_problem(const std::string& pin) {
  if (!std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; })) return "digits only";
  if (pin.size() < static_cast<size_t>(kMinPinDigits)) return "at least 6 digits";
  return "";
}

bool PinLock::has_pin() const { return !store::get_setting(db_, kHash, "").empty(); }

int PinLock::failures() const { return read_state(db_).failures; }

int64_t PinLock::lock_seconds(int failures) const {
  if (failures < policy_.free_failures) return 0;
  const int doublings = std::min(failures - policy_.free_failures, 20);
  return std::min<int64_t>(policy_.max_lock_seconds, policy_.first_lock_seconds << doublings);
}

Status PinLock::set_pin(const std::string& pin) {
  if (const std::string problem = pin_problem(pin); !problem.empty()) return Error{"the PIN needs " + problem};
  if (sodium_init() < 0) return Error{"libsodium cannot start"};
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(hash, pin.c_str(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return Error{"not enough memory to hash the PIN"};
  }
  KHLANG_TRY_AS(sqlite::Transaction tx, sqlite::Transaction::begin(db_));
  KHLANG_TRY(store::set_setting(db_, kHash, hash));
  KHLANG_TRY(store::set_setting(db_, kFailures, "0"));
  KHLANG_TRY(store::set_setting(db_, kLeftMs, "0"));
  return tx.commit();
}

Status PinLock::reset() {
  KHLANG_TRY_AS(sqlite::Transaction tx, sqlite::Transaction::begin(db_));
  KHLANG_TRY(store::set_setting(db_, kFailures, "0"));
  KHLANG_TRY(store::set_setting(db_, kLeftMs, "0"));
  return tx.commit();
}

Status PinLock::mark_again(const LockClock& now) {
  KHLANG_TRY_AS(sqlite::Transaction tx, sqlite::Transaction::begin(db_));
  const Remaining again = remaining(read_state(db_), now);  // read again inside the transaction
  if (again.remark) KHLANG_TRY(write_mark(db_, again.ms, now));
  return tx.commit();
}

int64_t PinLock::locked_for(const LockClock& now) {
  const LockState state = read_state(db_);
  const Remaining left = remaining(state, now);
  if (left.ms > 0 && left.remark) (void)mark_again(now);  // failing, it is marked at the next read
  return seconds_up(left.ms);
}

PinLock::Check PinLock::check(const std::string& pin, const LockClock& now) {
  // Counted and decided before the hash is checked, in one transaction.
  const Expected<Check> decided = count(now);
  // A check that cannot be counted is not made.
  if (!decided) return {Outcome::Locked, policy_.first_lock_seconds, failures()};
  if (decided->outcome == Outcome::Locked) return decided.value();
  const std::string hash = store::get_setting(db_, kHash, "");
  if (sodium_init() >= 0 && !hash.empty() && crypto_pwhash_str_verify(hash.c_str(), pin.c_str(), pin.size()) == 0) {
    (void)reset();
    return {Outcome::Accepted, 0, 0};
  }
  return decided.value();
}

Expected<PinLock::Check> PinLock::count(const LockClock& now) {
  KHLANG_TRY_AS(sqlite::Transaction tx, sqlite::Transaction::begin(db_));
  const LockState state = read_state(db_);
  const Remaining left = remaining(state, now);
  Check decided{};
  if (left.ms > 0) {
    decided = {Outcome::Locked, seconds_up(left.ms), state.failures};
    KHLANG_TRY(write_mark(db_, left.ms, now));
  } else {
    const int failures = state.failures + 1;
    const int64_t lock = lock_seconds(failures);
    decided = {Outcome::Wrong, lock, failures};
    KHLANG_TRY(store::set_setting(db_, kFailures, std::to_string(failures)));
    KHLANG_TRY(lock > 0 ? write_mark(db_, lock * 1000, now) : store::set_setting(db_, kLeftMs, "0"));
  }
  KHLANG_TRY(tx.commit());
  return decided;
}

}  // namespace khlang::security

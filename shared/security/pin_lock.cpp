#include "security/pin_lock.h"

#include <sodium.h>

#include <algorithm>

#include "store/settings.h"

namespace khlang::security {
namespace {

int64_t setting_int(sqlite::Database& db, const char* key) {
  try {
    return std::stoll(store::get_setting(db, key, "0"));
  } catch (...) {
    return 0;
  }
}

}  // namespace

std::string pin_problem(const std::string& pin) {
  if (!std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; })) return "digits only";
  if (pin.size() < static_cast<size_t>(kMinPinDigits)) return "at least 6 digits";
  return "";
}

bool PinLock::has_pin() const { return !store::get_setting(db_, "admin_pin_hash", "").empty(); }

Status PinLock::set_pin(const std::string& pin) {
  if (const std::string problem = pin_problem(pin); !problem.empty()) return Error{"the PIN needs " + problem};
  if (sodium_init() < 0) return Error{"libsodium cannot start"};
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(hash, pin.c_str(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return Error{"not enough memory to hash the PIN"};
  }
  Status s = db_.exec("BEGIN IMMEDIATE");
  if (s) s = store::set_setting(db_, "admin_pin_hash", hash);
  if (s) s = store::set_setting(db_, "admin_pin_failures", "0");
  if (s) s = store::set_setting(db_, "admin_locked_until", "0");
  if (s) s = db_.exec("COMMIT");
  if (!s) (void)db_.exec("ROLLBACK");
  return s;
}

int64_t PinLock::locked_until() const { return setting_int(db_, "admin_locked_until"); }

int64_t PinLock::locked_for(int64_t now_utc) const { return std::max<int64_t>(0, locked_until() - now_utc); }

PinLock::Check PinLock::check(const std::string& pin, int64_t now_utc) {
  const int failures = static_cast<int>(setting_int(db_, "admin_pin_failures"));
  if (const int64_t locked = locked_for(now_utc); locked > 0) return {Outcome::Locked, locked, failures};
  // The failure is on disk before the hash is checked.
  if (!store::set_setting(db_, "admin_pin_failures", std::to_string(failures + 1))) {
    return {Outcome::Locked, kFirstLockSeconds, failures};  // a PIN that cannot be counted is not checked
  }
  const std::string hash = store::get_setting(db_, "admin_pin_hash", "");
  if (sodium_init() >= 0 && !hash.empty() && crypto_pwhash_str_verify(hash.c_str(), pin.c_str(), pin.size()) == 0) {
    (void)store::set_setting(db_, "admin_pin_failures", "0");
    return {Outcome::Accepted, 0, 0};
  }
  const int now_failures = failures + 1;
  if (now_failures < kFreeFailures) return {Outcome::Wrong, 0, now_failures};
  const int doublings = std::min(now_failures - kFreeFailures, 7);
  const int64_t lock = std::min<int64_t>(kMaxLockSeconds, kFirstLockSeconds << doublings);
  (void)store::set_setting(db_, "admin_locked_until", std::to_string(now_utc + lock));
  return {Outcome::Wrong, lock, now_failures};
}

}  // namespace khlang::security

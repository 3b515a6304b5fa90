// [SECTION] The admin PIN: at least 6 digits, stored as an Argon2id hash (libsodium's
// crypto_pwhash_str) in the kiosk's settings. Every check first commits one more failure, then
// verifies, then clears the count on success: pulling the plug mid-check cannot buy a free guess.
// After 5 failures in a row each further failure locks the pad for 30 s, doubling to at most an
// hour; the lock is a wall-clock time in the database, so it survives a restart.
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

// Why a PIN cannot be used (empty if it can): digits only, at least kMinPinDigits of them.
std::string pin_problem(const std::string& pin);

class PinLock {
 public:
  explicit PinLock(sqlite::Database& db) : db_(db) {}

  bool has_pin() const;
  Status set_pin(const std::string& pin);  // a new PIN also clears failures and locks

  enum class Outcome { Accepted, Wrong, Locked };
  struct Check {
    Outcome outcome;
    int64_t locked_seconds = 0;  // Locked, or Wrong that started a lock: how long
    int failures = 0;            // failures in a row so far
  };
  Check check(const std::string& pin, int64_t now_utc);
  // Until when (UTC seconds) the pad is locked; in the past when it is open.
  int64_t locked_until() const;
  // Seconds the pad stays locked from `now_utc` (0: open).
  int64_t locked_for(int64_t now_utc) const;

 private:
  sqlite::Database& db_;
};

}  // namespace khlang::security

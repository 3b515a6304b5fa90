// [SECTION] A kiosk's health record: what the office needs to know about a kiosk it cannot see.
// The kiosk writes it into its outbox every few minutes and after each import; the office reads
// every kiosk's from the synced folders (`khlang-admin fleet status`).
//
// The format is plain UTF-8 text, one `key=value` a line, so a person can read it with `cat` and
// no JSON library is needed at either end:
//
//   khlang-health 1            format and its version (a newer major version is refused)
//   kiosk_id=kiosk-0a1b2c3d4e5f
//   name=ห้องสมุดประชาชน
//   ...
//   end                        the last line: a record without it is incomplete
//
// In values, `\` is written `\\`, a line feed `\n` and a carriage return `\r`. Unknown keys are
// skipped (an older office reads a newer kiosk's record); a key given twice is an error.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sqlite/database.h"
#include "util/error.h"

namespace khlang::fleet {

inline constexpr int kHealthFormatVersion = 1;

struct HealthRecord {
  std::string kiosk_id;
  std::string name, location;  // the settings kiosk_name and kiosk_location
  std::string organization;
  std::string program_version;
  std::string channel = "main";
  int64_t content_seq = 0;  // 0: no content imported
  std::string content_created_at, content_key_id;
  // The newest row of the import log (an import, a refusal or a rollback).
  std::string last_import_at, last_import_result, last_import_message, last_import_bundle;
  std::optional<int64_t> last_import_seq;
  int64_t uptime_seconds = 0;
  std::optional<uint64_t> disk_free_bytes, disk_total_bytes;
  std::string written_at;  // the kiosk's clock when it wrote the record (UTC, ISO 8601)
  int64_t write_interval_seconds = 0;  // how often it writes one
  std::string last_error, last_error_at;
  std::string opening_hours;  // the setting opening_hours, as the kiosk has it
  bool auto_import = false;
  int64_t usage_events = 0;  // usage events recorded so far
};

std::string format_health(const HealthRecord& record);
// `name` goes into errors ("outbox/khlang-health-x.txt: ...").
Expected<HealthRecord> parse_health(std::string_view text, const std::string& name);

// What the kiosk knows that its database does not.
struct HealthInputs {
  std::string program_version;  // empty: this build's
  int64_t uptime_seconds = 0;
  int64_t write_interval_seconds = 0;
  std::string last_error, last_error_at;
};
// The record of the kiosk whose database is `kiosk` now (free disk where the database lives).
Expected<HealthRecord> collect_health(sqlite::Database& kiosk, const HealthInputs& inputs);

// This build's version (the CMake project's).
std::string program_version();

}  // namespace khlang::fleet

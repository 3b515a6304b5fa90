// [SECTION] The kiosk's local settings (a key/value table no bundle touches). The kiosk reads
// them as one typed snapshot (KioskSettings), parsed here and nowhere else, loaded at start and
// again when admin mode changes one. The raw get/set are for the core's own keys (the PIN's hash
// and lockout, the kiosk id, the channel).
//
// Adding a setting: a field in KioskSettings with its default, and one line in kFields
// (settings.cpp) with its key, how it is written and how it is read.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "sqlite/database.h"
#include "store/opening_hours.h"

namespace khlang::store {

struct KioskSettings {
  std::string kiosk_name;                 // kiosk_name: what the office calls this kiosk (the fleet's health record)
  std::string kiosk_location;             // kiosk_location: where it stands (the same)
  int idle_timeout_seconds = 90;          // idle_timeout_seconds: no input this long starts the attract loop
  int meeting_interval_seconds = 0;       // meeting_interval_seconds: meeting mode's slides move by themselves (0: by hand)
  std::string default_language = "th";    // default_language: what each new visitor starts with (th, en)
  std::vector<std::string> inbox_folders;  // inbox_folders: ':'-separated folders watched like a USB stick
  bool auto_import = false;                // auto_import: 1 imports new bundles from the inbox folders unattended
  std::string outbox_folder;               // outbox_folder: where the health record and statistics go ("": none)
  OpeningHours opening_hours;              // opening_hours: when the screen is on (opening_hours.h); empty: always
  bool high_contrast = false;              // high_contrast: 1 starts every visitor in the high-contrast theme

  bool operator==(const KioskSettings&) const = default;
};

// The settings in `db`. A value that is missing takes its default; one that cannot be read takes
// its default too, and `problems` (when given) gets a line saying which and why.
KioskSettings load_settings(sqlite::Database& db, std::vector<std::string>* problems = nullptr);
// Writes the fields of `after` that differ from `before`, in one transaction.
Status save_settings(sqlite::Database& db, const KioskSettings& before, const KioskSettings& after);

// The snapshot's settings for tools that show and change them (khlang-admin settings), in order.
struct SettingInfo {
  std::string key;
  std::string expects;  // what a valid value is, in words
  std::string stored;   // the text stored in the database ("" when unset)
  std::string in_use;   // the value the kiosk uses: the stored one when valid, else the default
};
std::vector<SettingInfo> describe_settings(sqlite::Database& db);
// Stores each key=value pair when every key is a setting of the snapshot and every value reads as
// one, in one transaction; otherwise an error naming the setting and what a valid value is, and
// nothing changes.
Status set_settings_checked(sqlite::Database& db, const std::vector<std::pair<std::string, std::string>>& values);

// The value of `key`, or `fallback` when unset or unreadable.
std::string get_setting(sqlite::Database& db, const std::string& key, const std::string& fallback);
Status set_setting(sqlite::Database& db, const std::string& key, const std::string& value);

}  // namespace khlang::store

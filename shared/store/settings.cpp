#include "store/settings.h"

#include <charconv>
#include <cmath>
#include <map>

namespace khlang::store {
namespace {

// A whole number of seconds in [low, high]; false if the text is not one.
bool parse_seconds(const std::string& text, int low, int high, int& out) {
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !(value >= low && value <= high)) return false;
  out = static_cast<int>(std::lround(value));
  return true;
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : ":") + p;
  return out;
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> out;
  for (size_t a = 0; a < text.size();) {
    const size_t b = std::min(text.find(':', a), text.size());
    if (b > a) out.push_back(text.substr(a, b - a));
    a = b + 1;
  }
  return out;
}

// One setting: its key, its text as stored, and its reading (false: the text is not a valid
// value; the field keeps its default). `expects` says what a valid value is, for the problem.
struct Field {
  const char* key;
  const char* expects;
  std::string (*write)(const KioskSettings&);
  bool (*read)(const std::string&, KioskSettings&);
};

// A name for people: one line of at most 80 characters.
bool read_label(const std::string& text, std::string& out) {
  if (text.size() > 4 * 80 || text.find_first_of("\r\n\t") != std::string::npos) return false;
  size_t code_points = 0;
  for (const unsigned char c : text) code_points += (c & 0xC0) != 0x80;
  if (code_points > 80) return false;
  out = text;
  return true;
}

const Field kFields[] = {
    {"kiosk_name", "one line of at most 80 characters", [](const KioskSettings& s) { return s.kiosk_name; },
     [](const std::string& v, KioskSettings& s) { return read_label(v, s.kiosk_name); }},
    {"kiosk_location", "one line of at most 80 characters", [](const KioskSettings& s) { return s.kiosk_location; },
     [](const std::string& v, KioskSettings& s) { return read_label(v, s.kiosk_location); }},
    {"idle_timeout_seconds", "whole seconds from 10 to 86400",
     [](const KioskSettings& s) { return std::to_string(s.idle_timeout_seconds); },
     [](const std::string& v, KioskSettings& s) { return parse_seconds(v, 10, 86400, s.idle_timeout_seconds); }},
    {"meeting_interval_seconds", "whole seconds from 0 (by hand) to 3600",
     [](const KioskSettings& s) { return std::to_string(s.meeting_interval_seconds); },
     [](const std::string& v, KioskSettings& s) { return parse_seconds(v, 0, 3600, s.meeting_interval_seconds); }},
    {"default_language", "th or en", [](const KioskSettings& s) { return s.default_language; },
     [](const std::string& v, KioskSettings& s) {
       if (v != "th" && v != "en") return false;
       s.default_language = v;
       return true;
     }},
    {"inbox_folders", "folders separated by ':'", [](const KioskSettings& s) { return join(s.inbox_folders); },
     [](const std::string& v, KioskSettings& s) {
       s.inbox_folders = split(v);
       return true;
     }},
    {"auto_import", "0 or 1", [](const KioskSettings& s) { return std::string(s.auto_import ? "1" : "0"); },
     [](const std::string& v, KioskSettings& s) {
       if (v != "0" && v != "1") return false;
       s.auto_import = v == "1";
       return true;
     }},
    {"outbox_folder", "a folder", [](const KioskSettings& s) { return s.outbox_folder; },
     [](const std::string& v, KioskSettings& s) {
       s.outbox_folder = v;
       return true;
     }},
    {"opening_hours", "seven days from Monday, each HH:MM-HH:MM or -, separated by commas (empty: always open)",
     [](const KioskSettings& s) { return format_opening_hours(s.opening_hours); },
     [](const std::string& v, KioskSettings& s) {
       auto hours = parse_opening_hours(v);
       if (!hours) return false;
       s.opening_hours = *hours;
       return true;
     }},
    {"high_contrast", "0 or 1 (1: every visitor starts in the high-contrast theme)",
     [](const KioskSettings& s) { return std::string(s.high_contrast ? "1" : "0"); },
     [](const std::string& v, KioskSettings& s) {
       if (v != "0" && v != "1") return false;
       s.high_contrast = v == "1";
       return true;
     }},
};

}  // namespace

namespace {

Expected<std::map<std::string, std::string>> stored_settings(sqlite::Database& db) {
  std::map<std::string, std::string> stored;
  KHLANG_TRY_AS(auto stmt, db.prepare("SELECT key, value FROM settings"));
  KHLANG_TRY(stmt.for_each_row([&](const sqlite::Statement& row) { stored[row.column_text(0)] = row.column_text(1); }));
  return stored;
}

const Field* find_field(const std::string& key) {
  for (const Field& field : kFields) {
    if (key == field.key) return &field;
  }
  return nullptr;
}

}  // namespace

namespace {

// The snapshot from the table's text: each readable value, defaults for the rest.
KioskSettings settings_from(const std::map<std::string, std::string>& stored, std::vector<std::string>* problems) {
  KioskSettings settings;
  for (const Field& field : kFields) {
    const auto it = stored.find(field.key);
    if (it == stored.end()) continue;
    KioskSettings candidate = settings;
    if (field.read(it->second, candidate)) {
      settings = std::move(candidate);
    } else if (problems) {
      problems->push_back(std::string("setting ") + field.key + " is '" + it->second + "', not " + field.expects +
                          ": the default is used");
    }
  }
  return settings;
}

}  // namespace

KioskSettings load_settings(sqlite::Database& db, std::vector<std::string>* problems) {
  auto read = stored_settings(db);
  if (!read && problems) problems->push_back("settings: " + read.error().message);
  return settings_from(read ? read.value() : std::map<std::string, std::string>{}, problems);
}

Status save_settings(sqlite::Database& db, const KioskSettings& before, const KioskSettings& after) {
  KHLANG_TRY_AS(auto tx, sqlite::Transaction::begin(db));
  for (const Field& field : kFields) {
    const std::string value = field.write(after);
    if (value != field.write(before)) KHLANG_TRY(set_setting(db, field.key, value));
  }
  return tx.commit();
}

std::vector<SettingInfo> describe_settings(sqlite::Database& db) {
  auto read = stored_settings(db);
  const std::map<std::string, std::string> stored = read ? std::move(read.value()) : std::map<std::string, std::string>{};
  const KioskSettings in_use = settings_from(stored, nullptr);
  std::vector<SettingInfo> out;
  for (const Field& field : kFields) {
    const auto it = stored.find(field.key);
    out.push_back({field.key, field.expects, it == stored.end() ? "" : it->second, field.write(in_use)});
  }
  return out;
}

Status set_settings_checked(sqlite::Database& db, const std::vector<std::pair<std::string, std::string>>& values) {
  for (const auto& [key, value] : values) {
    const Field* field = find_field(key);
    if (!field) {
      std::string known;
      for (const Field& f : kFields) known += (known.empty() ? "" : ", ") + std::string(f.key);
      return Error{"no setting '" + key + "' (the settings: " + known + ")"};
    }
    KioskSettings scratch;
    if (!field->read(value, scratch)) return Error{"setting " + key + " cannot be '" + value + "': it takes " + field->expects};
  }
  KHLANG_TRY_AS(auto tx, sqlite::Transaction::begin(db));
  for (const auto& [key, value] : values) KHLANG_TRY(set_setting(db, key, value));
  return tx.commit();
}

std::string get_setting(sqlite::Database& db, const std::string& key, const std::string& fallback) {
  auto stmt = db.prepare("SELECT value FROM settings WHERE key = ?");
  if (!stmt) return fallback;
  stmt->bind(1, std::string_view(key));
  auto row = stmt->step();
  return row && row.value() ? stmt->column_text(0) : fallback;
}

Status set_setting(sqlite::Database& db, const std::string& key, const std::string& value) {
  auto stmt = db.prepare("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  if (!stmt) return stmt.error();
  stmt->bind_all(std::string_view(key), std::string_view(value));
  return stmt->run();
}

}  // namespace khlang::store

// [SECTION] Opening hours: when the kiosk's screen is on for visitors, per day of the week, in
// Thai time (UTC+7, the kiosk's only time zone). Outside them the visit policy blanks the screen
// (visit_policy.h: CLOSED). One span a day, opening and closing on the same day (an office's
// hours); a day may be closed.
//
// The setting opening_hours holds seven fields, Monday first, separated by commas: "HH:MM-HH:MM"
// or "-" for a closed day, e.g. "08:30-16:30,08:30-16:30,08:30-16:30,08:30-16:30,08:30-16:30,-,-".
// Empty (the default) means always open. 24:00 closes at midnight.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>

namespace khlang::store {

inline constexpr int64_t kThaiUtcOffsetSeconds = 7 * 3600;

struct DayHours {
  int open_minute = 0;   // minutes after midnight, Thai time
  int close_minute = 0;  // after open_minute; equal: closed all day
  bool closed() const { return close_minute <= open_minute; }
  bool operator==(const DayHours&) const = default;
};

struct OpeningHours {
  bool always_open = true;
  std::array<DayHours, 7> days{};  // Monday first

  // Whether the kiosk is open at `wall_utc` (UTC seconds).
  bool is_open(int64_t wall_utc) const;
  // Seconds from `wall_utc` until is_open() next changes (> 0), or -1 if it never does.
  int64_t seconds_until_change(int64_t wall_utc) const;
  bool operator==(const OpeningHours&) const = default;
};

// The weekday at `wall_utc` in Thai time: 0 Monday ... 6 Sunday.
int thai_weekday_index(int64_t wall_utc);

// Reads the setting's text (format above); nullopt if it is not that format.
std::optional<OpeningHours> parse_opening_hours(const std::string& text);
// The setting's text: "" for always open.
std::string format_opening_hours(const OpeningHours& hours);
// "08:30" for 510.
std::string format_minute(int minute);
// "Tue 08:30": the weekday and time of `wall_utc` in Thai time (for log lines).
std::string format_weekday_time(int64_t wall_utc);

}  // namespace khlang::store

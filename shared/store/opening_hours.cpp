#include "store/opening_hours.h"

#include <algorithm>
#include <charconv>

namespace khlang::store {
namespace {

constexpr int64_t kDay = 86400;

int64_t local_seconds(int64_t wall_utc) { return wall_utc + kThaiUtcOffsetSeconds; }
int64_t floor_div(int64_t a, int64_t b) { return a >= 0 ? a / b : (a - b + 1) / b; }

// "HH:MM" (HH 0..24, 24 only as 24:00) as minutes; -1 if it is not one.
int parse_minute(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return -1;
  int h = -1, m = -1;
  if (std::from_chars(text.data(), text.data() + 2, h).ptr != text.data() + 2) return -1;
  if (std::from_chars(text.data() + 3, text.data() + 5, m).ptr != text.data() + 5) return -1;
  if (h < 0 || h > 24 || m < 0 || m > 59 || (h == 24 && m != 0)) return -1;
  return h * 60 + m;
}

}  // namespace

int thai_weekday_index(int64_t wall_utc) {
  // 1970-01-01 was a Thursday (index 3).
  return static_cast<int>(((floor_div(local_seconds(wall_utc), kDay) + 3) % 7 + 7) % 7);
}

bool OpeningHours::is_open(int64_t wall_utc) const {
  if (always_open) return true;
  const DayHours& day = days[static_cast<size_t>(thai_weekday_index(wall_utc))];
  const int64_t local = local_seconds(wall_utc);
  const int64_t second_of_day = local - floor_div(local, kDay) * kDay;
  return !day.closed() && second_of_day >= day.open_minute * 60 && second_of_day < day.close_minute * 60;
}

int64_t OpeningHours::seconds_until_change(int64_t wall_utc) const {
  if (always_open) return -1;
  // Every change falls on a whole minute of a day's open or close: walk the next eight days'
  // edges in order (a week with no open day never changes).
  const bool now_open = is_open(wall_utc);
  const int64_t local = local_seconds(wall_utc);
  const int64_t day_start = floor_div(local, kDay) * kDay;
  for (int d = 0; d <= 7; ++d) {
    const int64_t start = day_start + d * kDay;
    const DayHours& day = days[static_cast<size_t>(thai_weekday_index(start - kThaiUtcOffsetSeconds))];
    if (day.closed()) continue;
    for (const int minute : {day.open_minute, day.close_minute}) {
      const int64_t edge = start + minute * 60;
      if (edge <= local) continue;
      if (is_open(edge - kThaiUtcOffsetSeconds) != now_open) return edge - local;
    }
  }
  return -1;
}

std::optional<OpeningHours> parse_opening_hours(const std::string& text) {
  OpeningHours hours;
  if (text.empty()) return hours;
  hours.always_open = false;
  size_t start = 0;
  for (size_t i = 0; i < 7; ++i) {
    const size_t end = i < 6 ? text.find(',', start) : text.size();
    if (end == std::string::npos) return std::nullopt;
    const std::string_view field = std::string_view(text).substr(start, end - start);
    start = end + 1;
    if (field == "-") continue;  // closed: open == close == 0
    if (field.size() != 11 || field[5] != '-') return std::nullopt;
    const int open = parse_minute(field.substr(0, 5)), close = parse_minute(field.substr(6, 5));
    if (open < 0 || close <= open) return std::nullopt;
    hours.days[i] = {open, close};
  }
  return hours;
}

std::string format_minute(int minute) {
  minute = std::clamp(minute, 0, 24 * 60);
  const int h = minute / 60, m = minute % 60;
  return {static_cast<char>('0' + h / 10), static_cast<char>('0' + h % 10), ':', static_cast<char>('0' + m / 10),
          static_cast<char>('0' + m % 10)};
}

std::string format_weekday_time(int64_t wall_utc) {
  static const char* const kNames[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  const int64_t local = local_seconds(wall_utc);
  const int64_t second_of_day = local - floor_div(local, kDay) * kDay;
  return std::string(kNames[thai_weekday_index(wall_utc)]) + " " + format_minute(static_cast<int>(second_of_day / 60));
}

std::string format_opening_hours(const OpeningHours& hours) {
  if (hours.always_open) return "";
  std::string out;
  for (size_t i = 0; i < 7; ++i) {
    const DayHours& day = hours.days[i];
    if (i > 0) out += ',';
    out += day.closed() ? "-" : format_minute(day.open_minute) + "-" + format_minute(day.close_minute);
  }
  return out;
}

}  // namespace khlang::store

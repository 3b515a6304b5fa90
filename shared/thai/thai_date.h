// [SECTION] Thai dates: the Buddhist Era (CE + 543), Thai month names, and the Thai fiscal year
// (1 October to 30 September, named by the BE year in which it ends).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace khlang::thai {

struct CivilDate {
  int year;   // CE
  int month;  // 1..12
  int day;    // 1..31
  bool operator==(const CivilDate&) const = default;
};

struct DateTime {
  CivilDate date;
  int hour = 0, minute = 0, second = 0;
};

inline int be_year(int ce_year) { return ce_year + 543; }
inline int ce_year(int be_year) { return be_year - 543; }

// The fiscal year (BE) a date falls in: 1 Oct 2025 – 30 Sep 2026 is FY 2569.
int fiscal_year_be(const CivilDate& date);

enum class MonthStyle { Full, Abbreviated };
// "มกราคม" / "ม.ค." for month 1..12.
std::string_view thai_month(int month, MonthStyle style = MonthStyle::Full);
std::string_view english_month(int month, MonthStyle style = MonthStyle::Full);

enum class Digits { Arabic, Thai };
// "1 ตุลาคม 2568" (Thai digits: "๑ ตุลาคม ๒๕๖๘"); abbreviated: "1 ต.ค. 68".
std::string format_thai_date(const CivilDate& date, MonthStyle style = MonthStyle::Full, Digits digits = Digits::Arabic);
// "1 October 2025".
std::string format_english_date(const CivilDate& date, MonthStyle style = MonthStyle::Full);
// Thai day of the week: "วันพุธ".
std::string_view thai_weekday(const CivilDate& date);
std::string_view english_weekday(const CivilDate& date);
int weekday(const CivilDate& date);  // 0 = Sunday

// A length of time in Thai, to the second below a minute: "45 วินาที", "3 นาที 20 วินาที",
// "2 ชั่วโมง 5 นาที" (hours drop the seconds). Rounded to whole seconds; "0 วินาที" for none.
std::string format_thai_duration(double seconds);

// ASCII digits in `text` as Thai digits.
std::string to_thai_digits(std::string_view text);

// "2025-10-01" or "2025-10-01T08:30:00+07:00" (the offset is honoured; result in UTC seconds).
std::optional<int64_t> parse_iso_utc_seconds(std::string_view text);
std::optional<CivilDate> parse_iso_date(std::string_view text);
// Days since 1970-01-01 and back (proleptic Gregorian).
int64_t days_from_civil(const CivilDate& d);
CivilDate civil_from_days(int64_t days);

}  // namespace khlang::thai

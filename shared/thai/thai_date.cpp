#include "thai/thai_date.h"

#include <charconv>

namespace khlang::thai {
namespace {

constexpr std::string_view kThaiMonths[] = {"มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
                                            "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"};
constexpr std::string_view kThaiMonthsShort[] = {"ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
                                                 "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."};
constexpr std::string_view kEnglishMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                               "July",    "August",   "September", "October", "November", "December"};
constexpr std::string_view kEnglishMonthsShort[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::string_view kThaiWeekdays[] = {"วันอาทิตย์", "วันจันทร์", "วันอังคาร", "วันพุธ",
                                              "วันพฤหัสบดี", "วันศุกร์", "วันเสาร์"};
constexpr std::string_view kEnglishWeekdays[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                 "Thursday", "Friday", "Saturday"};

int clamp_month(int m) { return m < 1 ? 1 : m > 12 ? 12 : m; }

bool parse_int(std::string_view s, int& out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

int fiscal_year_be(const CivilDate& d) { return be_year(d.month >= 10 ? d.year + 1 : d.year); }

std::string_view thai_month(int month, MonthStyle style) {
  return (style == MonthStyle::Full ? kThaiMonths : kThaiMonthsShort)[clamp_month(month) - 1];
}
std::string_view english_month(int month, MonthStyle style) {
  return (style == MonthStyle::Full ? kEnglishMonths : kEnglishMonthsShort)[clamp_month(month) - 1];
}

std::string to_thai_digits(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      out += "\xE0\xB9";  // U+0E50..U+0E59 are E0 B9 90..99
      out += static_cast<char>(0x90 + (c - '0'));
    } else {
      out += c;
    }
  }
  return out;
}

std::string format_thai_date(const CivilDate& d, MonthStyle style, Digits digits) {
  const int year = be_year(d.year);
  // Abbreviated dates use the year's last two digits, as Thai documents do: "1 ต.ค. 68".
  std::string year_text = std::to_string(year);
  if (style == MonthStyle::Abbreviated) year_text = year_text.substr(year_text.size() - 2);
  const std::string out = std::to_string(d.day) + " " + std::string(thai_month(d.month, style)) + " " + year_text;
  return digits == Digits::Thai ? to_thai_digits(out) : out;
}

std::string format_thai_duration(double seconds) {
  const auto total = static_cast<int64_t>(seconds < 0 ? 0 : seconds + 0.5);
  const int64_t h = total / 3600, m = total % 3600 / 60, s = total % 60;
  if (h > 0) return std::to_string(h) + " ชั่วโมง" + (m ? " " + std::to_string(m) + " นาที" : "");
  if (m > 0) return std::to_string(m) + " นาที" + (s ? " " + std::to_string(s) + " วินาที" : "");
  return std::to_string(s) + " วินาที";
}

std::string format_english_date(const CivilDate& d, MonthStyle style) {
  return std::to_string(d.day) + " " + std::string(english_month(d.month, style)) + " " + std::to_string(d.year);
}

int64_t days_from_civil(const CivilDate& date) {
  // Howard Hinnant's algorithm.
  int y = date.year - (date.month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned mp = static_cast<unsigned>(date.month + (date.month > 2 ? -3 : 9));
  const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(date.day) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<int64_t>(era) * 146097 + static_cast<int64_t>(doe) - 719468;
}

CivilDate civil_from_days(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(static_cast<int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0));
  return {y, m, d};
}

int weekday(const CivilDate& date) {
  const int64_t days = days_from_civil(date);
  return static_cast<int>(days >= -4 ? (days + 4) % 7 : (days + 5) % 7 + 6);
}
std::string_view thai_weekday(const CivilDate& date) { return kThaiWeekdays[weekday(date)]; }
std::string_view english_weekday(const CivilDate& date) { return kEnglishWeekdays[weekday(date)]; }

std::optional<CivilDate> parse_iso_date(std::string_view s) {
  CivilDate d{};
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (!parse_int(s.substr(0, 4), d.year) || !parse_int(s.substr(5, 2), d.month) || !parse_int(s.substr(8, 2), d.day)) {
    return std::nullopt;
  }
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) return std::nullopt;
  if (civil_from_days(days_from_civil(d)) != d) return std::nullopt;  // 31 February
  return d;
}

std::optional<int64_t> parse_iso_utc_seconds(std::string_view s) {
  auto date = parse_iso_date(s);
  if (!date) return std::nullopt;
  int64_t seconds = days_from_civil(*date) * 86400;
  if (s.size() == 10) return seconds;
  if (s.size() < 16 || (s[10] != 'T' && s[10] != ' ') || s[13] != ':') return std::nullopt;
  int h = 0, m = 0, sec = 0;
  if (!parse_int(s.substr(11, 2), h) || !parse_int(s.substr(14, 2), m)) return std::nullopt;
  size_t rest = 16;
  if (s.size() >= 19 && s[16] == ':') {
    if (!parse_int(s.substr(17, 2), sec)) return std::nullopt;
    rest = 19;
  }
  if (h > 23 || m > 59 || sec > 60) return std::nullopt;
  seconds += h * 3600 + m * 60 + sec;
  const std::string_view zone = s.substr(rest);
  if (zone.empty() || zone == "Z") return seconds;
  if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
    int zh = 0, zm = 0;
    if (!parse_int(zone.substr(1, 2), zh) || !parse_int(zone.substr(4, 2), zm)) return std::nullopt;
    const int offset = (zh * 3600 + zm * 60) * (zone[0] == '+' ? 1 : -1);
    return seconds - offset;
  }
  return std::nullopt;
}

}  // namespace khlang::thai

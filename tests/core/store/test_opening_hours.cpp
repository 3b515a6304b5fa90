// Opening hours: the setting's format, and open or closed at moments around the edges of a day,
// in Thai time (UTC+7), on a fake wall clock.
#include <doctest/doctest.h>

#include "store/opening_hours.h"

using namespace khlang::store;

namespace {

// UTC seconds of a Thai local time: 2026-11-30 is a Monday.
constexpr int64_t kMonday2026_11_30_ThaiMidnight = 1'795'971'600;
int64_t thai(int day_offset, int hour, int minute, int second = 0) {
  return kMonday2026_11_30_ThaiMidnight + day_offset * 86400 + hour * 3600 + minute * 60 + second;
}

const char* kOffice = "08:30-16:30,08:30-16:30,08:30-16:30,08:30-16:30,08:30-16:30,09:00-12:00,-";

}  // namespace

TEST_CASE("opening hours: the fixture's Monday is a Monday in Thai time") {
  // 2026-11-30 00:00 in Bangkok is 2026-11-29 17:00 UTC.
  CHECK(thai_weekday_index(thai(0, 0, 0)) == 0);
  CHECK(thai_weekday_index(thai(0, 0, 0) - 1) == 6);  // a second before: Sunday
  CHECK(thai_weekday_index(thai(6, 23, 59)) == 6);
}

TEST_CASE("opening hours: empty is always open, and never changes") {
  auto hours = parse_opening_hours("");
  REQUIRE(hours);
  CHECK(hours->always_open);
  CHECK(hours->is_open(thai(0, 3, 0)));
  CHECK(hours->seconds_until_change(thai(0, 3, 0)) == -1);
  CHECK(format_opening_hours(*hours).empty());
}

TEST_CASE("opening hours: parse and format are each other's inverse") {
  auto hours = parse_opening_hours(kOffice);
  REQUIRE(hours);
  CHECK_FALSE(hours->always_open);
  CHECK(hours->days[0] == DayHours{510, 990});
  CHECK(hours->days[5] == DayHours{540, 720});
  CHECK(hours->days[6].closed());
  CHECK(format_opening_hours(*hours) == kOffice);
  CHECK(format_opening_hours(*parse_opening_hours("00:00-24:00,-,-,-,-,-,-")) == "00:00-24:00,-,-,-,-,-,-");
}

TEST_CASE("opening hours: text that is not the format is refused") {
  for (const char* bad : {"08:30-16:30", "08:30-16:30,,,,,,", "8:30-16:30,-,-,-,-,-,-", "16:30-08:30,-,-,-,-,-,-",
                          "08:30-08:30,-,-,-,-,-,-", "24:30-25:00,-,-,-,-,-,-", "08:60-09:00,-,-,-,-,-,-",
                          "-,-,-,-,-,-,-,-", "-,-,-,-,-,-", "always", "08:30-16:30,-,-,-,-,-,-,", "-1:00-02:00,-,-,-,-,-,-"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_opening_hours(bad));
  }
}

TEST_CASE("opening hours: open from the opening minute, closed from the closing minute") {
  const OpeningHours hours = *parse_opening_hours(kOffice);
  CHECK_FALSE(hours.is_open(thai(0, 8, 29, 59)));
  CHECK(hours.is_open(thai(0, 8, 30)));
  CHECK(hours.is_open(thai(0, 16, 29, 59)));
  CHECK_FALSE(hours.is_open(thai(0, 16, 30)));
  CHECK(hours.is_open(thai(5, 11, 0)));         // Saturday morning
  CHECK_FALSE(hours.is_open(thai(5, 12, 0)));   // Saturday noon
  CHECK_FALSE(hours.is_open(thai(6, 10, 0)));   // Sunday
  CHECK(hours.is_open(thai(7, 9, 0)));          // the next Monday
  // 24:00 closes at midnight; the next day's 00:00 opens again.
  const OpeningHours all_monday = *parse_opening_hours("00:00-24:00,00:00-01:00,-,-,-,-,-");
  CHECK(all_monday.is_open(thai(0, 23, 59, 59)));
  CHECK(all_monday.is_open(thai(1, 0, 0)));
}

TEST_CASE("opening hours: seconds until the next change, across days and the closed weekend") {
  const OpeningHours hours = *parse_opening_hours(kOffice);
  CHECK(hours.seconds_until_change(thai(0, 8, 0)) == 30 * 60);           // opens at 08:30
  CHECK(hours.seconds_until_change(thai(0, 16, 0)) == 30 * 60);          // closes at 16:30
  CHECK(hours.seconds_until_change(thai(0, 20, 0)) == (12 * 60 + 30) * 60);  // Tuesday 08:30
  CHECK(hours.seconds_until_change(thai(5, 12, 0)) == ((36 + 8) * 60 + 30) * 60);  // Saturday noon to Monday 08:30
  // Open through midnight into the next day: the change is the next day's close, not midnight.
  const OpeningHours through = *parse_opening_hours("20:00-24:00,00:00-02:00,-,-,-,-,-");
  CHECK(through.seconds_until_change(thai(0, 23, 0)) == 3 * 3600);
  // A week with no open day never changes.
  CHECK(parse_opening_hours("-,-,-,-,-,-,-")->seconds_until_change(thai(0, 12, 0)) == -1);
  CHECK_FALSE(parse_opening_hours("-,-,-,-,-,-,-")->is_open(thai(2, 12, 0)));
}

TEST_CASE("opening hours: the next opening as a log line says it, in Thai time") {
  const OpeningHours hours = *parse_opening_hours(kOffice);
  const int64_t friday_evening = thai(4, 18, 0);
  CHECK(format_weekday_time(friday_evening + hours.seconds_until_change(friday_evening)) == "Sat 09:00");
  CHECK(format_weekday_time(thai(6, 23, 59, 59)) == "Sun 23:59");
  CHECK(format_weekday_time(thai(0, 0, 0)) == "Mon 00:00");
}

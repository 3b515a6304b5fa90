#include <doctest/doctest.h>

#include "thai/thai_date.h"

using namespace khlang::thai;

TEST_CASE("Buddhist Era and the Thai fiscal year") {
  CHECK(be_year(2026) == 2569);
  CHECK(fiscal_year_be({2025, 10, 1}) == 2569);  // วันที่ ๑ ตุลาคม ๒๕๖๘ is in fiscal year 2569
  CHECK(fiscal_year_be({2025, 9, 30}) == 2568);
  CHECK(fiscal_year_be({2026, 9, 30}) == 2569);
  CHECK(fiscal_year_be({2020, 10, 1}) == 2564);  // the plan's first year
  CHECK(fiscal_year_be({2023, 9, 30}) == 2566);  // and its last day
}

TEST_CASE("Thai and English date text") {
  CHECK(format_thai_date({2025, 10, 1}) == "1 ตุลาคม 2568");
  CHECK(format_thai_date({2025, 10, 1}, MonthStyle::Full, Digits::Thai) == "๑ ตุลาคม ๒๕๖๘");
  CHECK(format_thai_date({2026, 1, 15}, MonthStyle::Abbreviated) == "15 ม.ค. 69");
  CHECK(format_english_date({2026, 11, 24}) == "24 November 2026");
  CHECK(thai_weekday({2026, 11, 24}) == "วันอังคาร");
  CHECK(english_weekday({1970, 1, 1}) == "Thursday");
  CHECK(to_thai_digits("FY 2569") == "FY ๒๕๖๙");
  for (int m = 1; m <= 12; ++m) {
    CHECK(!thai_month(m).empty());
    CHECK(!thai_month(m, MonthStyle::Abbreviated).empty());
  }
  CHECK(thai_month(12, MonthStyle::Abbreviated) == "ธ.ค.");
}

TEST_CASE("ISO dates and times, with offsets, and nonsense refused") {
  CHECK(parse_iso_date("2026-02-28").has_value());
  CHECK_FALSE(parse_iso_date("2026-02-30").has_value());
  CHECK_FALSE(parse_iso_date("26-2-3").has_value());
  CHECK(parse_iso_utc_seconds("1970-01-02") == 86400);
  CHECK(parse_iso_utc_seconds("2026-11-01T08:30:00+07:00") == parse_iso_utc_seconds("2026-11-01T01:30:00Z"));
  CHECK(parse_iso_utc_seconds("2026-11-01 01:30") == parse_iso_utc_seconds("2026-11-01T01:30:00Z"));
  CHECK_FALSE(parse_iso_utc_seconds("2026-11-01T25:00").has_value());
  CHECK_FALSE(parse_iso_utc_seconds("2026-11-01Tnoon").has_value());
  for (int64_t days : {-1000000, -1, 0, 1, 20000, 738000}) CHECK(days_from_civil(civil_from_days(days)) == days);
}

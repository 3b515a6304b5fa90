// Plan progress that tells the truth: statuses derived from value, target, direction and the
// fiscal year's end; the fixed vocabulary and its words; plan cycles; durations in Thai.
#include <doctest/doctest.h>

#include <set>

#include "plan/indicator.h"
#include "plan/plan_cycle.h"
#include "plan/progress_status.h"
#include "thai/thai_date.h"

using namespace khlang;
using plan::ProgressStatus;

namespace {

// cm-1 of the seed: "จำนวนบุคลากรที่ทราบเป้าหมาย KM ของเทศบาล อย่างน้อย 50%".
plan::Indicator at_least_half() {
  plan::Indicator i;
  i.unit = "%";
  i.unit_en = "%";
  i.target_value = 50;
  i.direction = plan::TargetDirection::AtLeast;
  i.measure = plan::parse_measure("", "%");
  return i;
}

plan::Indicator persons_at_least(double n) {
  plan::Indicator i;
  i.unit = "คน";
  i.unit_en = "persons";
  i.target_value = n;
  i.direction = plan::TargetDirection::AtLeast;
  i.measure = plan::parse_measure("", "คน");
  return i;
}

plan::Indicator words_only(const char* unit = "ฐานข้อมูล") {
  plan::Indicator i;
  i.unit = unit;
  return i;
}

constexpr thai::CivilDate kInFy2566{2023, 3, 1};    // fiscal year 2566 running
constexpr thai::CivilDate kAfterFy2566{2023, 10, 1};  // the first day after it

}  // namespace

TEST_CASE("cm-1 at 45% against at least 50% is below target, at 55% the target is met") {
  const plan::Indicator cm1 = at_least_half();
  CHECK(cm1.measure == plan::Measure::Level);
  for (const thai::CivilDate& today : {kInFy2566, kAfterFy2566}) {
    CHECK(plan::derive_status(cm1, {2566, 45.0, {}, {}}, today) == ProgressStatus::Behind);
    CHECK(plan::derive_status(cm1, {2566, 55.0, {}, {}}, today) == ProgressStatus::Achieved);
    CHECK(plan::derive_status(cm1, {2566, 50.0, {}, {}}, today) == ProgressStatus::Achieved);  // "at least" includes it
  }
  CHECK(*plan::target_met(cm1, {2566, 45.0, {}, {}}) == false);
  CHECK(plan::words(ProgressStatus::Behind).th == "ต่ำกว่าเป้าหมาย");
  CHECK(plan::words(ProgressStatus::Achieved).en == "Target met");
  // Not "90 %": the value keeps its unit and the target reads as the plan states it.
  CHECK(plan::format_quantity(45, cm1).th == "45%");
  CHECK(plan::format_target(cm1, cm1.target_value).th == "อย่างน้อย 50%");
  CHECK(plan::format_target(cm1, cm1.target_value).en == "at least 50%");
}

TEST_CASE("a count adds up over the year: short of its target is in progress until the year closes") {
  const plan::Indicator trained = persons_at_least(20);
  CHECK(trained.measure == plan::Measure::Count);
  CHECK(plan::derive_status(trained, {2566, 12.0, {}, {}}, kInFy2566) == ProgressStatus::InProgress);
  CHECK(plan::derive_status(trained, {2566, 12.0, {}, {}}, kAfterFy2566) == ProgressStatus::Behind);
  CHECK(plan::derive_status(trained, {2566, 21.0, {}, {}}, kInFy2566) == ProgressStatus::Achieved);
  // The author may judge a running count behind (a pace the figures do not show) ...
  CHECK(plan::derive_status(trained, {2566, 12.0, {}, ProgressStatus::Behind}, kInFy2566) == ProgressStatus::Behind);
  // ... but not met when it is not.
  CHECK(plan::derive_status(trained, {2566, 12.0, {}, ProgressStatus::Achieved}, kAfterFy2566) == ProgressStatus::Behind);
  // This year's own target replaces the plan's.
  CHECK(plan::derive_status(trained, {2566, 12.0, 10.0, {}}, kAfterFy2566) == ProgressStatus::Achieved);
  CHECK(plan::format_quantity(12, trained).en == "12 persons");
  CHECK(plan::format_quantity(2.5, trained).th == "2.5 คน");
}

TEST_CASE("at most: a value over the limit is below target") {
  plan::Indicator complaints = persons_at_least(3);
  complaints.direction = plan::TargetDirection::AtMost;
  CHECK(plan::derive_status(complaints, {2566, 2.0, {}, {}}, kAfterFy2566) == ProgressStatus::Achieved);
  CHECK(plan::derive_status(complaints, {2566, 4.0, {}, {}}, kAfterFy2566) == ProgressStatus::Behind);
  CHECK(plan::format_target(complaints, 3.0).th == "ไม่เกิน 3 คน");
}

TEST_CASE("a target in words: no data, in progress, year closed, not started, or the author's judgement") {
  const plan::Indicator databases = words_only();
  CHECK(plan::derive_status(databases, {2566, {}, {}, {}}, kInFy2566) == ProgressStatus::NoData);
  CHECK(plan::derive_status(databases, {2566, {}, {}, {}}, kAfterFy2566) == ProgressStatus::NoData);
  CHECK(plan::derive_status(databases, {2566, 3.0, {}, {}}, kInFy2566) == ProgressStatus::InProgress);
  CHECK(plan::derive_status(databases, {2566, 3.0, {}, {}}, kAfterFy2566) == ProgressStatus::YearClosed);
  CHECK(plan::derive_status(databases, {2567, {}, {}, {}}, kInFy2566) == ProgressStatus::NotStarted);
  CHECK(plan::derive_status(databases, {2566, 3.0, {}, ProgressStatus::Achieved}, kAfterFy2566) ==
        ProgressStatus::Achieved);
  CHECK(plan::derive_status(databases, {2566, {}, {}, ProgressStatus::NotStarted}, kInFy2566) ==
        ProgressStatus::NotStarted);
  // The last day of the fiscal year still belongs to it.
  CHECK(plan::derive_status(databases, {2566, 3.0, {}, {}}, {2023, 9, 30}) == ProgressStatus::InProgress);
}

TEST_CASE("a stored status that contradicts the figures is named, one that agrees is not") {
  const plan::Indicator cm1 = at_least_half();
  auto why = plan::status_contradiction(cm1, {2564, 45.0, {}, ProgressStatus::Achieved});
  REQUIRE(why);
  CHECK(*why == "status 'achieved' contradicts the figures: 45% against at least 50% (the target is not met)");
  CHECK(plan::status_contradiction(cm1, {2564, 55.0, {}, ProgressStatus::Behind}));
  CHECK(plan::status_contradiction(cm1, {2564, 45.0, {}, ProgressStatus::InProgress}));  // a level under its target
  CHECK_FALSE(plan::status_contradiction(cm1, {2564, 45.0, {}, ProgressStatus::Behind}));
  CHECK_FALSE(plan::status_contradiction(cm1, {2564, 55.0, {}, ProgressStatus::Achieved}));
  CHECK_FALSE(plan::status_contradiction(cm1, {2564, 45.0, {}, {}}));
  CHECK(plan::status_contradiction(words_only(), {2564, 3.0, {}, ProgressStatus::NotStarted}));
  CHECK_FALSE(plan::status_contradiction(words_only(), {2564, 0.0, {}, ProgressStatus::NotStarted}));
  CHECK_FALSE(plan::status_contradiction(words_only(), {2564, 3.0, {}, ProgressStatus::Achieved}));
}

TEST_CASE("one enum, one Thai and one English word per state, and the author's vocabulary is closed") {
  std::set<std::string_view> th, en, ids;
  for (ProgressStatus s : plan::kAllStatuses) {
    th.insert(plan::words(s).th);
    en.insert(plan::words(s).en);
    ids.insert(plan::status_name(s));
  }
  CHECK(th.size() == plan::kAllStatuses.size());
  CHECK(en.size() == plan::kAllStatuses.size());
  CHECK(ids.size() == plan::kAllStatuses.size());
  for (std::string_view id : plan::kAuthorStatusIds) {
    REQUIRE(plan::parse_author_status(id));
    CHECK(plan::status_name(*plan::parse_author_status(id)) == id);
  }
  // Facts the figures and the calendar give are not the author's to type; nor is an unknown word.
  CHECK_FALSE(plan::parse_author_status("no_data"));
  CHECK_FALSE(plan::parse_author_status("year_closed"));
  CHECK_FALSE(plan::parse_author_status("complete"));
  CHECK_FALSE(plan::parse_author_status("done"));
  CHECK_FALSE(plan::parse_author_status(""));
}

TEST_CASE("a plan whose range of fiscal years has ended is ended, and the current cycle leads") {
  const plan::FiscalRange seed{2564, 2566};
  CHECK(plan::plan_phase(seed, {2020, 9, 30}) == plan::PlanPhase::Upcoming);
  CHECK(plan::plan_phase(seed, {2020, 10, 1}) == plan::PlanPhase::Current);
  CHECK(plan::plan_phase(seed, {2023, 9, 30}) == plan::PlanPhase::Current);
  CHECK(plan::plan_phase(seed, {2023, 10, 1}) == plan::PlanPhase::Ended);
  CHECK(plan::plan_phase(seed, {2026, 6, 1}) == plan::PlanPhase::Ended);
  CHECK(plan::phase_text(seed, {2026, 6, 1}).th == "สิ้นสุดปีงบประมาณ 2566");
  CHECK(plan::phase_text(seed, {2022, 6, 1}).th == "ปีงบประมาณ 2564–2566");
  CHECK(plan::phase_text({2571, 2574}, {2026, 6, 1}).en == "Starts in fiscal year 2571");

  // Two plans of the ended cycle, two of the current one, one to come: current, upcoming, ended.
  const std::vector<plan::FiscalRange> ranges = {{2564, 2566}, {2567, 2570}, {2564, 2566}, {2571, 2574}, {2567, 2570}};
  CHECK(plan::cycle_order(ranges, {2026, 6, 1}) == std::vector<size_t>{1, 4, 3, 0, 2});
  CHECK(plan::cycle_order(ranges, {2022, 6, 1}) == std::vector<size_t>{0, 2, 1, 4, 3});
  // Two ended cycles: the latest first.
  CHECK(plan::cycle_order({{2561, 2563}, {2564, 2566}}, {2026, 6, 1}) == std::vector<size_t>{1, 0});
}

TEST_CASE("fiscal years in days, the date in Thailand, durations to the second") {
  CHECK(plan::fiscal_year_first_day(2569) == thai::CivilDate{2025, 10, 1});
  CHECK(plan::fiscal_year_last_day(2569) == thai::CivilDate{2026, 9, 30});
  // 17:00 UTC on 30 September is already 1 October in Thailand: the next fiscal year.
  const auto at = thai::parse_iso_utc_seconds("2026-09-30T17:00:00Z");
  REQUIRE(at);
  CHECK(plan::thai_local_date(*at) == thai::CivilDate{2026, 10, 1});
  CHECK(thai::fiscal_year_be(plan::thai_local_date(*at)) == 2570);
  CHECK(thai::format_thai_duration(45) == "45 วินาที");
  CHECK(thai::format_thai_duration(8.4) == "8 วินาที");
  CHECK(thai::format_thai_duration(200) == "3 นาที 20 วินาที");
  CHECK(thai::format_thai_duration(180) == "3 นาที");
  CHECK(thai::format_thai_duration(7500) == "2 ชั่วโมง 5 นาที");
  CHECK(thai::format_thai_duration(0) == "0 วินาที");
}

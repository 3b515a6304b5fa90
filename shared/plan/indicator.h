// [SECTION] An activity's indicator and target as the plan states them, and the status of one
// fiscal year's result derived from them.
//
// The seed's targets are of two kinds: a number with a direction ("อย่างน้อย 50%": at least 50,
// in %), or words with no number ("บุคลากรได้รับความรู้เพิ่ม"). A value is measured in the
// indicator's unit (%, persons, databases, meetings, times...). A `Level` (a share measured at a
// time, such as the % of staff who know the KM goal) is below target whenever it is under its
// threshold; a `Count` (persons trained, meetings held) adds up over the year, so it is only
// behind once the year closes short of the target.
//
// derive_status, by the rules below, in order (plan/progress_status.h says what each state means):
//   1. the year has not begun                               -> NotStarted
//   2. a value and a numeric target: met                    -> Achieved
//                                    a Level not met        -> Behind
//                                    a Count not met        -> Behind once the year has closed,
//                                                              else the author's Behind, else InProgress
//   3. otherwise the author's judgement, when given         -> that
//   4. no value                                             -> NoData
//   5. a value, nothing to judge it against                 -> YearClosed once closed, else InProgress
// A stored status that contradicts the figures (achieved at 45 % of at least 50 %) is refused at
// pack time: status_contradiction says why.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "plan/progress_status.h"
#include "thai/thai_date.h"

namespace khlang::plan {

enum class TargetDirection { None, AtLeast, AtMost };
enum class Measure { Level, Count };
// Indicators the kiosk measures itself, filled into the report from the usage statistics.
enum class KioskMeasure { None, ArticleViews };

// The vocabularies of activities.csv's columns (empty is the first: none / inferred).
inline constexpr std::array<std::string_view, 3> kTargetDirectionIds = {"", "at_least", "at_most"};
inline constexpr std::array<std::string_view, 3> kMeasureIds = {"", "level", "count"};
inline constexpr std::array<std::string_view, 2> kKioskMeasureIds = {"", "article_views"};

TargetDirection parse_target_direction(std::string_view id);  // unknown: None
KioskMeasure parse_kiosk_measure(std::string_view id);        // unknown: None
// An empty measure is a Level for "%" and a Count for any other unit.
Measure parse_measure(std::string_view id, std::string_view unit);

struct Indicator {
  std::string unit, unit_en;  // "%", "คน" / "persons"
  std::optional<double> target_value;
  TargetDirection direction = TargetDirection::None;
  Measure measure = Measure::Count;
  KioskMeasure kiosk_measure = KioskMeasure::None;
  bool has_numeric_target() const { return target_value && direction != TargetDirection::None; }
};

// One fiscal year's result of an activity.
struct YearResult {
  int64_t fiscal_year = 0;                 // BE
  std::optional<double> value;             // in the indicator's unit
  std::optional<double> target_override;   // this year's target, where it differs from the plan's
  std::optional<ProgressStatus> author_status;
};

// The target this year's result is held against: the year's own, else the indicator's.
std::optional<double> year_target(const Indicator& indicator, const YearResult& result);
// Whether the value meets the target; nullopt without a value or a numeric target.
std::optional<bool> target_met(const Indicator& indicator, const YearResult& result);

// The first and last day of a fiscal year (BE): FY 2566 is 1 Oct 2022 – 30 Sep 2023.
thai::CivilDate fiscal_year_first_day(int64_t fiscal_year_be);
thai::CivilDate fiscal_year_last_day(int64_t fiscal_year_be);

ProgressStatus derive_status(const Indicator& indicator, const YearResult& result, const thai::CivilDate& today);

// Why the author's status cannot stand beside the figures ("status 'achieved' contradicts the
// figures: 45% against at least 50%"), or nullopt when it can (or when there is none).
std::optional<std::string> status_contradiction(const Indicator& indicator, const YearResult& result);

// Texts in both languages.
struct Texts {
  std::string th, en;
};
// "45%", "12 คน" / "12 persons"; whole numbers without decimals, others with up to two.
Texts format_quantity(double value, const Indicator& indicator);
// "อย่างน้อย 50%" / "at least 50%"; empty texts when there is no numeric target.
Texts format_target(const Indicator& indicator, std::optional<double> target);

}  // namespace khlang::plan

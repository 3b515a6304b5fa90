#include "plan/indicator.h"

#include <cmath>
#include <cstdio>

namespace khlang::plan {

TargetDirection parse_target_direction(std::string_view id) {
  if (id == "at_least") return TargetDirection::AtLeast;
  if (id == "at_most") return TargetDirection::AtMost;
  return TargetDirection::None;
}

KioskMeasure parse_kiosk_measure(std::string_view id) {
  return id == "article_views" ? KioskMeasure::ArticleViews : KioskMeasure::None;
}

Measure parse_measure(std::string_view id, std::string_view unit) {
  if (id == "level") return Measure::Level;
  if (id == "count") return Measure::Count;
  return unit == "%" ? Measure::Level : Measure::Count;
}

std::optional<double> year_target(const Indicator& indicator, const YearResult& result) {
  return result.target_override ? result.target_override : indicator.target_value;
}

std::optional<bool> target_met(const Indicator& indicator, const YearResult& result) {
  const std::optional<double> target = year_target(indicator, result);
  if (!result.value || !target || indicator.direction == TargetDirection::None) return std::nullopt;
  return indicator.direction == TargetDirection::AtLeast ? *result.value >= *target : *result.value <= *target;
}

thai::CivilDate fiscal_year_first_day(int64_t fiscal_year_be) {
  return {thai::ce_year(static_cast<int>(fiscal_year_be)) - 1, 10, 1};
}
thai::CivilDate fiscal_year_last_day(int64_t fiscal_year_be) {
  return {thai::ce_year(static_cast<int>(fiscal_year_be)), 9, 30};
}

namespace {

bool before(const thai::CivilDate& a, const thai::CivilDate& b) {
  return thai::days_from_civil(a) < thai::days_from_civil(b);
}

}  // namespace

ProgressStatus derive_status(const Indicator& indicator, const YearResult& result, const thai::CivilDate& today) {
  if (before(today, fiscal_year_first_day(result.fiscal_year))) return ProgressStatus::NotStarted;
  const bool closed = before(fiscal_year_last_day(result.fiscal_year), today);
  const auto author = result.author_status;
  if (const std::optional<bool> met = target_met(indicator, result)) {
    if (*met) return ProgressStatus::Achieved;
    if (indicator.measure == Measure::Level || closed || author == ProgressStatus::Behind) return ProgressStatus::Behind;
    return ProgressStatus::InProgress;
  }
  if (author) return *author;
  if (!result.value) return ProgressStatus::NoData;
  return closed ? ProgressStatus::YearClosed : ProgressStatus::InProgress;
}

std::optional<std::string> status_contradiction(const Indicator& indicator, const YearResult& result) {
  if (!result.author_status) return std::nullopt;
  const ProgressStatus author = *result.author_status;
  const std::string said = "status '" + std::string(status_name(author)) + "' contradicts ";
  if (result.value && *result.value != 0 && author == ProgressStatus::NotStarted) {
    return said + "the value " + format_quantity(*result.value, indicator).en + " (work with a result has started)";
  }
  const std::optional<bool> met = target_met(indicator, result);
  if (!met) return std::nullopt;
  const std::string figures = "the figures: " + format_quantity(*result.value, indicator).en + " against " +
                              format_target(indicator, year_target(indicator, result)).en;
  if (*met && author != ProgressStatus::Achieved) return said + figures + " (the target is met)";
  if (!*met && author == ProgressStatus::Achieved) return said + figures + " (the target is not met)";
  if (!*met && indicator.measure == Measure::Level && author != ProgressStatus::Behind) {
    return said + figures + " (a level under its target is below target)";
  }
  return std::nullopt;
}

namespace {

std::string number_text(double v) {
  char buf[64];
  if (std::fabs(v - std::round(v)) < 1e-9) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
  } else {
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s = buf;
    while (s.back() == '0') s.pop_back();
    return s;
  }
  return buf;
}

Texts with_unit(const std::string& number, const Indicator& indicator) {
  if (indicator.unit == "%") return {number + "%", number + "%"};
  const std::string& en = indicator.unit_en.empty() ? indicator.unit : indicator.unit_en;
  return {indicator.unit.empty() ? number : number + " " + indicator.unit, en.empty() ? number : number + " " + en};
}

}  // namespace

Texts format_quantity(double value, const Indicator& indicator) { return with_unit(number_text(value), indicator); }

Texts format_target(const Indicator& indicator, std::optional<double> target) {
  if (!target || indicator.direction == TargetDirection::None) return {};
  const Texts q = format_quantity(*target, indicator);
  if (indicator.direction == TargetDirection::AtLeast) return {"อย่างน้อย " + q.th, "at least " + q.en};
  return {"ไม่เกิน " + q.th, "at most " + q.en};
}

}  // namespace khlang::plan

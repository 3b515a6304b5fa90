#include "content/plan_checks.h"

#include <map>

#include "content/content_tables.h"
#include "plan/plan_cycle.h"

namespace khlang::content {
namespace {

// A row's cells by column name, for one table.
struct RowView {
  const content::TableSpec& spec;
  const ContentRow& row;
  std::string text(std::string_view column) const { return cell_of(spec, row, column).value_or(""); }
  std::optional<double> number(std::string_view column) const {
    const Cell& c = cell_of(spec, row, column);
    return c ? std::optional<double>(std::stod(*c)) : std::nullopt;  // checked as a number when loaded
  }
};

// Thai plans count years in the Buddhist Era; a CE year (2021) is a slip of the pen.
Status check_be_year(int64_t year, const std::string& origin, std::string_view column) {
  if (year >= 2400 && year <= 2700) return Ok{};
  return Error{origin + ": '" + std::string(column) + "' is " + std::to_string(year) +
               ": fiscal years are Buddhist Era years (2564 for 2021)"};
}

plan::Indicator indicator_of(const RowView& a) {
  plan::Indicator i;
  i.unit = a.text("unit");
  i.unit_en = a.text("unit_en");
  i.target_value = a.number("target_value");
  i.direction = plan::parse_target_direction(a.text("target_direction"));
  i.measure = plan::parse_measure(a.text("measure"), i.unit);
  i.kiosk_measure = plan::parse_kiosk_measure(a.text("kiosk_measure"));
  return i;
}

}  // namespace

Status check_plans(const ContentSet& set) {
  auto rows_of = [&](const char* table) -> const std::vector<ContentRow>& {
    static const std::vector<ContentRow> none;
    auto it = set.tables.find(table);
    return it == set.tables.end() ? none : it->second;
  };
  const content::TableSpec& plan_spec = *content::find_content_table("plan");
  const content::TableSpec& activity_spec = *content::find_content_table("plan_activity");
  const content::TableSpec& progress_spec = *content::find_content_table("progress");

  std::map<std::string, plan::FiscalRange> ranges;  // plan id -> its years
  for (const ContentRow& row : rows_of("plan")) {
    const RowView p{plan_spec, row};
    const auto from = static_cast<int64_t>(*p.number("fiscal_year_from"));
    const auto to = static_cast<int64_t>(*p.number("fiscal_year_to"));
    if (auto s = check_be_year(from, row.origin, "fiscal_year_from"); !s) return s;
    if (auto s = check_be_year(to, row.origin, "fiscal_year_to"); !s) return s;
    if (from > to) {
      return Error{row.origin + ": the plan runs from fiscal year " + std::to_string(from) + " to " + std::to_string(to) +
                   ": 'fiscal_year_from' must not come after 'fiscal_year_to'"};
    }
    ranges[p.text("id")] = {from, to};
  }

  std::map<std::string, std::pair<plan::Indicator, std::string>> indicators;  // activity id -> indicator, plan id
  for (const ContentRow& row : rows_of("plan_activity")) {
    const RowView a{activity_spec, row};
    const plan::Indicator indicator = indicator_of(a);
    if (indicator.target_value.has_value() != (indicator.direction != plan::TargetDirection::None)) {
      return Error{row.origin + ": a numeric target needs both 'target_value' and 'target_direction' (at_least or "
                   "at_most), as in \"at least 50%\"; leave both empty for a target in words"};
    }
    indicators[a.text("id")] = {indicator, a.text("plan_id")};
  }

  for (const ContentRow& row : rows_of("progress")) {
    const RowView e{progress_spec, row};
    const auto year = static_cast<int64_t>(*e.number("fiscal_year"));
    if (auto s = check_be_year(year, row.origin, "fiscal_year"); !s) return s;
    auto found = indicators.find(e.text("activity_id"));
    if (found == indicators.end()) continue;  // a missing activity is check_references' error
    const auto& [indicator, plan_id] = found->second;
    if (auto r = ranges.find(plan_id); r != ranges.end() && (year < r->second.from || year > r->second.to)) {
      return Error{row.origin + ": fiscal year " + std::to_string(year) + " is outside the years of plan '" + plan_id +
                   "' (" + std::to_string(r->second.from) + "–" + std::to_string(r->second.to) + ")"};
    }
    if (e.number("target_value") && indicator.direction == plan::TargetDirection::None) {
      return Error{row.origin + ": 'target_value' is this year's target, but activity '" + e.text("activity_id") +
                   "' has no numeric target (give it 'target_value' and 'target_direction' in activities.csv)"};
    }
    plan::YearResult result{year, e.number("value"), e.number("target_value"), plan::parse_author_status(e.text("status"))};
    if (auto why = plan::status_contradiction(indicator, result)) {
      return Error{row.origin + ": " + *why + "; leave 'status' empty to derive it from the figures"};
    }
  }
  return Ok{};
}

}  // namespace khlang::content

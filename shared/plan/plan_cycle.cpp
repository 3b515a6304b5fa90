#include "plan/plan_cycle.h"

#include <algorithm>

namespace khlang::plan {

PlanPhase plan_phase(const FiscalRange& range, const thai::CivilDate& today) {
  const int64_t day = thai::days_from_civil(today);
  if (day < thai::days_from_civil(fiscal_year_first_day(range.from))) return PlanPhase::Upcoming;
  if (day > thai::days_from_civil(fiscal_year_last_day(range.to))) return PlanPhase::Ended;
  return PlanPhase::Current;
}

Texts phase_text(const FiscalRange& range, const thai::CivilDate& today) {
  const std::string from = std::to_string(range.from), to = std::to_string(range.to);
  const std::string years = range.from == range.to ? from : from + "–" + to;
  switch (plan_phase(range, today)) {
    case PlanPhase::Upcoming: return {"เริ่มปีงบประมาณ " + from, "Starts in fiscal year " + from};
    case PlanPhase::Ended: return {"สิ้นสุดปีงบประมาณ " + to, "Ended with fiscal year " + to};
    case PlanPhase::Current: break;
  }
  return {"ปีงบประมาณ " + years, "Fiscal years " + years};
}

std::vector<size_t> cycle_order(const std::vector<FiscalRange>& ranges, const thai::CivilDate& today) {
  std::vector<size_t> order(ranges.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto rank = [&](size_t i) {
    const FiscalRange& r = ranges[i];
    switch (plan_phase(r, today)) {
      case PlanPhase::Current: return std::pair<int, int64_t>{0, -r.from};  // a newer current cycle first
      case PlanPhase::Upcoming: return std::pair<int, int64_t>{1, r.from};
      case PlanPhase::Ended: return std::pair<int, int64_t>{2, -r.to};
    }
    return std::pair<int, int64_t>{3, 0};
  };
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const auto ra = rank(a), rb = rank(b);
    if (ra != rb) return ra < rb;
    // One cycle's plans stay together even when two cycles rank alike.
    return std::pair(ranges[a].from, ranges[a].to) < std::pair(ranges[b].from, ranges[b].to);
  });
  return order;
}

thai::CivilDate thai_local_date(int64_t utc_seconds) {
  const int64_t local = utc_seconds + 7 * 3600;
  return thai::civil_from_days(local >= 0 ? local / 86400 : (local - 86399) / 86400);
}

}  // namespace khlang::plan

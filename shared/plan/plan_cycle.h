// [SECTION] Plan cycles: a plan runs over a range of fiscal years (2564–2566); once the range has
// ended the plan is "ended" and its last year's results are its final results. A bundle may hold
// several cycles (2564–2566 and 2567–2570): the current one leads, then those to come (soonest
// first), then those that ended (latest first).
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "plan/indicator.h"
#include "thai/thai_date.h"

namespace khlang::plan {

enum class PlanPhase { Upcoming, Current, Ended };

struct FiscalRange {
  int64_t from = 0, to = 0;  // BE, inclusive
  bool operator==(const FiscalRange&) const = default;
};

PlanPhase plan_phase(const FiscalRange& range, const thai::CivilDate& today);
// "ปีงบประมาณ 2567–2570", "สิ้นสุดปีงบประมาณ 2566", "เริ่มปีงบประมาณ 2571" and their English.
Texts phase_text(const FiscalRange& range, const thai::CivilDate& today);

// The order in which plans with these ranges are shown: indices into `ranges`, current cycle
// first, then upcoming (soonest first), then ended (latest first); plans of one cycle keep their
// order.
std::vector<size_t> cycle_order(const std::vector<FiscalRange>& ranges, const thai::CivilDate& today);

// The date in Thailand (UTC+7) at `utc_seconds`: what "today" is for fiscal years and statuses.
thai::CivilDate thai_local_date(int64_t utc_seconds);

}  // namespace khlang::plan

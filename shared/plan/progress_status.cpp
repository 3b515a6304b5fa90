#include "plan/progress_status.h"

namespace khlang::plan {
namespace {

struct State {
  ProgressStatus status;
  std::string_view name;
  Words words;
};

constexpr State kStates[] = {
    {ProgressStatus::NotStarted, "not_started", {"ยังไม่เริ่ม", "Not started"}},
    {ProgressStatus::NoData, "no_data", {"ไม่มีข้อมูล", "No data"}},
    {ProgressStatus::InProgress, "in_progress", {"กำลังดำเนินการ", "In progress"}},
    {ProgressStatus::Behind, "behind", {"ต่ำกว่าเป้าหมาย", "Below target"}},
    {ProgressStatus::Achieved, "achieved", {"บรรลุเป้าหมาย", "Target met"}},
    {ProgressStatus::YearClosed, "year_closed", {"สิ้นปีงบประมาณแล้ว", "Year closed"}},
};
static_assert(std::size(kStates) == kAllStatuses.size(), "one line per state");

const State& state(ProgressStatus status) {
  for (const State& s : kStates) {
    if (s.status == status) return s;
  }
  return kStates[0];
}

}  // namespace

Words words(ProgressStatus status) { return state(status).words; }
std::string_view status_name(ProgressStatus status) { return state(status).name; }

std::optional<ProgressStatus> find_progress_status(std::string_view name) {
  for (const State& s : kStates) {
    if (s.name == name) return s.status;
  }
  return std::nullopt;
}

bool is_author_status(std::string_view name) {
  for (std::string_view a : kAuthorStatusIds) {
    if (a == name) return true;
  }
  return false;
}

std::optional<ProgressStatus> parse_author_status(std::string_view name) {
  if (!is_author_status(name)) return std::nullopt;
  return find_progress_status(name);
}

}  // namespace khlang::plan

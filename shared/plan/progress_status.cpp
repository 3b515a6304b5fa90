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
    {ProgressStatus::InProgress, "in_progress", {"กำลังดำเนินการ", "In progress"}},
    {ProgressStatus::Done, "done", {"สำเร็จ", "Done"}},
    {ProgressStatus::Behind, "behind", {"ล่าช้า", "Behind"}},
};

const State& state(ProgressStatus status) {
  for (const State& s : kStates) {
    if (s.status == status) return s;
  }
  return kStates[0];
}

}  // namespace

Words words(ProgressStatus status) { return state(status).words; }
std::string_view stored_name(ProgressStatus status) { return state(status).name; }

std::optional<ProgressStatus> find_progress_status(std::string_view stored) {
  for (const State& s : kStates) {
    if (s.name == stored) return s.status;
  }
  return std::nullopt;
}

ProgressStatus progress_status_of(std::string_view stored) {
  return find_progress_status(stored).value_or(ProgressStatus::NotStarted);
}

}  // namespace khlang::plan

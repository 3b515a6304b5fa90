// [SECTION] The status of an activity's progress in a fiscal year: one vocabulary for the kiosk
// and the committee's report, with one Thai and one English word for each state. The content
// stores it by name (progress.status). The states and where they come from are the plan's
// business: a status derived from value, target and the fiscal year's end goes here too.
#pragma once

#include <optional>
#include <string_view>

#include "util/words.h"

namespace khlang::plan {

enum class ProgressStatus { NotStarted, InProgress, Done, Behind };

// The words a person reads: "สำเร็จ" / "Done".
Words words(ProgressStatus status);
// The name the content stores: "done", "in_progress", "behind", "not_started".
std::string_view stored_name(ProgressStatus status);
// The status a stored name names, or nullopt.
std::optional<ProgressStatus> find_progress_status(std::string_view stored);
// The status to show for a stored value: one it does not name (empty, a typo) shows as not
// started, as it always has.
ProgressStatus progress_status_of(std::string_view stored);

}  // namespace khlang::plan

// [SECTION] The status of a plan activity's result for one fiscal year: one enum for the kiosk and
// the committee's report, one Thai and one English word per state, and the fixed vocabulary an
// author may write in progress.csv's `status` column (checked at pack time, and by the schema's
// CHECK).
//
// A status is derived (plan/indicator.h: derive_status), not typed. An author gives one only where
// the figures cannot decide: a target with no number ("บุคลากรได้รับความรู้เพิ่ม"), judged by the
// committee. The states:
//   NotStarted  the fiscal year has not begun (or the author says the work has not begun)
//   NoData      the year has begun and no value is recorded
//   InProgress  the year is running, a value is recorded, the target is not reached yet and
//               nothing says it is behind (the brief's "on track": we do not claim a pace)
//   Behind      below the target: a level under its threshold (45 % against at least 50 %), a
//               count short of its target when the year closed, or the author's judgement
//   Achieved    the target is met (55 % against at least 50 %), or the author's judgement
//   YearClosed  the year has ended with a value but no number to judge it against and no
//               judgement from the author: the value stands as the year's result
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "util/words.h"

namespace khlang::plan {

enum class ProgressStatus { NotStarted, NoData, InProgress, Behind, Achieved, YearClosed };

inline constexpr std::array<ProgressStatus, 6> kAllStatuses = {
    ProgressStatus::NotStarted, ProgressStatus::NoData,   ProgressStatus::InProgress,
    ProgressStatus::Behind,     ProgressStatus::Achieved, ProgressStatus::YearClosed};

// "บรรลุเป้าหมาย" / "Target met": the one word for each state, wherever it is shown.
Words words(ProgressStatus status);
// The state's name: "achieved", "no_data"... (progress.csv for the author's states, the report's
// CSV, statistics files).
std::string_view status_name(ProgressStatus status);
// The state a name names, or nullopt (statistics files read back; any state).
std::optional<ProgressStatus> find_progress_status(std::string_view name);

// What an author may write in progress.csv's status column: the judgements, never the facts the
// figures and the calendar give (no_data, year_closed). Empty means "derive it".
inline constexpr std::array<std::string_view, 4> kAuthorStatusIds = {"not_started", "in_progress", "behind",
                                                                    "achieved"};
// The author's status, or nullopt for an empty cell. An unknown word is nullopt too: callers that
// read authored text check it with is_author_status first.
std::optional<ProgressStatus> parse_author_status(std::string_view name);
bool is_author_status(std::string_view name);

}  // namespace khlang::plan

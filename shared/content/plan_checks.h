// [SECTION] What pack checks in plans.csv, activities.csv and progress.csv beyond columns, numbers,
// vocabularies and references: fiscal years are Buddhist Era years within the plan's range, a
// numeric target has both its number and its direction, and a stored status agrees with the
// figures (plan/indicator.h: status_contradiction). Errors name the file and line.
#pragma once

#include "content/content_folder.h"
#include "util/error.h"

namespace khlang::content {

Status check_plans(const ContentSet& set);

}  // namespace khlang::content

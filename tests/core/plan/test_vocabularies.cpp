// The domain vocabularies: each value of each has one Thai and one English word, and a name that
// is read back as itself.
#include <doctest/doctest.h>

#include "plan/progress_status.h"
#include "search/search_index.h"

using namespace khlang;

namespace {
bool thai(std::string_view s) { return s.find("\xE0\xB8") != std::string_view::npos || s.find("\xE0\xB9") != std::string_view::npos; }
void check_words(const Words& w) {
  INFO(w.th << " / " << w.en);
  CHECK(thai(w.th));
  CHECK_FALSE(w.en.empty());
  CHECK_FALSE(thai(w.en));
}
}  // namespace

TEST_CASE("vocabularies: progress status, with its names, and an unknown name names no state") {
  for (plan::ProgressStatus s : plan::kAllStatuses) {
    check_words(plan::words(s));
    CHECK(plan::find_progress_status(plan::status_name(s)) == s);
  }
  CHECK(plan::status_name(plan::ProgressStatus::InProgress) == "in_progress");
  CHECK(plan::words(plan::ProgressStatus::Achieved).en == "Target met");
  CHECK_FALSE(plan::find_progress_status("complete").has_value());
  CHECK_FALSE(plan::find_progress_status("").has_value());
}

TEST_CASE("vocabularies: search hit kinds, with their names in the index") {
  using search::HitKind;
  for (HitKind k : {HitKind::Article, HitKind::Announcement, HitKind::Person, HitKind::Activity, HitKind::Community}) {
    check_words(search::words(k));
    CHECK(search::find_hit_kind(search::hit_kind_name(k)) == k);
  }
  CHECK(search::hit_kind_name(HitKind::Person) == "person");
  CHECK_FALSE(search::find_hit_kind("article ").has_value());
}

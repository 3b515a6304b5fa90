// One plan in full: desired state, measurable unit, fiscal years, and each activity with its
// method, period, indicator, target and responsible unit, and its progress per fiscal year.
// A table in landscape, cards in portrait. The id may name one of its activities after a '#'
// (plan:km-process#kmp-5, what a search hit for an activity opens): the plan opens scrolled to
// that activity, outlined.
#pragma once

#include "screens/scrolling_screen.h"
#include "store/content_queries.h"
#include "ui/lazy_column.h"

namespace khlang::kiosk {

class PlanDetailScreen final : public ScrollingScreen {
 public:
  PlanDetailScreen(sqlite::Database& db, const std::string& id, std::string* error);
  std::string title(const FrameContext& f) const override { return std::string(f.t(Str::Plan)); }
  bool shows_sample_data() const override { return store::plan_has_sample(plan_); }
  bool valid() const { return !plan_.id.empty(); }

 private:
  float draw_content(FrameContext& f, ImVec2 origin, const ImRect& view) override;
  float draw_activity_row(FrameContext& f, const store::PlanActivity& a, float x, float y, float width, bool measure);
  float draw_activity_card(FrameContext& f, const store::PlanActivity& a, float x, float y, float width, bool measure);
  store::Plan plan_;
  std::string focus_;          // the activity to open at, if the id named one
  bool focus_placed_ = false;  // scrolled to it once; the visitor scrolls from there
  LazyColumn activities_;
};

}  // namespace khlang::kiosk

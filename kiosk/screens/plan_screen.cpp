#include "screens/plan_screen.h"

#include "navigator.h"
#include "plan/plan_cycle.h"
#include "screens/plan_widgets.h"
#include "screens/screen_helpers.h"

namespace khlang::kiosk {

PlanScreen::PlanScreen(sqlite::Database& db) {
  if (auto p = store::load_plans(db, store::kCellTextChars); p) plans_ = std::move(p.value());
}

float PlanScreen::draw_content(FrameContext& f, ImVec2 origin, const ImRect& view) {
  const ImRect col = column(f, view);
  const float w = col.GetWidth(), inner = w - f.px(64);
  float y = origin.y + f.px(36);
  if (plans_.empty()) return f.px(36) + empty_state(f, ImVec2(col.Min.x, y), w, f.t(Str::NoPlans), f.t(Str::NoPlansHint)) + f.px(36);
  // The current cycle first, then those to come, then those that ended.
  for (const store::Plan* p : store::plans_in_cycle_order(plans_, plan::thai_local_date(f.wall_utc))) {
    const store::Plan& plan = *p;
    const float title_h = text_height(f, plan.title, f.style(40, text::Weight::Bold, 1.3f), inner);
    const float state_h = text_height(f, plan.desired_state, f.style(30, text::Weight::Regular, 1.5f), inner);
    const float standing_h = draw_plan_standing(f, plan, ImVec2(0, 0), inner, 28, false, true);
    const float label_h = text_height(f, f.t(Str::DesiredState), f.style(24, text::Weight::Bold), inner);
    const float h = title_h + label_h + state_h + standing_h + f.px(100);
    const ImRect r(col.Min.x, y, col.Max.x, y + h);
    if (visible(view, r.Min.y, r.Max.y)) {
      if (card(f, r, plan.title)) f.nav.go(RouteKey::PlanDetail, plan.id);
      float ty = y + f.px(28);
      const float x = r.Min.x + f.px(32);
      ty += draw_text(f, ImVec2(x, ty), plan.title, f.style(40, text::Weight::Bold, 1.3f), inner, f.colors().heading);
      ty += draw_text(f, ImVec2(x, ty + f.px(4)), std::string(f.t(Str::DesiredState)), f.style(24, text::Weight::Bold),
                      inner, f.colors().text_muted) + f.px(4);
      ty += draw_text(f, ImVec2(x, ty), plan.desired_state, f.style(30, text::Weight::Regular, 1.5f), inner, f.colors().text);
      draw_plan_standing(f, plan, ImVec2(x, ty + f.px(20)), inner, 28, false);
    }
    y += h + f.px(28);
  }
  return y - origin.y + f.px(36);
}

}  // namespace khlang::kiosk

#include "screens/plan_detail_screen.h"

#include <algorithm>

#include "navigator.h"
#include "screens/plan_widgets.h"
#include "screens/screen_helpers.h"

namespace khlang::kiosk {

PlanDetailScreen::PlanDetailScreen(sqlite::Database& db, const std::string& id, std::string* error) {
  auto plans = store::load_plans(db, store::kCellTextChars);
  if (!plans) {
    *error = plans.error().message;
    return;
  }
  const size_t hash = id.find('#');
  const std::string plan_id = id.substr(0, hash);
  if (hash != std::string::npos) focus_ = id.substr(hash + 1);
  for (auto& p : plans.value()) {
    if (p.id == plan_id) plan_ = std::move(p);
  }
  if (plan_.id.empty()) *error = "no plan '" + plan_id + "'";
}

namespace {
// A labelled field: small muted label, then the value; returns the height.
float field(FrameContext& f, float x, float y, float w, Str label, const std::string& value, bool measure) {
  const auto label_style = f.style(24, text::Weight::Bold, 1.3f);
  const auto value_style = f.style(30, text::Weight::Regular, 1.45f);
  if (measure) return text_height(f, f.t(label), label_style, w) + text_height(f, value, value_style, w) + f.px(10);
  float h = draw_text(f, ImVec2(x, y), f.t(label), label_style, w, f.colors().text_muted);
  h += draw_text(f, ImVec2(x, y + h), value, value_style, w, f.colors().text);
  return h + f.px(10);
}
}  // namespace

float PlanDetailScreen::draw_activity_row(FrameContext& f, const store::PlanActivity& a, float x, float y, float width,
                                          bool measure) {
  // Columns: activity and method | indicator and target | period and responsible | progress.
  const float gap = f.px(24);
  const float c0 = width * 0.30f, c1 = width * 0.24f, c2 = width * 0.18f, c3 = width - c0 - c1 - c2 - 3 * gap;
  const float x1 = x + c0 + gap, x2 = x1 + c1 + gap, x3 = x2 + c2 + gap;
  float h0 = 0, h1 = 0, h2 = 0;
  const std::string head = std::to_string(a.seq) + ". " + a.activity;
  const auto head_style = f.style(32, text::Weight::Bold, 1.4f);
  h0 = measure ? text_height(f, head, head_style, c0) : draw_text(f, ImVec2(x, y), head, head_style, c0, f.colors().heading);
  h0 += f.px(8);
  h0 += field(f, x, y + h0, c0, Str::Method, a.method, measure);
  h1 += field(f, x1, y, c1, Str::Indicator, a.indicator, measure);
  h1 += field(f, x1, y + h1, c1, Str::Target, a.target, measure);
  h2 += field(f, x2, y, c2, Str::Period, a.period, measure);
  h2 += field(f, x2, y + h2, c2, Str::Responsible, a.responsible, measure);
  const float h3 = draw_progress_bars(f, a, ImVec2(x3, y), c3, 26, measure);
  return std::max({h0, h1, h2, h3});
}

float PlanDetailScreen::draw_activity_card(FrameContext& f, const store::PlanActivity& a, float x, float y, float width,
                                           bool measure) {
  float h = 0;
  const std::string head = std::to_string(a.seq) + ". " + a.activity;
  const auto head_style = f.style(30, text::Weight::Bold, 1.4f);
  h += measure ? text_height(f, head, head_style, width) : draw_text(f, ImVec2(x, y), head, head_style, width, f.colors().heading);
  h += f.px(8);
  const std::pair<Str, const std::string*> fields[] = {{Str::Method, &a.method},       {Str::Indicator, &a.indicator},
                                                       {Str::Target, &a.target},       {Str::Period, &a.period},
                                                       {Str::Responsible, &a.responsible}};
  for (const auto& [label, value] : fields) h += field(f, x, y + h, width, label, *value, measure);
  h += draw_progress_bars(f, a, ImVec2(x, y + h), width, 26, measure);
  return h;
}

float PlanDetailScreen::draw_content(FrameContext& f, ImVec2 origin, const ImRect& view) {
  const ImRect col = column(f, view);
  const float w = col.GetWidth();
  float y = origin.y + f.px(36);
  y += draw_text(f, ImVec2(col.Min.x, y), plan_.title, f.style(48, text::Weight::Bold, 1.3f), w, f.colors().heading) + f.px(12);
  y += field(f, col.Min.x, y, w, Str::DesiredState, plan_.desired_state, false);
  y += field(f, col.Min.x, y, w, Str::MeasurableUnit, plan_.measurable_unit, false);
  y += f.px(12) + draw_plan_standing(f, plan_, ImVec2(col.Min.x, y + f.px(12)), w, 28, false);
  y += f.px(20);
  if (plan_.activities.empty()) {
    y += empty_state(f, ImVec2(col.Min.x, y), w, f.t(Str::NoActivities), f.t(Str::NoActivitiesHint)) + f.px(20);
    return y - origin.y + f.px(36);
  }
  // The activities, measured as they scroll into view (a plan may have thousands).
  const float pad = f.px(28), inner = w - 2 * pad, gap = f.px(20);
  activities_.reset(plan_.activities.size(), inner, f.scale.factor * f.text_scale,
                    (f.portrait ? 2 : 0) + (f.lang == Lang::En ? 1 : 0));
  const auto height = [&](size_t i) {
    const store::PlanActivity& a = plan_.activities[i];
    return (f.portrait ? draw_activity_card(f, a, 0, 0, inner, true) : draw_activity_row(f, a, 0, 0, inner, true)) + 2 * pad + gap;
  };
  activities_.measure(view.Max.y - y + view.GetHeight(), height);
  if (!focus_placed_ && !focus_.empty()) {
    // From the next frame on, the focused activity stands near the top (the rows above it measured).
    focus_placed_ = true;
    const auto it = std::find_if(plan_.activities.begin(), plan_.activities.end(), [&](const auto& a) { return a.id == focus_; });
    if (it != plan_.activities.end()) {
      const size_t k = static_cast<size_t>(it - plan_.activities.begin());
      activities_.measure_through(k, height);
      scroll_.set_offset(y + activities_.top(k) - origin.y - f.px(24));
      f.animating = true;
    }
  }
  for (size_t i = activities_.visible_from(view.Min.y - y); i < activities_.measured() && y + activities_.top(i) <= view.Max.y; ++i) {
    const store::PlanActivity& a = plan_.activities[i];
    const float top = y + activities_.top(i);
    const ImRect r(col.Min.x, top, col.Max.x, top + activities_.height(i) - gap);
    card(f, r, a.activity, false);
    if (a.id == focus_) f.draw_list->AddRect(r.Min, r.Max, f.colors().heading, f.px(18), 0, f.px(5));
    if (f.portrait) draw_activity_card(f, a, r.Min.x + pad, top + pad, inner, false);
    else draw_activity_row(f, a, r.Min.x + pad, top + pad, inner, false);
  }
  return y + activities_.total() - origin.y + f.px(36);
}

}  // namespace khlang::kiosk

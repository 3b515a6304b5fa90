#include "screens/meeting_screen.h"

#include "navigator.h"
#include "screens/plan_widgets.h"
#include "screens/screen_helpers.h"

namespace khlang::kiosk {

MeetingScreen::MeetingScreen(sqlite::Database& db, double interval_seconds) : interval_(interval_seconds) {
  if (auto p = store::load_plans(db); p) plans_ = std::move(p.value());
  for (size_t i = 0; i < plans_.size(); ++i) {
    slides_.push_back({i, -1});
    for (size_t a = 0; a < plans_[i].activities.size(); ++a) slides_.push_back({i, static_cast<int>(a)});
  }
}

void MeetingScreen::move(int by, double now) {
  if (slides_.empty()) return;
  const auto n = static_cast<int>(slides_.size());
  slide_ = static_cast<size_t>(((static_cast<int>(slide_) + by) % n + n) % n);
  shown_at_ = now;
}

void MeetingScreen::on_key(Key key, FrameContext& f) {
  if (key == Key::Next) move(1, f.now);
  else if (key == Key::Previous || key == Key::Backspace) move(-1, f.now);
  else if (key == Key::Escape) f.nav.back();
}

double MeetingScreen::next_timer(double now, int64_t) const {
  return shown_at_ < 0 ? interval_ : std::max(0.0, shown_at_ + interval_ - now);
}

void MeetingScreen::draw(FrameContext& f, const ImRect& area) {
  if (shown_at_ < 0) shown_at_ = f.now;
  if (f.now - shown_at_ >= interval_) move(1, f.now);
  if (f.touch.tapped_in(area)) move(f.touch.position().x > area.GetCenter().x ? 1 : -1, f.now);

  fill(f, area, theme::kHeader);
  const float margin = f.px(80);
  const float w = area.GetWidth() - 2 * margin;
  const ImVec2 at(area.Min.x + margin, area.Min.y + f.px(70));
  if (slides_.empty()) {
    draw_text(f, at, f.t(Str::Plan), f.style(72, text::Weight::Bold), w, theme::kHeaderText);
    return;
  }
  const Slide& s = slides_[slide_];
  const store::Plan& plan = plans_[s.plan];
  float y = at.y;
  y += draw_text(f, ImVec2(at.x, y), plan.title, f.style(s.activity < 0 ? 64 : 40, text::Weight::Bold, 1.3f), w,
                 s.activity < 0 ? theme::kHeaderText : theme::kHeaderSubtle) + f.px(24);
  if (s.activity < 0) {
    y += draw_text(f, ImVec2(at.x, y), f.t(Str::DesiredState), f.style(36, text::Weight::Bold), w, theme::kHeaderSubtle);
    y += draw_text(f, ImVec2(at.x, y), plan.desired_state, f.style(48, text::Weight::Regular, 1.5f), w, theme::kHeaderText);
    y += f.px(40);
    draw_plan_standing(f, plan, ImVec2(at.x, y), w, 40, true);
  } else {
    const store::PlanActivity& a = plan.activities[static_cast<size_t>(s.activity)];
    y += draw_text(f, ImVec2(at.x, y), std::to_string(a.seq) + ". " + a.activity, f.style(60, text::Weight::Bold, 1.35f),
                   w, theme::kHeaderText) + f.px(24);
    y += draw_text(f, ImVec2(at.x, y), std::string(f.t(Str::Indicator)) + ": " + a.indicator,
                   f.style(38, text::Weight::Regular, 1.45f), w, theme::kHeaderSubtle) + f.px(8);
    y += draw_text(f, ImVec2(at.x, y), std::string(f.t(Str::Target)) + ": " + a.target,
                   f.style(38, text::Weight::Regular, 1.45f), w, theme::kHeaderSubtle) + f.px(36);
    const ImRect panel(at.x - f.px(24), y - f.px(20), at.x + w + f.px(24), y + progress_bars_height(f, a, 40) + f.px(10));
    fill(f, panel, theme::kCard, f.px(20));
    draw_progress_bars(f, a, ImVec2(at.x, y), w, 40);
  }
  const std::string counter = std::string(f.t(Str::Slide)) + " " + std::to_string(slide_ + 1) + "/" +
                              std::to_string(slides_.size()) + "   ·   " + std::string(f.t(Str::PressEscToLeave));
  draw_text(f, ImVec2(at.x, area.Max.y - f.px(90)), counter, f.style(28), w, theme::kHeaderSubtle);
  if (store::plan_has_sample(plan)) sample_badge(f, ImVec2(at.x, area.Max.y - f.px(150)));
}

}  // namespace khlang::kiosk

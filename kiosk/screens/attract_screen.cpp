#include "screens/attract_screen.h"

#include <cmath>

#include "plan/plan_cycle.h"
#include "screens/plan_widgets.h"
#include "screens/screen_helpers.h"

namespace khlang::kiosk {

AttractScreen::AttractScreen(sqlite::Database& db) : announcements_(db) {
  if (auto p = store::load_plans(db, store::kCellTextChars); p) plans_ = std::move(p.value());
  if (auto o = store::load_organization(db); o && o.value()) {
    organization_th_ = o.value()->name_th;
    organization_en_ = o.value()->name_en;
    organization_is_sample_ = o.value()->is_sample;
  }
}

double AttractScreen::next_timer(double now, int64_t) const {
  if (started_ < 0) return 0;
  const double into = std::fmod(now - started_, kAttractSlideSeconds);
  return kAttractSlideSeconds - into;
}

void AttractScreen::draw(FrameContext& f, const ImRect& area) {
  if (started_ < 0) started_ = f.now;
  const auto& current = announcements_.at(f.wall_utc);
  const size_t count = current.size() + plans_.size();
  fill(f, area, f.colors().header);
  const float margin = f.px(90);
  const float w = area.GetWidth() - 2 * margin;
  float y = area.Min.y + f.px(80);
  const size_t slide = count > 0 ? static_cast<size_t>((f.now - started_) / kAttractSlideSeconds) % count : 0;
  // The plan slides in cycle order (current first); the slide's mark and its text come from this one list.
  const store::Plan* plan_slide =
      count > 0 && slide >= current.size()
          ? store::plans_in_cycle_order(plans_, plan::thai_local_date(f.wall_utc))[slide - current.size()]
          : nullptr;
  // Sample content on this slide (or the profile above it) is marked top right.
  const bool sample = organization_is_sample_ || (plan_slide ? store::plan_has_sample(*plan_slide)
                                                             : count > 0 && current[slide].is_sample);
  float org_w = w;
  if (sample) org_w -= sample_badge(f, ImVec2(area.Max.x - margin, y), text::Align::Right).x + f.px(24);
  const std::string& organization = in_language(f.lang, organization_th_, organization_en_);
  // Each slide's text fits above the hint (titles with even lines: ...ความรู้ stays whole).
  const float hint_top = area.Max.y - f.px(140);
  const float x = area.Min.x + margin;
  if (count == 0) {
    // Nothing to cycle through: the place's name, large and centred, under the kiosk's name.
    const float kicker_h = text_height(f, f.t(Str::AppName), f.style(40, text::Weight::Bold), w);
    const ImRect name_box(x, y + kicker_h + f.px(24), x + w, hint_top - f.px(40));
    const auto name = fit(f, organization, f.style(72, text::Weight::Bold, 1.35f), name_box.GetSize(),
                          {.align = text::Align::Center, .balance = true});
    const float block_h = kicker_h + f.px(24) + name->layout->height;
    const float top = y + std::max(0.0f, (hint_top - f.px(40) - y - block_h) * 0.5f);
    draw_text(f, ImVec2(x, top), f.t(Str::AppName), f.style(40, text::Weight::Bold), w, f.colors().accent_on_dark,
              text::Align::Center);
    const ImVec2 name_at(x, top + kicker_h + f.px(24));
    draw_fitted(f, name_at, *name, f.colors().header_text, ImRect(name_at, ImVec2(x + w, name_box.Max.y)));
  } else {
    y += draw_text(f, ImVec2(area.Min.x + margin, y), organization, f.style(36), org_w, f.colors().header_subtle) + f.px(40);
  }
  if (count > 0) {
    if (slide < current.size()) {
      const store::Announcement& a = current[slide];
      y += draw_text(f, ImVec2(x, y), f.t(Str::Announcements), f.style(40, text::Weight::Bold), w, f.colors().accent_on_dark) +
           f.px(16);
      fit_text(f, ImRect(x, y, x + w, hint_top - f.px(40)), a.title, f.style(72, text::Weight::Bold, 1.35f), f.colors().header_text,
               {.balance = true});
    } else {
      const store::Plan& p = *plan_slide;
      y += fit_text(f, ImRect(x, y, x + w, y + f.px(200)), p.title, f.style(44, text::Weight::Bold, 1.35f), f.colors().accent_on_dark,
                    {.max_lines = 2, .balance = true}) + f.px(24);
      const float standing_h = draw_plan_standing(f, p, ImVec2(x, y), w, 40, true, true);
      y += fit_text(f, ImRect(x, y, x + w, std::max(y, hint_top - f.px(40) - standing_h - f.px(40))), p.desired_state,
                    f.style(52, text::Weight::Regular, 1.45f), f.colors().header_text) + f.px(40);
      draw_plan_standing(f, p, ImVec2(x, y), w, 40, true);
    }
  }
  // A still hint: the loop redraws only when the slide changes, so a night of attract mode costs
  // a frame every few seconds.
  draw_text(f, ImVec2(area.Min.x + margin, area.Max.y - f.px(140)), f.t(Str::TouchToStart), f.style(48, text::Weight::Bold),
            w, f.colors().header_text, text::Align::Center);
}

}  // namespace khlang::kiosk

#include "screens/plan_widgets.h"

#include <algorithm>

#include "plan/plan_cycle.h"
#include "screens/screen_helpers.h"

namespace khlang::kiosk {

float progress_bars_height(FrameContext& f, const store::PlanActivity& activity, float font_px) {
  return static_cast<float>(activity.progress.size()) * (f.px(font_px * 1.35f) + f.px(font_px * 0.6f) + f.px(font_px * 0.5f));
}

float draw_progress_bars(FrameContext& f, const store::PlanActivity& activity, ImVec2 pos, float width, float font_px) {
  float y = pos.y;
  const float line_h = f.px(font_px * 1.35f), bar_h = f.px(font_px * 0.6f), gap = f.px(font_px * 0.5f);
  const thai::CivilDate today = plan::thai_local_date(f.wall_utc);
  for (const store::ProgressEntry& e : activity.progress) {
    // "ปี 2564 · 45% ต่ำกว่าเป้าหมาย" above its bar, in the colour of the status the figures give;
    // the bar shows the way to a numeric target, and there is none without one.
    const plan::ProgressStatus status = store::progress_status(activity, e, today);
    const std::string year = fill_in(f.t(Str::FiscalYearShort), std::to_string(e.fiscal_year));
    std::string value;
    if (e.value) {
      const plan::Texts q = plan::format_quantity(*e.value, activity.spec);
      value = (f.lang == Lang::Th ? q.th : q.en) + " ";
    }
    value += std::string(status_label(f, status));
    const TextBlock year_block{year, f.style(font_px, text::Weight::Bold, 1.3f)};
    auto year_layout = f.text.layout(year_block);
    draw_text(f, ImVec2(pos.x, y), year_block, *year_layout, theme::kText);
    const float vx = pos.x + year_layout->width + f.px(font_px * 0.6f);
    f.draw_list->PushClipRect(ImVec2(vx, y), ImVec2(pos.x + width, y + line_h), true);
    draw_text(f, ImVec2(vx, y), value, f.style(font_px, text::Weight::Regular, 1.3f), 0, status_color(status));
    f.draw_list->PopClipRect();
    y += line_h;
    const std::optional<double> target = plan::year_target(activity.spec, store::year_result(e));
    if (e.value && target && *target > 0 && activity.spec.has_numeric_target()) {
      const float fraction = static_cast<float>(std::clamp(*e.value / *target, 0.0, 1.0));
      progress_bar(f, ImRect(pos.x, y, pos.x + width, y + bar_h), fraction, status_color(status));
    }
    y += bar_h + gap;
  }
  return y - pos.y;
}

}  // namespace khlang::kiosk

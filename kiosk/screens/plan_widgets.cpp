#include "screens/plan_widgets.h"

#include <algorithm>

#include "plan/plan_cycle.h"
#include "screens/screen_helpers.h"

namespace khlang::kiosk {

float draw_progress_bars(FrameContext& f, const store::PlanActivity& activity, ImVec2 pos, float width, float font_px,
                         bool measure) {
  float y = pos.y;
  const float bar_h = f.px(font_px * 0.6f), gap = f.px(font_px * 0.5f), space = f.px(font_px * 0.6f);
  const thai::CivilDate today = plan::thai_local_date(f.wall_utc);
  // Entries are by fiscal year: the latest are last.
  const size_t earlier = activity.progress.size() > kProgressEntriesShown ? activity.progress.size() - kProgressEntriesShown : 0;
  if (earlier) {
    const std::string line = count_text(f, static_cast<int64_t>(earlier), Str::EarlierEntryOne, Str::EarlierEntryMany);
    const auto style = f.style(font_px, text::Weight::Regular, 1.3f);
    y += measure ? text_height(f, line, style, width) : draw_text(f, ImVec2(pos.x, y), line, style, width, f.colors().text_muted);
  }
  for (size_t i = earlier; i < activity.progress.size(); ++i) {
    const store::ProgressEntry& e = activity.progress[i];
    // "ปี 2564 · 45% ต่ำกว่าเป้าหมาย" above its bar, in the colour of the status the figures give
    // (the value on a line of its own when the two do not fit on one); the bar shows the way to a
    // numeric target, and there is none without one.
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
    const auto value_style = f.style(font_px, text::Weight::Regular, 1.3f);
    const float beside = width - year_layout->width - space;
    const bool one_line = f.text.layout(TextBlock{value, value_style})->width <= beside;
    const float vx = one_line ? pos.x + year_layout->width + space : pos.x;
    const float vy = one_line ? y : y + year_layout->height;
    const float vw = one_line ? beside : width;
    if (!measure) {
      draw_text(f, ImVec2(pos.x, y), year_block, *year_layout, f.colors().text);
      draw_text(f, ImVec2(vx, vy), value, value_style, vw, status_color(f, status));
    }
    y = std::max(y + year_layout->height, vy + text_height(f, value, value_style, vw));
    const std::optional<double> target = plan::year_target(activity.spec, store::year_result(e));
    if (!measure && e.value && target && *target > 0 && activity.spec.has_numeric_target()) {
      const float fraction = static_cast<float>(std::clamp(*e.value / *target, 0.0, 1.0));
      progress_bar(f, ImRect(pos.x, y, pos.x + width, y + bar_h), fraction, status_color(f, status));
    }
    y += bar_h + gap;
  }
  return y - pos.y;
}

ImU32 status_fill(const FrameContext& f, plan::ProgressStatus status) {
  switch (status) {
    case plan::ProgressStatus::Achieved: return f.colors().done;
    case plan::ProgressStatus::InProgress: return f.colors().in_progress;
    case plan::ProgressStatus::Behind: return f.colors().behind;
    case plan::ProgressStatus::YearClosed: return f.colors().year_closed;
    case plan::ProgressStatus::NoData: return f.colors().no_data;
    case plan::ProgressStatus::NotStarted: return f.colors().not_started;
  }
  return f.colors().track;
}

float draw_plan_standing(FrameContext& f, const store::Plan& plan, ImVec2 pos, float width, float font_px, bool on_dark,
                         bool measure) {
  const thai::CivilDate today = plan::thai_local_date(f.wall_utc);
  const plan::PlanPhase phase = plan::plan_phase(plan.range(), today);
  const plan::Texts cycle = plan::phase_text(plan.range(), today);
  const int64_t year = store::plan_reference_year(plan, today);
  const std::string results = phase == plan::PlanPhase::Ended     ? fill_in(f.t(Str::FinalResults), std::to_string(year))
                              : phase == plan::PlanPhase::Current ? fill_in(f.t(Str::ResultsThisYear), std::to_string(year))
                                                                  : std::string(f.t(Str::PlanNotStarted));
  const ImU32 strong = on_dark ? f.colors().header_text : f.colors().text;
  const ImU32 subtle = on_dark ? f.colors().header_subtle : f.colors().text_muted;
  const auto cycle_style = f.style(font_px * 1.1f, text::Weight::Bold, 1.35f);
  const auto results_style = f.style(font_px, text::Weight::Regular, 1.4f);
  const auto legend_style = f.style(font_px, text::Weight::Regular, 1.4f);
  const std::string cycle_text = f.lang == Lang::Th ? cycle.th : cycle.en;
  float y = pos.y;
  y += measure ? text_height(f, cycle_text, cycle_style, width)
               : draw_text(f, ImVec2(pos.x, y), cycle_text, cycle_style, width,
                           on_dark ? f.colors().header_text : (phase == plan::PlanPhase::Ended ? f.colors().text : f.colors().heading));
  y += measure ? text_height(f, results, results_style, width)
               : draw_text(f, ImVec2(pos.x, y), results, results_style, width, subtle);
  y += f.px(font_px * 0.4f);

  // The bar: one segment per activity, grouped by state.
  constexpr plan::ProgressStatus kOrder[] = {plan::ProgressStatus::Achieved,   plan::ProgressStatus::InProgress,
                                             plan::ProgressStatus::YearClosed, plan::ProgressStatus::Behind,
                                             plan::ProgressStatus::NoData,     plan::ProgressStatus::NotStarted};
  const auto counts = store::plan_status_counts(plan, year, today);
  const float bar_h = f.px(font_px * 0.7f);
  if (!measure && !plan.activities.empty()) {
    float x = pos.x;
    const float unit = width / static_cast<float>(plan.activities.size());
    for (plan::ProgressStatus s : kOrder) {
      const int n = counts[static_cast<size_t>(s)];
      if (n == 0) continue;
      const float w = unit * static_cast<float>(n);
      f.draw_list->AddRectFilled(ImVec2(x, y), ImVec2(x + w, y + bar_h), status_fill(f, s));
      x += w;
    }
    // Lines between the activities, so a count can be read off the bar too.
    for (size_t i = 1; i < plan.activities.size(); ++i) {
      const float lx = pos.x + unit * static_cast<float>(i);
      f.draw_list->AddLine(ImVec2(lx, y), ImVec2(lx, y + bar_h), on_dark ? f.colors().header : f.colors().card, f.px(3));
    }
  }
  y += bar_h + f.px(font_px * 0.4f);

  // The legend: a square of the state's colour, "บรรลุเป้าหมาย 4", wrapping as needed.
  const float square = f.px(font_px * 0.7f), gap = f.px(font_px * 0.5f);
  float x = pos.x, line_h = 0;
  for (plan::ProgressStatus s : kOrder) {
    const int n = counts[static_cast<size_t>(s)];
    if (n == 0) continue;
    const std::string entry = std::string(status_label(f, s)) + " " + std::to_string(n);
    const TextBlock block{entry, legend_style};
    auto layout = f.text.layout(block);
    const float entry_w = square + gap * 0.5f + layout->width;
    if (x > pos.x && x + entry_w > pos.x + width) {
      x = pos.x;
      y += line_h;
    }
    line_h = std::max(line_h, layout->height);
    if (!measure) {
      const float sy = y + (layout->height - square) * 0.5f;
      f.draw_list->AddRectFilled(ImVec2(x, sy), ImVec2(x + square, sy + square), status_fill(f, s), f.px(4));
      draw_text(f, ImVec2(x + square + gap * 0.5f, y), block, *layout, strong);
    }
    x += entry_w + gap * 1.5f;
  }
  return y + line_h - pos.y;
}

}  // namespace khlang::kiosk

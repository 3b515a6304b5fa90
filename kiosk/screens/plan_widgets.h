// [SECTION] Drawing plan progress: a plan's standing (its cycle, ended or not, and its
// activities' statuses in the year its figures speak for), and one bar per fiscal year against an
// activity's target, in the colour of its status. Shared by the plan screens, the attract loop
// and meeting mode.
#pragma once

#include "screens/screen.h"
#include "store/content_queries.h"

namespace khlang::kiosk {

// An activity shows its latest entries, with a line counting the earlier ones: what it costs to
// lay out and draw stays bounded however many entries the content gives it.
inline constexpr size_t kProgressEntriesShown = 12;

// Bars for the latest kProgressEntriesShown progress entries of `activity` (a line counts the
// earlier ones); returns the height used (`measure`: only that).
float draw_progress_bars(FrameContext& f, const store::PlanActivity& activity, ImVec2 pos, float width,
                         float font_px = 26, bool measure = false);

// A plan's standing today: its cycle ("ปีงบประมาณ 2567–2570", or "สิ้นสุดปีงบประมาณ 2566" once
// ended), then how many of its activities are in each state in the year its figures speak for (an
// ended plan: its final results), as a bar of coloured segments and a legend. `on_dark`: drawn on
// the header colour (the attract loop, meeting mode). `measure`: only the height. Returns the height.
float draw_plan_standing(FrameContext& f, const store::Plan& plan, ImVec2 pos, float width, float font_px, bool on_dark,
                         bool measure = false);
// The colour of a state in bars and legends (status_color is the colour of its words).
ImU32 status_fill(const FrameContext& f, plan::ProgressStatus status);

}  // namespace khlang::kiosk

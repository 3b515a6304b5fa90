// [SECTION] Drawing plan progress: one bar per fiscal year against its target, in the colour of
// its status. Shared by the plan screens and meeting mode.
#pragma once

#include "screens/screen.h"
#include "store/content_queries.h"

namespace khlang::kiosk {

// Height draw_progress_bars will take.
float progress_bars_height(FrameContext& f, const store::PlanActivity& activity, float font_px = 26);
// Bars for each progress entry of `activity`; returns the height used.
float draw_progress_bars(FrameContext& f, const store::PlanActivity& activity, ImVec2 pos, float width,
                         float font_px = 26);

}  // namespace khlang::kiosk

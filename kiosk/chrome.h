// [SECTION] What the kiosk draws around and over its screens: the top bar (back, the title,
// home: always there, whatever the text size) and the "Still there?" prompt before the idle reset.
#pragma once

#include <string>

#include "screens/screen.h"

namespace khlang::kiosk {

void draw_top_bar(FrameContext& f, const ImRect& bar, const std::string& title);
// Over everything: the visitor is asked whether they are still there; any touch answers.
void draw_still_there(FrameContext& f, const ImRect& area, double seconds_left);

}  // namespace khlang::kiosk

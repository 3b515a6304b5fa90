// [SECTION] What the kiosk draws around and over its screens: the top bar (back, the title,
// home: always there, whatever the text size), the sample-data strip below it, and the "Still there?" prompt before the idle reset.
#pragma once

#include <string>

#include "screens/screen.h"

namespace khlang::kiosk {

void draw_top_bar(FrameContext& f, const ImRect& bar, const std::string& title);
// Under the top bar of a screen that shows sample data: the mark and a line saying what it
// means, in the visitor's language. sample_strip_height is what it takes at `width`.
float sample_strip_height(FrameContext& f, float width);
void draw_sample_strip(FrameContext& f, const ImRect& strip);
// Over everything: the visitor is asked whether they are still there; any touch answers.
void draw_still_there(FrameContext& f, const ImRect& area, double seconds_left);

}  // namespace khlang::kiosk

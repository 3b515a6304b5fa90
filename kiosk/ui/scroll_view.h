// [SECTION] Vertical scrolling by dragging, with inertia: the content follows the finger, keeps
// gliding after a flick and slows down; a mouse wheel scrolls too.
#pragma once

#include <imgui.h>
#include <imgui_internal.h>

#include "ui/touch_input.h"

namespace khlang::kiosk {

class ScrollView {
 public:
  // Updates the offset for a viewport showing `content_height` px of content. Returns true while
  // it is still moving (the caller keeps drawing frames).
  bool update(const TouchInput& touch, const ImRect& viewport, float content_height, float dt, float wheel_step);
  float offset() const { return offset_; }
  void set_offset(float y) { offset_ = y; velocity_ = 0; }
  void reset() { offset_ = velocity_ = 0; }

 private:
  float offset_ = 0, velocity_ = 0;
};

}  // namespace khlang::kiosk

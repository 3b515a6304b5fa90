// [SECTION] What every screen gets each frame, and what it implements.
#pragma once

#include <imgui.h>

#include "render/text_renderer.h"
#include "ui_scale.h"

namespace khlang::kiosk {

struct FrameContext {
  ImDrawList* draw_list;
  ImVec2 size;  // window size in pixels
  UiScale scale;
  TextRenderer& text;
};

class Screen {
 public:
  virtual ~Screen() = default;
  virtual void draw(FrameContext& frame) = 0;
};

}  // namespace khlang::kiosk

// [SECTION] Layout units. Screens never use raw pixel literals: a length is designed for a
// 1080 px short side and scaled to the window by px().
#pragma once

#include <algorithm>

namespace khlang::kiosk {

struct UiScale {
  float factor = 1.0f;

  static UiScale for_window(float width, float height) { return {std::min(width, height) / 1080.0f}; }
  float px(float design_px) const { return design_px * factor; }
};

}  // namespace khlang::kiosk

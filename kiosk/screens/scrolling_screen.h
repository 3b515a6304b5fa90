// [SECTION] A screen whose content scrolls under the finger: it keeps the scroll state and the
// clip; the subclass draws its content from a y origin and reports its height, skipping what is
// outside the view (lists of thousands stay cheap).
#pragma once

#include "screens/screen.h"
#include "ui/scroll_view.h"
#include "ui/widgets.h"

namespace khlang::kiosk {

class ScrollingScreen : public Screen {
 public:
  void draw(FrameContext& f, const ImRect& area) final {
    if (scroll_.update(f.touch, area, content_height_, static_cast<float>(f.dt), f.px(160))) f.animating = true;
    ScrollClip clip(f, area);
    content_height_ = draw_content(f, ImVec2(area.Min.x, area.Min.y - scroll_.offset()), area);
  }

  float scroll_offset() const override { return scroll_.offset(); }

 protected:
  // Draws the content with its top at origin.y; returns the content's height.
  virtual float draw_content(FrameContext& f, ImVec2 origin, const ImRect& view) = 0;
  static bool visible(const ImRect& view, float top, float bottom) { return bottom >= view.Min.y && top <= view.Max.y; }
  // The reading column: centred, at most ~1500 design px wide.
  static ImRect column(const FrameContext& f, const ImRect& view) {
    const float margin = f.px(f.portrait ? 40 : 64);
    const float w = std::min(view.GetWidth() - 2 * margin, f.px(1500));
    const float x = view.Min.x + (view.GetWidth() - w) * 0.5f;
    return ImRect(x, view.Min.y, x + w, view.Max.y);
  }

  ScrollView scroll_;
  float content_height_ = 0;
};

}  // namespace khlang::kiosk

// [SECTION] Records the items a frame draws (drawn_item.h) while a test asks for them: the text
// renderer adds each text block, the widgets each button, tile, card and key, and every filled
// surface is remembered so an item knows what lies behind it (the last surface drawn under its
// middle, blended when translucent).
#pragma once

#include <imgui.h>
#include <imgui_internal.h>

#include <vector>

#include "render/drawn_item.h"

namespace khlang::kiosk {

uint32_t rgba_of(ImU32 colour);  // ImGui's packed colour as 0xRRGGBBAA

class ItemRecorder {
 public:
  void clear();
  // A filled rectangle (a screen's background, a card, a button's face...).
  void surface(const ImRect& r, ImU32 colour);
  // What lies behind the point: the last surface drawn that holds it.
  uint32_t background_at(ImVec2 p) const;
  // Adds an item drawn in `clip`; a text item's background is looked up behind it. Items whose
  // box shows nowhere inside the clip are not recorded. An item without a frame gets its box.
  void add(DrawnItem item, const ImRect& clip);
  const std::vector<DrawnItem>& items() const { return items_; }
  // Between these, items are drawn in a scrolling view (ui/scroll_view.h's ScrollClip).
  void set_scrolling(bool on) { scrolling_ = on; }
  bool scrolling() const { return scrolling_; }

 private:
  struct Surface {
    ImRect rect;
    uint32_t rgba;
  };
  std::vector<Surface> surfaces_;
  std::vector<DrawnItem> items_;
  bool scrolling_ = false;
};

}  // namespace khlang::kiosk

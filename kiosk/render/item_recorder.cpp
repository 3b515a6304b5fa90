#include "render/item_recorder.h"

namespace khlang::kiosk {
namespace {

uint32_t over(uint32_t top, uint32_t under) {
  const uint32_t a = top & 0xff;
  if (a == 0xff) return top;
  auto channel = [&](int shift) {
    const uint32_t t = (top >> shift) & 0xff, u = (under >> shift) & 0xff;
    return ((t * a + u * (255 - a) + 127) / 255) << shift;
  };
  return channel(24) | channel(16) | channel(8) | 0xff;
}

}  // namespace

uint32_t rgba_of(ImU32 c) {
  const uint32_t r = (c >> IM_COL32_R_SHIFT) & 0xff, g = (c >> IM_COL32_G_SHIFT) & 0xff;
  const uint32_t b = (c >> IM_COL32_B_SHIFT) & 0xff, a = (c >> IM_COL32_A_SHIFT) & 0xff;
  return r << 24 | g << 16 | b << 8 | a;
}

void ItemRecorder::clear() {
  surfaces_.clear();
  items_.clear();
}

uint32_t ItemRecorder::background_at(ImVec2 p) const {
  // Down from the top to the first opaque surface, then the translucent ones back up over it.
  auto it = surfaces_.rbegin();
  while (it != surfaces_.rend() && !(it->rect.Contains(p) && (it->rgba & 0xff) == 0xff)) ++it;
  uint32_t colour = it == surfaces_.rend() ? 0 : it->rgba;
  for (auto up = it.base(); up != surfaces_.end(); ++up) {
    if (up->rect.Contains(p)) colour = over(up->rgba, colour);
  }
  return colour;
}

void ItemRecorder::surface(const ImRect& r, ImU32 colour) { surfaces_.push_back({r, rgba_of(colour)}); }

void ItemRecorder::add(DrawnItem item, const ImRect& clip) {
  item.clip = {clip.Min.x, clip.Min.y, clip.Max.x, clip.Max.y};
  if (item.frame == ItemBox{}) item.frame = item.box;
  item.scrolled = scrolling_;
  const ItemBox v = item.visible();
  if (v.width() <= 0 || v.height() <= 0) return;
  if (item.kind == ItemKind::Text) {
    item.background_rgba = background_at(ImVec2((v.x0 + v.x1) * 0.5f, (v.y0 + v.y1) * 0.5f));
  }
  items_.push_back(std::move(item));
}

}  // namespace khlang::kiosk

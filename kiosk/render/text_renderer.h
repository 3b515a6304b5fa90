// [SECTION] Draws the text engine's layouts into ImGui draw lists, from our own glyph atlas
// texture. The kiosk's text never goes through ImGui's font path (it cannot shape Thai).
#pragma once

#include <imgui.h>

#include <cstdint>
#include <cstdio>
#include <string_view>

#include "text/text_engine.h"

namespace khlang::kiosk {

class TextRenderer {
 public:
  explicit TextRenderer(text::TextEngine& engine);
  ~TextRenderer();
  TextRenderer(const TextRenderer&) = delete;
  TextRenderer& operator=(const TextRenderer&) = delete;

  text::TextEngine& engine() { return engine_; }

  // Lays out and draws `utf8` with its top-left at `pos`; returns the layout (for its height).
  std::shared_ptr<const text::TextLayout> draw(ImDrawList* list, ImVec2 pos, std::string_view utf8,
                                               const text::TextStyle& style, float wrap_width, ImU32 color,
                                               text::Align align = text::Align::Left);
  // Glyphs of a link span take `link_color`; italic spans are slanted.
  void draw_layout(ImDrawList* list, ImVec2 pos, const text::TextLayout& layout, ImU32 color, ImU32 link_color = 0);

  // Call once per frame after building it, before rendering: brings the GL texture up to date.
  // Returns false when the atlas grew or started over during the frame, so the frame's texture
  // coordinates are stale and it must be built again.
  bool upload();

  // Tests: log each drawn block to this file, one line each, tab-separated: x, y, wrap width,
  // size px, bold (0/1), line height (em), align (0 left, 1 center, 2 right), the clip rectangle
  // (x0 y0 x1 y1), text. Only blocks that show are logged.
  void set_dump(std::FILE* file) { dump_ = file; }

 private:
  text::TextEngine& engine_;
  unsigned texture_ = 0;
  int texture_height_ = 0;
  uint64_t frame_generation_ = 0;
  std::FILE* dump_ = nullptr;
};

}  // namespace khlang::kiosk

// [SECTION] Draws the text engine's layouts into ImGui draw lists, from our own glyph atlas
// texture. The kiosk's text never goes through ImGui's font path (it cannot shape Thai).
#pragma once

#include <imgui.h>
#include <imgui_internal.h>

#include <cstdint>
#include <string_view>
#include <vector>

#include <string>
#include <unordered_map>

#include "text/fit.h"
#include "text/text_engine.h"

namespace khlang::kiosk {

class ItemRecorder;

// A block of text as it is asked for: what to lay out, and how.
struct TextBlock {
  std::string_view text;
  text::TextStyle style;
  float wrap = 0;  // 0: one line per paragraph
  text::Align align = text::Align::Left;
  const std::vector<text::TextSpan>* spans = nullptr;  // bold, italic, link ranges
};

class TextRenderer {
 public:
  explicit TextRenderer(text::TextEngine& engine);
  ~TextRenderer();
  TextRenderer(const TextRenderer&) = delete;
  TextRenderer& operator=(const TextRenderer&) = delete;

  text::TextEngine& engine() { return engine_; }

  // The layout of `block` (from the engine's cache).
  std::shared_ptr<const text::TextLayout> layout(const TextBlock& block);
  // Draws `layout`, the layout of `block`, with its top-left at `pos`: the one way text reaches
  // the screen, so a recording frame sees every block. Glyphs of link spans take `link_color`;
  // italic spans are slanted. `frame` is the box the text must stay in (drawn items); without
  // one, the width it wraps at (or its own width) and its own height.
  void draw(ImDrawList* list, ImVec2 pos, const TextBlock& block, const text::TextLayout& layout, ImU32 color,
            ImU32 link_color = 0, const ImRect* frame = nullptr);
  // Lays out `block` and draws it; returns the layout (for its height).
  std::shared_ptr<const text::TextLayout> draw(ImDrawList* list, ImVec2 pos, const TextBlock& block, ImU32 color,
                                               ImU32 link_color = 0);

  // The fitting rule (text/fit.h) for `text` in a box; remembered, so a frame that fits the same
  // text in the same box again costs a lookup.
  std::shared_ptr<const text::FittedText> fit(std::string_view text, const text::TextStyle& style,
                                              const text::FitOptions& options);

  // Call once per frame after building it, before rendering: brings the GL texture up to date.
  // Returns false when the atlas grew or started over during the frame, so the frame's texture
  // coordinates are stale and it must be built again.
  bool upload();

  // While set, each block drawn (and showing in its clip) is added to `recorder`.
  void set_recorder(ItemRecorder* recorder) { recorder_ = recorder; }

 private:
  text::TextEngine& engine_;
  unsigned texture_ = 0;
  int texture_height_ = 0;
  uint64_t frame_generation_ = 0;
  ItemRecorder* recorder_ = nullptr;
  std::unordered_map<std::string, std::shared_ptr<const text::FittedText>> fitted_;  // bounded: see fit()
};

}  // namespace khlang::kiosk

// [SECTION] Where each glyph of a layout lands in pixels, shared by every painter (the kiosk's
// ImGui draw lists, the CLI's PNG files) so they put the same pixels in the same places.
#pragma once

#include <algorithm>
#include <cmath>

#include "text/glyph_atlas.h"
#include "text/layout.h"

namespace khlang::text {

// Italic spans have no Thai italic face: a glyph is slanted instead, each row moved right by this
// fraction of its height above the baseline (the kiosk's quads and the painter below agree).
inline constexpr float kItalicSlant = 0.2f;

struct PlacedGlyph {
  AtlasGlyph bitmap;  // where its pixels are in the atlas
  int x, y;           // top-left of the bitmap in target pixels
  float baseline;     // y of the line's baseline in target pixels
  uint8_t flags;      // SpanFlag bits of the glyph's span
};

// Calls fn(const PlacedGlyph&) for each visible glyph of the lines of `layout` that meet the rows
// [clip_top, clip_bottom) of the target, with the layout's top-left at (origin_x, origin_y).
// The baseline is snapped to whole pixels; x keeps a quarter-pixel phase (kSubpixelSteps).
template <typename Fn>
void for_each_placed_glyph(GlyphAtlas& atlas, const TextLayout& layout, float origin_x, float origin_y,
                           float clip_top, float clip_bottom, Fn&& fn) {
  const ShapedText& s = *layout.shaped;
  const float oy = std::round(origin_y);
  for (size_t li = layout.first_line_below(clip_top - oy); li < layout.lines.size(); ++li) {
    const LayoutLine& line = layout.lines[li];
    if (oy + line.top >= clip_bottom) break;
    for (uint32_t gi = line.glyph_begin; gi < line.glyph_end; ++gi) {
      const ShapedGlyph& g = s.glyphs[gi];
      const float x = origin_x + layout.glyph_x(line, g);
      const float fx = std::floor(x);
      const int phase = std::min(kSubpixelSteps - 1, static_cast<int>((x - fx) * kSubpixelSteps));
      const AtlasGlyph bitmap = atlas.get(g.font, g.glyph, s.size_px, phase);
      if (bitmap.width == 0) continue;
      const int y = static_cast<int>(std::lround(oy + layout.glyph_y(line, g)));
      fn(PlacedGlyph{bitmap, static_cast<int>(fx) + bitmap.left, y - bitmap.top, oy + line.baseline, g.flags});
    }
    if (line.hyphen) {  // a line broken at a soft hyphen shows one after its last glyph
      const float x = origin_x + line.x + fixed_to_px(static_cast<int64_t>(s.pen_x[line.cp_end]) - line.pen_origin);
      const float fx = std::floor(x);
      const int phase = std::min(kSubpixelSteps - 1, static_cast<int>((x - fx) * kSubpixelSteps));
      const AtlasGlyph bitmap = atlas.get(line.hyphen->font, line.hyphen->glyph, s.size_px, phase);
      const uint8_t flags = line.glyph_end > line.glyph_begin ? s.glyphs[line.glyph_end - 1].flags : 0;
      const int y = static_cast<int>(std::lround(oy + line.baseline));
      if (bitmap.width > 0) fn(PlacedGlyph{bitmap, static_cast<int>(fx) + bitmap.left, y - bitmap.top, oy + line.baseline, flags});
    }
  }
}

}  // namespace khlang::text

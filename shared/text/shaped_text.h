// [SECTION] Shaping: text -> positioned glyphs, independent of the wrap width.
// Each paragraph is shaped whole, in runs split by font coverage, with the whole paragraph given
// to HarfBuzz as context. Line breaking (layout.h) then only slices the result, so re-wrapping
// to another width never shapes again.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "text/font_set.h"
#include "text/normalize.h"

namespace khlang::text {

// Positions are HarfBuzz's 26.6 fixed point (1/64 px): sums of them are exact on any length.
using Fixed = int32_t;
inline float fixed_to_px(int64_t v) { return static_cast<float>(v) / 64.0f; }

struct ShapedGlyph {
  uint32_t glyph;    // glyph id in `font` (HarfBuzz output; not a code point)
  FontId font;
  Fixed x;           // paragraph pen position plus the glyph's x offset
  Fixed y_offset;    // up from the baseline (marks raised or lowered by GPOS)
  uint32_t cluster;  // code point index (in the normalized text) of the cluster it belongs to
};

struct ShapedParagraph {
  uint32_t cp_begin, cp_end;  // code points of the paragraph, its separator excluded
  uint32_t glyph_begin, glyph_end;
};

struct ShapedText {
  NormalizedText normalized;
  std::vector<uint8_t> flags;   // BoundaryFlag per code point (+1 final), see segment.h
  std::vector<Fixed> pen_x;     // pen position at each code point within its paragraph (+1 final)
  std::vector<ShapedGlyph> glyphs;
  std::vector<ShapedParagraph> paragraphs;
  float size_px = 0;
  Weight weight = Weight::Regular;
  VerticalMetrics metrics{};    // room above and below the baseline at this size

  const std::u32string& text() const { return normalized.text; }
  size_t memory_bytes() const;
};

// Normalizes (display mode), finds clusters and break opportunities, and shapes `utf8`.
std::shared_ptr<const ShapedText> shape_text(FontSet& fonts, std::string_view utf8, float size_px, Weight weight);

}  // namespace khlang::text

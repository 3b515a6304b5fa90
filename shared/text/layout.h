// [SECTION] Layout: shaped text broken into lines at a width, aligned, ready to draw and to hit.
// Line breaking is greedy over the break opportunities (segment.h); a run with no opportunity
// that is wider than the line breaks at a cluster boundary, where segment.h allows it if it can.
// A line that breaks after a soft hyphen ends with a hyphen. Trailing white space hangs past the
// width. Everything here is linear in the text length.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "text/shaped_text.h"

namespace khlang::text {

enum class Align : uint8_t { Left, Center, Right };

struct LayoutLine {
  uint32_t cp_begin, cp_end;        // code points on the line, trailing white space included
  uint32_t glyph_begin, glyph_end;  // glyphs of those code points
  float x;                          // left edge of the line's ink box after alignment
  float width;                      // advance width without trailing white space
  float top;                        // top of the line box
  float baseline;                   // y of the baseline (whole pixels, for crisp text)
  Fixed pen_origin;                 // paragraph pen position of cp_begin
  const SoftHyphen* hyphen;         // the line ends at this soft hyphen, drawn as a hyphen; or null
};

struct CaretPosition {
  float x, top, height;
  size_t line;
};

class TextLayout {
 public:
  std::shared_ptr<const ShapedText> shaped;
  std::vector<LayoutLine> lines;
  float wrap_width = 0;   // 0: no wrapping
  Align align = Align::Left;
  float width = 0;        // widest line
  float height = 0;       // lines x line_height
  float line_height = 0;

  // Position of glyph `g` of `line`: x from the layout's left, y of its origin (on the baseline,
  // moved by its y offset).
  float glyph_x(const LayoutLine& line, const ShapedGlyph& g) const {
    return line.x + fixed_to_px(static_cast<int64_t>(g.x) - line.pen_origin);
  }
  float glyph_y(const LayoutLine& line, const ShapedGlyph& g) const { return line.baseline - fixed_to_px(g.y_offset); }

  // The caret stop (cluster boundary, as a code point offset into shaped->text()) nearest to a
  // point given in layout coordinates.
  size_t hit_test(float x, float y) const;
  // Where the caret stands before code point `offset` (snapped back to its cluster start).
  CaretPosition caret_at(size_t offset) const;
  // The line holding code point `offset`.
  size_t line_of(size_t offset) const;
  // Index of the first line whose box reaches below `y` (for drawing only what is visible).
  size_t first_line_below(float y) const;

  size_t memory_bytes() const { return sizeof(TextLayout) + lines.capacity() * sizeof(LayoutLine); }
};

struct LayoutOptions {
  float wrap_width = 0;      // px; 0 lays each paragraph on one line
  Align align = Align::Left;
  float line_height = 1.5f;  // in em; at least the fonts' own ascender + descender
};

std::shared_ptr<const TextLayout> layout_text(std::shared_ptr<const ShapedText> shaped, const LayoutOptions& options);

}  // namespace khlang::text

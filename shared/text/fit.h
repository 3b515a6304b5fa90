// [SECTION] Fitting a text into a box: the one rule for titles, tiles, badges and buttons.
//   1. Lay the text out at its size, wrapped at the box's width at break opportunities (Thai
//      word boundaries from libthai, spaces and UAX #14's pairs elsewhere). It fits when its
//      lines are inside the box (and within max_lines) and no line was cut inside a word.
//   2. Otherwise step the size down (about 7 % a step) to the floor.
//   3. At the floor, keep the lines that fit and end the last one with an ellipsis "…": at a
//      word boundary when one keeps most (70 %) of the line, else at a cluster boundary. A word wider than the line is cut there too, with the ellipsis: a line
//      never breaks inside a word (the layout's last resort, layout.h, is never shown).
//   With `balance` (titles), lines that fit are evened out as CSS's text-wrap: balance does: the
//   narrowest wrap width that keeps the same number of lines, so a title never ends with a
//   lone word (แผนการจัดการความ|รู้ becomes แผนการจัดการ|ความรู้).
// The result is a prefix of the source text (plus "…"), so what is drawn is what was given.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "text/text_engine.h"

namespace khlang::text {

struct FitOptions {
  float width = 0, height = 0;  // the box, px
  float min_size_px = 0;        // the floor (0: the text's own size, no stepping)
  Align align = Align::Left;
  int max_lines = 0;            // 0: as many as the height holds
  bool balance = false;         // even out the lines of a text that fits (titles)
};

struct FittedText {
  std::string text;   // what to draw: the source, or a prefix of it and "…"
  TextStyle style;    // the size it fits at
  std::shared_ptr<const TextLayout> layout;  // wrapped at options.width, or narrower when balanced
  float offset_x = 0;       // where the layout's origin goes in the box (a balanced layout is narrower)
  bool shrunk = false;      // drawn smaller than asked
  bool ellipsized = false;  // cut, ending with "…"
};

FittedText fit_text(TextEngine& engine, std::string_view text, const TextStyle& style, const FitOptions& options);

// Whether a line of `layout` ends where the text has no break opportunity (inside a word, or
// between a word's clusters): what the layout does only when a word is wider than its line.
bool breaks_inside_word(const TextLayout& layout);
// The narrowest a text can be set without cutting a word: its widest run between two break
// opportunities (trailing spaces hang), as a browser's min-content width. Its max-content width
// is its layout without wrapping's width.
float min_content_width(const ShapedText& shaped);
// Whether `layout` lies inside width x height (half a pixel of slack), within max_lines (0: any),
// with no line ending inside a word.
bool fits_box(const TextLayout& layout, float width, float height, int max_lines = 0);

}  // namespace khlang::text

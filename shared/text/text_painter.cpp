#include "text/text_painter.h"

#include <cmath>

#include "text/glyph_placement.h"

namespace khlang::text {

void paint_coverage(GlyphAtlas& atlas, const TextLayout& layout, float x, float y, image::Image& coverage) {
  auto add = [&](uint8_t* dst, int tx, int c) {
    if (tx < 0 || tx >= coverage.width || c == 0) return;
    const int a = dst[tx];
    dst[tx] = static_cast<uint8_t>(a + c - (a * c + 127) / 255);
  };
  for_each_placed_glyph(atlas, layout, x, y, 0.0f, static_cast<float>(coverage.height), [&](const PlacedGlyph& g) {
    const AtlasGlyph& b = g.bitmap;
    const bool italic = (g.flags & kSpanItalic) != 0;
    for (int row = 0; row < b.height; ++row) {
      const int ty = g.y + row;
      if (ty < 0 || ty >= coverage.height) continue;
      const uint8_t* src = atlas.pixels() + static_cast<size_t>(b.y + row) * static_cast<size_t>(atlas.width()) + b.x;
      uint8_t* dst = coverage.row(ty);
      // A slanted row moves right by its height above the baseline (its middle), split between
      // two pixels by the fraction.
      const float shift = italic ? (g.baseline - (static_cast<float>(ty) + 0.5f)) * kItalicSlant : 0.0f;
      const int whole = static_cast<int>(std::floor(shift));
      const float frac = shift - static_cast<float>(whole);
      for (int col = 0; col < b.width; ++col) {
        const int tx = g.x + col + whole;
        const int c = src[col];
        if (!italic) {
          add(dst, tx, c);
          continue;
        }
        add(dst, tx, static_cast<int>(std::lround(static_cast<float>(c) * (1 - frac))));
        add(dst, tx + 1, static_cast<int>(std::lround(static_cast<float>(c) * frac)));
      }
    }
  });
}

image::Image coverage_to_black_on_white(const image::Image& coverage) {
  image::Image out(coverage.width, coverage.height, 3);
  for (size_t i = 0; i < coverage.pixels.size(); ++i) {
    const auto v = static_cast<uint8_t>(255 - coverage.pixels[i]);
    out.pixels[i * 3] = out.pixels[i * 3 + 1] = out.pixels[i * 3 + 2] = v;
  }
  return out;
}

}  // namespace khlang::text

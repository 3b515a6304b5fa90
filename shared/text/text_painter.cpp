#include "text/text_painter.h"

#include "text/glyph_placement.h"

namespace khlang::text {

void paint_coverage(GlyphAtlas& atlas, const TextLayout& layout, float x, float y, image::Image& coverage) {
  for_each_placed_glyph(atlas, layout, x, y, 0.0f, static_cast<float>(coverage.height), [&](const PlacedGlyph& g) {
    const AtlasGlyph& b = g.bitmap;
    for (int row = 0; row < b.height; ++row) {
      const int ty = g.y + row;
      if (ty < 0 || ty >= coverage.height) continue;
      const uint8_t* src = atlas.pixels() + static_cast<size_t>(b.y + row) * static_cast<size_t>(atlas.width()) + b.x;
      uint8_t* dst = coverage.row(ty);
      for (int col = 0; col < b.width; ++col) {
        const int tx = g.x + col;
        if (tx < 0 || tx >= coverage.width) continue;
        const int a = dst[tx];
        const int c = src[col];
        dst[tx] = static_cast<uint8_t>(a + c - (a * c + 127) / 255);
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

// [SECTION] Glyph cache: FreeType bitmaps packed on demand into one grayscale atlas.
// Shaped glyphs have no code point, so the key is (font, size, glyph id, horizontal subpixel
// phase). Nothing is pre-baked per size: a glyph is rasterized the first time it is drawn. The
// atlas grows (taller) when full and starts over at its size limit. It is plain memory: the kiosk
// uploads it to a GL texture, the CLI paints from it into PNG files.
#pragma once

#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

#include "text/font_set.h"

namespace khlang::text {

// Glyph positions are rounded to a quarter pixel horizontally: four rasterizations per glyph at
// most, and spacing that stays even at small sizes.
inline constexpr int kSubpixelSteps = 4;

struct AtlasGlyph {
  uint16_t x = 0, y = 0, width = 0, height = 0;  // in the atlas; width 0 = nothing to draw (space)
  int16_t left = 0, top = 0;                     // bitmap offset from the pen: right, and up
};

// Rows of the atlas changed since the last take_dirty(); empty when y_end <= y_begin.
struct DirtyRows {
  int y_begin = 0, y_end = 0;
  bool empty() const { return y_end <= y_begin; }
};

class GlyphAtlas {
 public:
  explicit GlyphAtlas(FontSet& fonts, int width = 1024, int initial_height = 256, int max_height = 4096);
  ~GlyphAtlas();
  GlyphAtlas(const GlyphAtlas&) = delete;
  GlyphAtlas& operator=(const GlyphAtlas&) = delete;

  // Where the bitmap of a glyph is, rasterized and packed on first use. Valid until the atlas
  // starts over or grows (generation() changes).
  AtlasGlyph get(FontId font, uint32_t glyph, float size_px, int subpixel);

  const uint8_t* pixels() const { return pixels_.data(); }
  int width() const { return width_; }
  int height() const { return height_; }
  // Changes when the atlas is cleared to start over or grows (texture coordinates change).
  uint64_t generation() const { return generation_; }
  DirtyRows take_dirty();
  size_t glyph_count() const { return glyphs_.size(); }

 private:
  struct Region;
  bool pack(int w, int h, int* x, int* y);
  void grow_or_reset();

  FontSet& fonts_;
  int width_, height_, max_height_;
  uint64_t generation_ = 0;
  std::vector<uint8_t> pixels_;
  std::vector<std::unique_ptr<Region>> regions_;  // packers for successive bands of rows
  std::unordered_map<uint64_t, AtlasGlyph> glyphs_;
  DirtyRows dirty_;
};

}  // namespace khlang::text

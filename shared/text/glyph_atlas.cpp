#include "text/glyph_atlas.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H
#include <stb_rect_pack.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace khlang::text {

// One band of atlas rows with its own skyline packer; growing the atlas adds a band below.
struct GlyphAtlas::Region {
  int y0;
  stbrp_context context;
  std::vector<stbrp_node> nodes;
  Region(int width, int y, int height) : y0(y), nodes(static_cast<size_t>(width)) {
    stbrp_init_target(&context, width, height, nodes.data(), static_cast<int>(nodes.size()));
  }
};

namespace {
constexpr int kPadding = 1;  // empty texels around each glyph: no bleeding under linear filtering

uint64_t glyph_key(FontId font, uint32_t glyph, int size, int subpixel) {
  return (static_cast<uint64_t>(font) << 56) | (static_cast<uint64_t>(size & 0xFFFFFF) << 32) |
         (static_cast<uint64_t>(subpixel & 3) << 24) | (glyph & 0xFFFFFF);
}
}  // namespace

GlyphAtlas::GlyphAtlas(FontSet& fonts, int width, int initial_height, int max_height)
    : fonts_(fonts), width_(width), height_(initial_height), max_height_(max_height),
      pixels_(static_cast<size_t>(width) * static_cast<size_t>(initial_height), 0) {
  regions_.push_back(std::make_unique<Region>(width_, 0, height_));
}

GlyphAtlas::~GlyphAtlas() = default;

bool GlyphAtlas::pack(int w, int h, int* x, int* y) {
  Region& region = *regions_.back();
  stbrp_rect rect{};
  rect.w = w;
  rect.h = h;
  if (!stbrp_pack_rects(&region.context, &rect, 1) || !rect.was_packed) return false;
  *x = rect.x;
  *y = region.y0 + rect.y;
  return true;
}

void GlyphAtlas::grow_or_reset() {
  if (height_ * 2 <= max_height_) {
    regions_.push_back(std::make_unique<Region>(width_, height_, height_));
    height_ *= 2;
    pixels_.resize(static_cast<size_t>(width_) * static_cast<size_t>(height_), 0);
  } else {
    // Full at its limit: start over; what is still on screen is rasterized again on demand.
    glyphs_.clear();
    regions_.clear();
    std::fill(pixels_.begin(), pixels_.end(), 0);
    regions_.push_back(std::make_unique<Region>(width_, 0, height_));
  }
  ++generation_;
  dirty_ = {0, height_};
}

DirtyRows GlyphAtlas::take_dirty() {
  DirtyRows d = dirty_;
  dirty_ = {};
  return d;
}

AtlasGlyph GlyphAtlas::get(FontId font, uint32_t glyph, float size_px, int subpixel) {
  const int size = size_key(size_px);
  const uint64_t key = glyph_key(font, glyph, size, subpixel);
  if (auto it = glyphs_.find(key); it != glyphs_.end()) return it->second;

  AtlasGlyph entry{};
  FontFace& face = fonts_.face(font);
  std::lock_guard lock(face.raster_mutex());
  FT_Face ft = face.ft_face();
  // Light hinting (vertical only) as fontconfig's default "hintslight": crisp baselines and
  // x-heights, horizontal positions exactly HarfBuzz's.
  if (FT_Set_Char_Size(ft, 0, size, 72, 72) == 0 && FT_Load_Glyph(ft, glyph, FT_LOAD_TARGET_LIGHT | FT_LOAD_NO_BITMAP) == 0 &&
      ft->glyph->format == FT_GLYPH_FORMAT_OUTLINE) {
    FT_Outline_Translate(&ft->glyph->outline, subpixel * 64 / kSubpixelSteps, 0);
    if (FT_Render_Glyph(ft->glyph, FT_RENDER_MODE_NORMAL) == 0) {
      const FT_Bitmap& bm = ft->glyph->bitmap;
      const int w = static_cast<int>(bm.width);
      const int h = static_cast<int>(bm.rows);
      entry.left = static_cast<int16_t>(ft->glyph->bitmap_left);
      entry.top = static_cast<int16_t>(ft->glyph->bitmap_top);
      int x = 0, y = 0;
      bool packed = false;
      if (w > 0 && h > 0 && w + 2 * kPadding <= width_ && h + 2 * kPadding <= max_height_ / 2) {
        packed = pack(w + 2 * kPadding, h + 2 * kPadding, &x, &y);
        // Each growth adds a band as tall as the atlas was; a few always make room.
        for (int attempt = 0; !packed && attempt < 8; ++attempt) {
          grow_or_reset();
          packed = pack(w + 2 * kPadding, h + 2 * kPadding, &x, &y);
        }
      }
      if (packed) {
        x += kPadding;
        y += kPadding;
        for (int row = 0; row < h; ++row) {
          std::memcpy(&pixels_[static_cast<size_t>(y + row) * static_cast<size_t>(width_) + static_cast<size_t>(x)],
                      bm.buffer + static_cast<ptrdiff_t>(row) * bm.pitch, static_cast<size_t>(w));
        }
        entry.x = static_cast<uint16_t>(x);
        entry.y = static_cast<uint16_t>(y);
        entry.width = static_cast<uint16_t>(w);
        entry.height = static_cast<uint16_t>(h);
        if (dirty_.empty()) dirty_ = {y, y + h};
        dirty_.y_begin = std::min(dirty_.y_begin, y);
        dirty_.y_end = std::max(dirty_.y_end, y + h);
      }
    }
  }
  return glyphs_.emplace(key, entry).first->second;
}

}  // namespace khlang::text

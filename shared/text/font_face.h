// [SECTION] One font file: its FreeType face (for rasterizing) and HarfBuzz face (for shaping).
// Shaping uses HarfBuzz's own OpenType functions at a 26.6 scale per pixel size, so the positions
// are exactly HarfBuzz's (as Pango's are) and one face serves every size. FreeType only turns
// glyph ids into bitmaps.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "util/error.h"

struct FT_LibraryRec_;
struct FT_FaceRec_;
struct hb_face_t;
struct hb_font_t;

namespace khlang::text {

// Vertical metrics at one pixel size, in pixels, both positive.
struct VerticalMetrics {
  float ascender;
  float descender;
};

class FontFace {
 public:
  static Expected<std::unique_ptr<FontFace>> load(FT_LibraryRec_* library, const std::string& path);
  ~FontFace();
  FontFace(const FontFace&) = delete;
  FontFace& operator=(const FontFace&) = delete;

  const std::string& path() const { return path_; }
  const std::string& family() const { return family_; }

  // The HarfBuzz font for `size_px` (scale size_px * 64: positions come out in 26.6 pixels).
  // Created once per size and kept; safe to call from several threads.
  hb_font_t* hb_font_at(float size_px);

  // True when the font's cmap maps `cp` to a glyph.
  bool has_char(char32_t cp) const;
  uint32_t glyph_for(char32_t cp) const;

  VerticalMetrics metrics(float size_px) const;

  // FreeType face for the rasterizer; callers lock raster_mutex() around its use.
  FT_FaceRec_* ft_face() const { return ft_face_; }
  std::mutex& raster_mutex() { return raster_mutex_; }

 private:
  FontFace() = default;

  std::string path_;
  std::string family_;
  FT_FaceRec_* ft_face_ = nullptr;
  hb_face_t* hb_face_ = nullptr;
  hb_font_t* unit_font_ = nullptr;  // at units-per-em scale, for cmap and metric queries
  int units_per_em_ = 1000;
  std::mutex sizes_mutex_;
  std::map<int, hb_font_t*> sized_fonts_;  // key: size in 26.6
  std::mutex raster_mutex_;
};

// 26.6 fixed point key of a pixel size (sizes closer than 1/64 px are the same size).
inline int size_key(float size_px) { return static_cast<int>(size_px * 64.0f + 0.5f); }

}  // namespace khlang::text

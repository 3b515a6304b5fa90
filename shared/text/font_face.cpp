#include "text/font_face.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb-ot.h>
#include <hb.h>

namespace khlang::text {

Expected<std::unique_ptr<FontFace>> FontFace::load(FT_LibraryRec_* library, const std::string& path) {
  std::unique_ptr<FontFace> face(new FontFace());
  face->path_ = path;
  FT_Face ft = nullptr;
  if (FT_Error err = FT_New_Face(library, path.c_str(), 0, &ft)) {
    return Error{"font " + path + ": " +
                 (err == FT_Err_Cannot_Open_Resource ? std::string("cannot open the file")
                                                     : std::string("not a font FreeType can read"))};
  }
  face->ft_face_ = ft;
  if (!FT_IS_SCALABLE(ft)) return Error{"font " + path + ": not a scalable (outline) font"};
  face->family_ = ft->family_name ? ft->family_name : "";

  hb_blob_t* blob = hb_blob_create_from_file_or_fail(path.c_str());
  if (!blob) return Error{"font " + path + ": cannot read the file"};
  face->hb_face_ = hb_face_create(blob, 0);
  hb_blob_destroy(blob);
  face->units_per_em_ = static_cast<int>(hb_face_get_upem(face->hb_face_));
  face->unit_font_ = hb_font_create(face->hb_face_);
  hb_font_set_scale(face->unit_font_, face->units_per_em_, face->units_per_em_);
  return face;
}

FontFace::~FontFace() {
  for (auto& [key, font] : sized_fonts_) hb_font_destroy(font);
  if (unit_font_) hb_font_destroy(unit_font_);
  if (hb_face_) hb_face_destroy(hb_face_);
  if (ft_face_) FT_Done_Face(ft_face_);
}

hb_font_t* FontFace::hb_font_at(float size_px) {
  const int key = size_key(size_px);
  std::lock_guard lock(sizes_mutex_);
  auto it = sized_fonts_.find(key);
  if (it != sized_fonts_.end()) return it->second;
  hb_font_t* font = hb_font_create(hb_face_);
  hb_font_set_scale(font, key, key);
  hb_font_make_immutable(font);  // shared across threads from here on
  sized_fonts_.emplace(key, font);
  return font;
}

bool FontFace::has_char(char32_t cp) const { return glyph_for(cp) != 0; }

uint32_t FontFace::glyph_for(char32_t cp) const {
  hb_codepoint_t glyph = 0;
  return hb_font_get_nominal_glyph(unit_font_, cp, &glyph) ? glyph : 0;
}

VerticalMetrics FontFace::metrics(float size_px) const {
  hb_font_extents_t extents{};
  hb_font_get_h_extents(unit_font_, &extents);
  const float scale = size_px / static_cast<float>(units_per_em_);
  return {static_cast<float>(extents.ascender) * scale, static_cast<float>(-extents.descender) * scale};
}

}  // namespace khlang::text

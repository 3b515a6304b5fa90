// The engine's glyphs and positions must be HarfBuzz's own for the same font and size: shaping
// word by word, caching and line breaking may not move a single glyph.
#include <doctest/doctest.h>
#include <hb.h>

#include "test_support.h"
#include "text/normalize.h"
#include "text/thai_chars.h"

using namespace khlang::text;
using khlang::test::engine;

namespace {

// HarfBuzz alone: the whole (normalized, one-font) text in one buffer, on a face of its own.
struct Reference {
  std::vector<uint32_t> glyphs;
  std::vector<int32_t> x, y;
};
Reference harfbuzz_reference(const std::string& path, const std::u32string& text, float size_px) {
  hb_blob_t* blob = hb_blob_create_from_file(path.c_str());
  hb_face_t* face = hb_face_create(blob, 0);
  hb_font_t* font = hb_font_create(face);
  const int scale = static_cast<int>(size_px * 64);
  hb_font_set_scale(font, scale, scale);
  hb_buffer_t* buf = hb_buffer_create();
  hb_buffer_add_utf32(buf, reinterpret_cast<const uint32_t*>(text.data()), static_cast<int>(text.size()), 0, -1);
  hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
  hb_buffer_set_script(buf, HB_SCRIPT_THAI);
  hb_buffer_set_language(buf, hb_language_from_string("th", 2));
  hb_buffer_set_flags(buf, static_cast<hb_buffer_flags_t>(HB_BUFFER_FLAG_BOT | HB_BUFFER_FLAG_EOT));
  hb_shape(font, buf, nullptr, 0);
  unsigned n = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &n);
  Reference r;
  int32_t pen = 0;
  for (unsigned i = 0; i < n; ++i) {
    r.glyphs.push_back(info[i].codepoint);
    r.x.push_back(pen + pos[i].x_offset);
    r.y.push_back(pos[i].y_offset);
    pen += pos[i].x_advance;
  }
  hb_buffer_destroy(buf);
  hb_font_destroy(font);
  hb_face_destroy(face);
  hb_blob_destroy(blob);
  return r;
}

bool thai_font_only(const std::u32string& t) {
  for (char32_t c : t) {
    if (!is_thai(c) && c != U' ' && c != kZeroWidthSpace) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("glyph ids and positions equal HarfBuzz's for every Thai test string") {
  int compared = 0;
  for (float size : {16.0f, 48.0f, 75.5f}) {
    for (const auto& s : khlang::test::thai_test_strings()) {
      const std::u32string normalized = normalize(s.text).text;
      if (!thai_font_only(normalized)) continue;  // mixed-font strings: next test case
      auto layout = engine().layout(s.text, {size, Weight::Regular, 1.5f}, 0);
      const FontFace& face = engine().fonts().face(engine().fonts().thai(Weight::Regular));
      const Reference ref = harfbuzz_reference(face.path(), normalized, size);
      const auto& glyphs = layout->shaped->glyphs;
      INFO(s.text << " at " << size << " px");
      REQUIRE(glyphs.size() == ref.glyphs.size());
      for (size_t i = 0; i < glyphs.size(); ++i) {
        CHECK(glyphs[i].glyph == ref.glyphs[i]);
        CHECK(glyphs[i].x == ref.x[i]);
        CHECK(glyphs[i].y_offset == ref.y[i]);
      }
      ++compared;
    }
  }
  CHECK(compared >= 40);
}

TEST_CASE("a long Thai paragraph shaped word by word matches HarfBuzz on the whole paragraph") {
  const std::string text =
      "การจัดการความรู้ คือ การรวบรวมองค์ความรู้ที่มีอยู่ในส่วนราชการซึ่งกระจัดกระจายอยู่ในตัวบุคคล หรือเอกสาร "
      "มาพัฒนาให้เป็นระบบ เพื่อให้ทุกคนในองค์กรสามารถเข้าถึงความรู้และพัฒนาตนเองให้เป็นผู้รู้ "
      "รวมทั้งปฏิบัติงานได้อย่างมีประสิทธิภาพ ฟื้นฟู กตัญญู น้ำ ค่ำ ปั้น ฝั่ง ฟ้า";
  auto layout = engine().layout(text, {32, Weight::Regular, 1.5f}, 700);
  const FontFace& face = engine().fonts().face(engine().fonts().thai(Weight::Regular));
  const Reference ref = harfbuzz_reference(face.path(), layout->shaped->text(), 32);
  const auto& glyphs = layout->shaped->glyphs;
  REQUIRE(glyphs.size() == ref.glyphs.size());
  for (size_t i = 0; i < glyphs.size(); ++i) {
    CHECK(glyphs[i].glyph == ref.glyphs[i]);
    CHECK(glyphs[i].x == ref.x[i]);
    CHECK(glyphs[i].y_offset == ref.y[i]);
  }
  // And where each glyph is drawn follows from those positions, line by line.
  for (const LayoutLine& line : layout->lines) {
    for (uint32_t g = line.glyph_begin; g < line.glyph_end; ++g) {
      CHECK(layout->glyph_x(line, glyphs[g]) ==
            doctest::Approx(line.x + (ref.x[g] - ref.x[line.glyph_begin] + (glyphs[line.glyph_begin].x - line.pen_origin)) / 64.0));
    }
  }
}

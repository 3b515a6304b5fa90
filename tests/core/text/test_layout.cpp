#include <doctest/doctest.h>

#include <cmath>

#include "test_support.h"
#include "text/segment.h"
#include "text/thai_chars.h"

using namespace khlang::text;
using khlang::test::engine;

namespace {
const TextStyle kBody{32, Weight::Regular, 1.5f};

// Every line of `layout` within `width` (1/64 px of rounding) unless it is a single cluster
// too wide for any line, and none starting with a mark.
void check_lines(const TextLayout& layout, float width) {
  const std::u32string& t = layout.shaped->text();
  for (size_t i = 0; i < layout.lines.size(); ++i) {
    const LayoutLine& line = layout.lines[i];
    INFO("line " << i);
    int clusters = 0;
    for (uint32_t k = line.cp_begin; k < line.cp_end; ++k) {
      clusters += (layout.shaped->flags[k] & kClusterStart) && !is_breakable_space(t[k]) ? 1 : 0;
    }
    if (width > 0 && clusters > 1) CHECK(line.width <= width + 1.0f / 64);
    if (line.cp_begin > 0 && line.cp_begin < t.size() && !is_paragraph_separator(t[line.cp_begin - 1])) {
      CHECK_FALSE(extends_cluster(t[line.cp_begin]));
    }
  }
}
}  // namespace

TEST_CASE("wrapping: lines fit the width, break at words, never before a mark") {
  const std::string text =
      "การจัดการความรู้ คือ การรวบรวมองค์ความรู้ที่มีอยู่ในส่วนราชการซึ่งกระจัดกระจายอยู่ในตัวบุคคล หรือเอกสาร "
      "มาพัฒนาให้เป็นระบบ เพื่อให้ทุกคนในองค์กรสามารถเข้าถึงความรู้และพัฒนาตนเองให้เป็นผู้รู้";
  for (float width : {120.0f, 300.0f, 555.0f, 1000.0f}) {
    auto layout = engine().layout(text, kBody, width);
    INFO("width " << width);
    CHECK(layout->lines.size() > 1);
    check_lines(*layout, width);
    // Every line but the last ends at a break opportunity.
    const auto& flags = layout->shaped->flags;
    for (size_t i = 0; i + 1 < layout->lines.size(); ++i) CHECK((flags[layout->lines[i].cp_end] & kBreakBefore));
    // Lines cover the text without gaps.
    for (size_t i = 1; i < layout->lines.size(); ++i) CHECK(layout->lines[i].cp_begin == layout->lines[i - 1].cp_end);
    CHECK(layout->lines.back().cp_end == layout->shaped->text().size());
  }
  auto one_line = engine().layout(text, kBody, 0);
  CHECK(one_line->lines.size() == 1);
}

TEST_CASE("an unbreakable run longer than the line breaks at a cluster boundary") {
  auto layout = engine().layout("กรุงเทพมหานครอมรรัตนโกสินทร์มหินทรายุทธยามหาดิลกภพ", kBody, 90);
  CHECK(layout->lines.size() > 3);
  check_lines(*layout, 90);
  std::string no_breaks(3000, 'x');
  auto latin = engine().layout(no_breaks, kBody, 400);
  CHECK(latin->lines.size() > 10);
  check_lines(*latin, 400);
}

TEST_CASE("the test strings lay out at every width without a mark starting a line") {
  for (const auto& s : khlang::test::thai_test_strings()) {
    for (float width : {0.0f, 40.0f, 150.0f, 400.0f}) {
      INFO(s.text << " at " << width);
      auto layout = engine().layout(s.text, {48, Weight::Regular, 1.5f}, width);
      CHECK(!layout->lines.empty());
      CHECK(layout->height >= 1.5f * 48 - 1);
      check_lines(*layout, width);
    }
  }
}

TEST_CASE("alignment and line height") {
  const std::string text = "ที่นี่ ก่อน";
  auto left = engine().layout(text, kBody, 600, Align::Left);
  auto center = engine().layout(text, kBody, 600, Align::Center);
  auto right = engine().layout(text, kBody, 600, Align::Right);
  CHECK(left->lines[0].x == 0);
  CHECK(std::fabs(center->lines[0].x - (600 - center->lines[0].width) / 2) <= 0.5f);
  CHECK(std::fabs(right->lines[0].x + right->lines[0].width - 600) <= 0.01f);
  CHECK(left->line_height >= 48);  // 1.5 em of 32 px: room for stacked marks
  auto bold = engine().layout(text, {32, Weight::Bold, 1.5f}, 600);
  CHECK(bold->width > left->width);  // the bold face is really used
  auto big = engine().layout(text, {96, Weight::Regular, 1.5f}, 0);
  CHECK(big->width == doctest::Approx(left->width * 3).epsilon(0.02));
  auto paragraphs = engine().layout("หนึ่ง\nสอง\r\nสาม\n", kBody, 0);
  CHECK(paragraphs->lines.size() == 4);
}

TEST_CASE("hit-testing and carets move by cluster") {
  auto layout = engine().layout("ที่นี่น้ำ", kBody, 0);
  std::vector<size_t> stops;
  for (float x = -10; x < layout->width + 10; x += 1) {
    const size_t k = layout->hit_test(x, 10);
    if (stops.empty() || stops.back() != k) stops.push_back(k);
  }
  CHECK(stops == std::vector<size_t>{0, 3, 6, 9});
  CHECK(layout->caret_at(0).x == 0);
  CHECK(layout->caret_at(1).x == layout->caret_at(0).x);  // inside ที่: snaps to its start
  CHECK(layout->caret_at(3).x > 0);
  CHECK(layout->caret_at(9).x == doctest::Approx(layout->width));
  auto two_lines = engine().layout("ความรู้ ความรู้ ความรู้ ความรู้", kBody, 150);
  REQUIRE(two_lines->lines.size() >= 2);
  const CaretPosition second = two_lines->caret_at(two_lines->lines[1].cp_begin);
  CHECK(second.line == 1);
  CHECK(two_lines->hit_test(1, second.top + 5) == two_lines->lines[1].cp_begin);
}

TEST_CASE("Thai digits, baht sign, Latin and unknown characters all get a real glyph") {
  auto layout = engine().layout("งบ 1,250,000 บาท (FY2026) ฿ ๒๕๖๙ 中", kBody, 0);
  const FontSet& fonts = engine().fonts();
  bool latin_used = false;
  for (const ShapedGlyph& g : layout->shaped->glyphs) {
    CHECK(g.glyph != 0);  // no .notdef (tofu)
    latin_used |= g.font == fonts.latin(Weight::Regular);
  }
  CHECK(latin_used);
  const auto& text = layout->shaped->text();
  for (const ShapedGlyph& g : layout->shaped->glyphs) {
    const char32_t c = text[g.cluster];
    if (c >= U'0' && c <= U'9') CHECK(g.font == fonts.latin(Weight::Regular));
    if (c == U'฿' || c == U'๒' || c == U'บ') CHECK(g.font == fonts.thai(Weight::Regular));
  }
}

TEST_CASE("the layout cache: the same text again does no shaping or breaking") {
  TextEngine& e = engine();
  const std::string text = "ข้อความที่แสดงซ้ำในทุกเฟรม";
  auto first = e.layout(text, kBody, 500);
  const TextCacheStats before = e.cache_stats();
  auto again = e.layout(text, kBody, 500);
  const TextCacheStats after = e.cache_stats();
  CHECK(again.get() == first.get());  // the very same layout object
  CHECK(after.hits == before.hits + 1);
  CHECK(after.misses == before.misses);
  auto other_width = e.layout(text, kBody, 200);
  CHECK(other_width->shaped.get() == first->shaped.get());  // re-wrapped, not re-shaped
  auto other_size = e.layout(text, {40, Weight::Regular, 1.5f}, 500);
  CHECK(other_size->shaped.get() != first->shaped.get());
}

TEST_CASE("the glyph atlas rasterizes on demand and grows") {
  GlyphAtlas atlas(engine().fonts(), 256, 64, 1024);
  const FontId thai = engine().fonts().thai(Weight::Regular);
  const uint32_t glyph = engine().fonts().face(thai).glyph_for(U'ก');
  const AtlasGlyph a = atlas.get(thai, glyph, 48, 0);
  CHECK(a.width > 10);
  CHECK(a.height > 10);
  CHECK(atlas.glyph_count() == 1);
  atlas.get(thai, glyph, 48, 0);
  CHECK(atlas.glyph_count() == 1);  // cached
  const uint64_t generation = atlas.generation();
  for (int size = 20; size < 120; size += 4) atlas.get(thai, glyph, static_cast<float>(size), 0);
  CHECK(atlas.height() > 64);  // grew
  CHECK(atlas.generation() != generation);
  int ink = 0;
  const AtlasGlyph b = atlas.get(thai, glyph, 48, 1);
  for (int y = 0; y < b.height; ++y) {
    for (int x = 0; x < b.width; ++x) ink += atlas.pixels()[(b.y + y) * atlas.width() + b.x + x] > 128;
  }
  CHECK(ink > 50);
}

TEST_CASE("inline formatting: a bold span uses the bold face, flags reach the glyphs") {
  TextEngine& e = engine();
  const std::string text = "ความรู้ คือ พลัง";  // "คือ" starts at byte 22
  const std::vector<TextSpan> spans = {{22, 31, true, 0}, {32, 44, false, kSpanItalic | kSpanLink}};
  auto rich = e.layout_rich(text, spans, kBody, 0);
  auto plain = e.layout(text, kBody, 0);
  const FontSet& fonts = e.fonts();
  const auto& t = rich->shaped->text();
  for (const ShapedGlyph& g : rich->shaped->glyphs) {
    const bool in_bold = g.cluster >= 8 && g.cluster < 11;  // คือ
    const bool in_link = g.cluster >= 12;                  // พลัง
    INFO("cluster " << g.cluster << " " << static_cast<uint32_t>(t[g.cluster]));
    CHECK((g.font == fonts.thai(Weight::Bold)) == in_bold);
    CHECK((g.flags == (kSpanItalic | kSpanLink)) == in_link);
  }
  CHECK(rich->width > plain->width);  // bold is wider
  CHECK(e.layout_rich(text, spans, kBody, 0).get() == rich.get());  // cached with its spans
  for (const ShapedGlyph& g : plain->shaped->glyphs) CHECK(g.flags == 0);
}

#include "text/glyph_placement.h"

TEST_CASE("a line broken at a soft hyphen ends with a hyphen, and a soft hyphen not broken at shows nothing") {
  const std::string text = "ความ\u00ADเป็น\u00ADส่วน\u00ADตัว";
  auto wide = engine().layout(text, kBody, 0);
  REQUIRE(wide->lines.size() == 1);
  CHECK(wide->lines[0].hyphen == nullptr);
  auto glyphs_drawn = [](const TextLayout& layout) {
    int n = 0;
    for_each_placed_glyph(engine().atlas(), layout, 0, 0, 0, 1e6f, [&](const PlacedGlyph&) { ++n; });
    return n;
  };
  const int one_line = glyphs_drawn(*wide);
  auto narrow = engine().layout(text, kBody, wide->width * 0.6f);
  REQUIRE(narrow->lines.size() >= 2);
  check_lines(*narrow, wide->width * 0.6f);
  const std::u32string& t = narrow->shaped->text();
  for (size_t i = 0; i + 1 < narrow->lines.size(); ++i) {
    const LayoutLine& line = narrow->lines[i];
    INFO("line " << i);
    CHECK(t[line.cp_end - 1] == kSoftHyphen);  // lines end at the soft hyphens, not inside a word (ส่วนตั|ว)
    REQUIRE(line.hyphen != nullptr);
    const float text_width = fixed_to_px(narrow->shaped->pen_x[line.cp_end] - line.pen_origin);
    CHECK(line.width == doctest::Approx(text_width + fixed_to_px(line.hyphen->advance)));
    CHECK(line.hyphen->advance > 0);
  }
  CHECK(narrow->lines.back().hyphen == nullptr);
  // One more glyph drawn per line that ends with a hyphen.
  CHECK(glyphs_drawn(*narrow) == one_line + static_cast<int>(narrow->lines.size()) - 1);
}

TEST_CASE("a word cut because nothing fits is not cut before a following vowel or closing punctuation") {
  // Lines just wider than ศึกษ and ประชุม: the greedy cut would start the next line with า or ).
  for (const auto& pair : {std::pair<const char*, const char*>{"ศึกษ", "ศึกษาดูงาน"}, {"ประชุม", "ประชุม)"}}) {
    const char* fits = pair.first;  // not a structured binding: INFO's lambda captures `text`, and clang 14
    const char* text = pair.second;  // cannot capture a binding (the sanitizer tree builds with it)
    const float width = engine().layout(fits, kBody, 0)->width + 1;
    auto layout = engine().layout(text, kBody, width);
    const std::u32string& t = layout->shaped->text();
    REQUIRE(layout->lines.size() > 1);
    for (size_t i = 1; i < layout->lines.size(); ++i) {
      const uint32_t k = layout->lines[i].cp_begin;
      INFO(std::string(text) << ": line " << i << " starts at " << k);
      CHECK(t[k] != U'า');
      CHECK(t[k] != U')');
    }
    check_lines(*layout, width);
  }
}

TEST_CASE("a consonant with 100,000 tone marks lays out as one short cluster") {
  std::string text = "ก";
  for (int i = 0; i < 100000; ++i) text += "\u0E48";
  text += " ข";
  auto layout = engine().layout(text, kBody, 300);
  CHECK(layout->shaped->text().size() == 3 + kMaxMarksPerCluster);  // ก, the marks kept, space, ข
  CHECK(layout->shaped->glyphs.size() <= 3 + kMaxMarksPerCluster);
  CHECK(layout->lines.size() == 1);
}

TEST_CASE("the engine keeps the content's proper names whole at a line's end") {
  auto created = TextEngine::create_default();
  REQUIRE(created);
  TextEngine& named = *created.value();
  const std::string org = "เทศบาลตำบลศรีโพธิ์เงิน อำเภอป่าแดด";
  const std::u32string t = khlang::test::cps(org);
  const auto name = static_cast<uint32_t>(t.find(khlang::test::cps("ศรีโพธิ์เงิน")));
  const auto name_end = name + 12;
  const float name_w = engine().layout("ศรีโพธิ์เงิน", kBody, 0)->width;
  // Lines starting inside the name, over every width the name fits in.
  auto inside_breaks = [&](TextEngine& e) {
    int n = 0;
    for (float width = std::ceil(name_w) + 1; width < 900; width += 7) {
      for (const LayoutLine& line : e.layout(org, kBody, width)->lines) n += line.cp_begin > name && line.cp_begin < name_end;
    }
    return n;
  };
  CHECK(inside_breaks(engine()) > 0);  // what the dictionary alone does (ศรี|โพธิ์เงิน)
  named.set_whole_words({"ศรีโพธิ์เงิน", "ป่าแดด"});
  CHECK(inside_breaks(named) == 0);
  // Laid out before the names changed, it is laid out again after (the cache forgets).
  named.set_whole_words({});
  CHECK(inside_breaks(named) > 0);
}

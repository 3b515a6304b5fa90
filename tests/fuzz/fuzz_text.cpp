// The Thai text engine on any text: normalize (both modes), segment, shape and lay out. Offsets
// stay inside the text, every code point lands on exactly one line, and a line is wider than its
// width only when it holds a single cluster that cannot be broken.
#include <cmath>

#include "fuzz_support.h"
#include "text/normalize.h"
#include "text/segment.h"
#include "text/text_engine.h"
#include "text/utf8.h"

using namespace khlang;

namespace {

void check_normalized(std::string_view utf8, const text::NormalizedText& n) {
  const size_t source_cps = text::decode_utf8(utf8).size();
  FUZZ_CHECK(n.source_index.size() == n.text.size() + 1, "source_index size");
  FUZZ_CHECK(n.source_bytes.size() == source_cps + 1, "source_bytes size");
  FUZZ_CHECK(n.source_index.back() == source_cps, "final source index");
  for (uint32_t i : n.source_index) FUZZ_CHECK(i <= source_cps, "source index out of range");
  FUZZ_CHECK(n.source_bytes.back() == utf8.size(), "final source byte");
}

text::TextEngine& engine() {
  static std::unique_ptr<text::TextEngine> e = [] {
    auto made = text::TextEngine::create_default();
    FUZZ_CHECK(made, made ? std::string() : made.error().message);
    return std::move(made.value());
  }();
  return *e;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  // The first byte picks the wrap width and the style; the rest is the text.
  const float width = 40.0f + static_cast<float>(data[0] % 64) * 15.0f;
  const bool bold = data[0] & 0x40;
  const std::string_view utf8 = fuzz::as_text(data + 1, size - 1);

  check_normalized(utf8, text::normalize(utf8, text::NormalizeMode::Display));
  check_normalized(utf8, text::normalize(utf8, text::NormalizeMode::Search));

  const std::u32string cps = text::decode_utf8(utf8);
  const std::vector<uint8_t> flags = text::find_boundaries(cps);
  FUZZ_CHECK(flags.size() == cps.size() + 1, "boundary flags size");
  if (!cps.empty()) FUZZ_CHECK(!(flags[0] & text::kBreakBefore) && !(flags.back() & text::kBreakBefore), "edge break");
  uint32_t previous = 0;
  for (uint32_t k : text::line_break_offsets(cps)) {
    FUZZ_CHECK(k > previous && k <= cps.size(), "break offsets not increasing inside the text");
    previous = k;
  }

  text::TextStyle style;
  style.size_px = 20;
  style.weight = bold ? text::Weight::Bold : text::Weight::Regular;
  auto layout = engine().layout(utf8, style, width);
  FUZZ_CHECK(layout && layout->shaped, "no layout");
  const std::u32string& shaped = layout->shaped->text();
  const std::vector<uint8_t>& cluster = layout->shaped->flags;
  for (size_t i = 0; i < layout->lines.size(); ++i) {
    const text::LayoutLine& line = layout->lines[i];
    FUZZ_CHECK(line.cp_begin <= line.cp_end && line.cp_end <= shaped.size(), "line outside the text");
    FUZZ_CHECK(line.glyph_begin <= line.glyph_end && line.glyph_end <= layout->shaped->glyphs.size(), "line glyphs");
    FUZZ_CHECK(std::isfinite(line.width) && std::isfinite(line.x), "line geometry not finite");
    if (i > 0) FUZZ_CHECK(layout->lines[i - 1].cp_end <= line.cp_begin, "lines overlap");
    if (line.width > width + 1.0f) {
      size_t clusters = 0;
      for (uint32_t k = line.cp_begin; k < line.cp_end; ++k) clusters += (cluster[k] & text::kClusterStart) ? 1 : 0;
      FUZZ_CHECK(clusters <= 1, "a line wider than its width holds more than one cluster");
    }
  }
  // Hit-testing and carets anywhere stay inside the text.
  FUZZ_CHECK(layout->hit_test(width / 2, layout->height / 2) <= shaped.size(), "hit test out of range");
  for (size_t k : {size_t{0}, shaped.size() / 2, shaped.size()}) (void)layout->caret_at(k);
  if (engine().cache_stats().bytes > (32u << 20)) engine().clear_cache();
  return 0;
}

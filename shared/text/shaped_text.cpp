#include "text/shaped_text.h"

#include <hb.h>

#include <algorithm>

#include "text/segment.h"
#include "text/thai_chars.h"

namespace khlang::text {
namespace {

// One HarfBuzz buffer per thread, reused: allocating one per run costs more than shaping a word.
struct BufferDeleter {
  void operator()(hb_buffer_t* b) const { hb_buffer_destroy(b); }
};
hb_buffer_t* thread_buffer() {
  thread_local std::unique_ptr<hb_buffer_t, BufferDeleter> buffer(hb_buffer_create());
  return buffer.get();
}

hb_script_t run_script(std::u32string_view run) {
  for (char32_t c : run) {
    if (is_thai(c)) return HB_SCRIPT_THAI;
  }
  hb_unicode_funcs_t* unicode = hb_unicode_funcs_get_default();
  for (char32_t c : run) {
    const hb_script_t s = hb_unicode_script(unicode, c);
    if (s != HB_SCRIPT_COMMON && s != HB_SCRIPT_INHERITED && s != HB_SCRIPT_UNKNOWN) return s;
  }
  return HB_SCRIPT_LATIN;
}

class ParagraphShaper {
 public:
  ParagraphShaper(FontSet& fonts, ShapedText& out) : fonts_(fonts), out_(out) {}

  void shape(uint32_t begin, uint32_t end) {
    const std::u32string& text = out_.text();
    const std::u32string_view para(text.data() + begin, end - begin);
    const std::vector<uint8_t> flags = find_boundaries(para);
    std::copy(flags.begin(), flags.end() - 1, out_.flags.begin() + begin);

    ShapedParagraph p{begin, end, static_cast<uint32_t>(out_.glyphs.size()), 0};
    pen_ = 0;
    advance_.assign(para.size() + 1, 0);
    cluster_start_.assign(para.size() + 1, false);
    int previous = -1;
    uint32_t run_start = begin;
    int run_font = -1;
    for (uint32_t k = begin; k < end; ++k) {
      if (!(flags[k - begin] & kClusterStart)) continue;
      const FontId f = fonts_.pick(text[k], out_.weight, previous);
      if (run_font >= 0 && f != run_font) {
        shape_run(begin, end, run_start, k, static_cast<FontId>(run_font));
        run_start = k;
      }
      run_font = f;
      previous = f;
    }
    if (run_font >= 0) shape_run(begin, end, run_start, end, static_cast<FontId>(run_font));
    p.glyph_end = static_cast<uint32_t>(out_.glyphs.size());

    // Pen position at each code point; a code point inside a HarfBuzz cluster that merged two of
    // ours (a ligature) is no caret stop and no break.
    Fixed pen = 0;
    for (uint32_t k = begin; k < end; ++k) {
      out_.pen_x[k] = pen;
      pen += advance_[k - begin];
      if (!cluster_start_[k - begin]) out_.flags[k] &= static_cast<uint8_t>(~(kClusterStart | kBreakBefore));
    }
    out_.pen_x[end] = pen;
    out_.flags[begin] |= kClusterStart;
    out_.flags[end] |= kClusterStart;
    out_.paragraphs.push_back(p);
  }

 private:
  void shape_run(uint32_t para_begin, uint32_t para_end, uint32_t start, uint32_t end, FontId font_id) {
    const std::u32string& text = out_.text();
    FontFace& face = fonts_.face(font_id);
    hb_buffer_t* buf = thread_buffer();
    hb_buffer_clear_contents(buf);
    hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
    hb_buffer_set_script(buf, run_script(std::u32string_view(text.data() + start, end - start)));
    hb_buffer_set_language(buf, hb_language_from_string("th", 2));
    unsigned flags = HB_BUFFER_FLAG_DEFAULT;
    if (start == para_begin) flags |= HB_BUFFER_FLAG_BOT;
    if (end == para_end) flags |= HB_BUFFER_FLAG_EOT;
    hb_buffer_set_flags(buf, static_cast<hb_buffer_flags_t>(flags));
    // The whole paragraph goes in as context; only [start, end) is shaped. Clusters come back as
    // code point indices into the paragraph.
    hb_buffer_add_utf32(buf, reinterpret_cast<const uint32_t*>(text.data() + para_begin),
                        static_cast<int>(para_end - para_begin), start - para_begin,
                        static_cast<int>(end - start));
    hb_font_t* font = face.hb_font_at(out_.size_px);
    hb_shape(font, buf, nullptr, 0);

    unsigned count = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &count);
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &count);
    for (unsigned i = 0; i < count; ++i) {
      uint32_t glyph = info[i].codepoint;
      FontId glyph_font = font_id;
      Fixed advance = pos[i].x_advance;
      if (glyph == 0) {  // no face covers it: show U+FFFD, never a tofu box
        glyph_font = fonts_.latin(out_.weight);
        FontFace& fallback = fonts_.face(glyph_font);
        glyph = fallback.glyph_for(U'\uFFFD');
        advance = hb_font_get_glyph_h_advance(fallback.hb_font_at(out_.size_px), glyph);
      }
      const uint32_t rel = info[i].cluster;
      out_.glyphs.push_back({glyph, glyph_font, pen_ + pos[i].x_offset, pos[i].y_offset, para_begin + rel});
      pen_ += advance;
      advance_[rel] += advance;
      cluster_start_[rel] = true;
    }
  }

  FontSet& fonts_;
  ShapedText& out_;
  Fixed pen_ = 0;
  std::vector<Fixed> advance_;      // advance of each HarfBuzz cluster, at its first code point
  std::vector<bool> cluster_start_;  // code points that start a HarfBuzz cluster
};

}  // namespace

size_t ShapedText::memory_bytes() const {
  return sizeof(ShapedText) + normalized.text.capacity() * sizeof(char32_t) +
         normalized.source_index.capacity() * 4 + normalized.source_bytes.capacity() * 4 + flags.capacity() +
         pen_x.capacity() * sizeof(Fixed) + glyphs.capacity() * sizeof(ShapedGlyph) +
         paragraphs.capacity() * sizeof(ShapedParagraph);
}

std::shared_ptr<const ShapedText> shape_text(FontSet& fonts, std::string_view utf8, float size_px, Weight weight) {
  auto out = std::make_shared<ShapedText>();
  out->normalized = normalize(utf8, NormalizeMode::Display);
  out->size_px = size_px;
  out->weight = weight;
  out->metrics = fonts.line_metrics(size_px, weight);
  const std::u32string& text = out->text();
  const auto n = static_cast<uint32_t>(text.size());
  out->flags.assign(n + 1, 0);
  out->pen_x.assign(n + 1, 0);
  out->glyphs.reserve(n);

  ParagraphShaper shaper(fonts, *out);
  uint32_t begin = 0;
  for (uint32_t k = 0; k <= n; ++k) {
    if (k < n && !is_paragraph_separator(text[k])) continue;
    shaper.shape(begin, k);
    if (k < n && text[k] == U'\r' && k + 1 < n && text[k + 1] == U'\n') ++k;  // CR LF is one break
    begin = k + 1;
  }
  return out;
}

}  // namespace khlang::text

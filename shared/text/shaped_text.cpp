#include "text/shaped_text.h"

#include <hb.h>

#include <algorithm>

#include "text/segment.h"
#include "text/thai_chars.h"

namespace khlang::text {
namespace {

// One HarfBuzz buffer per thread, reused: allocating one per word costs more than shaping it.
struct BufferDeleter {
  void operator()(hb_buffer_t* b) const { hb_buffer_destroy(b); }
};
hb_buffer_t* thread_buffer() {
  thread_local std::unique_ptr<hb_buffer_t, BufferDeleter> buffer(hb_buffer_create());
  return buffer.get();
}

// A run with no break opportunity is shaped in pieces of at most this many clusters, so a
// megabyte without a space costs the same per character as ordinary text.
constexpr uint32_t kMaxClustersPerPiece = 64;
// Texts shorter than this are shaped on the calling thread: waking a worker costs more.
constexpr size_t kParallelMinChars = 4096;

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

ShapeCache::Glyphs shape_piece(hb_font_t* font, std::u32string_view piece, bool bot, bool eot) {
  hb_buffer_t* buf = thread_buffer();
  hb_buffer_clear_contents(buf);
  hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
  hb_buffer_set_script(buf, run_script(piece));
  hb_buffer_set_language(buf, hb_language_from_string("th", 2));
  unsigned flags = HB_BUFFER_FLAG_DEFAULT;
  if (bot) flags |= HB_BUFFER_FLAG_BOT;
  if (eot) flags |= HB_BUFFER_FLAG_EOT;
  hb_buffer_set_flags(buf, static_cast<hb_buffer_flags_t>(flags));
  hb_buffer_add_utf32(buf, reinterpret_cast<const uint32_t*>(piece.data()), static_cast<int>(piece.size()), 0,
                      static_cast<int>(piece.size()));
  hb_shape(font, buf, nullptr, 0);
  unsigned count = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &count);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &count);
  ShapeCache::Glyphs out(count);
  for (unsigned i = 0; i < count; ++i) {
    out[i] = {info[i].codepoint, info[i].cluster, pos[i].x_advance, pos[i].x_offset, pos[i].y_offset};
  }
  return out;
}

// Shapes one paragraph [begin, end) of out.text(): its boundary flags and pen positions go
// straight into `out` (paragraphs own disjoint ranges), its glyphs into `glyphs`.
// Per code point: bit 7 bold, the rest SpanFlag bits.
constexpr uint8_t kFormatBold = 0x80;

class ParagraphShaper {
 public:
  ParagraphShaper(FontSet& fonts, ShapeCache* cache, ShapedText& out, const std::vector<uint8_t>& format,
                  const WholeWords* whole)
      : fonts_(fonts), cache_(cache), out_(out), format_(format), whole_(whole) {}

  void shape(uint32_t begin, uint32_t end, std::vector<ShapedGlyph>& glyphs, std::vector<SoftHyphen>& hyphens) {
    const std::u32string& text = out_.text();
    const std::vector<uint8_t> flags = find_boundaries(std::u32string_view(text.data() + begin, end - begin), whole_);
    std::copy(flags.begin(), flags.end() - 1, out_.flags.begin() + begin);
    begin_ = begin;
    end_ = end;
    pen_ = 0;
    advance_.assign(end - begin + 1, 0);
    cluster_start_.assign(end - begin + 1, false);

    // Pieces end where the font or the format changes, at each break opportunity (a word), and
    // after kMaxClustersPerPiece clusters of a run that has none.
    int previous = -1;
    int piece_font = -1;
    uint8_t piece_format = 0;
    uint32_t piece_start = begin;
    uint32_t clusters = 0;
    for (uint32_t k = begin; k < end; ++k) {
      const uint8_t f = flags[k - begin];
      if (!(f & kClusterStart)) continue;
      const uint8_t format = format_.empty() ? 0 : format_[k];
      const Weight weight = (format & kFormatBold) ? Weight::Bold : out_.weight;
      const FontId font = fonts_.pick(text[k], weight, previous, k + 1 < end ? text[k + 1] : 0);
      if (text[k] == kSoftHyphen) add_soft_hyphen(k, weight, previous, hyphens);
      const bool cut = piece_font >= 0 && (font != piece_font || format != piece_format || (f & kBreakBefore) ||
                                           clusters >= kMaxClustersPerPiece);
      if (cut) {
        add_piece(piece_start, k, static_cast<FontId>(piece_font), piece_format, glyphs);
        piece_start = k;
        clusters = 0;
      }
      piece_font = font;
      piece_format = format;
      previous = font;
      ++clusters;
    }
    if (piece_font >= 0) add_piece(piece_start, end, static_cast<FontId>(piece_font), piece_format, glyphs);

    // Pen position at each code point. A code point inside a HarfBuzz cluster that merged two of
    // ours (a ligature) is no caret stop and no break.
    Fixed pen = 0;
    for (uint32_t k = begin; k < end; ++k) {
      out_.pen_x[k] = pen;
      pen += advance_[k - begin];
      if (!cluster_start_[k - begin]) out_.flags[k] &= static_cast<uint8_t>(~(kClusterStart | kBreakBefore));
    }
    out_.pen_x[end] = pen;
    out_.flags[begin] |= kClusterStart;
  }

 private:
  void add_piece(uint32_t start, uint32_t end, FontId font_id, uint8_t format, std::vector<ShapedGlyph>& glyphs) {
    const std::u32string_view piece(out_.text().data() + start, end - start);
    const bool bot = start == begin_, eot = end == end_;
    hb_font_t* font = sized_font(font_id);
    std::shared_ptr<const ShapeCache::Glyphs> cached;
    ShapeCache::Glyphs local;
    const ShapeCache::Glyphs* shaped = &local;
    if (cache_) {
      key_.assign({static_cast<char32_t>(font_id), static_cast<char32_t>(size_key(out_.size_px)),
                   static_cast<char32_t>((bot ? 1 : 0) | (eot ? 2 : 0))});
      key_.append(piece);
      cached = cache_->get(key_, [&] { return shape_piece(font, piece, bot, eot); });
      shaped = cached.get();
    } else {
      local = shape_piece(font, piece, bot, eot);
    }
    for (const ShapeCache::Glyph& g : *shaped) {
      uint32_t glyph = g.glyph;
      FontId glyph_font = font_id;
      Fixed advance = g.advance;
      if (glyph == 0) {  // no face covers it: show U+FFFD, never a tofu box
        glyph_font = fonts_.latin((format & kFormatBold) ? Weight::Bold : out_.weight);
        FontFace& fallback = fonts_.face(glyph_font);
        glyph = fallback.glyph_for(U'\uFFFD');
        advance = hb_font_get_glyph_h_advance(fallback.hb_font_at(out_.size_px), glyph);
      }
      const uint32_t rel = start - begin_ + g.cluster;
      glyphs.push_back({glyph, glyph_font, static_cast<uint8_t>(format & ~kFormatBold), pen_ + g.x_offset, g.y_offset,
                        begin_ + rel});
      pen_ += advance;
      advance_[rel] += advance;
      cluster_start_[rel] = true;
    }
  }

  void add_soft_hyphen(uint32_t k, Weight weight, int previous, std::vector<SoftHyphen>& hyphens) {
    const FontId font = fonts_.pick(U'-', weight, previous);
    const uint32_t glyph = fonts_.face(font).glyph_for(U'-');
    hyphens.push_back({k, glyph, font, hb_font_get_glyph_h_advance(sized_font(font), glyph)});
  }

  // The face's HarfBuzz font at this size, remembered: FontFace::hb_font_at takes a lock.
  hb_font_t* sized_font(FontId id) {
    if (id >= sized_fonts_.size()) sized_fonts_.resize(id + 1, nullptr);
    if (!sized_fonts_[id]) sized_fonts_[id] = fonts_.face(id).hb_font_at(out_.size_px);
    return sized_fonts_[id];
  }

  FontSet& fonts_;
  ShapeCache* cache_;
  ShapedText& out_;
  const std::vector<uint8_t>& format_;  // per code point, or empty: all plain
  const WholeWords* whole_;
  std::vector<hb_font_t*> sized_fonts_;
  uint32_t begin_ = 0, end_ = 0;
  Fixed pen_ = 0;
  std::vector<Fixed> advance_;       // advance of each HarfBuzz cluster, at its first code point
  std::vector<bool> cluster_start_;  // code points that start a HarfBuzz cluster
  std::u32string key_;
};

}  // namespace

const SoftHyphen* ShapedText::soft_hyphen_at(uint32_t cp) const {
  auto it = std::lower_bound(soft_hyphens.begin(), soft_hyphens.end(), cp,
                             [](const SoftHyphen& h, uint32_t c) { return h.cp < c; });
  return it != soft_hyphens.end() && it->cp == cp ? &*it : nullptr;
}

size_t ShapedText::memory_bytes() const {
  return sizeof(ShapedText) + normalized.text.capacity() * sizeof(char32_t) +
         normalized.source_index.capacity() * 4 + normalized.source_bytes.capacity() * 4 + flags.capacity() +
         pen_x.capacity() * sizeof(Fixed) + glyphs.capacity() * sizeof(ShapedGlyph) +
         paragraphs.capacity() * sizeof(ShapedParagraph) + soft_hyphens.capacity() * sizeof(SoftHyphen);
}

std::shared_ptr<const ShapedText> shape_text(FontSet& fonts, std::string_view utf8, float size_px, Weight weight,
                                             ShapeCache* cache, WorkerPool* pool, const std::vector<TextSpan>& spans,
                                             const WholeWords* whole) {
  auto out = std::make_shared<ShapedText>();
  out->normalized = normalize(utf8, NormalizeMode::Display);
  out->size_px = size_px;
  out->weight = weight;
  out->metrics = fonts.line_metrics(size_px, weight);
  const std::u32string& text = out->text();
  const auto n = static_cast<uint32_t>(text.size());
  out->flags.assign(n + 1, 0);
  out->pen_x.assign(n + 1, 0);

  for (uint32_t begin = 0, k = 0; k <= n; ++k) {
    if (k < n && !is_paragraph_separator(text[k])) continue;
    out->paragraphs.push_back({begin, k, 0, 0});
    out->flags[k] |= kClusterStart;
    if (k < n && text[k] == U'\r' && k + 1 < n && text[k + 1] == U'\n') ++k;  // CR LF is one break
    begin = k + 1;
  }

  // The spans' formats per code point of the normalized text.
  std::vector<uint8_t> format;
  if (!spans.empty()) {
    format.assign(n + 1, 0);
    size_t s = 0;
    for (uint32_t k = 0; k < n; ++k) {
      const uint32_t byte = out->normalized.source_byte(k);
      while (s < spans.size() && spans[s].end <= byte) ++s;
      if (s < spans.size() && spans[s].begin <= byte) {
        format[k] = static_cast<uint8_t>((spans[s].bold ? kFormatBold : 0) | (spans[s].flags & 0x7F));
      }
    }
  }

  std::vector<std::vector<ShapedGlyph>> glyphs(out->paragraphs.size());
  std::vector<std::vector<SoftHyphen>> hyphens(out->paragraphs.size());
  auto shape_one = [&](size_t i) {
    ParagraphShaper shaper(fonts, cache, *out, format, whole);
    glyphs[i].reserve(out->paragraphs[i].cp_end - out->paragraphs[i].cp_begin);
    shaper.shape(out->paragraphs[i].cp_begin, out->paragraphs[i].cp_end, glyphs[i], hyphens[i]);
  };
  if (pool && n >= kParallelMinChars) {
    // Longest paragraphs first, so the threads finish together.
    std::vector<size_t> order(out->paragraphs.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    auto length = [&](size_t i) { return out->paragraphs[i].cp_end - out->paragraphs[i].cp_begin; };
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return length(a) > length(b); });
    pool->parallel_for(order.size(), [&](size_t i) { shape_one(order[i]); });
  } else {
    for (size_t i = 0; i < out->paragraphs.size(); ++i) shape_one(i);
  }

  size_t total = 0;
  for (const auto& g : glyphs) total += g.size();
  out->glyphs.reserve(total);
  for (size_t i = 0; i < glyphs.size(); ++i) {
    out->paragraphs[i].glyph_begin = static_cast<uint32_t>(out->glyphs.size());
    out->glyphs.insert(out->glyphs.end(), glyphs[i].begin(), glyphs[i].end());
    out->paragraphs[i].glyph_end = static_cast<uint32_t>(out->glyphs.size());
    out->soft_hyphens.insert(out->soft_hyphens.end(), hyphens[i].begin(), hyphens[i].end());
  }
  return out;
}

}  // namespace khlang::text

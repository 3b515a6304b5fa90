// [SECTION] Shaping: text -> positioned glyphs, independent of the wrap width.
// Each paragraph is shaped whole, in runs split by font coverage, with the whole paragraph given
// to HarfBuzz as context. Line breaking (layout.h) then only slices the result, so re-wrapping
// to another width never shapes again.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/font_set.h"
#include "text/normalize.h"
#include "text/segment.h"
#include "util/worker_pool.h"

namespace khlang::text {

// Positions are HarfBuzz's 26.6 fixed point (1/64 px): sums of them are exact on any length.
using Fixed = int32_t;
inline float fixed_to_px(int64_t v) { return static_cast<float>(v) / 64.0f; }

// Inline formatting of a part of a text (Markdown's **bold**, *italic*, links). Offsets are
// bytes of the UTF-8 source; spans are sorted and do not overlap.
enum SpanFlag : uint8_t {
  kSpanItalic = 1 << 0,  // drawn slanted (there is no Thai italic face)
  kSpanLink = 1 << 1,    // drawn in the link colour, underlined
  kSpanMark = 1 << 2,    // highlighted (search matches)
};
struct TextSpan {
  uint32_t begin, end;
  bool bold = false;
  uint8_t flags = 0;  // SpanFlag bits
  bool operator==(const TextSpan&) const = default;
};

struct ShapedGlyph {
  uint32_t glyph;    // glyph id in `font` (HarfBuzz output; not a code point)
  FontId font;
  uint8_t flags;     // SpanFlag bits of the span it belongs to
  Fixed x;           // paragraph pen position plus the glyph's x offset
  Fixed y_offset;    // up from the baseline (marks raised or lowered by GPOS)
  uint32_t cluster;  // code point index (in the normalized text) of the cluster it belongs to
};

struct ShapedParagraph {
  uint32_t cp_begin, cp_end;  // code points of the paragraph, its separator excluded
  uint32_t glyph_begin, glyph_end;
};

// A soft hyphen (U+00AD) shows nothing unless a line breaks after it; then a hyphen shows at the
// end of that line, in the font of the text before it.
struct SoftHyphen {
  uint32_t cp;  // code point index of the soft hyphen
  uint32_t glyph;
  FontId font;
  Fixed advance;
};

struct ShapedText {
  NormalizedText normalized;
  std::vector<uint8_t> flags;   // BoundaryFlag per code point (+1 final), see segment.h
  std::vector<Fixed> pen_x;     // pen position at each code point within its paragraph (+1 final)
  std::vector<ShapedGlyph> glyphs;
  std::vector<ShapedParagraph> paragraphs;
  std::vector<SoftHyphen> soft_hyphens;  // sorted by cp
  float size_px = 0;
  Weight weight = Weight::Regular;
  VerticalMetrics metrics{};    // room above and below the baseline at this size

  const std::u32string& text() const { return normalized.text; }
  // The hyphen drawn when a line breaks after the soft hyphen at code point `cp`, or null.
  const SoftHyphen* soft_hyphen_at(uint32_t cp) const;
  size_t memory_bytes() const;
};

// Shaped words by (font, size, text). Text repeats its words (a 20,000-character Thai article
// has about a quarter as many distinct words as words), and a word shapes the same wherever it
// stands: HarfBuzz's Thai shaping never reaches across a word boundary. Thread-safe.
class ShapeCache {
 public:
  struct Glyph {
    uint32_t glyph;
    uint32_t cluster;  // code point offset within the word
    Fixed advance, x_offset, y_offset;
  };
  using Glyphs = std::vector<Glyph>;

  explicit ShapeCache(size_t max_words = 100000) : max_words_(max_words) {}
  // The glyphs of `key`, shaping them with `shape` on a miss.
  template <typename ShapeFn>
  std::shared_ptr<const Glyphs> get(const std::u32string& key, ShapeFn&& shape) {
    {
      std::lock_guard lock(mutex_);
      if (auto it = words_.find(key); it != words_.end()) return it->second;
    }
    auto glyphs = std::make_shared<const Glyphs>(shape());
    std::lock_guard lock(mutex_);
    if (words_.size() >= max_words_) words_.clear();  // bounded: start over rather than grow
    words_.emplace(key, glyphs);
    return glyphs;
  }
  void clear() {
    std::lock_guard lock(mutex_);
    words_.clear();
  }

 private:
  size_t max_words_;
  std::mutex mutex_;
  std::unordered_map<std::u32string, std::shared_ptr<const Glyphs>> words_;
};

// Normalizes (display mode), finds clusters and break opportunities, and shapes `utf8`. With a
// pool, long texts are done a paragraph per thread; with a cache, each distinct word is shaped
// once. `whole`: words no line breaks inside (segment.h).
std::shared_ptr<const ShapedText> shape_text(FontSet& fonts, std::string_view utf8, float size_px, Weight weight,
                                             ShapeCache* cache = nullptr, WorkerPool* pool = nullptr,
                                             const std::vector<TextSpan>& spans = {}, const WholeWords* whole = nullptr);

}  // namespace khlang::text

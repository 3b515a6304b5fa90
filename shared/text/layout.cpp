#include "text/layout.h"

#include <algorithm>
#include <cmath>

#include "text/segment.h"
#include "text/thai_chars.h"

namespace khlang::text {
namespace {

bool hangs_at_line_end(char32_t c) { return is_breakable_space(c) || c == kZeroWidthSpace; }

class LineBreaker {
 public:
  LineBreaker(const ShapedText& shaped, const LayoutOptions& options, TextLayout& out)
      : s_(shaped), text_(shaped.text()), limit_(static_cast<Fixed>(std::lround(options.wrap_width * 64.0f))),
        out_(out) {}

  void break_paragraph(const ShapedParagraph& p) {
    glyph_cursor_ = p.glyph_begin;
    glyph_end_ = p.glyph_end;
    paragraph_end_ = p.cp_end;
    if (p.cp_begin == p.cp_end) {  // an empty paragraph is an empty line
      add_line(p.cp_begin, p.cp_end);
      return;
    }
    opportunities_.clear();
    for (uint32_t k = p.cp_begin + 1; k < p.cp_end; ++k) {
      if (s_.flags[k] & kBreakBefore) opportunities_.push_back(k);
    }
    opportunities_.push_back(p.cp_end);

    uint32_t start = p.cp_begin;
    size_t next = 0;  // first opportunity after `start`
    do {
      uint32_t end = p.cp_end;
      if (limit_ > 0) {
        uint32_t last_fit = 0;
        while (next < opportunities_.size() && visible_width(start, opportunities_[next]) <= limit_) {
          last_fit = opportunities_[next++];
        }
        end = last_fit > start ? last_fit : split_inside_word(start, opportunities_[next]);
      }
      add_line(start, end);
      start = end;
      while (next < opportunities_.size() && opportunities_[next] <= start) ++next;
    } while (start < p.cp_end);
  }

 private:
  // Width of [start, end) with the white space that hangs at its end left out, and the hyphen
  // it ends with when it breaks after a soft hyphen.
  Fixed visible_width(uint32_t start, uint32_t end) const {
    const SoftHyphen* h = hyphen_at_end(start, end);
    return s_.pen_x[trimmed_end(start, end)] - s_.pen_x[start] + (h ? h->advance : 0);
  }
  const SoftHyphen* hyphen_at_end(uint32_t start, uint32_t end) const {
    if (end <= start || end >= paragraph_end_ || text_[end - 1] != kSoftHyphen) return nullptr;
    return s_.soft_hyphen_at(end - 1);
  }
  uint32_t trimmed_end(uint32_t start, uint32_t end) const {
    while (end > start && hangs_at_line_end(text_[end - 1])) --end;
    return end;
  }

  // No opportunity fits: take as many whole clusters as fit (at least one), ending where
  // is_emergency_break_ok allows if such a place fits.
  uint32_t split_inside_word(uint32_t start, uint32_t limit_cp) const {
    uint32_t best = 0, best_allowed = 0;
    for (uint32_t k = start + 1; k <= limit_cp; ++k) {
      if (!(s_.flags[k] & kClusterStart)) continue;
      if (s_.pen_x[k] - s_.pen_x[start] > limit_) break;
      best = k;
      if (k == limit_cp || is_emergency_break_ok(text_, k)) best_allowed = k;
    }
    if (best_allowed > start) return best_allowed;
    if (best > start) return best;
    uint32_t k = start + 1;
    while (k < limit_cp && !(s_.flags[k] & kClusterStart)) ++k;
    return k;
  }

  void add_line(uint32_t start, uint32_t end) {
    LayoutLine line{};
    line.cp_begin = start;
    line.cp_end = end;
    line.glyph_begin = glyph_cursor_;
    while (glyph_cursor_ < glyph_end_ && s_.glyphs[glyph_cursor_].cluster < end) ++glyph_cursor_;
    line.glyph_end = glyph_cursor_;
    line.width = fixed_to_px(visible_width(start, end));
    line.pen_origin = s_.pen_x[start];
    line.hyphen = hyphen_at_end(start, end);
    out_.lines.push_back(line);
  }

  const ShapedText& s_;
  const std::u32string& text_;
  const Fixed limit_;
  TextLayout& out_;
  std::vector<uint32_t> opportunities_;
  uint32_t glyph_cursor_ = 0;
  uint32_t glyph_end_ = 0;
  uint32_t paragraph_end_ = 0;
};

}  // namespace

std::shared_ptr<const TextLayout> layout_text(std::shared_ptr<const ShapedText> shaped, const LayoutOptions& options) {
  auto out = std::make_shared<TextLayout>();
  out->shaped = shaped;
  out->wrap_width = std::max(0.0f, options.wrap_width);
  out->align = options.align;

  LineBreaker breaker(*shaped, options, *out);
  for (const ShapedParagraph& p : shaped->paragraphs) breaker.break_paragraph(p);

  // Thai stacks marks above and below: the line is at least `line_height` em, and never less
  // than the fonts' own extent; the baseline sits in whole pixels.
  const VerticalMetrics m = shaped->metrics;
  const float natural = m.ascender + m.descender;
  out->line_height = std::ceil(std::max(options.line_height * shaped->size_px, natural));
  const float baseline_offset = std::round((out->line_height - natural) * 0.5f + m.ascender);

  for (const LayoutLine& line : out->lines) out->width = std::max(out->width, line.width);
  const float box = out->wrap_width > 0 ? out->wrap_width : out->width;
  float top = 0;
  for (LayoutLine& line : out->lines) {
    line.top = top;
    line.baseline = top + baseline_offset;
    switch (options.align) {
      case Align::Left: line.x = 0; break;
      case Align::Center: line.x = std::round((box - line.width) * 0.5f); break;
      case Align::Right: line.x = box - line.width; break;
    }
    top += out->line_height;
  }
  out->height = top;
  return out;
}

size_t TextLayout::first_line_below(float y) const {
  if (line_height <= 0 || y <= 0) return 0;
  return std::min(lines.size(), static_cast<size_t>(y / line_height));
}

size_t TextLayout::line_of(size_t offset) const {
  if (lines.empty()) return 0;
  auto it = std::upper_bound(lines.begin(), lines.end(), offset,
                             [](size_t o, const LayoutLine& l) { return o < l.cp_begin; });
  return it == lines.begin() ? 0 : static_cast<size_t>(it - lines.begin()) - 1;
}

CaretPosition TextLayout::caret_at(size_t offset) const {
  if (lines.empty()) return {0, 0, line_height, 0};
  const std::vector<uint8_t>& flags = shaped->flags;
  offset = std::min(offset, shaped->text().size());
  while (offset > 0 && !(flags[offset] & kClusterStart)) --offset;
  const size_t index = line_of(offset);
  const LayoutLine& line = lines[index];
  const size_t k = std::clamp(offset, static_cast<size_t>(line.cp_begin), static_cast<size_t>(line.cp_end));
  const float x = line.x + fixed_to_px(static_cast<int64_t>(shaped->pen_x[k]) - line.pen_origin);
  return {x, line.top, line_height, index};
}

size_t TextLayout::hit_test(float x, float y) const {
  if (lines.empty()) return 0;
  const size_t index = std::min(lines.size() - 1, first_line_below(y));
  const LayoutLine& line = lines[index];
  const std::vector<uint8_t>& flags = shaped->flags;
  // The last caret stop of a wrapped line is before its hanging space, so a tap past the end of
  // the line lands at the end of its visible text.
  uint32_t last = line.cp_end;
  if (index + 1 < lines.size() && lines[index + 1].cp_begin == line.cp_end) {
    while (last > line.cp_begin && hangs_at_line_end(shaped->text()[last - 1])) --last;
  }
  size_t best = line.cp_begin;
  float best_distance = INFINITY;
  for (uint32_t k = line.cp_begin; k <= last; ++k) {
    if (!(flags[k] & kClusterStart)) continue;
    const float caret_x = line.x + fixed_to_px(static_cast<int64_t>(shaped->pen_x[k]) - line.pen_origin);
    const float d = std::fabs(caret_x - x);
    if (d < best_distance) {
      best_distance = d;
      best = k;
    }
  }
  return best;
}

}  // namespace khlang::text

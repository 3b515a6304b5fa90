#include "text/fit.h"

#include <algorithm>
#include <cmath>

#include "text/segment.h"
#include "text/thai_chars.h"

namespace khlang::text {
namespace {

constexpr std::string_view kEllipsis = "\u2026";
constexpr float kStep = 0.93f;  // each step about 7 % smaller: a few steps from a title to its floor
constexpr float kSlack = 0.5f;

// Whether `line` ends where no line may break: neither its paragraph's end nor an opportunity.
bool ends_inside_word(const ShapedText& s, const LayoutLine& line) {
  const uint32_t end = line.cp_end;
  if (end >= s.text().size() || (s.flags[end] & kBreakBefore)) return false;
  return std::none_of(s.paragraphs.begin(), s.paragraphs.end(), [&](const ShapedParagraph& p) { return p.cp_end == end; });
}

// The narrowest wrap width (whole pixels) at which `fitted` keeps its number of lines, for
// lines of even length; the layout moves right in the box by what it gave up, as aligned.
void balance(TextEngine& engine, std::string_view text, FittedText& fitted, const FitOptions& o) {
  const size_t lines = fitted.layout->lines.size();
  if (lines < 2 || o.width <= 0) return;
  auto keeps = [&](const TextLayout& l) { return l.lines.size() == lines && !breaks_inside_word(l); };
  float lo = std::floor(fitted.layout->width / static_cast<float>(lines)), hi = std::ceil(o.width);
  std::shared_ptr<const TextLayout> best = fitted.layout;
  float best_width = o.width;
  while (hi - lo > 1) {  // keeps(hi) holds, keeps(lo) is unknown or fails
    const float mid = std::floor((lo + hi) * 0.5f);
    auto laid = engine.layout(text, fitted.style, mid, o.align);
    if (keeps(*laid)) {
      hi = mid;
      best = std::move(laid);
      best_width = mid;
    } else {
      lo = mid;
    }
  }
  fitted.layout = std::move(best);
  const float gave_up = o.width - best_width;
  fitted.offset_x = o.align == Align::Center ? std::round(gave_up * 0.5f) : o.align == Align::Right ? gave_up : 0;
}

}  // namespace

bool breaks_inside_word(const TextLayout& layout) {
  return std::any_of(layout.lines.begin(), layout.lines.end(),
                     [&](const LayoutLine& line) { return ends_inside_word(*layout.shaped, line); });
}

float min_content_width(const ShapedText& s) {
  Fixed widest = 0;
  for (const ShapedParagraph& p : s.paragraphs) {
    uint32_t start = p.cp_begin;
    for (uint32_t k = p.cp_begin + 1; k <= p.cp_end; ++k) {
      if (k < p.cp_end && !(s.flags[k] & kBreakBefore)) continue;
      uint32_t end = k;
      while (end > start && is_breakable_space(s.text()[end - 1])) --end;
      widest = std::max(widest, s.pen_x[end] - s.pen_x[start]);
      start = k;
    }
  }
  return fixed_to_px(widest);
}

bool fits_box(const TextLayout& layout, float width, float height, int max_lines) {
  if (width > 0 && layout.width > width + kSlack) return false;
  if (height > 0 && layout.height > height + kSlack) return false;
  if (max_lines > 0 && layout.lines.size() > static_cast<size_t>(max_lines)) return false;
  return !breaks_inside_word(layout);
}

FittedText fit_text(TextEngine& engine, std::string_view text, const TextStyle& style, const FitOptions& o) {
  FittedText out{std::string(text), style, engine.layout(text, style, o.width, o.align)};
  if (text.empty()) return out;
  if (fits_box(*out.layout, o.width, o.height, o.max_lines)) {
    if (o.balance) balance(engine, text, out, o);
    return out;
  }

  // Step down to the floor (whole pixels: every size is another set of glyphs in the atlas).
  const float floor = o.min_size_px > 0 ? std::min(o.min_size_px, style.size_px) : style.size_px;
  for (float size = style.size_px; size > floor;) {
    size = std::max(floor, std::floor(size * kStep));
    out.style.size_px = size;
    out.shrunk = true;
    out.layout = engine.layout(text, out.style, o.width, o.align);
    if (fits_box(*out.layout, o.width, o.height, o.max_lines)) {
      if (o.balance) balance(engine, text, out, o);
      return out;
    }
  }

  // At the floor: the lines the box holds, the last one ending with "…". The cut starts after
  // the last line that fits, or after the first line that ends inside a word.
  const TextLayout& at_floor = *out.layout;
  const ShapedText& s = *at_floor.shaped;
  if (at_floor.lines.empty()) return out;
  // A box lower than one line still shows one (the caller's box is wrong; tests catch that).
  const float height = o.height > 0 ? std::max(o.height, at_floor.line_height) : 0;
  size_t allowed = height > 0 ? static_cast<size_t>(std::floor((height + kSlack) / at_floor.line_height))
                              : at_floor.lines.size();
  if (o.max_lines > 0) allowed = std::min(allowed, static_cast<size_t>(o.max_lines));
  size_t last = std::min(allowed, at_floor.lines.size()) - 1;
  for (size_t i = 0; i < last; ++i) {
    if (ends_inside_word(s, at_floor.lines[i])) {
      last = i;
      break;
    }
  }
  const LayoutLine& line = at_floor.lines[last];
  // The first guess: as many clusters of the last line as leave room for the ellipsis.
  auto ellipsis = engine.layout(kEllipsis, out.style);
  const Fixed room = static_cast<Fixed>(std::lround((o.width > 0 ? o.width : at_floor.width) * 64.0f)) -
                     static_cast<Fixed>(std::lround(ellipsis->width * 64.0f));
  uint32_t k = line.cp_end;
  while (k > line.cp_begin && (!(s.flags[k] & kClusterStart) || s.pen_x[k] - s.pen_x[line.cp_begin] > room)) --k;
  // A word boundary rather than a cluster inside a word ("...ความรู้…", not "...ความรู้เข้…"),
  // when one keeps most of the line (a long word alone is cut inside, at a cluster).
  for (uint32_t b = k; b > line.cp_begin; --b) {
    if (s.pen_x[b] - s.pen_x[line.cp_begin] < room * 7 / 10) break;
    if (s.flags[b] & kBreakBefore) {
      k = b;
      break;
    }
  }
  // Then back a cluster at a time until the prefix and its ellipsis fit (the ellipsis may wrap a
  // word onto another line).
  out.ellipsized = true;
  for (;;) {
    while (k > 0 && is_breakable_space(s.text()[k - 1])) --k;
    std::string candidate(text.substr(0, s.normalized.source_byte(k)));
    candidate += kEllipsis;
    auto laid = engine.layout(candidate, out.style, o.width, o.align);
    if (k == 0 || fits_box(*laid, o.width, height, o.max_lines)) {
      out.text = std::move(candidate);
      out.layout = std::move(laid);
      return out;
    }
    do --k;
    while (k > 0 && !(s.flags[k] & kClusterStart));
  }
}

}  // namespace khlang::text

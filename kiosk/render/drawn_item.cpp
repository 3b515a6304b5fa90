#include "render/drawn_item.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace khlang::kiosk {
namespace {

constexpr ItemKind kKinds[] = {ItemKind::Text, ItemKind::Button, ItemKind::Tile, ItemKind::Card, ItemKind::Key};
constexpr int kFields = 25;

std::string number(float v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", static_cast<double>(v));
  return buf;
}

std::string colour(uint32_t rgba) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "#%08x", rgba);
  return buf;
}

std::string escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '\\') out += "\\\\";
    else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out;
}

bool unescape(std::string_view s, std::string& out) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\') {
      out += s[i];
      continue;
    }
    if (++i == s.size()) return false;
    if (s[i] == '\\') out += '\\';
    else if (s[i] == 't') out += '\t';
    else if (s[i] == 'n') out += '\n';
    else return false;
  }
  return true;
}

template <typename T>
bool read_number(std::string_view s, T& out) {
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size();
}

bool read_colour(std::string_view s, uint32_t& out) {
  if (s.size() != 9 || s[0] != '#') return false;
  const auto [end, ec] = std::from_chars(s.data() + 1, s.data() + s.size(), out, 16);
  return ec == std::errc() && end == s.data() + s.size();
}

bool read_spans(std::string_view s, std::vector<text::TextSpan>& out) {
  if (s == "-") return true;
  while (!s.empty()) {
    const size_t comma = std::min(s.find(','), s.size());
    const std::string_view one = s.substr(0, comma);
    const size_t dash = one.find('-'), c1 = one.find(':'), c2 = one.rfind(':');
    if (dash == std::string_view::npos || c1 == std::string_view::npos || c1 == c2 || c1 < dash) return false;
    text::TextSpan span{};
    int bold = 0, flags = 0;
    if (!read_number(one.substr(0, dash), span.begin) || !read_number(one.substr(dash + 1, c1 - dash - 1), span.end) ||
        !read_number(one.substr(c1 + 1, c2 - c1 - 1), bold) || !read_number(one.substr(c2 + 1), flags)) {
      return false;
    }
    span.bold = bold != 0;
    span.flags = static_cast<uint8_t>(flags);
    out.push_back(span);
    s = comma < s.size() ? s.substr(comma + 1) : std::string_view();
  }
  return true;
}

}  // namespace

const char* item_kind_name(ItemKind kind) {
  switch (kind) {
    case ItemKind::Text: return "text";
    case ItemKind::Button: return "button";
    case ItemKind::Tile: return "tile";
    case ItemKind::Card: return "card";
    case ItemKind::Key: return "key";
  }
  return "?";
}

TextSpanX text_span(const text::TextLayout& layout) {
  if (layout.lines.empty()) return {};
  TextSpanX span{layout.lines[0].x, layout.lines[0].x + layout.lines[0].width};
  for (const text::LayoutLine& line : layout.lines) {
    span.left = std::min(span.left, line.x);
    span.right = std::max(span.right, line.x + line.width);
  }
  return span;
}

ItemBox DrawnItem::visible() const {
  ItemBox v{std::max(box.x0, clip.x0), std::max(box.y0, clip.y0), std::min(box.x1, clip.x1), std::min(box.y1, clip.y1)};
  if (v.x1 < v.x0 || v.y1 < v.y0) return ItemBox{};
  return v;
}

std::string format_item(const DrawnItem& it) {
  std::string spans;
  for (const text::TextSpan& s : it.spans) {
    spans += (spans.empty() ? "" : ",") + std::to_string(s.begin) + "-" + std::to_string(s.end) + ":" +
             (s.bold ? "1" : "0") + ":" + std::to_string(s.flags);
  }
  const std::string fields[kFields] = {
      item_kind_name(it.kind), number(it.box.x0), number(it.box.y0), number(it.box.x1), number(it.box.y1),
      number(it.clip.x0), number(it.clip.y0), number(it.clip.x1), number(it.clip.y1), number(it.frame.x0),
      number(it.frame.y0), number(it.frame.x1), number(it.frame.y1), number(it.size), it.bold ? "1" : "0",
      number(it.line_height), std::to_string(it.align), number(it.wrap), colour(it.text_rgba),
      colour(it.background_rgba), colour(it.link_rgba), it.tappable ? "1" : "0", it.scrolled ? "1" : "0",
      spans.empty() ? "-" : spans, escape(it.label)};
  std::string line;
  for (int i = 0; i < kFields; ++i) line += (i ? "\t" : "") + fields[i];
  return line;
}

namespace {
constexpr std::string_view kWholeWords = "whole-words\t";
}  // namespace

std::string format_items(const std::vector<DrawnItem>& items, const std::vector<std::string>& whole_words) {
  std::string out;
  if (!whole_words.empty()) {
    out += kWholeWords.substr(0, kWholeWords.size() - 1);
    for (const std::string& w : whole_words) out += "\t" + w;
    out += "\n";
  }
  for (const DrawnItem& it : items) out += format_item(it) + "\n";
  return out;
}

std::vector<std::string> parse_whole_words(std::string_view text) {
  std::vector<std::string> words;
  if (!text.starts_with(kWholeWords)) return words;
  std::string_view line = text.substr(kWholeWords.size(), text.find('\n') - kWholeWords.size());
  for (;;) {
    const size_t tab = line.find('\t');
    words.emplace_back(line.substr(0, tab));
    if (tab == std::string_view::npos) break;
    line = line.substr(tab + 1);
  }
  return words;
}

Expected<std::vector<DrawnItem>> parse_items(std::string_view text) {
  std::vector<DrawnItem> items;
  int number_of_line = 0;
  while (!text.empty()) {
    const size_t nl = std::min(text.find('\n'), text.size());
    const std::string_view line = text.substr(0, nl);
    text = nl < text.size() ? text.substr(nl + 1) : std::string_view();
    ++number_of_line;
    if (line.empty() || line.starts_with(kWholeWords)) continue;
    std::vector<std::string_view> f;
    for (std::string_view rest = line;;) {
      const size_t tab = rest.find('\t');
      f.push_back(rest.substr(0, tab));
      if (tab == std::string_view::npos) break;
      rest = rest.substr(tab + 1);
    }
    const auto bad = [&](const std::string& why) {
      return Error{"drawn items line " + std::to_string(number_of_line) + ": " + why};
    };
    if (f.size() != kFields) return bad(std::to_string(f.size()) + " fields, not " + std::to_string(kFields));
    DrawnItem it;
    const auto kind = std::find_if(std::begin(kKinds), std::end(kKinds), [&](ItemKind k) { return f[0] == item_kind_name(k); });
    if (kind == std::end(kKinds)) return bad("unknown kind '" + std::string(f[0]) + "'");
    it.kind = *kind;
    float* numbers[] = {&it.box.x0,   &it.box.y0,   &it.box.x1,   &it.box.y1,   &it.clip.x0, &it.clip.y0, &it.clip.x1,
                        &it.clip.y1,  &it.frame.x0, &it.frame.y0, &it.frame.x1, &it.frame.y1, &it.size};
    for (int i = 0; i < 13; ++i) {
      if (!read_number(f[1 + i], *numbers[i])) return bad("'" + std::string(f[1 + i]) + "' is not a number");
    }
    int bold = 0, tappable = 0, scrolled = 0;
    if (!read_number(f[14], bold) || !read_number(f[15], it.line_height) || !read_number(f[16], it.align) ||
        !read_number(f[17], it.wrap) || !read_number(f[21], tappable) || !read_number(f[22], scrolled)) {
      return bad("the style, tappable or scrolled field is not a number");
    }
    it.bold = bold != 0;
    it.tappable = tappable != 0;
    it.scrolled = scrolled != 0;
    if (!read_colour(f[18], it.text_rgba) || !read_colour(f[19], it.background_rgba) || !read_colour(f[20], it.link_rgba)) {
      return bad("a colour is not #rrggbbaa");
    }
    if (!read_spans(f[23], it.spans)) return bad("the spans are not begin-end:bold:flags,...");
    if (!unescape(f[24], it.label)) return bad("the label has a stray backslash");
    items.push_back(std::move(it));
  }
  return items;
}

}  // namespace khlang::kiosk

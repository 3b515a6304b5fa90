// [SECTION] Drawn items: what a frame drew that a person sees or touches (text blocks, buttons,
// tiles, cards, keys), with its box, clip, label, text style, colours and whether a finger can
// tap it. The kiosk records them (--dump-items, scripts' tap-item and expect-item); the
// screenshot checker reads them to hold each text block against the picture, and later tests
// check contrast and target sizes on them. This file is the one format both sides use.
//
// One item a line, tab-separated:
//   kind  x0 y0 x1 y1  clip_x0 clip_y0 clip_x1 clip_y1  frame_x0 frame_y0 frame_x1 frame_y1
//   size bold line_height align wrap  text_rgba background_rgba link_rgba  tappable scrolled
//   spans  label
// kind: text, button, tile, card, key. The frame is the box the item must stay inside: a text's
// box to fit in (a tile, a button, a badge, a card's column; else the width it wraps at and its
// clip), a target's own box. scrolled: drawn in a scrolling view, whose edges may cut it (any
// other cut is text outside its clip). Lengths in window pixels; size is the label's font size
// in px (0 if none), line_height in em, align 0 left 1 centre 2 right, wrap the wrap width (0:
// one line per paragraph). Colours are #rrggbbaa (#00000000: none); background is what lies
// behind the item. spans: "-" or begin-end:bold:flags,... (byte ranges of the label, flags as
// text::SpanFlag). label: the text, with \ tab and newline escaped as \\ \t \n. A text item's box
// is its lines (text_span below): laid out again, the label's lines start at box.x0, so its
// origin is box.x0 minus the span's left.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/layout.h"
#include "text/shaped_text.h"
#include "util/error.h"

namespace khlang::kiosk {

enum class ItemKind { Text, Button, Tile, Card, Key };
const char* item_kind_name(ItemKind kind);

struct ItemBox {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  float width() const { return x1 - x0; }
  float height() const { return y1 - y0; }
  bool operator==(const ItemBox&) const = default;
};

struct DrawnItem {
  ItemKind kind = ItemKind::Text;
  ItemBox box, clip, frame;
  float size = 0;
  bool bold = false;
  float line_height = 0;
  int align = 0;
  float wrap = 0;
  uint32_t text_rgba = 0, background_rgba = 0, link_rgba = 0;
  bool tappable = false;
  bool scrolled = false;
  std::vector<text::TextSpan> spans;
  std::string label;

  // The part of the box that shows inside the clip (empty if none).
  ItemBox visible() const;
  bool operator==(const DrawnItem&) const = default;
};

// Where a layout's lines are across, from its origin: [left, right) (alignment moves them).
struct TextSpanX {
  float left = 0, right = 0;
};
TextSpanX text_span(const text::TextLayout& layout);

std::string format_item(const DrawnItem& item);  // one line, without its newline
// A dump: with `whole_words` (the words the engine kept whole, text/segment.h), a first line
// "whole-words<TAB>word<TAB>word..." so a checker lays the text out again as the kiosk did.
std::string format_items(const std::vector<DrawnItem>& items, const std::vector<std::string>& whole_words = {});
// Every item of `text` (a whole dump); an error names the line that is not one.
Expected<std::vector<DrawnItem>> parse_items(std::string_view text);
// The whole words a dump names (none without its whole-words line).
std::vector<std::string> parse_whole_words(std::string_view text);

}  // namespace khlang::kiosk

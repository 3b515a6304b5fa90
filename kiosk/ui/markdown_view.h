// [SECTION] An article's Markdown, set with our text engine: headings, paragraphs with bold,
// italic and links, nested lists, block quotes, tables, images, rules; each link also as a QR code
// at the end. Block layouts are kept for the current width, and only visible blocks are drawn.
//
// A long body (up to 1 MiB) is laid out incrementally: each frame lays out the blocks down to a
// screen below the view, then more for a few milliseconds, and asks for another frame until every
// block is placed; the blocks not yet laid out count by their text's length at the mean height
// per byte so far. So opening a long article costs its first screenful, not the whole body. QR
// codes are made when first drawn.
#pragma once

#include <memory>
#include <unordered_map>
#include <vector>

#include "content/markdown.h"
#include "screens/screen.h"
#include "ui/qr_code.h"

namespace khlang::kiosk {

class MarkdownView {
 public:
  explicit MarkdownView(content::MarkdownDocument doc);
  // Parses `markdown`; nullptr with `error` set if it cannot be parsed.
  static std::unique_ptr<MarkdownView> parse(const std::string& markdown, std::string* error);
  // Draws with the top-left at `origin`, `width` wide; returns the height.
  float draw(FrameContext& f, ImVec2 origin, float width, const ImRect& view);

 private:
  struct Placed {
    float top = 0, height = 0;
    std::vector<TextBlock> blocks;                                  // one, or a table's cells
    std::vector<std::shared_ptr<const text::TextLayout>> layouts;  // their layouts
    std::vector<float> row_heights;                                 // tables
    std::vector<float> column_widths;
    float table_width = 0;
  };
  // Lays out blocks in order until one's top is past `until` (the view's coordinates from the
  // top), then for at most the frame's budget more; sets height_ and links_top_ (estimated until
  // every block is placed).
  void layout_until(FrameContext& f, float width, float until);
  void layout_table(FrameContext& f, const content::MarkdownBlock& b, Placed& p, float width);
  float draw_block(FrameContext& f, const content::MarkdownBlock& b, const Placed& p, ImVec2 at, float width);

  content::MarkdownDocument doc_;
  std::vector<content::Link> links_;
  std::vector<std::unique_ptr<QrCode>> qr_codes_;  // made when first drawn
  std::vector<size_t> bytes_before_;               // text bytes of the blocks before block i (and all, last)
  std::vector<Placed> placed_;                     // the blocks laid out so far, in order
  float laid_width_ = -1, laid_scale_ = -1, laid_text_scale_ = -1, height_ = 0, links_top_ = 0, next_top_ = 0;
  std::unordered_map<const content::MarkdownBlock*, float> table_shift_;  // how far each wide table is scrolled
};

}  // namespace khlang::kiosk

// [SECTION] An article's Markdown, set with our text engine: headings, paragraphs with bold,
// italic and links, nested lists, block quotes, tables, images, rules; each link also as a QR code
// at the end. Block layouts are kept for the current width, and only visible blocks are drawn.
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
  void layout_all(FrameContext& f, float width);
  void layout_table(FrameContext& f, const content::MarkdownBlock& b, Placed& p, float width);
  float draw_block(FrameContext& f, const content::MarkdownBlock& b, const Placed& p, ImVec2 at, float width);

  content::MarkdownDocument doc_;
  std::vector<content::Link> links_;
  std::vector<std::unique_ptr<QrCode>> qr_codes_;
  std::vector<Placed> placed_;
  float laid_width_ = -1, laid_scale_ = -1, laid_text_scale_ = -1, height_ = 0, links_top_ = 0;
  std::unordered_map<const content::MarkdownBlock*, float> table_shift_;  // how far each wide table is scrolled
};

}  // namespace khlang::kiosk

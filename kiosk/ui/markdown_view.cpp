#include "ui/markdown_view.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>

#include "text/fit.h"
#include "theme.h"
#include "ui/table_layout.h"
#include "ui/widgets.h"

namespace khlang::kiosk {
namespace {

using content::BlockKind;

text::TextStyle block_style(const FrameContext& f, const content::MarkdownBlock& b) {
  switch (b.kind) {
    case BlockKind::Heading: {
      const float sizes[] = {52, 44, 38, 34, 32, 32};
      return f.style(sizes[std::clamp(b.level, 1, 6) - 1], text::Weight::Bold, 1.35f);
    }
    case BlockKind::Code: return f.style(30, text::Weight::Regular, 1.45f);
    default: return f.style(32, text::Weight::Regular, 1.6f);
  }
}

// A list's step in, as wide as its marker at the text's size ("10." at the largest text size).
float list_step(const FrameContext& f) { return f.style(32).size_px * 1.7f; }

float indent_of(const FrameContext& f, const content::MarkdownBlock& b) {
  float indent = f.px(36) * static_cast<float>(b.quote_depth);
  if (b.kind == BlockKind::ListItem) indent += list_step(f) * static_cast<float>(b.level);
  if (b.kind == BlockKind::Code) indent += f.px(24);
  return indent;
}

float space_before(const FrameContext& f, const content::MarkdownBlock& b) {
  switch (b.kind) {
    case BlockKind::Heading: return f.px(b.level <= 2 ? 36 : 24);
    case BlockKind::ListItem: return f.px(4);
    default: return f.px(18);
  }
}

}  // namespace

std::unique_ptr<MarkdownView> MarkdownView::parse(const std::string& markdown, std::string* error) {
  auto doc = content::parse_markdown(markdown);
  if (!doc) {
    *error = doc.error().message;
    return nullptr;
  }
  return std::make_unique<MarkdownView>(std::move(doc.value()));
}

MarkdownView::MarkdownView(content::MarkdownDocument doc) : doc_(std::move(doc)) {
  links_ = doc_.links();
  qr_codes_.resize(links_.size());
  bytes_before_.push_back(0);
  for (const content::MarkdownBlock& b : doc_.blocks) {
    size_t bytes = b.content.text.size() + b.image_alt.size() + 1;
    for (const auto& row : b.rows) {
      for (const content::InlineText& cell : row) bytes += cell.text.size() + 1;
    }
    bytes_before_.push_back(bytes_before_.back() + bytes);
  }
}

void MarkdownView::layout_until(FrameContext& f, float width, float until) {
  if (width != laid_width_ || f.scale.factor != laid_scale_ || f.text_scale != laid_text_scale_) {
    laid_width_ = width;
    laid_scale_ = f.scale.factor;
    laid_text_scale_ = f.text_scale;
    placed_.clear();
    next_top_ = 0;
  }
  // A few milliseconds a frame beyond what the view needs, so the rest is placed while the visitor reads.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(4);
  while (placed_.size() < doc_.blocks.size() &&
         (next_top_ <= until || std::chrono::steady_clock::now() < deadline)) {
    const size_t i = placed_.size();
    const content::MarkdownBlock& b = doc_.blocks[i];
    Placed& p = placed_.emplace_back();
    p.top = next_top_ + (i == 0 ? 0 : space_before(f, b));
    const float w = width - indent_of(f, b);
    switch (b.kind) {
      case BlockKind::Rule: p.height = f.px(24); break;
      case BlockKind::Image: p.height = f.px(480); break;
      case BlockKind::Table: layout_table(f, b, p, w); break;
      default: {
        const TextBlock block{b.content.text, block_style(f, b), w - (b.kind == BlockKind::Code ? f.px(24) : 0),
                              text::Align::Left, &b.content.spans};
        auto l = f.text.layout(block);
        p.blocks.push_back(block);
        p.layouts.push_back(l);
        p.height = l->height + (b.kind == BlockKind::Code ? f.px(24) : 0);
      }
    }
    next_top_ = p.top + p.height;
  }
  // The rest at the mean height per byte of what is placed.
  float y = next_top_;
  if (placed_.size() < doc_.blocks.size() && !placed_.empty()) {
    const size_t placed_bytes = bytes_before_[placed_.size()];
    const size_t rest_bytes = bytes_before_.back() - placed_bytes;
    y += next_top_ / static_cast<float>(std::max<size_t>(1, placed_bytes)) * static_cast<float>(rest_bytes);
  }
  links_top_ = y + (links_.empty() ? 0 : f.px(48));
  const float per_link = std::max(f.px(240), f.px(60));
  height_ = links_top_ + static_cast<float>(links_.size()) * (per_link + f.px(24));
}

// Columns as a browser's automatic table layout sets them (ui/table_layout.h), from each cell's
// widest word and its width on one line; Thai words are what libthai's dictionary finds, so a
// cell breaks between words, never inside one.
void MarkdownView::layout_table(FrameContext& f, const content::MarkdownBlock& b, Placed& p, float width) {
  size_t columns = 1;
  for (const auto& row : b.rows) columns = std::max(columns, row.size());
  const float pad = f.px(12);
  auto style = [&](size_t r) { return f.style(30, r == 0 ? text::Weight::Bold : text::Weight::Regular, 1.45f); };
  std::vector<float> mins(columns, 2 * pad), maxs(columns, 2 * pad);
  for (size_t r = 0; r < b.rows.size(); ++r) {
    for (size_t c = 0; c < b.rows[r].size(); ++c) {
      const content::InlineText& cell = b.rows[r][c];
      auto one_line = f.text.layout(TextBlock{cell.text, style(r), 0, text::Align::Left, &cell.spans});
      mins[c] = std::max(mins[c], std::ceil(text::min_content_width(*one_line->shaped)) + 2 * pad + 1);
      maxs[c] = std::max(maxs[c], std::ceil(one_line->width) + 2 * pad + 1);
    }
  }
  const TableColumns cols = auto_table_widths(mins, maxs, width);
  p.column_widths = cols.widths;
  p.table_width = cols.total;
  for (size_t r = 0; r < b.rows.size(); ++r) {
    float row_h = 0;
    for (size_t c = 0; c < b.rows[r].size(); ++c) {
      const content::InlineText& cell = b.rows[r][c];
      const TextBlock block{cell.text, style(r), cols.widths[c] - 2 * pad, text::Align::Left, &cell.spans};
      auto l = f.text.layout(block);
      row_h = std::max(row_h, l->height);
      p.blocks.push_back(block);
      p.layouts.push_back(l);
    }
    p.row_heights.push_back(row_h + f.px(20));
    p.height += p.row_heights.back();
  }
}

float MarkdownView::draw_block(FrameContext& f, const content::MarkdownBlock& b, const Placed& p, ImVec2 at,
                               float width) {
  ImDrawList* dl = f.draw_list;
  for (int q = 0; q < b.quote_depth; ++q) {
    const float x = at.x + f.px(36) * static_cast<float>(q) + f.px(6);
    fill(f, ImRect(x, at.y - f.px(6), x + f.px(6), at.y + p.height + f.px(6)), f.colors().accent);
  }
  const float indent = indent_of(f, b);
  const ImVec2 pos(at.x + indent, at.y);
  const ImU32 color = b.quote_depth > 0 ? f.colors().text_muted : f.colors().text;
  switch (b.kind) {
    case BlockKind::Rule:
      fill(f, ImRect(at.x, at.y + f.px(10), at.x + width, at.y + f.px(13)), f.colors().card_border);
      break;
    case BlockKind::Image: {
      // An image of the bundle's media, by file name; its alt text as the caption.
      const float caption = f.px(50);
      draw_image(f, ImRect(pos, ImVec2(at.x + width, pos.y + p.height - caption)), b.image_src, false, ImageFit::Contain);
      draw_text(f, ImVec2(pos.x, pos.y + p.height - caption + f.px(8)), b.image_alt, f.style(26), width - indent,
                f.colors().text_muted, text::Align::Center);
      break;
    }
    case BlockKind::Table: {
      // A table wider than its place (only its columns' minimum widths, ui/table_layout.h)
      // scrolls sideways under a finger, inside its own clip.
      const ImRect place(pos.x, pos.y, at.x + width, pos.y + p.height);
      float& shift = table_shift_[&b];
      const float most = std::max(0.0f, p.table_width - place.GetWidth());
      if (most > 0 && f.touch.drag_began_in(place)) shift -= f.touch.drag_dx();
      shift = std::clamp(shift, 0.0f, most);
      std::optional<ScrollClip> clip;
      if (most > 0) clip.emplace(f, place);
      float y = pos.y;
      size_t cell = 0;
      for (size_t r = 0; r < b.rows.size(); ++r) {
        const float h = p.row_heights[r];
        float x = pos.x - shift;
        fill(f, ImRect(x, y, x + p.table_width, y + h), r == 0 ? f.colors().quiet : f.colors().card);
        for (size_t c = 0; c < b.rows[r].size() && cell < p.layouts.size(); ++c, ++cell) {
          const float cw = p.column_widths[c];
          dl->AddRect(ImVec2(x, y), ImVec2(x + cw, y + h), f.colors().card_border);
          draw_text(f, ImVec2(x + f.px(12), y + f.px(10)), p.blocks[cell], *p.layouts[cell], f.colors().text, f.colors().link);
          x += cw;
        }
        y += h;
      }
      break;
    }
    case BlockKind::Code:
      fill(f, ImRect(pos, ImVec2(at.x + width, pos.y + p.height)), f.colors().quiet, f.px(10));
      draw_text(f, ImVec2(pos.x + f.px(12), pos.y + f.px(12)), p.blocks[0], *p.layouts[0], color);
      break;
    case BlockKind::ListItem: {
      const std::string bullet = b.ordered ? std::to_string(b.number) + "." : (b.level % 2 ? "•" : "◦");
      const float step = list_step(f);
      fit_text(f, ImRect(pos.x - step, pos.y, pos.x - f.px(10), pos.y + p.layouts[0]->line_height), bullet, block_style(f, b),
               f.colors().accent_text, {.align = text::Align::Right, .max_lines = 1});
      draw_text(f, pos, p.blocks[0], *p.layouts[0], color, f.colors().link);
      break;
    }
    case BlockKind::Heading: draw_text(f, pos, p.blocks[0], *p.layouts[0], f.colors().heading, f.colors().link); break;
    case BlockKind::Paragraph: draw_text(f, pos, p.blocks[0], *p.layouts[0], color, f.colors().link); break;
  }
  return p.height;
}

float MarkdownView::draw(FrameContext& f, ImVec2 origin, float width, const ImRect& view) {
  layout_until(f, width, view.Max.y - origin.y + view.GetHeight());
  if (placed_.size() < doc_.blocks.size()) f.animating = true;  // more to place next frame
  // Blocks are sorted by top: find the first visible one and draw until past the view.
  auto first = std::lower_bound(placed_.begin(), placed_.end(), view.Min.y - origin.y,
                                [](const Placed& p, float y) { return p.top + p.height < y; });
  for (auto it = first; it != placed_.end(); ++it) {
    if (origin.y + it->top > view.Max.y) break;
    const size_t i = static_cast<size_t>(it - placed_.begin());
    draw_block(f, doc_.blocks[i], *it, ImVec2(origin.x, origin.y + it->top), width);
  }
  // Links: a QR code for each, so a visitor can open it on a phone (once every block is placed,
  // so they stand where they will stay).
  if (placed_.size() < doc_.blocks.size()) return height_;
  float y = origin.y + links_top_;
  const float side = f.px(240);
  for (size_t i = 0; i < links_.size(); ++i) {
    if (y + side >= view.Min.y && y <= view.Max.y) {
      if (!qr_codes_[i]) qr_codes_[i] = std::make_unique<QrCode>(links_[i].url);
      qr_codes_[i]->draw(f.draw_list, ImVec2(origin.x, y), side, f.colors().qr_light, f.colors().qr_dark);
      const float tx = origin.x + side + f.px(32), tw = width - side - f.px(32);
      float ty = y + f.px(16);
      ty += draw_text(f, ImVec2(tx, ty), f.t(Str::ScanToOpen), f.style(26), tw, f.colors().text_muted);
      ty += draw_text(f, ImVec2(tx, ty), links_[i].label, f.style(32, text::Weight::Bold), tw, f.colors().text);
      draw_text(f, ImVec2(tx, ty), links_[i].url, f.style(26), tw, f.colors().link);
    }
    y += side + f.px(24);
  }
  return height_;
}

}  // namespace khlang::kiosk

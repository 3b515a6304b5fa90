#include "ui/widgets.h"

#include <algorithm>

#include "render/image_cache.h"
#include "render/item_recorder.h"
#include "theme.h"

namespace khlang::kiosk {

namespace {
// The part of `r` a finger can reach: what shows inside the current clip rectangle. Content
// scrolled under the top bar or the keyboard must not catch their taps.
ImRect touchable(const FrameContext& f, const ImRect& r) {
  ImRect visible = r;
  visible.ClipWithFull(ImRect(f.draw_list->GetClipRectMin(), f.draw_list->GetClipRectMax()));
  return visible;
}
}  // namespace

ButtonStyle primary_button() { return {theme::kHeader, theme::kHeaderPressed, theme::kHeaderText, 34, true}; }
ButtonStyle quiet_button() { return {theme::kQuiet, theme::kQuietPressed, theme::kText, 32, false}; }

void fill(FrameContext& f, const ImRect& r, ImU32 color, float rounding) {
  f.draw_list->AddRectFilled(r.Min, r.Max, color, rounding);
  if (f.items) f.items->surface(r, color);
}

namespace {
// A touch target as a drawn item: its box, label and colours, whether it can be tapped.
void record_target(FrameContext& f, ItemKind kind, const ImRect& r, std::string_view label, ImU32 text, ImU32 face,
                   const text::TextStyle& style, bool tappable) {
  if (!f.items) return;
  DrawnItem item;
  item.kind = kind;
  item.box = {r.Min.x, r.Min.y, r.Max.x, r.Max.y};
  item.size = style.size_px;
  item.bold = style.weight == text::Weight::Bold;
  item.line_height = style.line_height;
  item.text_rgba = text ? rgba_of(text) : 0;
  item.background_rgba = rgba_of(face);
  item.tappable = tappable;
  item.label = label;
  f.items->add(std::move(item), ImRect(f.draw_list->GetClipRectMin(), f.draw_list->GetClipRectMax()));
}
}  // namespace

bool button(FrameContext& f, const ImRect& r, std::string_view label, const ButtonStyle& style) {
  const ImRect hit = touchable(f, r);
  const bool pressed = f.touch.pressing_in(hit);
  const ImU32 face = pressed ? style.fill_pressed : style.fill;
  const TextBlock block{label, f.style(style.font_px, style.bold ? text::Weight::Bold : text::Weight::Regular, 1.3f),
                        r.GetWidth() - f.px(16), text::Align::Center};
  record_target(f, style.kind, r, label, style.text, face, block.style, true);
  fill(f, r, face, f.px(16));
  auto layout = f.text.layout(block);
  f.text.draw(f.draw_list, ImVec2(r.Min.x + f.px(8), r.Min.y + (r.GetHeight() - layout->height) * 0.5f), block, *layout,
              style.text);
  if (pressed) f.animating = true;
  return f.touch.tapped_in(hit);
}

bool tile(FrameContext& f, const ImRect& r, std::string_view title, std::string_view hint, ImU32 color) {
  const ImRect hit = touchable(f, r);
  const bool pressed = f.touch.pressing_in(hit);
  const float pad = f.px(32);
  const float w = r.GetWidth() - 2 * pad;
  const TextBlock h{hint, f.style(28, text::Weight::Regular, 1.4f), w};
  auto hl = f.text.layout(h);
  // A long title in a narrow tile steps down in size (to 70 %) rather than rise out of the tile.
  TextBlock t{title, f.style(46, text::Weight::Bold, 1.3f), w};
  auto tl = f.text.layout(t);
  for (float design = 44; design >= 46 * 0.7f && tl->height + hl->height > r.GetHeight() - 2 * pad; design -= 2) {
    t.style = f.style(design, text::Weight::Bold, 1.3f);
    tl = f.text.layout(t);
  }
  record_target(f, ItemKind::Tile, r, title, theme::kHeaderText, color, t.style, true);
  fill(f, r, color, f.px(22));
  if (pressed) fill(f, r, IM_COL32(0, 0, 0, 60), f.px(22));
  const float y = r.Max.y - pad - tl->height - hl->height;
  f.text.draw(f.draw_list, ImVec2(r.Min.x + pad, y), t, *tl, theme::kHeaderText);
  f.text.draw(f.draw_list, ImVec2(r.Min.x + pad, y + tl->height), h, *hl, theme::kHeaderSubtle);
  if (pressed) f.animating = true;
  return f.touch.tapped_in(hit);
}

bool card(FrameContext& f, const ImRect& r, std::string_view label, bool tappable) {
  const ImRect hit = touchable(f, r);
  const bool pressed = tappable && f.touch.pressing_in(hit);
  const ImU32 face = pressed ? theme::kCardPressed : theme::kCard;
  record_target(f, ItemKind::Card, r, label, 0, face, {}, tappable);
  fill(f, r, face, f.px(18));
  f.draw_list->AddRect(r.Min, r.Max, theme::kCardBorder, f.px(18), 0, f.px(2));
  if (pressed) f.animating = true;
  return tappable && f.touch.tapped_in(hit);
}

bool text_field(FrameContext& f, const ImRect& r, std::string_view label) {
  const ImRect hit = touchable(f, r);
  record_target(f, ItemKind::Button, r, label, 0, theme::kCard, {}, true);
  fill(f, r, theme::kCard, f.px(16));
  f.draw_list->AddRect(r.Min, r.Max, theme::kHeading, f.px(16), 0, f.px(3));
  return f.touch.tapped_in(hit);
}

float draw_text(FrameContext& f, ImVec2 pos, std::string_view text, const text::TextStyle& style, float wrap,
                ImU32 color, text::Align align) {
  if (text.empty()) return 0;
  return f.text.draw(f.draw_list, pos, TextBlock{text, style, wrap, align}, color)->height;
}

float draw_text(FrameContext& f, ImVec2 pos, const TextBlock& block, const text::TextLayout& layout, ImU32 color,
                ImU32 link_color) {
  f.text.draw(f.draw_list, pos, block, layout, color, link_color);
  return layout.height;
}

float text_height(FrameContext& f, std::string_view text, const text::TextStyle& style, float wrap) {
  if (text.empty()) return 0;
  return f.text.layout(TextBlock{text, style, wrap})->height;
}

void draw_image(FrameContext& f, const ImRect& r, const std::string& media_id, bool thumbnail, ImageFit fit) {
  auto texture = f.images.get(media_id, thumbnail);
  if (!texture) {
    fill(f, r, theme::kQuiet, f.px(10));
    return;
  }
  const float tw = static_cast<float>(texture->width), th = static_cast<float>(texture->height);
  const float rw = r.GetWidth(), rh = r.GetHeight();
  ImVec2 uv0(0, 0), uv1(1, 1);
  ImRect dst = r;
  if (fit == ImageFit::Cover) {
    // Crop the texture to the rectangle's aspect.
    if (tw / th > rw / rh) {
      const float keep = (rw / rh) / (tw / th);
      uv0.x = (1 - keep) * 0.5f, uv1.x = 1 - uv0.x;
    } else {
      const float keep = (tw / th) / (rw / rh);
      uv0.y = (1 - keep) * 0.5f, uv1.y = 1 - uv0.y;
    }
  } else {
    const float scale = std::min(rw / tw, rh / th);
    const ImVec2 size(tw * scale, th * scale);
    dst = ImRect(ImVec2(r.Min.x + (rw - size.x) * 0.5f, r.Min.y), ImVec2(r.Min.x + (rw + size.x) * 0.5f, r.Min.y + size.y));
  }
  f.draw_list->AddImageRounded(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(texture->id)), dst.Min, dst.Max, uv0,
                               uv1, IM_COL32_WHITE, f.px(10));
}

ImVec2 sample_badge_size(FrameContext& f) {
  const std::string label = both(Str::SampleData);
  auto layout = f.text.layout(TextBlock{label, f.style(28, text::Weight::Bold, 1.5f)});
  return ImVec2(layout->width + 2 * f.px(18), layout->height);
}

ImVec2 sample_badge(FrameContext& f, ImVec2 pos, text::Align align) {
  const std::string label = both(Str::SampleData);
  const TextBlock block{label, f.style(28, text::Weight::Bold, 1.5f)};
  auto layout = f.text.layout(block);
  const ImVec2 size(layout->width + 2 * f.px(18), layout->height);
  const float x = align == text::Align::Right ? pos.x - size.x : pos.x;
  fill(f, ImRect(x, pos.y, x + size.x, pos.y + size.y), theme::kSampleMark, f.px(10));
  draw_text(f, ImVec2(x + f.px(18), pos.y), block, *layout, theme::kSampleMarkText);
  return size;
}

void progress_bar(FrameContext& f, const ImRect& r, float fraction, ImU32 color) {
  fraction = std::clamp(fraction, 0.0f, 1.0f);
  const float radius = r.GetHeight() * 0.5f;
  f.draw_list->AddRectFilled(r.Min, r.Max, theme::kTrack, radius);
  if (fraction > 0) {
    const float w = std::max(r.GetHeight(), r.GetWidth() * fraction);
    f.draw_list->AddRectFilled(r.Min, ImVec2(r.Min.x + w, r.Max.y), color, radius);
  }
}

}  // namespace khlang::kiosk

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
// What a finger presses, outlined where the palette says so (high contrast: its fill alone may
// differ too little from what is around it).
void outline_pressed(FrameContext& f, const ImRect& r, float rounding) {
  const ImU32 c = f.colors().pressed_outline;
  if ((c >> IM_COL32_A_SHIFT) & 0xff) f.draw_list->AddRect(r.Min, r.Max, c, rounding, 0, f.px(6));
}
}  // namespace

ButtonStyle primary_button(const FrameContext& f) { return {f.colors().header, f.colors().header_pressed, f.colors().header_text, 34, true}; }
ButtonStyle quiet_button(const FrameContext& f) { return {f.colors().quiet, f.colors().quiet_pressed, f.colors().text, 32, false}; }

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

bool button(FrameContext& f, const ImRect& r, std::string_view label, const ButtonStyle& style, std::string_view name) {
  const ImRect hit = touchable(f, r);
  const bool pressed = f.touch.pressing_in(hit);
  const ImU32 face = pressed ? style.fill_pressed : style.fill;
  const float pad_x = f.px(12), pad_y = f.px(6);
  const auto fitted = fit(f, label, f.style(style.font_px, style.bold ? text::Weight::Bold : text::Weight::Regular, 1.3f),
                          ImVec2(r.GetWidth() - 2 * pad_x, r.GetHeight() - 2 * pad_y),
                          {.align = text::Align::Center, .balance = true});
  record_target(f, style.kind, r, name.empty() ? label : name, style.text, face, fitted->style, true);
  fill(f, r, face, f.px(16));
  draw_fitted(f, ImVec2(r.Min.x + pad_x, r.Min.y + (r.GetHeight() - fitted->layout->height) * 0.5f), *fitted, style.text, r);
  if (pressed) {
    outline_pressed(f, r, f.px(16));
    f.animating = true;
  }
  return f.touch.tapped_in(hit);
}

namespace {
struct FittedTile {
  std::shared_ptr<const text::FittedText> title, hint;
};
// The hint takes at most two fifths of the tile; the title the rest, both by the fitting rule.
FittedTile fit_tile(FrameContext& f, ImVec2 size, const TileText& text, const TileSizes& sizes) {
  const float pad = f.px(28);
  const ImVec2 inner(size.x - 2 * pad, size.y - 2 * pad);
  auto hint_style = f.style(30, text::Weight::Regular, 1.35f);
  auto title_style = f.style(46, text::Weight::Bold, 1.25f);
  if (sizes.hint_px > 0) hint_style.size_px = sizes.hint_px;
  if (sizes.title_px > 0) title_style.size_px = sizes.title_px;
  auto hint = fit(f, text.hint, hint_style, ImVec2(inner.x, inner.y * 0.4f));
  auto title = fit(f, text.title, title_style, ImVec2(inner.x, inner.y - hint->layout->height), {.balance = true});
  return {std::move(title), std::move(hint)};
}
}  // namespace

TileSizes tiles_text(FrameContext& f, ImVec2 tile_size, std::span<const TileText> tiles) {
  TileSizes shared{1e9f, 1e9f};
  for (const TileText& t : tiles) {
    const FittedTile fitted = fit_tile(f, tile_size, t, {});
    shared.title_px = std::min(shared.title_px, fitted.title->style.size_px);
    shared.hint_px = std::min(shared.hint_px, fitted.hint->style.size_px);
  }
  return tiles.empty() ? TileSizes{} : shared;
}

bool tile(FrameContext& f, const ImRect& r, const TileText& text, ImU32 color, const TileSizes& sizes) {
  const ImRect hit = touchable(f, r);
  const bool pressed = f.touch.pressing_in(hit);
  const float pad = f.px(28);
  const FittedTile t = fit_tile(f, r.GetSize(), text, sizes);
  record_target(f, ItemKind::Tile, r, text.title, f.colors().header_text, color, t.title->style, true);
  fill(f, r, color, f.px(22));
  if (pressed) fill(f, r, f.colors().pressed_shade, f.px(22));
  const float y = r.Max.y - pad - t.title->layout->height - t.hint->layout->height;
  draw_fitted(f, ImVec2(r.Min.x + pad, y), *t.title, f.colors().header_text, r);
  draw_fitted(f, ImVec2(r.Min.x + pad, y + t.title->layout->height), *t.hint, f.colors().header_subtle, r);
  if (pressed) {
    outline_pressed(f, r, f.px(22));
    f.animating = true;
  }
  return f.touch.tapped_in(hit);
}

bool card(FrameContext& f, const ImRect& r, std::string_view label, bool tappable) {
  const ImRect hit = touchable(f, r);
  const bool pressed = tappable && f.touch.pressing_in(hit);
  const ImU32 face = pressed ? f.colors().card_pressed : f.colors().card;
  record_target(f, ItemKind::Card, r, label, 0, face, {}, tappable);
  fill(f, r, face, f.px(18));
  f.draw_list->AddRect(r.Min, r.Max, f.colors().card_border, f.px(18), 0, f.px(2));
  if (pressed) {
    outline_pressed(f, r, f.px(18));
    f.animating = true;
  }
  return tappable && f.touch.tapped_in(hit);
}

namespace {

// An empty state's two texts and its box, measured once for drawing and for callers that lay out
// around it.
struct EmptyStateBox {
  text::TextStyle message_style, hint_style;
  float pad, inner, message_h, height;
};

EmptyStateBox measure_empty_state(FrameContext& f, float width, std::string_view message, std::string_view hint) {
  EmptyStateBox b{f.style(36, text::Weight::Bold, 1.35f), f.style(30, text::Weight::Regular, 1.45f), f.px(40), 0, 0, 0};
  b.inner = width - 2 * b.pad;
  b.message_h = text_height(f, message, b.message_style, b.inner);
  const float hint_h = hint.empty() ? 0 : f.px(12) + text_height(f, hint, b.hint_style, b.inner);
  b.height = b.pad + b.message_h + hint_h + b.pad;
  return b;
}

}  // namespace

float empty_state_height(FrameContext& f, float width, std::string_view message, std::string_view hint) {
  return measure_empty_state(f, width, message, hint).height;
}

float empty_state(FrameContext& f, ImVec2 pos, float width, std::string_view message, std::string_view hint,
                  bool on_dark) {
  const EmptyStateBox b = measure_empty_state(f, width, message, hint);
  const ImRect r(pos, ImVec2(pos.x + width, pos.y + b.height));
  if (on_dark) {
    record_target(f, ItemKind::Card, r, message, 0, f.colors().header_pressed, {}, false);
    fill(f, r, f.colors().header_pressed, f.px(18));
  } else {
    card(f, r, message, false);
  }
  const ImVec2 at(pos.x + b.pad, pos.y + b.pad);
  draw_text(f, at, message, b.message_style, b.inner, on_dark ? f.colors().header_text : f.colors().heading);
  if (!hint.empty()) {
    draw_text(f, ImVec2(at.x, at.y + b.message_h + f.px(12)), hint, b.hint_style, b.inner,
              on_dark ? f.colors().header_subtle : f.colors().text_muted);
  }
  return r.GetHeight();
}

bool text_field(FrameContext& f, const ImRect& r, std::string_view label) {
  const ImRect hit = touchable(f, r);
  record_target(f, ItemKind::Button, r, label, 0, f.colors().card, {}, true);
  fill(f, r, f.colors().card, f.px(16));
  f.draw_list->AddRect(r.Min, r.Max, f.colors().heading, f.px(16), 0, f.px(3));
  return f.touch.tapped_in(hit);
}

std::shared_ptr<const text::FittedText> fit(FrameContext& f, std::string_view text, const text::TextStyle& style,
                                            ImVec2 size, const FitSpec& spec) {
  return f.text.fit(text, style,
                    {size.x, size.y, std::max(f.min_text_px(), spec.floor_px), spec.align, spec.max_lines, spec.balance});
}

float draw_fitted(FrameContext& f, ImVec2 pos, const text::FittedText& fitted, ImU32 color, const ImRect& frame) {
  if (fitted.text.empty()) return 0;
  const TextBlock block{fitted.text, fitted.style, fitted.layout->wrap_width, fitted.layout->align};
  f.text.draw(f.draw_list, ImVec2(pos.x + fitted.offset_x, pos.y), block, *fitted.layout, color, 0, &frame);
  return fitted.layout->height;
}

float fit_text(FrameContext& f, const ImRect& box, std::string_view text, const text::TextStyle& style, ImU32 color,
               const FitSpec& spec) {
  if (text.empty()) return 0;
  const auto fitted = fit(f, text, style, box.GetSize(), spec);
  const float slack = box.GetHeight() > 0 ? box.GetHeight() - fitted->layout->height : 0;
  const float y = box.Min.y + (spec.valign == VAlign::Top ? 0 : spec.valign == VAlign::Middle ? slack * 0.5f : slack);
  return draw_fitted(f, ImVec2(box.Min.x, y), *fitted, color, box);
}

namespace {
float badge_pad(const FrameContext& f) { return f.px(14); }
}  // namespace

ImVec2 badge_size(FrameContext& f, std::string_view label, const text::TextStyle& style, float max_width) {
  const auto fitted = fit(f, label, style, ImVec2(max_width - 2 * badge_pad(f), 0), {.max_lines = 1});
  // As tall as its line, so stacked Thai marks stay on the badge.
  return ImVec2(fitted->layout->width + 2 * badge_pad(f), fitted->layout->height);
}

ImRect badge(FrameContext& f, ImVec2 pos, std::string_view label, const text::TextStyle& style, float max_width,
             ImU32 fill_color, ImU32 text_color) {
  const float pad = badge_pad(f);
  const auto fitted = fit(f, label, style, ImVec2(max_width - 2 * pad, 0), {.max_lines = 1});
  const ImRect r(pos, ImVec2(pos.x + fitted->layout->width + 2 * pad, pos.y + fitted->layout->height));
  fill(f, r, fill_color, f.px(10));
  draw_fitted(f, ImVec2(r.Min.x + pad, r.Min.y), *fitted, text_color, r);
  return r;
}

ScrollClip::ScrollClip(FrameContext& f, const ImRect& view) : f_(f) {
  f.draw_list->PushClipRect(view.Min, view.Max, true);
  if (f.items) {
    was_scrolling_ = f.items->scrolling();
    f.items->set_scrolling(true);
  }
}

ScrollClip::~ScrollClip() {
  f_.draw_list->PopClipRect();
  if (f_.items) f_.items->set_scrolling(was_scrolling_);
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
    fill(f, r, f.colors().quiet, f.px(10));
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
  fill(f, ImRect(x, pos.y, x + size.x, pos.y + size.y), f.colors().sample_mark, f.px(10));
  draw_text(f, ImVec2(x + f.px(18), pos.y), block, *layout, f.colors().sample_mark_text);
  return size;
}

void progress_bar(FrameContext& f, const ImRect& r, float fraction, ImU32 color) {
  fraction = std::clamp(fraction, 0.0f, 1.0f);
  const float radius = r.GetHeight() * 0.5f;
  f.draw_list->AddRectFilled(r.Min, r.Max, f.colors().track, radius);
  if (fraction > 0) {
    const float w = std::max(r.GetHeight(), r.GetWidth() * fraction);
    f.draw_list->AddRectFilled(r.Min, ImVec2(r.Min.x + w, r.Max.y), color, radius);
  }
}

}  // namespace khlang::kiosk

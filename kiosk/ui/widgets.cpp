#include "ui/widgets.h"

#include <algorithm>

#include "render/image_cache.h"
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

bool button(FrameContext& f, const ImRect& r, std::string_view label, const ButtonStyle& style) {
  const ImRect hit = touchable(f, r);
  const bool pressed = f.touch.pressing_in(hit);
  f.draw_list->AddRectFilled(r.Min, r.Max, pressed ? style.fill_pressed : style.fill, f.px(16));
  const auto text_style = f.style(style.font_px, style.bold ? text::Weight::Bold : text::Weight::Regular, 1.3f);
  const float wrap = r.GetWidth() - f.px(16);
  const float height = f.text.engine().layout(label, text_style, wrap, text::Align::Center)->height;
  // Drawn as a text block (not a bare layout) so scripts and screenshot checks see the label.
  f.text.draw(f.draw_list, ImVec2(r.Min.x + f.px(8), r.Min.y + (r.GetHeight() - height) * 0.5f), label, text_style, wrap,
              style.text, text::Align::Center);
  if (pressed) f.animating = true;
  return f.touch.tapped_in(hit);
}

bool tile(FrameContext& f, const ImRect& r, std::string_view title, std::string_view hint, ImU32 fill) {
  const ImRect hit = touchable(f, r);
  const bool pressed = f.touch.pressing_in(hit);
  ImDrawList* dl = f.draw_list;
  dl->AddRectFilled(r.Min, r.Max, fill, f.px(22));
  if (pressed) dl->AddRectFilled(r.Min, r.Max, IM_COL32(0, 0, 0, 60), f.px(22));
  const float pad = f.px(32);
  const float w = r.GetWidth() - 2 * pad;
  auto t = f.text.engine().layout(title, f.style(46, text::Weight::Bold, 1.3f), w);
  auto h = f.text.engine().layout(hint, f.style(28, text::Weight::Regular, 1.4f), w);
  const float y = r.Max.y - pad - t->height - h->height;
  f.text.draw_layout(dl, ImVec2(r.Min.x + pad, y), *t, theme::kHeaderText);
  f.text.draw_layout(dl, ImVec2(r.Min.x + pad, y + t->height), *h, theme::kHeaderSubtle);
  if (pressed) f.animating = true;
  return f.touch.tapped_in(hit);
}

bool card(FrameContext& f, const ImRect& r, bool tappable) {
  const ImRect hit = touchable(f, r);
  const bool pressed = tappable && f.touch.pressing_in(hit);
  f.draw_list->AddRectFilled(r.Min, r.Max, pressed ? theme::kCardPressed : theme::kCard, f.px(18));
  f.draw_list->AddRect(r.Min, r.Max, theme::kCardBorder, f.px(18), 0, f.px(2));
  if (pressed) f.animating = true;
  return tappable && f.touch.tapped_in(hit);
}

float draw_text(FrameContext& f, ImVec2 pos, std::string_view text, const text::TextStyle& style, float wrap,
                ImU32 color, text::Align align) {
  if (text.empty()) return 0;
  return f.text.draw(f.draw_list, pos, text, style, wrap, color, align)->height;
}

float text_height(FrameContext& f, std::string_view text, const text::TextStyle& style, float wrap) {
  if (text.empty()) return 0;
  return f.text.engine().layout(text, style, wrap)->height;
}

void draw_image(FrameContext& f, const ImRect& r, const std::string& media_id, bool thumbnail, ImageFit fit) {
  auto texture = f.images.get(media_id, thumbnail);
  if (!texture) {
    f.draw_list->AddRectFilled(r.Min, r.Max, theme::kQuiet, f.px(10));
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

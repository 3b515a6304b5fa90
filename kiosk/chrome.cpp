#include "chrome.h"

#include "navigator.h"
#include "theme.h"
#include "ui/widgets.h"

namespace khlang::kiosk {

void draw_top_bar(FrameContext& f, const ImRect& bar, const std::string& title) {
  fill(f, bar, f.colors().header);
  const float pad = f.px(14), bw = f.px(220);
  const ImRect back(bar.Min.x + pad, bar.Min.y + pad, bar.Min.x + pad + bw, bar.Max.y - pad);
  const ImRect home(bar.Max.x - pad - bw, bar.Min.y + pad, bar.Max.x - pad, bar.Max.y - pad);
  ButtonStyle style = primary_button(f);
  style.fill = f.colors().header_pressed;
  style.fill_pressed = f.colors().header_deep;
  if (button(f, back, "‹ " + std::string(f.t(Str::Back)), style)) f.nav.back();
  if (button(f, home, f.t(Str::Home), style)) f.nav.home();
  // The other language, on every screen, named in its own language (as on home): "EN" in Thai,
  // "ไทย" in English.
  const ImRect lang(home.Min.x - pad - f.px(140), home.Min.y, home.Min.x - pad, home.Max.y);
  if (button(f, lang, f.lang == Lang::Th ? "EN" : "ไทย", style)) f.ui.lang = f.lang == Lang::Th ? Lang::En : Lang::Th;
  // The title between them, fitted (a long article title steps down, then ends with "…").
  fit_text(f, ImRect(back.Max.x + pad, bar.Min.y + f.px(6), lang.Min.x - pad, bar.Max.y - f.px(6)), title,
           f.style(40, text::Weight::Bold, 1.3f), f.colors().header_text,
           {.align = text::Align::Center, .valign = VAlign::Middle, .balance = true});
}

namespace {
// The strip: the badge, then the note beside it (below it when the two do not fit on a line).
struct StripLayout {
  ImVec2 badge;
  float note_x, note_y, note_w, height;
};
StripLayout strip_layout(FrameContext& f, float width) {
  const float pad = f.px(12), margin = f.px(24);
  const ImVec2 badge_size = sample_badge_size(f);
  const auto note_style = f.style(26, text::Weight::Regular, 1.5f);
  const float beside = width - 2 * margin - badge_size.x - f.px(20);
  const float one_line = f.text.layout(TextBlock{f.t(Str::SampleDataNote), note_style})->width;
  if (one_line <= beside) {
    return {badge_size, margin + badge_size.x + f.px(20), pad + (badge_size.y - text_height(f, f.t(Str::SampleDataNote), note_style, beside)) * 0.5f,
            beside, badge_size.y + 2 * pad};
  }
  const float w = width - 2 * margin;
  const float note_h = text_height(f, f.t(Str::SampleDataNote), note_style, w);
  return {badge_size, margin, pad + badge_size.y + f.px(6), w, badge_size.y + f.px(6) + note_h + 2 * pad};
}
}  // namespace

float sample_strip_height(FrameContext& f, float width) { return strip_layout(f, width).height; }

void draw_sample_strip(FrameContext& f, const ImRect& strip) {
  const StripLayout l = strip_layout(f, strip.GetWidth());
  fill(f, strip, f.colors().sample_strip);
  sample_badge(f, ImVec2(strip.Min.x + f.px(24), strip.Min.y + f.px(12)));
  draw_text(f, ImVec2(strip.Min.x + l.note_x, strip.Min.y + l.note_y), f.t(Str::SampleDataNote),
            f.style(26, text::Weight::Regular, 1.5f), l.note_w, f.colors().sample_mark_text);
}

void draw_still_there(FrameContext& f, const ImRect& area, double seconds_left) {
  fill(f, area, f.colors().scrim);
  const float w = std::min(area.GetWidth() - f.px(80), f.px(1100)), h = f.px(520);
  const ImRect panel(area.GetCenter().x - w * 0.5f, area.GetCenter().y - h * 0.5f, area.GetCenter().x + w * 0.5f,
                     area.GetCenter().y + h * 0.5f);
  fill(f, panel, f.colors().card, f.px(24));
  const float pad = f.px(56), inner = w - 2 * pad;
  float y = panel.Min.y + pad;
  y += draw_text(f, ImVec2(panel.Min.x + pad, y), f.t(Str::StillThere), f.style(64, text::Weight::Bold, 1.3f), inner,
                 f.colors().heading, text::Align::Center);
  const std::string hint = std::string(f.t(Str::TouchToContinue)) + " · " +
                           fill_in(f.t(Str::BackToStartIn), std::to_string(static_cast<int>(seconds_left + 0.999)));
  y += f.px(12) + draw_text(f, ImVec2(panel.Min.x + pad, y + f.px(12)), hint, f.style(32), inner, f.colors().text,
                            text::Align::Center);
  const float bw = std::min(inner, f.px(520)), bh = f.px(110);
  // Any touch answers (the app swallows it); the button says where to touch.
  button(f, ImRect(panel.GetCenter().x - bw * 0.5f, panel.Max.y - pad - bh, panel.GetCenter().x + bw * 0.5f, panel.Max.y - pad),
         f.t(Str::Continue));
  (void)y;
}

}  // namespace khlang::kiosk

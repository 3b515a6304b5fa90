// [SECTION] Touch widgets drawn with our text engine: buttons and tiles large enough for a
// finger (at least ~9 mm), with pressed feedback, acting on release; and text helpers. Every
// surface, text block and touch target goes through these (and the text renderer), so a test
// frame records all of them as drawn items.
#pragma once

#include <string_view>

#include "screens/screen.h"

namespace khlang::kiosk {

struct ButtonStyle {
  ImU32 fill, fill_pressed, text;
  float font_px = 34;  // design px
  bool bold = true;
  ItemKind kind = ItemKind::Button;  // Key for the keys of a keyboard or a PIN pad
};
ButtonStyle primary_button();
ButtonStyle quiet_button();

// A filled rectangle that things are drawn on (a background, a panel, a badge).
void fill(FrameContext& f, const ImRect& r, ImU32 color, float rounding = 0);
// A button filling `r` with a centred label; true on the frame it is tapped.
bool button(FrameContext& f, const ImRect& r, std::string_view label, const ButtonStyle& style = primary_button());
// A large home-screen tile: title and a line of hint below it.
bool tile(FrameContext& f, const ImRect& r, std::string_view title, std::string_view hint, ImU32 fill);
// A card (white rounded rectangle with a border) named `label` (what it shows: a title);
// returns whether it was tapped.
bool card(FrameContext& f, const ImRect& r, std::string_view label, bool tappable = true);

// A text field's box named `label` (what it holds, or its hint); the caller draws the text.
// Returns whether it was tapped.
bool text_field(FrameContext& f, const ImRect& r, std::string_view label);

// Draws wrapped text at `pos`; returns its height.
float draw_text(FrameContext& f, ImVec2 pos, std::string_view text, const text::TextStyle& style, float wrap,
                ImU32 color, text::Align align = text::Align::Left);
// Draws a block whose layout the caller has (measured before drawing); returns its height.
float draw_text(FrameContext& f, ImVec2 pos, const TextBlock& block, const text::TextLayout& layout, ImU32 color,
                ImU32 link_color = 0);
// Height the text would take (laid out through the cache, not drawn).
float text_height(FrameContext& f, std::string_view text, const text::TextStyle& style, float wrap);
// A content image in `r`, cropped to fill it (cover) or fitted inside (contain); a quiet
// placeholder until the worker has decoded it. Returns false if there is no such image.
enum class ImageFit { Cover, Contain };
void draw_image(FrameContext& f, const ImRect& r, const std::string& media_id, bool thumbnail, ImageFit fit);
// The mark on sample content ("ข้อมูลตัวอย่าง · Sample data", in both languages whatever the
// visitor's): a badge at `pos`, right-aligned to it when `align` says so; returns its size.
ImVec2 sample_badge(FrameContext& f, ImVec2 pos, text::Align align = text::Align::Left);
ImVec2 sample_badge_size(FrameContext& f);
// A horizontal progress bar, `fraction` in 0..1.
void progress_bar(FrameContext& f, const ImRect& r, float fraction, ImU32 color);

}  // namespace khlang::kiosk

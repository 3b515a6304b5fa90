// [SECTION] Touch widgets drawn with our text engine: buttons and tiles large enough for a
// finger (at least ~9 mm), with pressed feedback, acting on release; and text helpers. Every
// surface, text block and touch target goes through these (and the text renderer), so a test
// frame records all of them as drawn items.
//
// Text in a box (a title, a tile, a badge, a button, a key) always goes through one fitting rule,
// text/fit.h: wrap at word boundaries (Thai from libthai's dictionary, never inside a Latin word),
// step the size down to the floor (FrameContext::min_text_px), then end the last line that fits
// with "…". Nothing is clipped to hide an overflow.
#pragma once

#include <span>
#include <string_view>

#include "screens/screen.h"

namespace khlang::kiosk {

struct ButtonStyle {
  ImU32 fill, fill_pressed, text;
  float font_px = 34;  // design px
  bool bold = true;
  ItemKind kind = ItemKind::Button;  // Key for the keys of a keyboard or a PIN pad
};
// The palette's (FrameContext::colors) button faces: bar-coloured with white text, or quiet.
ButtonStyle primary_button(const FrameContext& f);
ButtonStyle quiet_button(const FrameContext& f);

// A filled rectangle that things are drawn on (a background, a panel, a badge).
void fill(FrameContext& f, const ImRect& r, ImU32 color, float rounding = 0);
// A button filling `r` with a centred label; true on the frame it is tapped. `name` is what its
// drawn item is called (scripts' tap-item, a screen reader) when the label alone does not tell it
// from its neighbours, as a stepper's "+" and "-" (then "+ <what it steps>"); empty: the label.
bool button(FrameContext& f, const ImRect& r, std::string_view label, const ButtonStyle& style,
            std::string_view name = {});
inline bool button(FrameContext& f, const ImRect& r, std::string_view label) { return button(f, r, label, primary_button(f)); }
// A large home-screen tile: title and a line of hint below it, fitted. Tiles side by side share
// one title size and one hint size (the smallest that fits each): tiles_text finds them.
struct TileText {
  std::string_view title, hint;
};
struct TileSizes {
  float title_px = 0, hint_px = 0;  // 0: the tile's own
};
TileSizes tiles_text(FrameContext& f, ImVec2 tile_size, std::span<const TileText> tiles);
bool tile(FrameContext& f, const ImRect& r, const TileText& text, ImU32 fill, const TileSizes& sizes = {});
// A card (white rounded rectangle with a border) named `label` (what it shows: a title);
// returns whether it was tapped.
bool card(FrameContext& f, const ImRect& r, std::string_view label, bool tappable = true);

// What a list or a screen with nothing in it says instead: a panel across `width` at `pos`, as
// tall as its text, with what is not there (`message`, also the panel's name for scripts) and
// what the visitor may do or expect (`hint`). On the light screens a card; `on_dark` for the
// green screens (attract, meeting). Returns its height.
float empty_state(FrameContext& f, ImVec2 pos, float width, std::string_view message, std::string_view hint,
                  bool on_dark = false);
// Its height, drawing nothing (for lists measured before they are drawn).
float empty_state_height(FrameContext& f, float width, std::string_view message, std::string_view hint);

// A text field's box named `label` (what it holds, or its hint); the caller draws the text.
// Returns whether it was tapped.
bool text_field(FrameContext& f, const ImRect& r, std::string_view label);

// How a text sits in its box: across and down, at most max_lines (0: what the height holds),
// lines evened out (titles), stepping down no further than floor_px (a list keeps its rows
// alike; never below f.min_text_px()).
enum class VAlign { Top, Middle, Bottom };
struct FitSpec {
  text::Align align = text::Align::Left;
  VAlign valign = VAlign::Top;
  int max_lines = 0;
  bool balance = false;
  float floor_px = 0;
};
// The fitting rule for `text` in a box of `size` (a height of 0: as many lines as max_lines).
std::shared_ptr<const text::FittedText> fit(FrameContext& f, std::string_view text, const text::TextStyle& style,
                                            ImVec2 size, const FitSpec& spec = {});
// Draws fitted text in a box whose top-left is `pos` (its layout moved by offset_x), recorded
// with `frame` as the box it must stay in; returns its height.
float draw_fitted(FrameContext& f, ImVec2 pos, const text::FittedText& fitted, ImU32 color, const ImRect& frame);
// Fits `text` into `box` and draws it at the box's top, middle or bottom; returns its height.
float fit_text(FrameContext& f, const ImRect& box, std::string_view text, const text::TextStyle& style, ImU32 color,
               const FitSpec& spec = {});
// A short label on a rounded fill as large as its text (at most `max_width` wide), top-left at
// `pos`; returns the badge's box. badge_size measures it.
ImVec2 badge_size(FrameContext& f, std::string_view label, const text::TextStyle& style, float max_width);
ImRect badge(FrameContext& f, ImVec2 pos, std::string_view label, const text::TextStyle& style, float max_width,
             ImU32 fill_color, ImU32 text_color);

// While it lives, what is drawn is clipped to a scrolling view, whose edges may cut it (drawn
// items say so: a cut anywhere else is text outside its box).
class ScrollClip {
 public:
  ScrollClip(FrameContext& f, const ImRect& view);
  ~ScrollClip();
  ScrollClip(const ScrollClip&) = delete;
  ScrollClip& operator=(const ScrollClip&) = delete;

 private:
  FrameContext& f_;
  bool was_scrolling_ = false;
};

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

// [SECTION] Colours of the kiosk, for elderly eyes on a lobby screen. Two palettes of the same
// names: the standard one (the municipality's green and gold; every text colour meets WCAG 2.1
// AA, 4.5:1, on the surfaces it is drawn on) and a high-contrast one (near-black on white, white
// on near-black; every text colour 7:1 or more, WCAG AAA). The kiosk chooses one each frame (the
// visitor's toggle on home, whose default is the setting high_contrast) and screens read it from
// FrameContext::colors(): nothing draws a colour of its own. check_legibility holds the screens
// to their palette's bound (--min-contrast 7 in the high-contrast runs), tests/kiosk/test_theme.cpp
// every pair of text and surface, pressed faces included; the figures beside the colours are
// their contrast on the surfaces they are drawn on.
#pragma once

#include <imgui.h>

namespace khlang::kiosk::theme {

struct Palette {
  ImU32 background;
  ImU32 header, header_pressed, header_deep;  // bars; top-bar buttons on them, and pressed
  ImU32 header_text, header_subtle;           // text on bars and tiles
  ImU32 card, card_pressed, card_border;
  ImU32 quiet, quiet_pressed;  // quiet buttons, table heads, notes
  ImU32 text, text_muted, heading, link;
  ImU32 accent;  // the gold of the municipal seal: surfaces only
  ImU32 accent_text, accent_on_dark, on_accent;
  ImU32 track, done, in_progress, behind;  // plan progress (each also has its word)
  ImU32 year_closed, no_data, not_started;  // progress bars' fills without a judgement
  // The sample-data mark: a badge on a strip, unlike anything else on the screens.
  ImU32 sample_mark, sample_mark_text, sample_strip;
  // Home tiles, each section its own colour so a returning visitor finds it again.
  ImU32 tile_knowledge, tile_announcements, tile_plan, tile_people, tile_about;
  ImU32 keyboard;         // behind the on-screen keys
  ImU32 pressed_shade;    // over a tile while a finger is on it
  ImU32 pressed_outline;  // around what a finger presses (alpha 0: none)
  ImU32 scrim;            // over the screen behind "Still there?"
  ImU32 closed;           // the blank screen outside the opening hours
  ImU32 qr_light, qr_dark;  // QR codes: what phones read best whatever the palette
};

inline constexpr Palette kStandard{
    .background = IM_COL32(246, 244, 238, 255),
    .header = IM_COL32(22, 92, 72, 255),  // municipal green; white on it 7.9
    .header_pressed = IM_COL32(12, 62, 48, 255),
    .header_deep = IM_COL32(0, 30, 22, 255),
    .header_text = IM_COL32(255, 255, 255, 255),
    .header_subtle = IM_COL32(206, 232, 220, 255),
    .card = IM_COL32(255, 255, 255, 255),
    .card_pressed = IM_COL32(226, 238, 232, 255),
    .card_border = IM_COL32(221, 216, 204, 255),
    .quiet = IM_COL32(232, 228, 218, 255),
    .quiet_pressed = IM_COL32(206, 200, 186, 255),
    .text = IM_COL32(28, 30, 33, 255),
    .text_muted = IM_COL32(92, 96, 102, 255),
    .heading = IM_COL32(22, 92, 72, 255),
    .link = IM_COL32(18, 88, 168, 255),
    .accent = IM_COL32(201, 143, 28, 255),
    .accent_text = IM_COL32(128, 84, 0, 255),      // gold text on light: 6.0 on background
    .accent_on_dark = IM_COL32(242, 196, 90, 255),  // gold text on header: 4.8
    .on_accent = IM_COL32(28, 30, 33, 255),         // text on accent: 5.9 (white was 2.8)
    .track = IM_COL32(226, 222, 212, 255),
    .done = IM_COL32(28, 120, 64, 255),  // 5.5 on card
    .in_progress = IM_COL32(32, 110, 190, 255),
    .behind = IM_COL32(204, 64, 44, 255),
    .year_closed = IM_COL32(120, 126, 132, 255),
    .no_data = IM_COL32(178, 178, 178, 255),
    .not_started = IM_COL32(214, 206, 186, 255),
    .sample_mark = IM_COL32(255, 214, 102, 255),  // dark brown on amber: 8:1
    .sample_mark_text = IM_COL32(74, 46, 0, 255),
    .sample_strip = IM_COL32(255, 243, 205, 255),
    .tile_knowledge = IM_COL32(22, 92, 72, 255),
    .tile_announcements = IM_COL32(150, 78, 10, 255),  // header_subtle on it 4.8
    .tile_plan = IM_COL32(32, 84, 150, 255),
    .tile_people = IM_COL32(120, 60, 130, 255),
    .tile_about = IM_COL32(70, 80, 90, 255),
    .keyboard = IM_COL32(222, 218, 208, 255),
    .pressed_shade = IM_COL32(0, 0, 0, 60),
    .pressed_outline = IM_COL32(0, 0, 0, 0),
    .scrim = IM_COL32(0, 0, 0, 150),
    .closed = IM_COL32(0, 0, 0, 255),
    .qr_light = IM_COL32(255, 255, 255, 255),
    .qr_dark = IM_COL32(0, 0, 0, 255),
};

// Near-black on white for reading; white on black bars and on near-black tiles (each keeps a
// trace of its section's hue); yellow only as a surface (the accent, the sample mark) and as the
// outline of what a finger presses. The figures: text on white, then on quiet.
inline constexpr Palette kHighContrast{
    .background = IM_COL32(255, 255, 255, 255),
    .header = IM_COL32(0, 0, 0, 255),
    .header_pressed = IM_COL32(58, 58, 58, 255),  // white on it 11.4: top-bar buttons on the black bar
    .header_deep = IM_COL32(0, 0, 0, 255),        // a top-bar button pressed (outlined in yellow)
    .header_text = IM_COL32(255, 255, 255, 255),  // 21 on header
    .header_subtle = IM_COL32(235, 235, 235, 255),  // 17.6 on header, 9.5 on header_pressed
    .card = IM_COL32(255, 255, 255, 255),
    .card_pressed = IM_COL32(214, 214, 214, 255),
    .card_border = IM_COL32(0, 0, 0, 255),
    .quiet = IM_COL32(226, 226, 226, 255),
    .quiet_pressed = IM_COL32(176, 176, 176, 255),  // text on it 9.0
    .text = IM_COL32(12, 12, 12, 255),             // 19.6, 15.1
    .text_muted = IM_COL32(46, 46, 46, 255),       // 13.6, 10.5
    .heading = IM_COL32(0, 52, 36, 255),           // 13.8, 10.7
    .link = IM_COL32(0, 40, 150, 255),             // 12.0, 9.3
    .accent = IM_COL32(255, 204, 0, 255),
    .accent_text = IM_COL32(84, 52, 0, 255),        // 11.2, 8.7
    .accent_on_dark = IM_COL32(255, 214, 10, 255),  // 14.9 on header
    .on_accent = IM_COL32(0, 0, 0, 255),            // 13.9 on accent
    .track = IM_COL32(200, 200, 200, 255),
    .done = IM_COL32(0, 74, 30, 255),         // 10.5, 8.1
    .in_progress = IM_COL32(0, 56, 150, 255),  // 10.5, 8.1
    .behind = IM_COL32(136, 0, 0, 255),        // 10.3, 7.9
    .year_closed = IM_COL32(90, 90, 90, 255),
    .no_data = IM_COL32(150, 150, 150, 255),
    .not_started = IM_COL32(200, 200, 200, 255),
    .sample_mark = IM_COL32(255, 214, 0, 255),  // black on it 14.9
    .sample_mark_text = IM_COL32(0, 0, 0, 255),
    .sample_strip = IM_COL32(255, 241, 168, 255),  // black on it 18.4
    .tile_knowledge = IM_COL32(0, 56, 40, 255),        // white on it 13.2, header_subtle 11.0
    .tile_announcements = IM_COL32(92, 40, 0, 255),    // 11.9, 10.0
    .tile_plan = IM_COL32(0, 40, 104, 255),            // 14.0, 11.7
    .tile_people = IM_COL32(70, 20, 82, 255),          // 14.2, 11.9
    .tile_about = IM_COL32(34, 34, 34, 255),           // 15.9, 13.3
    .keyboard = IM_COL32(120, 120, 120, 255),
    .pressed_shade = IM_COL32(255, 255, 255, 40),
    .pressed_outline = IM_COL32(255, 204, 0, 255),
    .scrim = IM_COL32(0, 0, 0, 200),
    .closed = IM_COL32(0, 0, 0, 255),
    .qr_light = IM_COL32(255, 255, 255, 255),
    .qr_dark = IM_COL32(0, 0, 0, 255),
};

inline const Palette& palette(bool high_contrast) { return high_contrast ? kHighContrast : kStandard; }

}  // namespace khlang::kiosk::theme

// The palettes (kiosk/theme.h): each text colour on each surface it is drawn on, including the
// pressed faces a screenshot never shows, reaches its palette's bound: WCAG AA (4.5:1) for the
// standard palette, AAA (7:1) for high contrast. The screenshot tests check what is drawn; this
// checks what only a finger on the glass shows.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "theme.h"

using khlang::kiosk::theme::Palette;

namespace {

double channel(ImU32 c, int shift) {
  const double v = static_cast<double>((c >> shift) & 0xff) / 255.0;
  return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}
double luminance(ImU32 c) {
  return 0.2126 * channel(c, IM_COL32_R_SHIFT) + 0.7152 * channel(c, IM_COL32_G_SHIFT) + 0.0722 * channel(c, IM_COL32_B_SHIFT);
}
double contrast(ImU32 a, ImU32 b) {
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

struct Pair {
  const char* what;
  ImU32 text, surface;
};

void check_pairs(const Palette& p, double bound) {
  const Pair pairs[] = {
      {"text on background", p.text, p.background},
      {"text on card", p.text, p.card},
      {"text on a pressed card", p.text, p.card_pressed},
      {"text on quiet", p.text, p.quiet},
      {"text on a pressed quiet button", p.text, p.quiet_pressed},
      {"muted text on background", p.text_muted, p.background},
      {"muted text on quiet", p.text_muted, p.quiet},
      {"heading on background", p.heading, p.background},
      {"link on background", p.link, p.background},
      {"gold text on background", p.accent_text, p.background},
      {"text on the accent", p.on_accent, p.accent},
      {"bar text on the bar", p.header_text, p.header},
      {"bar text on a top-bar button", p.header_text, p.header_pressed},
      {"bar text on a pressed top-bar button", p.header_text, p.header_deep},
      {"subtle bar text on the bar", p.header_subtle, p.header},
      {"gold on the bar", p.accent_on_dark, p.header},
      {"achieved on card", p.done, p.card},
      {"in progress on card", p.in_progress, p.card},
      {"behind on card", p.behind, p.card},
      {"the sample mark", p.sample_mark_text, p.sample_mark},
      {"the sample strip's note", p.sample_mark_text, p.sample_strip},
      {"tile title (knowledge)", p.header_text, p.tile_knowledge},
      {"tile title (announcements)", p.header_text, p.tile_announcements},
      {"tile title (plan)", p.header_text, p.tile_plan},
      {"tile title (people)", p.header_text, p.tile_people},
      {"tile title (about)", p.header_text, p.tile_about},
  };
  for (const Pair& pair : pairs) {
    INFO(pair.what);
    CHECK(contrast(pair.text, pair.surface) >= bound);
  }
}

}  // namespace

TEST_CASE("theme: the standard palette's text reaches 4.5:1 on its surfaces, pressed ones too") {
  check_pairs(khlang::kiosk::theme::kStandard, 4.5);
}

TEST_CASE("theme: the high-contrast palette's text reaches 7:1 on its surfaces, pressed ones too") {
  check_pairs(khlang::kiosk::theme::kHighContrast, 7.0);
  // What a finger presses shows a yellow outline there.
  CHECK(((khlang::kiosk::theme::kHighContrast.pressed_outline >> IM_COL32_A_SHIFT) & 0xff) == 0xff);
}

TEST_CASE("theme: the palette follows the visitor's choice") {
  CHECK(&khlang::kiosk::theme::palette(false) == &khlang::kiosk::theme::kStandard);
  CHECK(&khlang::kiosk::theme::palette(true) == &khlang::kiosk::theme::kHighContrast);
}

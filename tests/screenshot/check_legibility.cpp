// Checks what a kiosk screen drew (--dump-items, kiosk/render/drawn_item.h) against the rules of
// a public screen read by elderly visitors, without looking at pixels:
//   - every text block lies inside its frame (the box it was given: a tile, a button, a badge, a
//     column) and, unless it is in a scrolling view (whose edges cut what scrolls past them),
//     inside its clip and the window;
//   - no line of a text block ends inside a word (laid out again by the engine: the fitting rule
//     steps down or cuts with "…" instead);
//   - no text block overlaps another;
//   - contrast of text (and links) against what is behind it at least 4.5:1, 3:1 for large text
//     (WCAG 2.1 AA; see kLarge* below); with --min-contrast R, at least R for every text (the
//     high-contrast theme's screens: 7, WCAG AAA);
//   - no text smaller than 24 px at a 1080 px short side (scaled with the screen);
//   - every target a finger taps at least 64 px in both directions (more on larger screens).
// usage: check_legibility [--min-contrast R] ITEMS.tsv WIDTHxHEIGHT
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "render/drawn_item.h"
#include "text/fit.h"
#include "text/text_engine.h"

using namespace khlang;
using kiosk::DrawnItem;
using kiosk::ItemBox;
using kiosk::ItemKind;

namespace {

constexpr float kSlack = 1.0f;        // px of rounding allowed at an edge
constexpr float kMinTextDesign = 24;  // px at a 1080 px short side
constexpr float kMinTargetPx = 64;    // a finger does not shrink with the screen
// WCAG's large text is 18 pt (24 CSS px), or 14 pt (18.7 px) bold, for a page read at arm's
// length. A lobby screen is read from further, so large here means twice that at a 1080 px short
// side: 48 px, or 37.3 px bold. Body text and labels must reach 4.5:1.
constexpr float kLargeDesign = 48, kLargeBoldDesign = 37.3f;

double channel(uint32_t rgba, int shift) {
  const double c = static_cast<double>((rgba >> shift) & 0xff) / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}
double luminance(uint32_t rgba) { return 0.2126 * channel(rgba, 24) + 0.7152 * channel(rgba, 16) + 0.0722 * channel(rgba, 8); }
double contrast(uint32_t a, uint32_t b) {
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}
// A translucent colour as it shows over an opaque one.
uint32_t over(uint32_t top, uint32_t under) {
  const uint32_t a = top & 0xff;
  auto mix = [&](int shift) {
    const uint32_t t = (top >> shift) & 0xff, u = (under >> shift) & 0xff;
    return ((t * a + u * (255 - a) + 127) / 255) << shift;
  };
  return mix(24) | mix(16) | mix(8) | 0xff;
}

bool inside(const ItemBox& in, const ItemBox& out) {
  return in.x0 >= out.x0 - kSlack && in.x1 <= out.x1 + kSlack && in.y0 >= out.y0 - kSlack && in.y1 <= out.y1 + kSlack;
}

std::string describe(const DrawnItem& it) {
  char where[96];
  std::snprintf(where, sizeof where, " at (%.0f,%.0f)-(%.0f,%.0f)", static_cast<double>(it.box.x0),
                static_cast<double>(it.box.y0), static_cast<double>(it.box.x1), static_cast<double>(it.box.y1));
  std::string label = it.label.substr(0, 120);
  std::replace(label.begin(), label.end(), '\n', ' ');
  return std::string(item_kind_name(it.kind)) + " '" + label + "'" + where;
}

}  // namespace

int main(int argc, char** argv) {
  int width = 0, height = 0;
  double min_contrast = 0;  // --min-contrast: a bound for every text, above WCAG AA's
  if (argc == 5 && std::string(argv[1]) == "--min-contrast") {
    char* end = nullptr;
    min_contrast = std::strtod(argv[2], &end);
    if (*end != '\0' || !(min_contrast >= 1 && min_contrast <= 21)) min_contrast = -1;
    argv += 2, argc -= 2;
  }
  if (argc != 3 || min_contrast < 0 || std::sscanf(argv[2], "%dx%d", &width, &height) != 2 || width <= 0 ||
      height <= 0) {
    std::fprintf(stderr, "usage: check_legibility [--min-contrast R (1 to 21)] ITEMS.tsv WIDTHxHEIGHT\n");
    return 2;
  }
  std::ifstream dump(argv[1]);
  std::stringstream text;
  text << dump.rdbuf();
  auto parsed = kiosk::parse_items(text.str());
  if (!parsed) {
    std::fprintf(stderr, "%s: %s\n", argv[1], parsed.error().message.c_str());
    return 1;
  }
  const std::vector<DrawnItem>& items = parsed.value();
  auto engine = text::TextEngine::create_default();
  if (!engine) {
    std::fprintf(stderr, "%s\n", engine.error().message.c_str());
    return 1;
  }
  engine.value()->set_whole_words(kiosk::parse_whole_words(text.str()));  // laid out as the kiosk did
  const float scale = static_cast<float>(std::min(width, height)) / 1080.0f;
  const ItemBox window{0, 0, static_cast<float>(width), static_cast<float>(height)};
  int failures = 0, texts = 0, targets = 0;
  double worst = 1e9;
  auto fail = [&](const DrawnItem& it, const std::string& why) {
    std::printf("FAIL %s: %s\n", describe(it).c_str(), why.c_str());
    ++failures;
  };

  std::vector<const DrawnItem*> shown;
  for (const DrawnItem& it : items) {
    if (it.kind != ItemKind::Text) {
      if (!it.tappable) continue;
      ++targets;
      const float need = kMinTargetPx * std::max(1.0f, scale);
      if (std::min(it.box.width(), it.box.height()) < need - kSlack) {
        fail(it, "a target " + std::to_string(static_cast<int>(it.box.width())) + "x" +
                     std::to_string(static_cast<int>(it.box.height())) + " px, less than " +
                     std::to_string(static_cast<int>(need)) + " px");
      }
      continue;
    }
    ++texts;
    if (!inside(it.box, it.frame)) fail(it, "outside its frame (the box it was given)");
    if (it.wrap > 0) {
      const text::TextStyle style{it.size, it.bold ? text::Weight::Bold : text::Weight::Regular, it.line_height};
      const auto align = static_cast<text::Align>(it.align);
      auto layout = it.spans.empty() ? engine.value()->layout(it.label, style, it.wrap, align)
                                     : engine.value()->layout_rich(it.label, it.spans, style, it.wrap, align);
      if (text::breaks_inside_word(*layout)) fail(it, "a line ends inside a word");
    }
    if (!it.scrolled && !inside(it.box, it.clip)) fail(it, "cut by its clip");
    if (!it.scrolled && !inside(it.box, window)) fail(it, "outside the window");
    const float min_size = kMinTextDesign * scale;
    if (it.size < min_size - 0.5f) {
      fail(it, "text of " + std::to_string(it.size) + " px, less than " + std::to_string(min_size) + " px");
    }
    if ((it.background_rgba & 0xff) == 0) {
      fail(it, "nothing recorded behind it (draw its surface with fill())");
    } else {
      const bool large = it.size >= (it.bold ? kLargeBoldDesign : kLargeDesign) * scale;
      const double need = std::max(large ? 3.0 : 4.5, min_contrast);
      const double ratio = contrast(over(it.text_rgba, it.background_rgba), it.background_rgba);
      worst = std::min(worst, ratio);
      if (ratio < need) {
        char why[160];
        std::snprintf(why, sizeof why, "contrast %.2f:1 (#%08x on #%08x), needs %.1f:1", ratio, it.text_rgba,
                      it.background_rgba, need);
        fail(it, why);
      }
      const bool has_links = std::any_of(it.spans.begin(), it.spans.end(),
                                         [](const text::TextSpan& s) { return (s.flags & text::kSpanLink) != 0; });
      if (has_links && it.link_rgba) {
        const double link = contrast(over(it.link_rgba, it.background_rgba), it.background_rgba);
        if (link < need) {
          char why[160];
          std::snprintf(why, sizeof why, "links' contrast %.2f:1 (#%08x), needs %.1f:1", link, it.link_rgba, need);
          fail(it, why);
        }
      }
    }
    const ItemBox v = it.visible();
    if (v.width() > 0 && v.height() > 0) shown.push_back(&it);
  }
  // No two blocks of text on top of each other (what shows of them).
  for (size_t i = 0; i < shown.size(); ++i) {
    const ItemBox a = shown[i]->visible();
    for (size_t j = i + 1; j < shown.size(); ++j) {
      const ItemBox b = shown[j]->visible();
      const float w = std::min(a.x1, b.x1) - std::max(a.x0, b.x0), h = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
      if (w > kSlack && h > kSlack) fail(*shown[i], "overlaps " + describe(*shown[j]));
    }
  }
  if (failures == 0) {
    std::printf("ok: %d text blocks, %d targets, lowest contrast %.2f:1\n", texts, targets, worst < 1e8 ? worst : 0.0);
  }
  return failures == 0 ? 0 : 1;
}

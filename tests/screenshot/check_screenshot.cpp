// Checks a kiosk screenshot against the text blocks the kiosk says it drew (--dump-items, the
// format of kiosk/render/drawn_item.h): each block, laid out again by the engine (with its bold,
// italic and link spans) and painted where the kiosk put it, must match the ink in the screenshot
// (correlation of the engine's coverage with the picture's contrast against the block's
// background). Text in the wrong place, missing, clipped or drawn with broken glyphs fails.
// With --blank (the closed route: the display blank outside the opening hours), the picture must
// be black in every pixel and the kiosk must have drawn no text at all.
// usage: check_screenshot [--blank] SCREENSHOT.png ITEMS.tsv
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "image/image.h"
#include "render/drawn_item.h"
#include "text/text_engine.h"
#include "text/text_painter.h"

using namespace khlang;

namespace {

// The most common colour in a rectangle of the picture: the block's background.
uint32_t dominant_colour(const image::Image& shot, int x0, int y0, int x1, int y1) {
  std::map<uint32_t, int> counts;
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x) {
      const uint8_t* p = shot.row(y) + x * 3;
      ++counts[(p[0] << 16) | (p[1] << 8) | p[2]];
    }
  }
  return std::max_element(counts.begin(), counts.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
}

}  // namespace

int main(int argc, char** argv) {
  const bool blank = argc == 4 && std::string(argv[1]) == "--blank";
  if (blank) ++argv, --argc;
  if (argc != 3) {
    std::fprintf(stderr, "usage: check_screenshot [--blank] SCREENSHOT.png ITEMS.tsv\n");
    return 2;
  }
  auto shot = image::read_png(argv[1]);
  if (!shot) {
    std::fprintf(stderr, "%s\n", shot.error().message.c_str());
    return 1;
  }
  auto engine = text::TextEngine::create_default();
  if (!engine) {
    std::fprintf(stderr, "%s\n", engine.error().message.c_str());
    return 1;
  }
  std::ifstream dump(argv[2]);
  std::stringstream dump_text;
  dump_text << dump.rdbuf();
  auto items = kiosk::parse_items(dump_text.str());
  engine.value()->set_whole_words(kiosk::parse_whole_words(dump_text.str()));  // laid out as the kiosk did
  if (!items) {
    std::fprintf(stderr, "%s: %s\n", argv[2], items.error().message.c_str());
    return 1;
  }
  if (blank) {
    long lit = 0;
    for (int y = 0; y < shot->height; ++y) {
      for (int x = 0; x < shot->width * 3; ++x) lit += shot->row(y)[x] != 0 ? 1 : 0;
    }
    const auto text_items = std::count_if(items->begin(), items->end(),
                                          [](const kiosk::DrawnItem& i) { return i.kind == kiosk::ItemKind::Text; });
    std::printf("%s blank screen: %ld lit channels, %ld text blocks\n", lit == 0 && text_items == 0 ? "ok  " : "FAIL", lit,
                static_cast<long>(text_items));
    return lit == 0 && text_items == 0 ? 0 : 1;
  }
  int blocks = 0, failures = 0;
  for (const kiosk::DrawnItem& item : items.value()) {
    if (item.kind != kiosk::ItemKind::Text) continue;
    ++blocks;
    const text::TextStyle style{item.size, item.bold ? text::Weight::Bold : text::Weight::Regular, item.line_height};
    const auto align = static_cast<text::Align>(item.align);
    auto layout = item.spans.empty() ? engine.value()->layout(item.label, style, item.wrap, align)
                                     : engine.value()->layout_rich(item.label, item.spans, style, item.wrap, align);
    // The box starts where the lines do; the layout's origin is left of it by the lines' offset.
    const float origin_x = item.box.x0 - kiosk::text_span(*layout).left;
    image::Image coverage(shot->width, shot->height, 1);
    text::paint_coverage(engine.value()->atlas(), *layout, origin_x, item.box.y0, coverage);

    // Where the engine puts ink (2 px around it), within the block's clip rectangle (scrolled
    // content is cut at the view's edges): only pixels near the expected glyphs are judged.
    int ix0 = coverage.width, iy0 = coverage.height, ix1 = 0, iy1 = 0;
    for (int y = 0; y < coverage.height; ++y) {
      for (int x = 0; x < coverage.width; ++x) {
        if (coverage.at(x, y) == 0) continue;
        ix0 = std::min(ix0, x), iy0 = std::min(iy0, y), ix1 = std::max(ix1, x + 1), iy1 = std::max(iy1, y + 1);
      }
    }
    const int x0 = std::max({0, ix0 - 2, static_cast<int>(item.clip.x0)});
    const int y0 = std::max({0, iy0 - 2, static_cast<int>(item.clip.y0)});
    const int x1 = std::min({shot->width, ix1 + 2, static_cast<int>(item.clip.x1)});
    const int y1 = std::min({shot->height, iy1 + 2, static_cast<int>(item.clip.y1)});
    if (origin_x + layout->width > shot->width + 1 || origin_x < -1) {
      std::printf("FAIL block %d runs off the picture: %s\n", blocks, item.label.c_str());
      ++failures;
      continue;
    }
    if (x1 <= x0 || y1 <= y0) continue;  // its ink is all clipped away: nothing shows
    const uint32_t bg = dominant_colour(shot.value(), x0, y0, x1, y1);
    // Text over a picture or a badge's edge has no single background to measure contrast from.
    int plain = 0, off_ink = 0;
    for (int y = y0; y < y1; ++y) {
      for (int x = x0; x < x1; ++x) {
        if (coverage.at(x, y) != 0) continue;
        const uint8_t* p = shot->row(y) + x * 3;
        ++off_ink;
        plain += ((p[0] << 16) | (p[1] << 8) | p[2]) == static_cast<int>(bg) ? 1 : 0;
      }
    }
    const bool busy = off_ink > 0 && plain < off_ink * 8 / 10;
    // Pearson correlation between expected coverage and observed contrast.
    double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0, n = 0, ink = 0;
    for (int y = y0; y < y1; ++y) {
      for (int x = x0; x < x1; ++x) {
        const uint8_t* p = shot->row(y) + x * 3;
        const double contrast = std::abs(p[0] - static_cast<int>(bg >> 16)) +
                                std::abs(p[1] - static_cast<int>((bg >> 8) & 255)) +
                                std::abs(p[2] - static_cast<int>(bg & 255));
        const double expected = coverage.at(x, y);
        sa += expected, sb += contrast, saa += expected * expected, sbb += contrast * contrast;
        sab += expected * contrast, n += 1, ink += expected > 128;
      }
    }
    const double cov = sab / n - (sa / n) * (sb / n);
    const double var = (saa / n - (sa / n) * (sa / n)) * (sbb / n - (sb / n) * (sb / n));
    const double r = var > 0 ? cov / std::sqrt(var) : 0;
    // A sliver of a block at a clip edge has too few pixels to judge.
    const bool sliver = (y1 - y0) < static_cast<int>(item.size * 0.8f);
    // A lone small glyph ("1") has few ink pixels: it must then match almost exactly.
    const bool ok = sliver || busy || (ink > 20 && r > 0.9) || (ink > 4 && r > 0.97);
    std::printf("%s block %d: %d lines, correlation %.3f: %s\n", ok ? "ok  " : "FAIL", blocks,
                static_cast<int>(layout->lines.size()), r, item.label.substr(0, 60).c_str());
    failures += ok ? 0 : 1;
  }
  if (blocks == 0) {
    std::printf("FAIL: no text blocks in %s\n", argv[2]);
    return 1;
  }
  std::printf("%d blocks, %d failed\n", blocks, failures);
  return failures == 0 ? 0 : 1;
}

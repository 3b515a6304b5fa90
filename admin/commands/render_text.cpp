// render-text: the authors' preview of how the kiosk will set a text, as a PNG (black on white),
// and the line-break opportunities the engine finds in it.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <iterator>

#include "commands.h"
#include "image/image.h"
#include "text/segment.h"
#include "text/text_engine.h"
#include "text/text_painter.h"

namespace khlang::admin {

const CommandSpec kRenderTextSpec{
    "render-text",
    "render-text [--size PX] [--width PX] [--font FILE] [--align left|center|right] --out FILE.png TEXT\n"
    "       khlang-admin render-text --breaks TEXT",
    "Renders TEXT ('-' reads standard input) with the kiosk's text engine, black on white, to a PNG.",
    {
        {"--out", "FILE.png", "where to write the picture"},
        {"--size", "PX", "em size in pixels, as FT_Set_Pixel_Sizes (default 48)"},
        {"--width", "PX", "wrap lines at this width; 0 keeps each paragraph on one line (default 0)"},
        {"--font", "FILE", "a Thai font file to use instead of Noto Sans Thai (Latin stays Noto Sans)"},
        {"--align", "SIDE", "left, center or right (default left)"},
        {"--bold", "", "use the bold faces"},
        {"--margin", "PX", "white border around the text (default 10)"},
        {"--breaks", "", "print the line-break opportunities (code point offsets) instead of drawing"},
    }};

namespace {

int print_breaks(const std::string& utf8) {
  const text::NormalizedText normalized = text::normalize(utf8);
  std::string line;
  for (uint32_t k : text::line_break_offsets(normalized.text)) {
    if (!line.empty()) line += ' ';
    line += std::to_string(normalized.source_index[k]);
  }
  std::printf("%s\n", line.c_str());
  return 0;
}

}  // namespace

int run_render_text(const Args& args) {
  if (args.positional().size() != 1) {
    return fail("render-text", "give exactly one TEXT argument (quote it; '-' reads standard input)");
  }
  std::string utf8 = args.positional()[0];
  if (utf8 == "-") utf8.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  if (args.has("--breaks")) return print_breaks(utf8);

  auto out = args.get("--out");
  if (!out || out->empty()) return fail("render-text", "--out FILE.png is required");
  auto size = args.number_or("--size", 48, 4, 1000);
  auto width = args.number_or("--width", 0, 0, 100000);
  auto margin = args.number_or("--margin", 10, 0, 1000);
  for (const auto* r : {&size, &width, &margin}) {
    if (!*r) return fail("render-text", r->error().message);
  }
  text::Align align = text::Align::Left;
  const std::string side = args.get_or("--align", "left");
  if (side == "center") align = text::Align::Center;
  else if (side == "right") align = text::Align::Right;
  else if (side != "left") return fail("render-text", "--align must be left, center or right, not '" + side + "'");

  auto paths = text::FontSet::paths_from_manifest(text::FontSet::default_font_dir());
  if (!paths) return fail("render-text", paths.error().message);
  if (auto font = args.get("--font")) paths->thai_regular = paths->thai_bold = *font;
  auto fonts = text::FontSet::load(paths.value());
  if (!fonts) return fail("render-text", fonts.error().message);
  text::TextEngine engine(std::move(fonts.value()));

  text::TextStyle style;
  style.size_px = static_cast<float>(size.value());
  style.weight = args.has("--bold") ? text::Weight::Bold : text::Weight::Regular;
  const auto wrap = static_cast<float>(width.value());
  auto layout = engine.layout(utf8, style, wrap, align);

  const auto m = static_cast<int>(margin.value());
  const int w = static_cast<int>(std::ceil(std::max(layout->width, wrap))) + 2 * m;
  const int h = static_cast<int>(std::ceil(layout->height)) + 2 * m;
  image::Image coverage(std::max(w, 1), std::max(h, 1), 1);
  text::paint_coverage(engine.atlas(), *layout, static_cast<float>(m), static_cast<float>(m), coverage);
  if (auto written = image::write_png(*out, text::coverage_to_black_on_white(coverage)); !written) {
    return fail("render-text", written.error().message);
  }
  return 0;
}

}  // namespace khlang::admin

// [SECTION] Painting laid-out text into an in-memory image: the CLI's previews and the tests.
#pragma once

#include "image/image.h"
#include "text/glyph_atlas.h"
#include "text/layout.h"

namespace khlang::text {

// Adds the coverage of `layout`, top-left at (x, y), to a 1-channel image (0 = no ink).
// Overlapping glyphs combine as ink over ink.
void paint_coverage(GlyphAtlas& atlas, const TextLayout& layout, float x, float y, image::Image& coverage);

// The same laid out as dark text on white: a new image of `width` x `height` (RGB).
image::Image coverage_to_black_on_white(const image::Image& coverage);

}  // namespace khlang::text

// [SECTION] Plain images in memory, and PNG files (libpng) for screenshots, previews and tests.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "util/error.h"

namespace khlang::image {

// 8-bit image with 1 (gray), 3 (RGB) or 4 (RGBA) channels, rows top to bottom, no padding.
struct Image {
  int width = 0;
  int height = 0;
  int channels = 1;
  std::vector<uint8_t> pixels;

  Image() = default;
  Image(int w, int h, int c, uint8_t fill = 0)
      : width(w), height(h), channels(c), pixels(static_cast<size_t>(w) * static_cast<size_t>(h) * static_cast<size_t>(c), fill) {}
  uint8_t* row(int y) { return pixels.data() + static_cast<size_t>(y) * static_cast<size_t>(width) * static_cast<size_t>(channels); }
  const uint8_t* row(int y) const {
    return pixels.data() + static_cast<size_t>(y) * static_cast<size_t>(width) * static_cast<size_t>(channels);
  }
  uint8_t at(int x, int y, int c = 0) const { return row(y)[x * channels + c]; }
};

// Writes `image` as PNG. Fast compression: screenshots are taken at start-up time.
Status write_png(const std::string& path, const Image& image);
Expected<Image> read_png(const std::string& path);

}  // namespace khlang::image

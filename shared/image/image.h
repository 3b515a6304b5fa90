// [SECTION] Plain images in memory; PNG files (libpng) for screenshots, previews and tests; JPEG
// encoding (libjpeg-turbo) for thumbnails. Decoding content images: image_decoder.h.
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

// `image` (1 or 3 channels) as a baseline JPEG of `quality` 1..100.
Expected<std::string> encode_jpeg(const Image& image, int quality);

}  // namespace khlang::image

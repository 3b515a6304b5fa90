// [SECTION] Decoding content images: PNG (libpng) and JPEG (libjpeg-turbo) only, both fuzzed
// continuously upstream. Every other format is refused by its first bytes. The header is read
// and the size checked against util/limits.h before any pixel is decoded; rows are shrunk as they
// arrive (AreaScaler), so decoding costs the output's memory, not the source's. A bad image is an
// error value, never a crash, a hang or an exception; a decode can be cancelled between rows.
#pragma once

#include <atomic>
#include <string>
#include <string_view>

#include "image/image.h"
#include "util/error.h"

namespace khlang::image {

enum class ImageFormat { Png, Jpeg };

struct ImageHeader {
  ImageFormat format = ImageFormat::Png;
  int width = 0, height = 0;
  const char* mime() const { return format == ImageFormat::Png ? "image/png" : "image/jpeg"; }
};

// The format and size of an encoded image, checked against the limits (bytes, sides, pixels,
// colour space). `name` starts every error ("media/x.png: 20000 x 20000 pixels ...").
Expected<ImageHeader> read_image_header(std::string_view bytes, const std::string& name);

struct DecodeOptions {
  int max_side = 0;                          // shrink to fit (0: full size)
  const std::atomic<bool>* cancel = nullptr;  // set to stop a decode between rows
};

// RGBA pixels (4 channels). A truncated or corrupt image whose header was good may decode
// partly (libjpeg fills the rest with grey); anything libpng or libjpeg refuses is an error.
Expected<Image> decode_image(std::string_view bytes, const std::string& name, const DecodeOptions& options = {});

}  // namespace khlang::image

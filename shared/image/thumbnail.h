// [SECTION] Image facts and thumbnails for content media (stb_image, decoded from memory).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "util/error.h"

namespace khlang::image {

struct ImageInfo {
  int width = 0, height = 0;
  std::string mime;  // image/png, image/jpeg
};

// Reads the header of an encoded image; an error says what is wrong with it.
Expected<ImageInfo> probe_image(std::string_view bytes, const std::string& name);

struct Thumbnail {
  std::string jpeg;
  int width = 0, height = 0;
};
// A JPEG no larger than max_side on its longer side (the list screens' cover images).
Expected<Thumbnail> make_thumbnail(std::string_view bytes, const std::string& name, int max_side = 320);

}  // namespace khlang::image

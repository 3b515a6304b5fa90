// [SECTION] Thumbnails for content media: the list screens' cover images, made by pack with the
// same decoder the kiosk uses (image_decoder.h).
#pragma once

#include <string>
#include <string_view>

#include "util/error.h"

namespace khlang::image {

struct Thumbnail {
  std::string jpeg;
  int width = 0, height = 0;
};
// A JPEG no larger than max_side on its longer side; transparency is flattened onto white.
Expected<Thumbnail> make_thumbnail(std::string_view bytes, const std::string& name, int max_side = 320);

}  // namespace khlang::image

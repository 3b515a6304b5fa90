#include "image/thumbnail.h"

#include "image/image_decoder.h"

namespace khlang::image {

Expected<Thumbnail> make_thumbnail(std::string_view bytes, const std::string& name, int max_side) {
  auto rgba = decode_image(bytes, name, {.max_side = max_side});
  if (!rgba) return rgba.error();
  Image rgb(rgba->width, rgba->height, 3);
  const size_t pixels = static_cast<size_t>(rgb.width) * static_cast<size_t>(rgb.height);
  for (size_t i = 0; i < pixels; ++i) {
    const uint8_t* p = &rgba->pixels[i * 4];
    for (int c = 0; c < 3; ++c) {
      rgb.pixels[i * 3 + static_cast<size_t>(c)] = static_cast<uint8_t>((p[c] * p[3] + 255 * (255 - p[3]) + 127) / 255);
    }
  }
  auto jpeg = encode_jpeg(rgb, 85);
  if (!jpeg) return Error{name + ": " + jpeg.error().message};
  return Thumbnail{std::move(jpeg.value()), rgb.width, rgb.height};
}

}  // namespace khlang::image

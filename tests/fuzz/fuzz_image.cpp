// Image decoding (PNG through libpng, JPEG through libjpeg-turbo): any bytes give an image or an
// error, within the limits, never a crash, a hang or an allocation past the caps.
#include "fuzz_support.h"
#include "image/image_decoder.h"
#include "image/thumbnail.h"

using namespace khlang;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes = fuzz::as_text(data, size);
  auto header = image::read_image_header(bytes, "x");
  // Shrunk as the kiosk's list screens and pack's thumbnails do, and at full size when small (a
  // 24-megapixel decode at full size would only slow the search down).
  const bool small = header && static_cast<int64_t>(header->width) * header->height <= 1'000'000;
  for (int max_side : {0, 64}) {
    if (max_side == 0 && header && !small) continue;
    auto decoded = image::decode_image(bytes, "x", {.max_side = max_side});
    if (!header) {
      FUZZ_CHECK(!decoded, "decoded what its header refused");
      continue;
    }
    if (!decoded) continue;
    const image::Image& im = decoded.value();
    FUZZ_CHECK(im.channels == 4, "not RGBA");
    FUZZ_CHECK(im.pixels.size() == static_cast<size_t>(im.width) * static_cast<size_t>(im.height) * 4, "size");
    if (max_side == 0) {
      FUZZ_CHECK(im.width == header->width && im.height == header->height, "full size differs from the header");
    } else {
      FUZZ_CHECK(im.width >= 1 && im.height >= 1 && im.width <= max_side && im.height <= max_side, "not shrunk to fit");
    }
  }
  if (header && size < 4096) (void)image::make_thumbnail(bytes, "x", 16);
  return 0;
}

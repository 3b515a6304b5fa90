#include "image/image_decoder.h"

#include "image/codecs.h"
#include "util/limits.h"

namespace khlang::image {
namespace {

std::string number(uint64_t n) { return limits::with_thousands(n); }

}  // namespace

Expected<ImageHeader> read_image_header(std::string_view bytes, const std::string& name) {
  if (bytes.size() > limits::kMaxImageBytes) {
    return Error{name + ": " + number(bytes.size()) + " bytes is too large (an image may have at most " +
                 number(limits::kMaxImageBytes) + " bytes)"};
  }
  Expected<ImageHeader> header = Error{""};
  if (bytes.starts_with("\x89PNG\r\n\x1a\n")) header = codecs::png_header(bytes);
  else if (bytes.starts_with("\xFF\xD8\xFF")) header = codecs::jpeg_header(bytes);
  else return Error{name + ": not a PNG or JPEG image (only those two formats are shown)"};
  if (!header) return Error{name + ": " + header.error().message};
  const int w = header->width, h = header->height;
  const uint64_t pixels = static_cast<uint64_t>(w) * static_cast<uint64_t>(h);
  if (w > limits::kMaxImageSide || h > limits::kMaxImageSide || pixels > limits::kMaxImagePixels) {
    return Error{name + ": " + number(static_cast<uint64_t>(w)) + " x " + number(static_cast<uint64_t>(h)) +
                 " pixels is too large (at most " + number(limits::kMaxImageSide) + " a side and " +
                 number(limits::kMaxImagePixels / 1'000'000) + " megapixels; the screen shows about 2): save it smaller"};
  }
  return header;
}

Expected<Image> decode_image(std::string_view bytes, const std::string& name, const DecodeOptions& options) {
  auto header = read_image_header(bytes, name);
  if (!header) return header.error();
  auto image = header->format == ImageFormat::Png ? codecs::png_decode(bytes, header.value(), options)
                                                  : codecs::jpeg_decode(bytes, header.value(), options);
  if (!image) return Error{name + ": " + image.error().message};
  return image;
}

}  // namespace khlang::image

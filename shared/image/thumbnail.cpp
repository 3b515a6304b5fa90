#include "image/thumbnail.h"

#include <stb_image.h>
#include <stb_image_resize.h>
#include <stb_image_write.h>

#include <algorithm>
#include <memory>
#include <vector>

namespace khlang::image {
namespace {
// Content images larger than this are refused: decoding one would take the kiosk's memory.
constexpr int kMaxSide = 8192;

const stbi_uc* as_bytes(std::string_view s) { return reinterpret_cast<const stbi_uc*>(s.data()); }
}  // namespace

Expected<ImageInfo> probe_image(std::string_view bytes, const std::string& name) {
  ImageInfo info;
  int channels = 0;
  if (bytes.size() > 0x7FFFFFFF ||
      !stbi_info_from_memory(as_bytes(bytes), static_cast<int>(bytes.size()), &info.width, &info.height, &channels)) {
    return Error{name + ": not a PNG or JPEG image (" + std::string(stbi_failure_reason() ? stbi_failure_reason() : "unknown") + ")"};
  }
  if (bytes.substr(0, 8) == "\x89PNG\r\n\x1a\n") info.mime = "image/png";
  else if (bytes.substr(0, 3) == "\xFF\xD8\xFF") info.mime = "image/jpeg";
  else return Error{name + ": only PNG and JPEG images are supported"};
  if (info.width > kMaxSide || info.height > kMaxSide) {
    return Error{name + ": " + std::to_string(info.width) + "x" + std::to_string(info.height) +
                 " is too large (at most " + std::to_string(kMaxSide) + " px a side)"};
  }
  return info;
}

Expected<Thumbnail> make_thumbnail(std::string_view bytes, const std::string& name, int max_side) {
  int w = 0, h = 0, channels = 0;
  std::unique_ptr<stbi_uc, decltype(&stbi_image_free)> pixels(
      stbi_load_from_memory(as_bytes(bytes), static_cast<int>(bytes.size()), &w, &h, &channels, 3), stbi_image_free);
  if (!pixels) return Error{name + ": cannot decode the image (" + std::string(stbi_failure_reason()) + ")"};
  const double scale = std::min(1.0, static_cast<double>(max_side) / std::max(w, h));
  Thumbnail t;
  t.width = std::max(1, static_cast<int>(w * scale + 0.5));
  t.height = std::max(1, static_cast<int>(h * scale + 0.5));
  std::vector<stbi_uc> small(static_cast<size_t>(t.width) * static_cast<size_t>(t.height) * 3);
  if (!stbir_resize_uint8(pixels.get(), w, h, 0, small.data(), t.width, t.height, 0, 3)) {
    return Error{name + ": cannot scale the image"};
  }
  stbi_write_jpg_to_func(
      [](void* context, void* data, int size) {
        static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<size_t>(size));
      },
      &t.jpeg, t.width, t.height, 3, small.data(), 85);
  if (t.jpeg.empty()) return Error{name + ": cannot encode the thumbnail"};
  return t;
}

}  // namespace khlang::image

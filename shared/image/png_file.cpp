#include <png.h>
#include <zlib.h>

#include <cerrno>
#include <cstdio>
#include <memory>

#include "image/image.h"
#include "util/system_error.h"

namespace khlang::image {
namespace {

struct FileCloser {
  void operator()(FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<FILE, FileCloser>;

int color_type_for(int channels) {
  switch (channels) {
    case 1: return PNG_COLOR_TYPE_GRAY;
    case 3: return PNG_COLOR_TYPE_RGB;
    default: return PNG_COLOR_TYPE_RGBA;
  }
}

}  // namespace

Status write_png(const std::string& path, const Image& image) {
  if (image.width <= 0 || image.height <= 0) return Error{"cannot write " + path + ": the image is empty"};
  File file(std::fopen(path.c_str(), "wb"));
  if (!file) return system_error("cannot write " + path, errno);
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (!info) {
    png_destroy_write_struct(&png, nullptr);
    return Error{"cannot write " + path + ": out of memory"};
  }
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    return Error{"cannot write " + path + ": libpng failed (disk full?)"};
  }
  png_init_io(png, file.get());
  png_set_compression_level(png, Z_BEST_SPEED);
  png_set_filter(png, 0, PNG_FILTER_SUB);
  png_set_IHDR(png, info, static_cast<png_uint_32>(image.width), static_cast<png_uint_32>(image.height), 8,
               color_type_for(image.channels), PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
               PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  for (int y = 0; y < image.height; ++y) png_write_row(png, image.row(y));
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  if (std::fflush(file.get()) != 0) return system_error("cannot write " + path, errno);
  return Ok{};
}

Expected<Image> read_png(const std::string& path) {
  png_image img{};
  img.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_file(&img, path.c_str())) {
    return Error{"cannot read " + path + ": " + img.message};
  }
  const bool has_color = (img.format & PNG_FORMAT_FLAG_COLOR) != 0;
  img.format = has_color ? PNG_FORMAT_RGB : PNG_FORMAT_GRAY;
  Image out(static_cast<int>(img.width), static_cast<int>(img.height), has_color ? 3 : 1);
  if (!png_image_finish_read(&img, nullptr, out.pixels.data(), 0, nullptr)) {
    std::string message = img.message;
    png_image_free(&img);
    return Error{"cannot read " + path + ": " + message};
  }
  return out;
}

}  // namespace khlang::image

// PNG through libpng, from memory, row by row. libpng reports errors by longjmp: every object
// that must outlive one lives in PngState, made before setjmp, and nothing between setjmp and a
// libpng call has a destructor to skip.
#include <png.h>

#include <csetjmp>
#include <cstring>
#include <optional>
#include <vector>

#include "image/area_scaler.h"
#include "image/codecs.h"
#include "util/limits.h"

namespace khlang::image::codecs {
namespace {

constexpr unsigned char kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

uint32_t big_endian(const unsigned char* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
}

struct PngState {
  std::string_view data;
  size_t pos = 0;
  std::string error;
  std::jmp_buf jump;
  std::optional<AreaScaler> scaler;
  std::vector<uint8_t> pixels;  // one row, or the whole image when it is interlaced
};

[[noreturn]] void on_error(png_structp png, png_const_charp message) {
  auto* st = static_cast<PngState*>(png_get_error_ptr(png));
  st->error.assign(message);
  std::longjmp(st->jump, 1);
}
void on_warning(png_structp, png_const_charp) {}  // ancillary trouble: decode what is there

void on_read(png_structp png, png_bytep out, size_t size) {
  auto* st = static_cast<PngState*>(png_get_io_ptr(png));
  if (size > st->data.size() - st->pos) png_error(png, "the file ends before the image does");
  std::memcpy(out, st->data.data() + st->pos, size);
  st->pos += size;
}

}  // namespace

Expected<ImageHeader> png_header(std::string_view bytes) {
  // Signature, then IHDR first (the PNG standard requires it): length 13, type, width, height.
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  if (bytes.size() < 33 || std::memcmp(p, kSignature, 8) != 0) return Error{"not a PNG image"};
  if (big_endian(p + 8) != 13 || std::memcmp(p + 12, "IHDR", 4) != 0) return Error{"a damaged PNG (no IHDR chunk)"};
  const uint32_t w = big_endian(p + 16), h = big_endian(p + 20);
  if (w == 0 || h == 0 || w > 0x7FFFFFFF || h > 0x7FFFFFFF) return Error{"a damaged PNG (its size is invalid)"};
  ImageHeader header;
  header.format = ImageFormat::Png;
  header.width = static_cast<int>(std::min<uint32_t>(w, 0x7FFFFFFF));
  header.height = static_cast<int>(std::min<uint32_t>(h, 0x7FFFFFFF));
  return header;
}

Expected<Image> png_decode(std::string_view bytes, const ImageHeader& approved, const DecodeOptions& options) {
  PngState st;
  st.data = bytes;
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &st, on_error, on_warning);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (!info) {
    png_destroy_read_struct(&png, nullptr, nullptr);
    return Error{"out of memory"};
  }
  if (setjmp(st.jump)) {
    png_destroy_read_struct(&png, &info, nullptr);
    if (st.error == "cancelled") return Error{st.error};
    return Error{"a damaged PNG (" + st.error + ")"};
  }
  png_set_read_fn(png, &st, on_read);
  // The same size limits inside libpng, and bounds on what its ancillary chunks may allocate.
  png_set_user_limits(png, limits::kMaxImageSide, limits::kMaxImageSide);
  png_set_chunk_malloc_max(png, 4u << 20);
  png_set_chunk_cache_max(png, 128);
  // Only what the pixels need is read: unknown chunks, and text, colour management and metadata
  // chunks (found by fuzzing: 128 zTXt chunks inflating to the cap each took seconds) are skipped.
  // tRNS (transparency) is kept.
  static const png_byte kIgnored[] = "tEXt\0zTXt\0iTXt\0iCCP\0sPLT\0hIST\0tIME\0pCAL\0sCAL\0pHYs\0oFFs\0sBIT\0"
                                     "bKGD\0cHRM\0gAMA\0sRGB\0eXIf";
  png_set_keep_unknown_chunks(png, PNG_HANDLE_CHUNK_NEVER, nullptr, 0);
  png_set_keep_unknown_chunks(png, PNG_HANDLE_CHUNK_NEVER, kIgnored, static_cast<int>(sizeof kIgnored / 5));
  png_read_info(png, info);
  if (png_get_image_width(png, info) != static_cast<png_uint_32>(approved.width) ||
      png_get_image_height(png, info) != static_cast<png_uint_32>(approved.height)) {
    png_error(png, "its header changed between two reads");
  }
  // Everything to 8-bit RGBA.
  png_set_expand(png);
  png_set_strip_16(png);
  png_set_gray_to_rgb(png);
  png_set_add_alpha(png, 0xFF, PNG_FILLER_AFTER);
  const int passes = png_set_interlace_handling(png);
  png_read_update_info(png, info);
  const int w = approved.width, h = approved.height;
  const size_t row_bytes = static_cast<size_t>(w) * 4;
  if (png_get_rowbytes(png, info) != row_bytes) png_error(png, "unexpected row size after conversion to RGBA");
  st.scaler.emplace(w, h, fit_within(w, h, options.max_side));
  if (passes == 1) {
    st.pixels.resize(row_bytes);
    for (int y = 0; y < h; ++y) {
      if (options.cancel && options.cancel->load(std::memory_order_relaxed)) png_error(png, "cancelled");
      png_read_row(png, st.pixels.data(), nullptr);
      st.scaler->push_row(st.pixels.data());
    }
  } else {
    // Interlaced: the passes fill the whole image before any row is complete (bounded by the
    // pixel limit: at most 96 MB).
    st.pixels.resize(row_bytes * static_cast<size_t>(h));
    for (int pass = 0; pass < passes; ++pass) {
      for (int y = 0; y < h; ++y) {
        if (options.cancel && options.cancel->load(std::memory_order_relaxed)) png_error(png, "cancelled");
        png_read_row(png, st.pixels.data() + row_bytes * static_cast<size_t>(y), nullptr);
      }
    }
    for (int y = 0; y < h; ++y) st.scaler->push_row(st.pixels.data() + row_bytes * static_cast<size_t>(y));
  }
  png_destroy_read_struct(&png, &info, nullptr);
  return st.scaler->take();
}

}  // namespace khlang::image::codecs

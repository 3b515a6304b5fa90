// JPEG encoding through libjpeg-turbo into memory. Our own pixels, so an error is a bug or out of
// memory; it still comes back as a value (libjpeg's longjmp lands in encode_jpeg's setjmp).
#include <cstdio>  // jpeglib.h needs FILE

#include <jpeglib.h>

#include <csetjmp>
#include <cstdlib>

#include "image/image.h"

namespace khlang::image {
namespace {

struct EncoderState {
  jpeg_compress_struct cinfo{};
  jpeg_error_mgr err{};
  std::jmp_buf jump;
  unsigned char* out = nullptr;  // malloc'd by jpeg_mem_dest
  unsigned long size = 0;
};

[[noreturn]] void on_error(j_common_ptr cinfo) { std::longjmp(static_cast<EncoderState*>(cinfo->client_data)->jump, 1); }

}  // namespace

Expected<std::string> encode_jpeg(const Image& image, int quality) {
  if (image.width <= 0 || image.height <= 0 || (image.channels != 1 && image.channels != 3)) {
    return Error{"cannot encode a JPEG of an empty image or one with alpha"};
  }
  EncoderState st;
  st.cinfo.err = jpeg_std_error(&st.err);
  st.err.error_exit = on_error;
  st.cinfo.client_data = &st;
  if (setjmp(st.jump)) {
    jpeg_destroy_compress(&st.cinfo);
    std::free(st.out);
    return Error{"cannot encode the JPEG (out of memory?)"};
  }
  jpeg_create_compress(&st.cinfo);
  jpeg_mem_dest(&st.cinfo, &st.out, &st.size);
  st.cinfo.image_width = static_cast<JDIMENSION>(image.width);
  st.cinfo.image_height = static_cast<JDIMENSION>(image.height);
  st.cinfo.input_components = image.channels;
  st.cinfo.in_color_space = image.channels == 3 ? JCS_RGB : JCS_GRAYSCALE;
  jpeg_set_defaults(&st.cinfo);
  jpeg_set_quality(&st.cinfo, quality, TRUE);
  jpeg_start_compress(&st.cinfo, TRUE);
  while (st.cinfo.next_scanline < st.cinfo.image_height) {
    JSAMPROW row[1] = {const_cast<JSAMPLE*>(image.row(static_cast<int>(st.cinfo.next_scanline)))};
    jpeg_write_scanlines(&st.cinfo, row, 1);
  }
  jpeg_finish_compress(&st.cinfo);
  std::string jpeg(reinterpret_cast<const char*>(st.out), st.size);
  jpeg_destroy_compress(&st.cinfo);
  std::free(st.out);
  return jpeg;
}

}  // namespace khlang::image

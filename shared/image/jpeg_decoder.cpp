// JPEG through libjpeg-turbo, from memory, scanline by scanline, shrunk by the decoder's own DCT
// scaling first (1/2, 1/4, 1/8: a 6000 px photo for a 320 px thumbnail is decoded at 750 px).
// libjpeg reports errors by longjmp: what must outlive one lives in JpegState, made before setjmp.
#include <cstdio>  // jpeglib.h needs FILE

#include <jpeglib.h>

#include <csetjmp>
#include <optional>
#include <vector>

#include "image/area_scaler.h"
#include "image/codecs.h"
#include "util/limits.h"

namespace khlang::image::codecs {
namespace {

struct JpegState {
  jpeg_decompress_struct cinfo{};
  jpeg_error_mgr err{};
  jpeg_progress_mgr progress{};
  std::jmp_buf jump;
  std::string error;
  const std::atomic<bool>* cancel = nullptr;
  std::optional<AreaScaler> scaler;
  std::vector<uint8_t> row;
};

JpegState& state_of(j_common_ptr cinfo) { return *static_cast<JpegState*>(cinfo->client_data); }

// Leaves for the setjmp in jpeg_header or jpeg_decode. `message` is a literal or a buffer: no
// object with a destructor may be alive in a frame a longjmp skips.
[[noreturn]] void fail(JpegState& st, const char* message) {
  st.error.assign(message);
  std::longjmp(st.jump, 1);
}

[[noreturn]] void on_error(j_common_ptr cinfo) {
  char message[JMSG_LENGTH_MAX] = {};
  (*cinfo->err->format_message)(cinfo, message);
  fail(state_of(cinfo), message);
}
// Warnings (corrupt data, a premature end) let the decode go on: the rest comes out grey.
void on_message(j_common_ptr cinfo, int level) {
  if (level < 0) ++cinfo->err->num_warnings;
}

// Called between scans and passes: the scan limit and cancelling.
void on_progress(j_common_ptr cinfo) {
  JpegState& st = state_of(cinfo);
  if (st.cancel && st.cancel->load(std::memory_order_relaxed)) fail(st, "cancelled");
  static_assert(limits::kMaxJpegScans == 100, "the message below names the limit");
  if (st.cinfo.input_scan_number > limits::kMaxJpegScans) fail(st, "more than 100 progressive scans");
}

// Sets up `st` to read `bytes` (no pixels yet). Only called after setjmp.
void begin(JpegState& st, std::string_view bytes) {
  st.cinfo.err = jpeg_std_error(&st.err);
  st.err.error_exit = on_error;
  st.err.emit_message = on_message;
  st.cinfo.client_data = &st;
  jpeg_create_decompress(&st.cinfo);
  st.cinfo.mem->max_memory_to_use = static_cast<long>(limits::kMaxJpegDecoderBytes);
  st.progress.progress_monitor = on_progress;
  st.cinfo.progress = &st.progress;
  jpeg_mem_src(&st.cinfo, reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<unsigned long>(bytes.size()));
  jpeg_read_header(&st.cinfo, TRUE);
  // Grey, YCbCr and RGB decode to RGBA; CMYK and YCCK (print files) do not.
  const J_COLOR_SPACE cs = st.cinfo.jpeg_color_space;
  if (cs != JCS_GRAYSCALE && cs != JCS_YCbCr && cs != JCS_RGB) {
    fail(st, cs == JCS_CMYK || cs == JCS_YCCK ? "a CMYK JPEG (made for print): save it as RGB"
                                              : "a JPEG in a colour space the kiosk cannot show");
  }
}

}  // namespace

Expected<ImageHeader> jpeg_header(std::string_view bytes) {
  JpegState st;
  if (setjmp(st.jump)) {
    jpeg_destroy_decompress(&st.cinfo);
    return Error{st.error == "cancelled" ? st.error : "a damaged JPEG (" + st.error + ")"};
  }
  begin(st, bytes);
  ImageHeader header;
  header.format = ImageFormat::Jpeg;
  header.width = static_cast<int>(st.cinfo.image_width);
  header.height = static_cast<int>(st.cinfo.image_height);
  jpeg_destroy_decompress(&st.cinfo);
  return header;
}

Expected<Image> jpeg_decode(std::string_view bytes, const ImageHeader& approved, const DecodeOptions& options) {
  JpegState st;
  st.cancel = options.cancel;
  if (setjmp(st.jump)) {
    jpeg_destroy_decompress(&st.cinfo);
    if (st.error == "cancelled") return Error{st.error};
    return Error{"a damaged JPEG (" + st.error + ")"};
  }
  begin(st, bytes);
  if (st.cinfo.image_width != static_cast<JDIMENSION>(approved.width) ||
      st.cinfo.image_height != static_cast<JDIMENSION>(approved.height)) {
    fail(st, "its header changed between two reads");
  }
  const Size target = fit_within(approved.width, approved.height, options.max_side);
  // The largest DCT reduction that still leaves at least the target size.
  for (unsigned denom : {8u, 4u, 2u}) {
    if ((static_cast<unsigned>(approved.width) + denom - 1) / denom >= static_cast<unsigned>(target.width) &&
        (static_cast<unsigned>(approved.height) + denom - 1) / denom >= static_cast<unsigned>(target.height)) {
      st.cinfo.scale_num = 1;
      st.cinfo.scale_denom = denom;
      break;
    }
  }
  st.cinfo.out_color_space = JCS_EXT_RGBA;
  jpeg_start_decompress(&st.cinfo);
  const int w = static_cast<int>(st.cinfo.output_width), h = static_cast<int>(st.cinfo.output_height);
  if (st.cinfo.output_components != 4 || w < target.width || h < target.height) fail(st, "unexpected output size");
  st.scaler.emplace(w, h, target);
  st.row.resize(static_cast<size_t>(w) * 4);
  while (st.cinfo.output_scanline < st.cinfo.output_height) {
    if (st.cancel && st.cancel->load(std::memory_order_relaxed)) fail(st, "cancelled");
    JSAMPROW rows[1] = {st.row.data()};
    if (jpeg_read_scanlines(&st.cinfo, rows, 1) != 1) fail(st, "no scanline");
    st.scaler->push_row(st.row.data());
  }
  // Whatever follows the last scanline is not needed: no jpeg_finish_decompress.
  jpeg_destroy_decompress(&st.cinfo);
  return st.scaler->take();
}

}  // namespace khlang::image::codecs

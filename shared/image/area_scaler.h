// [SECTION] Shrinking an image row by row (area averaging), so a decoder never holds more than
// one source row and the result: a 24-megapixel photo becomes a 320 px thumbnail or a
// screen-sized texture without its full-size pixels ever being in memory at once.
#pragma once

#include <cstdint>
#include <vector>

#include "image/image.h"

namespace khlang::image {

// The size `width` x `height` takes to fit within `max_side` on its longer side (never larger
// than it is; at least 1 x 1). max_side 0 keeps the size.
struct Size {
  int width = 0, height = 0;
};
Size fit_within(int width, int height, int max_side);

// Takes the source's rows top to bottom (RGBA, 4 bytes a pixel) and averages them into an RGBA
// image of the destination size, which must not be larger than the source on either side.
// Each destination pixel is the alpha-weighted mean of the source area it covers, computed with
// exact integer coverage (source pixel i spans [i * dst, (i + 1) * dst) in the common unit).
class AreaScaler {
 public:
  AreaScaler(int src_width, int src_height, Size dst);
  void push_row(const uint8_t* rgba);
  // The result once every source row is in.
  Image take() { return std::move(out_); }
  bool done() const { return next_src_row_ == src_h_; }

 private:
  void emit_row();

  int src_w_, src_h_;
  Image out_;
  // Horizontal taps: destination x takes weights [tap_begin_[x], tap_begin_[x + 1]) of taps_.
  struct Tap {
    int src_x;
    int64_t weight;  // overlap in the common unit (sums to src_w_ per destination pixel)
  };
  std::vector<Tap> taps_;
  std::vector<size_t> tap_begin_;
  std::vector<int64_t> row_sum_;  // this source row, shrunk horizontally (premultiplied RGBA)
  std::vector<int64_t> acc_;      // the destination row being filled
  int next_src_row_ = 0, dst_row_ = 0;
};

}  // namespace khlang::image

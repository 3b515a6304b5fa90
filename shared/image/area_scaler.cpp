#include "image/area_scaler.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace khlang::image {

Size fit_within(int width, int height, int max_side) {
  if (max_side <= 0 || std::max(width, height) <= max_side) return {width, height};
  const double scale = static_cast<double>(max_side) / std::max(width, height);
  return {std::clamp(static_cast<int>(std::lround(width * scale)), 1, width),
          std::clamp(static_cast<int>(std::lround(height * scale)), 1, height)};
}

AreaScaler::AreaScaler(int src_width, int src_height, Size dst)
    : src_w_(src_width), src_h_(src_height), out_(dst.width, dst.height, 4) {
  // Source pixel i spans [i * dst_w, (i + 1) * dst_w); destination x spans [x * src_w, (x + 1) * src_w).
  const int64_t sw = src_w_, dw = dst.width;
  tap_begin_.reserve(static_cast<size_t>(dw) + 1);
  for (int64_t x = 0; x < dw; ++x) {
    tap_begin_.push_back(taps_.size());
    const int64_t lo = x * sw, hi = (x + 1) * sw;
    for (int64_t i = lo / dw; i < sw && i * dw < hi; ++i) {
      const int64_t overlap = std::min(hi, (i + 1) * dw) - std::max(lo, i * dw);
      if (overlap > 0) taps_.push_back({static_cast<int>(i), overlap});
    }
  }
  tap_begin_.push_back(taps_.size());
  row_sum_.assign(static_cast<size_t>(dw) * 4, 0);
  acc_.assign(static_cast<size_t>(dw) * 4, 0);
}

void AreaScaler::push_row(const uint8_t* rgba) {
  if (next_src_row_ >= src_h_) return;
  const int dw = out_.width;
  if (dw == src_w_ && out_.height == src_h_) {  // nothing to shrink
    std::memcpy(out_.row(next_src_row_++), rgba, static_cast<size_t>(dw) * 4);
    return;
  }
  // Shrink the row horizontally, colours weighted by alpha.
  for (int x = 0; x < dw; ++x) {
    int64_t r = 0, g = 0, b = 0, a = 0;
    for (size_t t = tap_begin_[static_cast<size_t>(x)]; t < tap_begin_[static_cast<size_t>(x) + 1]; ++t) {
      const uint8_t* p = rgba + static_cast<size_t>(taps_[t].src_x) * 4;
      const int64_t w = taps_[t].weight * p[3];
      r += p[0] * w;
      g += p[1] * w;
      b += p[2] * w;
      a += w;
    }
    int64_t* s = &row_sum_[static_cast<size_t>(x) * 4];
    s[0] = r, s[1] = g, s[2] = b, s[3] = a;
  }
  // Source row y spans [y * dst_h, (y + 1) * dst_h); destination row j spans [j * src_h, (j + 1) * src_h).
  const int64_t y = next_src_row_++, dh = out_.height, sh = src_h_;
  int64_t lo = y * dh;
  const int64_t hi = (y + 1) * dh;
  while (lo < hi && dst_row_ < out_.height) {
    const int64_t row_end = (dst_row_ + 1) * sh;
    const int64_t overlap = std::min(hi, row_end) - lo;
    for (size_t k = 0; k < acc_.size(); ++k) acc_[k] += row_sum_[k] * overlap;
    lo += overlap;
    if (lo >= row_end) emit_row();
  }
}

void AreaScaler::emit_row() {
  // Every destination pixel covers src_w x src_h units; alpha 255 everywhere sums to 255 times that.
  const int64_t area = static_cast<int64_t>(src_w_) * src_h_;
  uint8_t* out = out_.row(dst_row_);
  for (int x = 0; x < out_.width; ++x) {
    const int64_t* s = &acc_[static_cast<size_t>(x) * 4];
    const int64_t a = s[3];
    for (int c = 0; c < 3; ++c) out[x * 4 + c] = a > 0 ? static_cast<uint8_t>((s[c] + a / 2) / a) : 0;
    out[x * 4 + 3] = static_cast<uint8_t>((a + area / 2) / area);
  }
  std::fill(acc_.begin(), acc_.end(), 0);
  ++dst_row_;
}

}  // namespace khlang::image

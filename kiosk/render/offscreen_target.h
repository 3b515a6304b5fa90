// [SECTION] An off-screen render target (framebuffer object) and its read-back to an image, for
// --screenshot: the picture does not depend on the window or the screen being visible.
#pragma once

#include "image/image.h"
#include "kiosk_options.h"

namespace khlang::kiosk {

class OffscreenTarget {
 public:
  explicit OffscreenTarget(Size size);
  ~OffscreenTarget();
  OffscreenTarget(const OffscreenTarget&) = delete;
  OffscreenTarget& operator=(const OffscreenTarget&) = delete;

  bool complete() const { return complete_; }
  void bind();
  image::Image read_rgb();  // top row first

 private:
  Size size_;
  unsigned framebuffer_ = 0, color_ = 0;
  bool complete_ = false;
};

}  // namespace khlang::kiosk

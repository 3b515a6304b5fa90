#include "render/offscreen_target.h"

#include <algorithm>

#include "platform/gl.h"

namespace khlang::kiosk {

OffscreenTarget::OffscreenTarget(Size size) : size_(size) {
  glGenFramebuffers(1, &framebuffer_);
  glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
  glGenRenderbuffers(1, &color_);
  glBindRenderbuffer(GL_RENDERBUFFER, color_);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, size.width, size.height);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color_);
  complete_ = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
}

OffscreenTarget::~OffscreenTarget() {
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glDeleteRenderbuffers(1, &color_);
  glDeleteFramebuffers(1, &framebuffer_);
}

void OffscreenTarget::bind() { glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_); }

image::Image OffscreenTarget::read_rgb() {
  image::Image out(size_.width, size_.height, 3);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, framebuffer_);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, size_.width, size_.height, GL_RGB, GL_UNSIGNED_BYTE, out.pixels.data());
  // GL's rows run bottom to top.
  const size_t stride = static_cast<size_t>(size_.width) * 3;
  for (int y = 0; y < size_.height / 2; ++y) {
    std::swap_ranges(out.row(y), out.row(y) + stride, out.row(size_.height - 1 - y));
  }
  return out;
}

}  // namespace khlang::kiosk

#include "ui/scroll_view.h"

#include <algorithm>
#include <cmath>

namespace khlang::kiosk {
namespace {
constexpr float kFriction = 3.5f;     // 1/s: a flick glides for about a second
constexpr float kStopSpeed = 20.0f;   // px/s below which the glide ends
constexpr float kMaxSpeed = 6000.0f;  // px/s
}  // namespace

bool ScrollView::update(const TouchInput& touch, const ImRect& viewport, float content_height, float dt,
                        float wheel_step) {
  const float max_offset = std::max(0.0f, content_height - viewport.GetHeight());
  if (touch.drag_began_in(viewport)) {
    offset_ -= touch.drag_dy();
    velocity_ = 0;
    if (touch.drag_released()) velocity_ = std::clamp(-touch.release_velocity_y(), -kMaxSpeed, kMaxSpeed);
  } else if (touch.down() && viewport.Contains(touch.position())) {
    velocity_ = 0;  // a finger on the content stops a glide
  }
  if (touch.wheel_steps() != 0 && viewport.Contains(touch.position())) {
    offset_ -= touch.wheel_steps() * wheel_step;
    velocity_ = 0;
  }
  if (!touch.dragging() && velocity_ != 0) {
    offset_ += velocity_ * dt;
    velocity_ *= std::exp(-kFriction * dt);
    if (std::fabs(velocity_) < kStopSpeed) velocity_ = 0;
  }
  if (offset_ < 0 || offset_ > max_offset) {
    offset_ = std::clamp(offset_, 0.0f, max_offset);
    if (!touch.dragging()) velocity_ = 0;
  }
  return velocity_ != 0 || touch.dragging();
}

}  // namespace khlang::kiosk

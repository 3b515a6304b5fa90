#include "ui/touch_input.h"

#include <cmath>

namespace khlang::kiosk {
namespace {
constexpr double kVelocityWindow = 0.08;  // s of movement the release velocity looks at
}

void TouchInput::press(ImVec2 p, double t) {
  down_ = true;
  cancelled_ = false;
  dragging_ = false;
  press_pos_ = pos_ = p;
  press_time_ = t;
  samples_.clear();
  samples_.push_back({t, p.y});
  had_input_ = true;
}

void TouchInput::move(ImVec2 p, double t) {
  if (down_ && !cancelled_) {
    const float dx = p.x - press_pos_.x, dy = p.y - press_pos_.y;
    if (!dragging_ && std::sqrt(dx * dx + dy * dy) > slop_) dragging_ = true;
    if (dragging_) {
      frame_dx_ += p.x - pos_.x;
      frame_dy_ += p.y - pos_.y;
    }
    samples_.push_back({t, p.y});
    while (samples_.size() > 2 && t - samples_.front().t > kVelocityWindow) samples_.pop_front();
    had_input_ = true;
  }
  pos_ = p;
}

void TouchInput::release(ImVec2 p, double t) {
  if (!down_) return;
  move(p, t);
  down_ = false;
  had_input_ = true;
  if (cancelled_) {
    cancelled_ = false;
    pos_ = p;
    return;
  }
  release_pos_ = p;
  if (dragging_) {
    drag_released_ = true;
    const Sample& first = samples_.front();
    const double span = t - first.t;
    release_velocity_ = span > 0.005 ? static_cast<float>((p.y - first.y) / span) : 0.0f;
  } else {
    tap_ = true;
  }
  dragging_ = false;
  had_input_ = true;
}

void TouchInput::wheel(float steps) {
  wheel_ += steps;
  had_input_ = true;
}

void TouchInput::end_frame() {
  tap_ = drag_released_ = had_input_ = false;
  frame_dx_ = frame_dy_ = wheel_ = 0;
}

bool TouchInput::tapped_in(const ImRect& r) const { return tap_ && r.Contains(press_pos_) && r.Contains(release_pos_); }

bool TouchInput::pressing_in(const ImRect& r) const {
  return down_ && !dragging_ && !cancelled_ && r.Contains(press_pos_) && r.Contains(pos_);
}

}  // namespace khlang::kiosk

// [SECTION] Touch input: one pointer (a finger, or the mouse standing in for one), turned into
// taps and drags. A tap is a press and a release within a small slop; it fires on release, so a
// visitor can slide a finger off a button to cancel. Nothing here depends on hover.
#pragma once

#include <imgui.h>
#include <imgui_internal.h>

#include <deque>

namespace khlang::kiosk {

class TouchInput {
 public:
  // Events, in window pixels and seconds (GLFW callbacks or a script feed them).
  void press(ImVec2 p, double t);
  void move(ImVec2 p, double t);
  void release(ImVec2 p, double t);
  void wheel(float steps);

  void set_slop(float px) { slop_ = px; }
  // The current press does nothing more: no tap, no drag (the touch that wakes the kiosk).
  void cancel() { cancelled_ = down_; dragging_ = false; }
  // Call after the frame that saw the events: clears what lasts one frame.
  void end_frame();

  // Queries for the current frame.
  bool tapped_in(const ImRect& r) const;   // a tap ended this frame, started and ended in r
  bool pressing_in(const ImRect& r) const;  // held down in r and still a tap (pressed feedback)
  bool down() const { return down_; }
  bool dragging() const { return dragging_; }
  bool drag_began_in(const ImRect& r) const { return (dragging_ || drag_released_) && r.Contains(press_pos_); }
  float drag_dy() const { return frame_dy_; }                   // finger movement this frame
  float drag_dx() const { return frame_dx_; }
  bool drag_released() const { return drag_released_; }        // a drag ended this frame
  float release_velocity_y() const { return release_velocity_; }  // px/s at the end of the drag
  float wheel_steps() const { return wheel_; }
  bool had_input() const { return had_input_; }  // anything happened this frame (idle timer)
  // Seconds the current press has been held still inside r (0 if none): a long press.
  double held_in(const ImRect& r, double now) const {
    return down_ && !dragging_ && !cancelled_ && r.Contains(press_pos_) ? now - press_time_ : 0;
  }
  ImVec2 position() const { return pos_; }

 private:
  struct Sample {
    double t;
    float y;
  };
  float slop_ = 12;
  bool down_ = false, dragging_ = false, tap_ = false, drag_released_ = false, had_input_ = false, cancelled_ = false;
  ImVec2 press_pos_{}, pos_{}, release_pos_{};
  float frame_dx_ = 0, frame_dy_ = 0, release_velocity_ = 0, wheel_ = 0;
  double press_time_ = 0;
  std::deque<Sample> samples_;  // recent positions, for the release velocity
};

}  // namespace khlang::kiosk

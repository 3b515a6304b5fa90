// [SECTION] The window's input: GLFW's mouse, touch (as a mouse), scroll, key and character
// callbacks feed an InputDispatch, timed by the kiosk's clock. The window's close request
// (Alt+F4, a window manager) does nothing: the kiosk is always on.
#pragma once

#include <cstdint>

#include "input_dispatch.h"
#include "kiosk_clock.h"

struct GLFWwindow;

namespace khlang::kiosk {

class WindowInput {
 public:
  WindowInput(GLFWwindow* window, InputDispatch& input, const KioskClock& clock);
  WindowInput(const WindowInput&) = delete;
  WindowInput& operator=(const WindowInput&) = delete;
  ~WindowInput();
  // Events the window has had (input, a redraw request): the loop tells a wake-up for them from
  // one for a timer alone.
  uint64_t events() const { return events_; }

 private:
  GLFWwindow* window_;
  InputDispatch& input_;
  const KioskClock& clock_;
  uint64_t events_ = 0;
};

}  // namespace khlang::kiosk

// [SECTION] Input on its way to the screens: the touch model (taps and drags) and this frame's
// keys and characters, fed by the window's callbacks (platform/glfw_input.h) or a script, and
// handed to the screen shown once per frame.
#pragma once

#include <string>
#include <vector>

#include "screens/screen.h"
#include "ui/touch_input.h"

namespace khlang::kiosk {

class Navigator;

class InputDispatch {
 public:
  TouchInput& touch() { return touch_; }
  const TouchInput& touch() const { return touch_; }
  void key(Key key) { keys_.push_back(key); }
  void text(char32_t c) { text_.push_back(c); }
  // Keys or characters arrived since the last frame.
  bool had_keys() const { return !keys_.empty() || !text_.empty(); }

  // Gives this frame's keys, then its characters, to the screen shown. Home goes home (except
  // from the attract loop, which only a touch ends); no key leaves the kiosk: Escape only leaves
  // what a screen makes of it (meeting mode, search).
  void deliver(Navigator& nav, FrameContext& f);

 private:
  TouchInput touch_;
  std::vector<Key> keys_;
  std::u32string text_;
};

}  // namespace khlang::kiosk

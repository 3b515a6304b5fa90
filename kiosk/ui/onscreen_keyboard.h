// [SECTION] The on-screen keyboard: Thai Kedmanee with its shift layer, English QWERTY, digits and
// punctuation, a language key, space, backspace, enter and a key that hides it, with large keys
// for a finger. Its function keys speak the interface's language.
#pragma once

#include <string>

#include "screens/screen.h"

namespace khlang::kiosk {

// Pseudo-characters (private use) naming the shift and language keys for key_center().
inline constexpr char32_t kShiftKey = 0xF0001;
inline constexpr char32_t kLanguageKey = 0xF0002;

class OnscreenKeyboard {
 public:
  enum class Action { None, Character, Backspace, Enter, Hide };
  struct Result {
    Action action = Action::None;
    char32_t character = 0;
  };
  // Draws the keyboard in `area`; returns the key tapped this frame.
  Result draw(FrameContext& f, const ImRect& area);
  // The least height of its area that keeps every key at least f.min_target_px() tall.
  static float min_height(const FrameContext& f);
  // The least width that keeps every key at least f.min_target_px() wide.
  static float min_width(const FrameContext& f);
  bool thai() const { return thai_; }
  // The key that types `c` on the current layer, for scripts that tap keys by character.
  ImVec2 key_center(char32_t c) const;

 private:
  bool thai_ = true, shift_ = false;
  struct Placed {
    std::string label;
    char32_t c;
    ImRect rect;
  };
  std::vector<Placed> placed_;  // this frame's character keys, for key_center
};

}  // namespace khlang::kiosk

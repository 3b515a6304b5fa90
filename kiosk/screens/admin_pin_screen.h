// [SECTION] Admin mode's PIN pad (route "admin", reached by holding the title on home for 3 s
// once a PIN is set). The PIN unlocks admin mode, with the lockout of security::PinLock. A kiosk
// never lets whoever stands at it choose the first PIN (a visitor would take it over): the PIN
// is set from the office side (khlang-admin pin set); until then the hold does nothing, and this
// route, reached another way, only says how to set one. Route "admin-change-pin" chooses a new
// PIN (at least 6 digits, typed twice) from the settings, behind the old one.
#pragma once

#include <string>

#include "screens/screen.h"

namespace khlang::kiosk {

class AdminPinScreen : public Screen {
 public:
  AdminPinScreen(sqlite::Database& db, bool change);
  std::string title(const FrameContext& f) const override { return f.say(Str::AdminTitle); }
  void draw(FrameContext& f, const ImRect& area) override;
  void on_key(Key key, FrameContext& f) override;
  void on_text(char32_t c, FrameContext& f) override;
  ImVec2 key_center(char32_t c) const override;
  double next_timer(double now, int64_t wall_utc) const override;

 private:
  enum class Step { Enter, Choose, Confirm };
  void submit(FrameContext& f);
  Step step() const;

  bool choosing_;  // a new PIN is being chosen (a change from the settings)
  bool no_pin_;    // no PIN is set: nothing to enter, nothing to choose here
  std::string digits_, first_choice_;
  std::string message_;
  bool message_is_error_ = false;
  // When the lock ends, on the app's monotonic clock (f.now), read from PinLock at the first frame
  // and after each check: the wall clock may stand still (behind the content's date).
  double lock_ends_at_ = 0;
  bool lock_read_ = false;
  ImVec2 keys_[12]{};  // centres of 1..9, back, 0, OK (for scripts)
};

}  // namespace khlang::kiosk

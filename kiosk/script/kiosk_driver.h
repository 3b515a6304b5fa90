// [SECTION] The script driver of the real kiosk: off-screen frames of the App, its Kiosk's input
// and scripted clock.
#pragma once

#include "app.h"
#include "script/script_driver.h"

namespace khlang::kiosk {

class KioskDriver final : public ScriptDriver {
 public:
  explicit KioskDriver(App& app) : app_(app), kiosk_(app.kiosk()) {}
  InputDispatch& input() override { return kiosk_.input(); }
  double now() const override { return kiosk_.clock().now(); }
  void advance(double seconds) override { kiosk_.clock().advance(seconds); }
  int64_t wall_utc() const override { return kiosk_.clock().wall_utc(); }
  void set_wall_utc(int64_t utc) override { kiosk_.clock().set_wall_utc(utc); }
  bool frame() override { return app_.render_offscreen(); }
  double seconds_until_next_event() const override { return kiosk_.seconds_until_next_event(); }
  std::vector<DrawnItem> drawn_items() override;
  Status screenshot(const std::string& path) override;
  ScriptView view() const override;
  ImVec2 key_center(char32_t c) const override { return kiosk_.nav().current().key_center(c); }
  std::vector<double> frame_times() const override { return app_.frame_times(); }
  void clear_frame_times() override { app_.frame_times().clear(); }

 private:
  // Draws frames until the screen's work off the UI thread (a search, an image) has come in.
  void settle();
  App& app_;
  Kiosk& kiosk_;
};

}  // namespace khlang::kiosk

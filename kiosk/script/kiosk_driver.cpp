#include "script/kiosk_driver.h"

#include <chrono>
#include <thread>

namespace khlang::kiosk {

// What the checks and screenshots see is what the screen shows once its work off the UI thread
// (a search, an image) has come in: wait for it in real time, at most 3 s, as --screenshot does.
void KioskDriver::settle() {
  for (int i = 0; i < 300 && kiosk_.work_pending(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    app_.render_offscreen();
  }
}

Status KioskDriver::screenshot(const std::string& path) {
  settle();
  return app_.write_screenshot(path);
}

std::vector<DrawnItem> KioskDriver::drawn_items() {
  settle();
  kiosk_.record_items(true);
  app_.render_offscreen();
  kiosk_.record_items(false);
  return kiosk_.items();
}

ScriptView KioskDriver::view() const {
  const Screen& screen = kiosk_.nav().current();
  const FleetStatus& fleet = kiosk_.fleet();
  return {kiosk_.nav().path(), kiosk_.lang(), kiosk_.high_contrast(), screen.page(),     screen.scroll_offset(), kiosk_.admin().job().running,
          kiosk_.quit_requested(), fleet.imports, fleet.last_result, fleet.busy};
}

}  // namespace khlang::kiosk

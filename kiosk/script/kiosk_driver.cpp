#include "script/kiosk_driver.h"

namespace khlang::kiosk {

std::vector<DrawnItem> KioskDriver::drawn_items() {
  kiosk_.record_items(true);
  app_.render_offscreen();
  kiosk_.record_items(false);
  return kiosk_.items();
}

ScriptView KioskDriver::view() const {
  const Screen& screen = kiosk_.nav().current();
  const FleetStatus& fleet = kiosk_.fleet();
  return {kiosk_.nav().path(), kiosk_.lang(), screen.page(),     screen.scroll_offset(), kiosk_.admin().job().running,
          kiosk_.quit_requested(), fleet.imports, fleet.last_result, fleet.busy};
}

}  // namespace khlang::kiosk

// [SECTION] Settings (route "admin-settings"): idle timeout, the default language, the meeting
// mode's slide interval, and a new PIN. They are kept in the kiosk database and apply at once.
#pragma once

#include <string>

#include "screens/screen.h"

namespace khlang::kiosk {

class AdminSettingsScreen : public Screen {
 public:
  explicit AdminSettingsScreen(sqlite::Database&) {}
  std::string title(const FrameContext&) const override { return both(Str::AdminSettings); }
  void draw(FrameContext& f, const ImRect& area) override;
};

}  // namespace khlang::kiosk

// [SECTION] Opening hours (route "admin-hours", from the settings): always on, or a span per day
// of the week (or closed), in steps of 30 minutes. Outside them the screen is blank and a touch
// wakes it for two minutes (visit_policy.h: CLOSED). Written to the setting opening_hours at
// once, like the other settings.
#pragma once

#include <string>

#include "screens/screen.h"

namespace khlang::kiosk {

class AdminHoursScreen : public Screen {
 public:
  explicit AdminHoursScreen(sqlite::Database&) {}
  std::string title(const FrameContext& f) const override { return f.say(Str::SettingsOpeningHours); }
  void draw(FrameContext& f, const ImRect& area) override;
};

}  // namespace khlang::kiosk

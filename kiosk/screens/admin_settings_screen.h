// [SECTION] Settings (route "admin-settings"): idle timeout, the default language, the meeting
// mode's slide interval, and a new PIN. They are kept in the kiosk database and apply at once.
// The language buttons name each language in itself ("ไทย", "English"), as language choices do,
// so they are not UI strings.
#pragma once

#include <string>

#include "screens/screen.h"

namespace khlang::kiosk {

class AdminSettingsScreen : public Screen {
 public:
  explicit AdminSettingsScreen(sqlite::Database&) {}
  std::string title(const FrameContext& f) const override { return f.say(Str::AdminSettings); }
  void draw(FrameContext& f, const ImRect& area) override;
};

}  // namespace khlang::kiosk

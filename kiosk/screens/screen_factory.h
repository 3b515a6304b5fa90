// [SECTION] The one list of screens: which route makes which screen.
//   home, knowledge, category:<id>, article:<id>, announcements, announcement:<id>, plan,
//   plan:<id>, meeting, people, about, attract
#pragma once

#include <memory>
#include <string>

#include "screens/screen.h"

namespace khlang::kiosk {

struct ScreenSettings {
  double meeting_interval_seconds = 20;
};

// The screen for `route`, or nullptr with `error` saying why (unknown route, missing record).
std::unique_ptr<Screen> make_screen(const std::string& route, sqlite::Database& db, std::string* error);
void set_screen_settings(const ScreenSettings& settings);

}  // namespace khlang::kiosk

// [SECTION] What admin mode changed, seen once per frame: new settings apply at once; new
// content (an import, a rollback) makes the visitor screens, which hold the old content, start
// again from home, but only once admin mode is left (the admin's own screen stays put).
#pragma once

namespace khlang::kiosk {

class ContentReload {
 public:
  struct Due {
    bool settings = false;  // load the settings snapshot again
    bool content = false;   // reload the content's screens now
  };
  // `settings_generation` and `content_generation` count admin mode's changes (AdminSession);
  // `in_admin`: an admin screen is shown.
  Due poll(int settings_generation, int content_generation, bool in_admin);

 private:
  int settings_generation_ = 0, content_generation_ = 0;
  bool content_stale_ = false;
};

}  // namespace khlang::kiosk

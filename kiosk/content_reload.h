// [SECTION] New settings and new content, seen once per frame. New settings apply at once. New
// content makes the screens, which hold the old content, start again (from home, or the attract
// loop if it is up), but never in someone's face:
// - after admin mode's import or rollback: once admin mode is left (the admin's own screen stays);
// - after an unattended import (fleet_agent.h): once no one is using the kiosk, neither admin
//   mode nor a visitor's session nor a meeting. The import ran at a quiet moment, but a visitor
//   who stopped touching for a minute may still be reading: their screens keep the old content
//   until the session ends.
#pragma once

namespace khlang::kiosk {

class ContentReload {
 public:
  struct Due {
    bool settings = false;  // load the settings snapshot again
    bool content = false;   // reload the content's screens now
  };
  // Who is at the kiosk now.
  struct Present {
    bool admin = false;    // an admin screen is shown
    bool visitor = false;  // a visitor's session or a meeting is open
  };
  // An unattended import changed the content.
  void unattended_import() { unattended_stale_ = true; }
  // `settings_generation` and `content_generation` count admin mode's changes (AdminSession).
  Due poll(int settings_generation, int content_generation, Present present);

 private:
  int settings_generation_ = 0, content_generation_ = 0;
  bool admin_stale_ = false, unattended_stale_ = false;
};

}  // namespace khlang::kiosk

// [SECTION] Admin mode's main screen (route "admin-menu"): the kiosk's status (content, last
// import, disk, clock, uptime) and what the admin can do: import from USB, trusted keys, roll
// back, settings, export statistics to the stick, lock, leave the kiosk for maintenance.
// Like every admin screen it follows the interface language (the switch in the top bar), so a
// technician who reads no Thai switches to English; the status rows are built again on a switch.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "screens/screen.h"

namespace khlang::kiosk {

class AdminMenuScreen : public Screen {
 public:
  explicit AdminMenuScreen(sqlite::Database& db);
  std::string title(const FrameContext& f) const override { return f.say(Str::AdminTitle); }
  void draw(FrameContext& f, const ImRect& area) override;

 private:
  void load(sqlite::Database& db, Lang lang);
  void export_statistics(FrameContext& f);
  static float fleet_row(FrameContext& f, ImVec2 pos, float width, const FleetStatus& fleet);

  struct Row {
    std::string label, value;
    bool warning = false;
  };
  std::vector<Row> status_;
  Lang status_lang_ = Lang::Th;  // the language status_ was built in
  int64_t content_created_ = 0;
  int generation_ = -1;
  std::string armed_;  // the confirm button waiting for its second tap
};

}  // namespace khlang::kiosk

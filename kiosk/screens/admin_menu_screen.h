// [SECTION] Admin mode's main screen (route "admin-menu"): the kiosk's status (content, last
// import, disk, clock, uptime) and what the admin can do: import from USB, trusted keys, roll
// back, settings, export statistics to the stick, lock, leave the kiosk for maintenance.
// Bilingual (both(), i18n/strings.h): its status is read out to the office or the vendor over
// the phone, and its jobs' results carry the core's English messages.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "screens/screen.h"

namespace khlang::kiosk {

class AdminMenuScreen : public Screen {
 public:
  explicit AdminMenuScreen(sqlite::Database& db);
  std::string title(const FrameContext&) const override { return both(Str::AdminTitle); }
  void draw(FrameContext& f, const ImRect& area) override;

 private:
  void load(sqlite::Database& db);
  void export_statistics(FrameContext& f);
  static float fleet_row(FrameContext& f, ImVec2 pos, float width, const FleetStatus& fleet);

  struct Row {
    std::string label, value;
    bool warning = false;
  };
  std::vector<Row> status_;
  int64_t content_created_ = 0;
  int generation_ = -1;
  std::string armed_;  // the confirm button waiting for its second tap
};

}  // namespace khlang::kiosk

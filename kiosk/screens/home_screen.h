// Home: the organization, today's date (Buddhist Era) and time, large tiles to each section,
// the pinned and current announcements, "data as of", language and text size controls.
#pragma once

#include "screens/screen.h"
#include "store/content_queries.h"

namespace khlang::kiosk {

class HomeScreen final : public Screen {
 public:
  explicit HomeScreen(sqlite::Database& db);
  std::string title(const FrameContext& f) const override { return std::string(f.t(Str::AppName)); }
  void draw(FrameContext& f, const ImRect& area) override;
  bool full_screen() const override { return true; }  // draws its own header
  double next_timer(double now, int64_t wall_utc) const override;  // the clock's next minute

 private:
  std::optional<store::Organization> organization_;
  store::ContentSummary summary_;
  std::vector<store::Announcement> announcements_;
};

}  // namespace khlang::kiosk

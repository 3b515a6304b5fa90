// Home: the organization, today's date (Buddhist Era) and time, large tiles to each section,
// the pinned and current announcements, "data as of", language and text size controls.
#pragma once

#include "screens/screen.h"
#include "screens/screen_helpers.h"
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
  // Each draws its band of the screen and returns where it ends (or, for the controls, starts).
  float draw_header(FrameContext& f, const ImRect& area, float margin);
  float draw_tiles(FrameContext& f, const ImRect& area, float top, float margin);
  float draw_controls(FrameContext& f, const ImRect& area, float margin);
  void draw_announcements(FrameContext& f, const ImRect& band);

  std::optional<store::Organization> organization_;
  store::ContentSummary summary_;
  CurrentAnnouncements announcements_;
  bool sample_ = false;         // this frame shows sample content (draw_header decides)
  bool badge_at_foot_ = false;  // its mark did not fit beside the organization's name
};

}  // namespace khlang::kiosk

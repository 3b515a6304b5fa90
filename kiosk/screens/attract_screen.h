// The attract loop: after the idle timeout, current announcements and plan highlights cycle
// full-screen until someone touches the screen. With none of either (content without them) it
// shows the organization's name, large, above the same hint: never a blank loop.
#pragma once

#include "screens/screen.h"
#include "screens/screen_helpers.h"
#include "store/content_queries.h"

namespace khlang::kiosk {

class AttractScreen final : public Screen {
 public:
  explicit AttractScreen(sqlite::Database& db);
  std::string title(const FrameContext& f) const override { return std::string(f.t(Str::AppName)); }
  void draw(FrameContext& f, const ImRect& area) override;
  bool full_screen() const override { return true; }
  double next_timer(double now, int64_t wall_utc) const override;

 private:
  CurrentAnnouncements announcements_;
  std::vector<store::Plan> plans_;
  std::string organization_th_, organization_en_;
  bool organization_is_sample_ = false;
  double started_ = -1;
};

inline constexpr double kAttractSlideSeconds = 8.0;

}  // namespace khlang::kiosk

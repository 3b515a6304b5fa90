// Announcements: only those whose window contains now, pinned first, then by priority and date.
#pragma once

#include <algorithm>

#include "screens/scrolling_screen.h"
#include "store/content_queries.h"

namespace khlang::kiosk {

class AnnouncementsScreen final : public ScrollingScreen {
 public:
  explicit AnnouncementsScreen(sqlite::Database& db);
  std::string title(const FrameContext& f) const override { return std::string(f.t(Str::Announcements)); }
  bool shows_sample_data() const override {
    return std::any_of(all_.begin(), all_.end(), [](const auto& a) { return a.is_sample; });
  }

 private:
  float draw_content(FrameContext& f, ImVec2 origin, const ImRect& view) override;
  std::vector<store::Announcement> all_;
};

}  // namespace khlang::kiosk

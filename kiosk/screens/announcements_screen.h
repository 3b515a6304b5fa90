// Announcements: only those whose window contains now, pinned first, then by priority and date.
// A long list is measured as it scrolls into view (LazyColumn).
#pragma once

#include <algorithm>

#include "screens/screen_helpers.h"
#include "screens/scrolling_screen.h"
#include "store/content_queries.h"
#include "ui/lazy_column.h"

namespace khlang::kiosk {

class AnnouncementsScreen final : public ScrollingScreen {
 public:
  explicit AnnouncementsScreen(sqlite::Database& db) : announcements_(db) {}
  std::string title(const FrameContext& f) const override { return std::string(f.t(Str::Announcements)); }
  bool shows_sample_data() const override {
    const auto& all = announcements_.all();
    return std::any_of(all.begin(), all.end(), [](const auto& a) { return a.is_sample; });
  }

 private:
  float draw_content(FrameContext& f, ImVec2 origin, const ImRect& view) override;
  CurrentAnnouncements announcements_;
  LazyColumn rows_;
};

}  // namespace khlang::kiosk

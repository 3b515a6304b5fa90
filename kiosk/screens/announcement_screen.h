// One announcement: its title, window and Markdown body.
#pragma once

#include <memory>

#include "screens/scrolling_screen.h"
#include "store/content_queries.h"
#include "ui/markdown_view.h"

namespace khlang::kiosk {

class AnnouncementScreen final : public ScrollingScreen {
 public:
  AnnouncementScreen(sqlite::Database& db, const std::string& id, std::string* error);
  std::string title(const FrameContext& f) const override { return std::string(f.t(Str::Announcements)); }
  bool shows_sample_data() const override { return announcement_.is_sample; }
  bool valid() const { return view_ != nullptr; }

 private:
  float draw_content(FrameContext& f, ImVec2 origin, const ImRect& view) override;
  store::Announcement announcement_;
  std::unique_ptr<MarkdownView> view_;
};

}  // namespace khlang::kiosk

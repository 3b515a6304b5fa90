// About: the organization (name, address, contact) and its KM team's structure and duties.
#pragma once

#include <memory>

#include "screens/scrolling_screen.h"
#include "store/content_queries.h"
#include "ui/markdown_view.h"

namespace khlang::kiosk {

class AboutScreen final : public ScrollingScreen {
 public:
  explicit AboutScreen(sqlite::Database& db);
  std::string title(const FrameContext& f) const override { return std::string(f.t(Str::About)); }
  bool shows_sample_data() const override { return organization_.is_sample; }

 private:
  float draw_content(FrameContext& f, ImVec2 origin, const ImRect& view) override;
  store::Organization organization_;
  std::unique_ptr<MarkdownView> about_;
};

}  // namespace khlang::kiosk

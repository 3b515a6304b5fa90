// Knowledge: the categories, each with its number of articles.
#pragma once

#include "screens/scrolling_screen.h"
#include "store/content_queries.h"

namespace khlang::kiosk {

class KnowledgeScreen final : public ScrollingScreen {
 public:
  explicit KnowledgeScreen(sqlite::Database& db);
  std::string title(const FrameContext& f) const override { return std::string(f.t(Str::Knowledge)); }

 private:
  float draw_content(FrameContext& f, ImVec2 origin, const ImRect& view) override;
  std::vector<store::CategoryItem> categories_;
};

}  // namespace khlang::kiosk

// A category's articles: title, summary and date, newest first. The list is virtualized: only
// the rows on screen are laid out and drawn, so 10,000 articles scroll as easily as ten.
#pragma once

#include <algorithm>

#include "screens/scrolling_screen.h"
#include "store/content_queries.h"

namespace khlang::kiosk {

class CategoryScreen final : public ScrollingScreen {
 public:
  CategoryScreen(sqlite::Database& db, const std::string& id, std::string* error);
  std::string title(const FrameContext& f) const override;
  bool shows_sample_data() const override {
    return std::any_of(articles_.begin(), articles_.end(), [](const auto& a) { return a.is_sample; });
  }
  bool valid() const { return valid_; }

 private:
  float draw_content(FrameContext& f, ImVec2 origin, const ImRect& view) override;
  store::CategoryItem category_;
  std::vector<store::ArticleItem> articles_;
  bool valid_ = false;
};

}  // namespace khlang::kiosk

// A category's articles: title, summary and date, newest first. The list is virtualized: only
// the rows on screen are laid out and drawn, and only the pages of rows near the view are loaded
// (titles and summaries cut for the list), so 100,000 articles scroll as easily as ten.
#pragma once

#include <map>

#include "screens/scrolling_screen.h"
#include "store/content_queries.h"

namespace khlang::kiosk {

class CategoryScreen final : public ScrollingScreen {
 public:
  CategoryScreen(sqlite::Database& db, const std::string& id, std::string* error);
  std::string title(const FrameContext& f) const override;
  bool shows_sample_data() const override { return samples_ > 0; }
  bool valid() const { return valid_; }

 private:
  float draw_content(FrameContext& f, ImVec2 origin, const ImRect& view) override;
  // Row i of the list, its page loaded on first use (nullptr if the page cannot be read).
  const store::ArticleItem* article(size_t i);
  static constexpr size_t kPageSize = 50, kPagesKept = 8;
  sqlite::Database& db_;
  store::CategoryItem category_;
  size_t count_ = 0, samples_ = 0;  // articles, and those marked as sample data
  std::map<size_t, std::vector<store::ArticleItem>> pages_;  // by page number
  bool valid_ = false;
};

}  // namespace khlang::kiosk

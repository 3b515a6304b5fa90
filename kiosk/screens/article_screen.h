// An article: its title, dates and author, then its Markdown body set by MarkdownView, with a QR
// code for each link.
#pragma once

#include <memory>

#include "screens/scrolling_screen.h"
#include "store/content_queries.h"
#include "ui/markdown_view.h"

namespace khlang::kiosk {

class ArticleScreen final : public ScrollingScreen {
 public:
  ArticleScreen(sqlite::Database& db, const std::string& id, std::string* error);
  std::string title(const FrameContext& f) const override { return std::string(f.t(Str::Knowledge)); }
  bool shows_sample_data() const override { return article_.is_sample; }
  bool valid() const { return view_ != nullptr; }

 private:
  float draw_content(FrameContext& f, ImVec2 origin, const ImRect& view) override;
  store::Article article_;
  std::unique_ptr<MarkdownView> view_;
};

}  // namespace khlang::kiosk

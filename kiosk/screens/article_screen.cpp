#include "screens/article_screen.h"

#include <algorithm>

#include "screens/screen_helpers.h"

namespace khlang::kiosk {

ArticleScreen::ArticleScreen(sqlite::Database& db, const std::string& id, std::string* error) {
  auto article = store::load_article(db, id);
  if (!article || !article.value()) {
    *error = article ? "no article '" + id + "'" : article.error().message;
    return;
  }
  article_ = std::move(*article.value());
  view_ = MarkdownView::parse(article_.body_md, error);
}

float ArticleScreen::draw_content(FrameContext& f, ImVec2 origin, const ImRect& view) {
  const ImRect col = column(f, view);
  const float w = col.GetWidth();
  float y = origin.y + f.px(40);
  y += thai_only_note(f, ImVec2(col.Min.x, y), w, article_.language);
  y += draw_text(f, ImVec2(col.Min.x, y), article_.title, f.style(56, text::Weight::Bold, 1.3f), w, f.colors().heading);
  std::string meta = std::string(f.t(Str::Published)) + " " + display_date(f, article_.published_on);
  if (article_.updated_on != article_.published_on) {
    meta += "  ·  " + std::string(f.t(Str::Updated)) + " " + display_date(f, article_.updated_on);
  }
  if (!article_.author_name.empty()) meta += "  ·  " + std::string(f.t(Str::Author)) + " " + article_.author_name;
  y += draw_text(f, ImVec2(col.Min.x, y + f.px(6)), meta, f.style(26), w, f.colors().text_muted) + f.px(20);
  if (!article_.summary.empty()) {
    y += draw_text(f, ImVec2(col.Min.x, y), article_.summary, f.style(34, text::Weight::Regular, 1.55f), w, f.colors().text_muted);
    y += f.px(16);
  }
  if (article_.cover_media) {
    const float h = std::min(w * 0.5f, f.px(520));
    draw_image(f, ImRect(col.Min.x, y, col.Max.x, y + h), *article_.cover_media, false, ImageFit::Cover);
    y += h + f.px(24);
  }
  fill(f, ImRect(col.Min.x, y, col.Min.x + f.px(120), y + f.px(6)), f.colors().accent);
  y += f.px(30);
  y += view_->draw(f, ImVec2(col.Min.x, y), w, view);
  return y - origin.y + f.px(80);
}

}  // namespace khlang::kiosk

#include "screens/category_screen.h"

#include <algorithm>

#include "navigator.h"
#include "screens/screen_helpers.h"

namespace khlang::kiosk {

CategoryScreen::CategoryScreen(sqlite::Database& db, const std::string& id, std::string* error) {
  auto categories = store::load_categories(db);
  if (!categories) {
    *error = categories.error().message;
    return;
  }
  for (const auto& c : categories.value()) {
    if (c.id == id) category_ = c;
  }
  if (category_.id.empty()) {
    *error = "no category '" + id + "'";
    return;
  }
  auto articles = store::load_articles(db, id, 0, 1000000);
  if (!articles) {
    *error = articles.error().message;
    return;
  }
  articles_ = std::move(articles.value());
  valid_ = true;
}

std::string CategoryScreen::title(const FrameContext& f) const {
  return f.lang == Lang::En && !category_.title_en.empty() ? category_.title_en : category_.title_th;
}

float CategoryScreen::draw_content(FrameContext& f, ImVec2 origin, const ImRect& view) {
  const ImRect col = column(f, view);
  const float row_h = f.px(200), gap = f.px(20), top = f.px(36);
  const float pitch = row_h + gap;
  if (articles_.empty()) {
    draw_text(f, ImVec2(col.Min.x, origin.y + top), f.t(Str::NoArticles), f.style(34), col.GetWidth(), theme::kTextMuted);
    return top + f.px(100);
  }
  // Only the rows that meet the view.
  const float first_y = view.Min.y - origin.y - top;
  const size_t first = static_cast<size_t>(std::max(0.0f, first_y / pitch));
  const size_t last = std::min(articles_.size(), static_cast<size_t>((view.Max.y - origin.y - top) / pitch) + 1);
  const float text_w = col.GetWidth() - f.px(64);
  for (size_t i = first; i < last; ++i) {
    const store::ArticleItem& a = articles_[i];
    const float y = origin.y + top + static_cast<float>(i) * pitch;
    const ImRect r(col.Min.x, y, col.Max.x, y + row_h);
    if (card(f, r, a.title)) f.nav.go(RouteKey::Article, a.id);
    float tx = r.Min.x + f.px(32), tw = text_w;
    if (a.cover_media) {
      // The cover's thumbnail, decoded off the frame path.
      const float side = row_h - f.px(40);
      draw_image(f, ImRect(r.Min.x + f.px(20), y + f.px(20), r.Min.x + f.px(20) + side * 1.5f, y + f.px(20) + side),
                 *a.cover_media, true, ImageFit::Cover);
      tx += side * 1.5f;
      tw -= side * 1.5f;
    }
    f.draw_list->PushClipRect(r.Min, r.Max, true);
    float ty = y + f.px(24);
    ty += draw_text(f, ImVec2(tx, ty), a.title, f.style(36, text::Weight::Bold, 1.3f), tw, theme::kHeading);
    draw_text(f, ImVec2(tx, ty), a.summary, f.style(28, text::Weight::Regular, 1.4f), tw, theme::kText);
    f.draw_list->PopClipRect();
    draw_text(f, ImVec2(tx, r.Max.y - f.px(48)), display_date(f, a.published_on), f.style(24), tw, theme::kTextMuted,
              text::Align::Right);
  }
  return top + static_cast<float>(articles_.size()) * pitch + top;
}

}  // namespace khlang::kiosk

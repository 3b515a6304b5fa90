#include "screens/category_screen.h"

#include <algorithm>
#include <iterator>

#include "navigator.h"
#include "screens/screen_helpers.h"

namespace khlang::kiosk {

CategoryScreen::CategoryScreen(sqlite::Database& db, const std::string& id, std::string* error) : db_(db) {
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
  auto count = store::count_articles(db, id);
  if (!count) {
    *error = count.error().message;
    return;
  }
  count_ = static_cast<size_t>(count->articles);
  samples_ = static_cast<size_t>(count->samples);
  valid_ = true;
}

const store::ArticleItem* CategoryScreen::article(size_t i) {
  const size_t page = i / kPageSize;
  auto it = pages_.find(page);
  if (it == pages_.end()) {
    auto loaded = store::load_articles(db_, category_.id, static_cast<int64_t>(page * kPageSize), kPageSize);
    if (!loaded) return nullptr;
    // Keep the pages nearest this one.
    while (pages_.size() >= kPagesKept) {
      const auto first = pages_.begin(), last = std::prev(pages_.end());
      pages_.erase(page - std::min(page, first->first) > last->first - std::min(last->first, page) ? first : last);
    }
    it = pages_.emplace(page, std::move(loaded.value())).first;
  }
  const size_t k = i % kPageSize;
  return k < it->second.size() ? &it->second[k] : nullptr;
}

std::string CategoryScreen::title(const FrameContext& f) const {
  return in_language(f.lang, category_.title_th, category_.title_en);
}

// Rows of one pitch, so a list of 10,000 articles draws only what shows: the pitch holds the
// most a row shows at this text size (a title of up to two lines, a summary in the lines left,
// the date), each cut by the fitting rule with "…".
float CategoryScreen::draw_content(FrameContext& f, ImVec2 origin, const ImRect& view) {
  const ImRect col = column(f, view);
  const float gap = f.px(20), top = f.px(36), pad = f.px(24);
  if (count_ == 0) {
    return top + empty_state(f, ImVec2(col.Min.x, origin.y + top), col.GetWidth(), f.t(Str::NoArticles), f.t(Str::NoArticlesHint)) +
           top;
  }
  const auto title_style = f.style(36, text::Weight::Bold, 1.3f);
  const auto summary_style = f.style(30, text::Weight::Regular, 1.4f);
  const auto date_style = f.style(26, text::Weight::Regular, 1.3f);
  const float title_line = text_height(f, "ก", title_style, 0), summary_line = text_height(f, "ก", summary_style, 0);
  const float date_h = text_height(f, "ก", date_style, 0);
  const float text_h = 2 * title_line + 2 * summary_line;
  const float row_h = pad + text_h + date_h + pad;
  const float pitch = row_h + gap;
  // Only the rows that meet the view.
  const float first_y = view.Min.y - origin.y - top;
  const size_t first = static_cast<size_t>(std::max(0.0f, first_y / pitch));
  const size_t last = std::min(count_, static_cast<size_t>(std::max(0.0f, (view.Max.y - origin.y - top) / pitch)) + 1);
  for (size_t i = first; i < last; ++i) {
    const store::ArticleItem* item = article(i);
    if (!item) continue;
    const store::ArticleItem& a = *item;
    const float y = origin.y + top + static_cast<float>(i) * pitch;
    const ImRect r(col.Min.x, y, col.Max.x, y + row_h);
    if (card(f, r, a.title)) f.nav.go(RouteKey::Article, a.id);
    float tx = r.Min.x + f.px(32);
    if (a.cover_media) {
      // The cover's thumbnail, decoded off the frame path.
      const float side = std::min(row_h - 2 * pad, f.px(180));
      draw_image(f, ImRect(r.Min.x + pad, y + pad, r.Min.x + pad + side * 1.5f, y + pad + side), *a.cover_media, true,
                 ImageFit::Cover);
      tx = r.Min.x + pad + side * 1.5f + f.px(28);
    }
    const float tw = r.Max.x - f.px(32) - tx;
    const float ty = y + pad;
    const float title_h = fit_text(f, ImRect(tx, ty, tx + tw, ty + 2 * title_line), a.title, title_style, f.colors().heading,
                                   {.max_lines = 2, .floor_px = title_style.size_px});
    fit_text(f, ImRect(tx, ty + title_h, tx + tw, ty + text_h), a.summary, summary_style, f.colors().text,
             {.floor_px = summary_style.size_px});
    fit_text(f, ImRect(tx, ty + text_h, tx + tw, ty + text_h + date_h), display_date(f, a.published_on), date_style,
             f.colors().text_muted, {.align = text::Align::Right});
  }
  return top + static_cast<float>(count_) * pitch + top;
}

}  // namespace khlang::kiosk

#include "screens/knowledge_screen.h"

#include <algorithm>

#include "navigator.h"
#include "screens/screen_helpers.h"

namespace khlang::kiosk {

KnowledgeScreen::KnowledgeScreen(sqlite::Database& db) {
  if (auto c = store::load_categories(db); c) categories_ = std::move(c.value());
  // A category without articles is not offered to visitors ("0 articles" leads nowhere).
  std::erase_if(categories_, [](const store::CategoryItem& c) { return c.articles == 0; });
}

// Category cards as tall as their content, a row as tall as its tallest card.
float KnowledgeScreen::draw_content(FrameContext& f, ImVec2 origin, const ImRect& view) {
  const ImRect col = column(f, view);
  const int columns = f.portrait ? 1 : 2;
  const float gap = f.px(28), pad = f.px(28), inset = f.px(32);
  const float w = (col.GetWidth() - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  const auto name_style = f.style(38, text::Weight::Bold, 1.3f);
  const auto count_style = f.style(30);
  auto name_of = [&](const store::CategoryItem& c) -> const std::string& {
    return in_language(f.lang, c.title_th, c.title_en);
  };
  auto count_of = [&](const store::CategoryItem& c) { return count_text(f, c.articles, Str::ArticleCountOne, Str::ArticleCountMany); };
  float y = origin.y + f.px(36);
  if (categories_.empty()) {
    return f.px(36) + empty_state(f, ImVec2(col.Min.x, y), col.GetWidth(), f.t(Str::NoKnowledge), f.t(Str::NoArticlesHint)) +
           f.px(36);
  }
  for (size_t row = 0; row < categories_.size(); row += static_cast<size_t>(columns)) {
    const size_t end = std::min(categories_.size(), row + static_cast<size_t>(columns));
    float h = f.px(120);
    for (size_t i = row; i < end; ++i) {
      const auto name = fit(f, name_of(categories_[i]), name_style, ImVec2(w - 2 * inset, 0), {.max_lines = 3, .balance = true});
      h = std::max(h, pad + name->layout->height + text_height(f, count_of(categories_[i]), count_style, w - 2 * inset) + pad);
    }
    if (visible(view, y, y + h)) {
      for (size_t i = row; i < end; ++i) {
        const store::CategoryItem& c = categories_[i];
        const float x = col.Min.x + static_cast<float>(i - row) * (w + gap);
        const ImRect r(x, y, x + w, y + h);
        if (card(f, r, name_of(c))) f.nav.go(RouteKey::Category, c.id);
        const ImRect inner(x + inset, y + pad, x + w - inset, y + h - pad);
        const auto name = fit(f, name_of(c), name_style, ImVec2(inner.GetWidth(), 0), {.max_lines = 3, .balance = true});
        const float name_h = draw_fitted(f, inner.Min, *name, f.colors().heading, inner);
        fit_text(f, ImRect(inner.Min.x, inner.Min.y + name_h, inner.Max.x, inner.Max.y), count_of(c), count_style,
                 f.colors().text_muted);
      }
    }
    y += h + gap;
  }
  return y - origin.y + f.px(36);
}

}  // namespace khlang::kiosk

#include "screens/knowledge_screen.h"

#include "navigator.h"
#include "screens/screen_helpers.h"

namespace khlang::kiosk {

KnowledgeScreen::KnowledgeScreen(sqlite::Database& db) {
  if (auto c = store::load_categories(db); c) categories_ = std::move(c.value());
}

float KnowledgeScreen::draw_content(FrameContext& f, ImVec2 origin, const ImRect& view) {
  const ImRect col = column(f, view);
  const int columns = f.portrait ? 1 : 2;
  const float gap = f.px(28);
  const float w = (col.GetWidth() - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  const float h = f.px(170);
  float y = origin.y + f.px(36);
  for (size_t i = 0; i < categories_.size(); ++i) {
    const store::CategoryItem& c = categories_[i];
    const float x = col.Min.x + static_cast<float>(static_cast<int>(i) % columns) * (w + gap);
    const ImRect r(x, y, x + w, y + h);
    if (visible(view, r.Min.y, r.Max.y)) {
      const std::string& name = f.lang == Lang::En && !c.title_en.empty() ? c.title_en : c.title_th;
      if (card(f, r, name)) f.nav.go(RouteKey::Category, c.id);
      const float th = draw_text(f, ImVec2(x + f.px(32), y + f.px(28)), name, f.style(38, text::Weight::Bold, 1.3f),
                                 w - f.px(64), theme::kHeading);
      draw_text(f, ImVec2(x + f.px(32), y + f.px(28) + th), std::to_string(c.articles) + " " + std::string(f.t(Str::Articles)),
                f.style(28), w - f.px(64), theme::kTextMuted);
    }
    if (static_cast<int>(i) % columns == columns - 1 || i + 1 == categories_.size()) y += h + gap;
  }
  return y - origin.y + f.px(36);
}

}  // namespace khlang::kiosk

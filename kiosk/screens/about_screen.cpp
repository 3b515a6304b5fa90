#include "screens/about_screen.h"

#include "screens/screen_helpers.h"

namespace khlang::kiosk {

AboutScreen::AboutScreen(sqlite::Database& db) {
  if (auto o = store::load_organization(db); o && o.value()) organization_ = *o.value();
  std::string error;
  about_ = MarkdownView::parse(organization_.about_th, &error);
  if (!about_) about_ = std::make_unique<MarkdownView>(content::MarkdownDocument{});
}

float AboutScreen::draw_content(FrameContext& f, ImVec2 origin, const ImRect& view) {
  const ImRect col = column(f, view);
  const float w = col.GetWidth();
  float y = origin.y + f.px(40);
  y += draw_text(f, ImVec2(col.Min.x, y), organization_.name_th, f.style(56, text::Weight::Bold, 1.3f), w, theme::kHeading);
  if (!organization_.name_en.empty()) {
    y += draw_text(f, ImVec2(col.Min.x, y), organization_.name_en, f.style(34), w, theme::kTextMuted);
  }
  for (const std::string* line : {&organization_.address_th, &organization_.phone, &organization_.email, &organization_.website}) {
    if (!line->empty()) y += draw_text(f, ImVec2(col.Min.x, y), *line, f.style(30), w, theme::kText);
  }
  if (f.lang == Lang::En && !organization_.about_en.empty()) {
    y += f.px(16) + draw_text(f, ImVec2(col.Min.x, y + f.px(16)), organization_.about_en, f.style(30, text::Weight::Regular, 1.5f), w, theme::kText);
  }
  y += f.px(30);
  y += about_->draw(f, ImVec2(col.Min.x, y), w, view);
  return y - origin.y + f.px(80);
}

}  // namespace khlang::kiosk

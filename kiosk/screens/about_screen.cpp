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
  // The name in the visitor's language first, the other below it; the address in theirs when
  // the content has it.
  const bool en = f.lang == Lang::En;
  const std::string& name = en && !organization_.name_en.empty() ? organization_.name_en : organization_.name_th;
  const std::string& other = en ? organization_.name_th : organization_.name_en;
  y += draw_text(f, ImVec2(col.Min.x, y), name, f.style(56, text::Weight::Bold, 1.3f), w, f.colors().heading);
  if (!other.empty() && other != name) y += draw_text(f, ImVec2(col.Min.x, y), other, f.style(34), w, f.colors().text_muted);
  const std::string& address = en && !organization_.address_en.empty() ? organization_.address_en : organization_.address_th;
  const std::string* lines[] = {&address, &organization_.phone, &organization_.email, &organization_.website};
  for (const std::string* line : lines) {
    if (!line->empty()) y += draw_text(f, ImVec2(col.Min.x, y), *line, f.style(30), w, f.colors().text);
  }
  if (f.lang == Lang::En && !organization_.about_en.empty()) {
    y += f.px(16) + draw_text(f, ImVec2(col.Min.x, y + f.px(16)), organization_.about_en, f.style(30, text::Weight::Regular, 1.5f), w, f.colors().text);
  }
  y += f.px(30);
  y += about_->draw(f, ImVec2(col.Min.x, y), w, view);
  return y - origin.y + f.px(80);
}

}  // namespace khlang::kiosk

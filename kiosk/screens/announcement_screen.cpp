#include "screens/announcement_screen.h"

#include "screens/screen_helpers.h"

namespace khlang::kiosk {

AnnouncementScreen::AnnouncementScreen(sqlite::Database& db, const std::string& id, std::string* error) {
  auto found = store::load_announcement(db, id);
  if (!found || !found.value()) {
    *error = found ? "no announcement '" + id + "'" : found.error().message;
    return;
  }
  announcement_ = std::move(*found.value());
  view_ = MarkdownView::parse(announcement_.body_md, error);
}

float AnnouncementScreen::draw_content(FrameContext& f, ImVec2 origin, const ImRect& view) {
  const ImRect col = column(f, view);
  const float w = col.GetWidth();
  float y = origin.y + f.px(40);
  y += thai_only_note(f, ImVec2(col.Min.x, y), w, announcement_.language);
  y += draw_text(f, ImVec2(col.Min.x, y), announcement_.title, f.style(54, text::Weight::Bold, 1.3f), w, f.colors().heading);
  const std::string window = display_date(f, announcement_.starts_at) + " – " + display_date(f, announcement_.ends_at);
  y += draw_text(f, ImVec2(col.Min.x, y + f.px(6)), window, f.style(28), w, f.colors().text_muted) + f.px(30);
  // An announcement whose window has ended says so before anything else (a link or an old
  // bookmark in a visitor's head can still lead here).
  if (const auto end = thai::parse_iso_utc_seconds(announcement_.ends_at); end && *end <= f.wall_utc) {
    y += draw_text(f, ImVec2(col.Min.x, y), f.t(Str::AnnouncementEnded), f.style(34, text::Weight::Bold), w, f.colors().text) + f.px(24);
  }
  if (announcement_.poster_media) {
    const float h = f.px(700);
    draw_image(f, ImRect(col.Min.x, y, col.Max.x, y + h), *announcement_.poster_media, false, ImageFit::Contain);
    y += h + f.px(30);
  }
  y += view_->draw(f, ImVec2(col.Min.x, y), w, view);
  return y - origin.y + f.px(80);
}

}  // namespace khlang::kiosk

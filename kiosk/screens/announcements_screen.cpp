#include "screens/announcements_screen.h"

#include "navigator.h"
#include "screens/screen_helpers.h"

namespace khlang::kiosk {

AnnouncementsScreen::AnnouncementsScreen(sqlite::Database& db) {
  if (auto a = store::load_announcements(db); a) all_ = std::move(a.value());
}

float AnnouncementsScreen::draw_content(FrameContext& f, ImVec2 origin, const ImRect& view) {
  const ImRect col = column(f, view);
  const float w = col.GetWidth();
  float y = origin.y + f.px(36);
  const auto current = store::current_announcements(all_, f.wall_utc);
  if (current.empty()) {
    draw_text(f, ImVec2(col.Min.x, y), f.t(Str::NoAnnouncements), f.style(34), w, theme::kTextMuted);
    return f.px(200);
  }
  for (const store::Announcement& a : current) {
    const float inner = w - f.px(64);
    const float title_h = text_height(f, a.title, f.style(40, text::Weight::Bold, 1.3f), inner);
    const float h = title_h + f.px(120);
    const ImRect r(col.Min.x, y, col.Max.x, y + h);
    if (visible(view, r.Min.y, r.Max.y)) {
      if (card(f, r, a.title)) f.nav.go(RouteKey::Announcement, a.id);
      if (a.pinned) fill(f, ImRect(r.Min, ImVec2(r.Min.x + f.px(12), r.Max.y)), theme::kAccent, f.px(6));
      float ty = y + f.px(28);
      ty += draw_text(f, ImVec2(r.Min.x + f.px(32), ty), a.title, f.style(40, text::Weight::Bold, 1.3f), inner, theme::kText);
      std::string meta = std::string(f.t(Str::Until)) + " " + display_date(f, a.ends_at);
      if (a.pinned) meta = std::string(f.t(Str::Pinned)) + "  ·  " + meta;
      draw_text(f, ImVec2(r.Min.x + f.px(32), ty + f.px(8)), meta, f.style(26), inner, theme::kTextMuted);
    }
    y += h + f.px(20);
  }
  return y - origin.y + f.px(36);
}

}  // namespace khlang::kiosk

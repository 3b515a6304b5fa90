#include "screens/announcements_screen.h"

#include "navigator.h"

namespace khlang::kiosk {

float AnnouncementsScreen::draw_content(FrameContext& f, ImVec2 origin, const ImRect& view) {
  const ImRect col = column(f, view);
  const float w = col.GetWidth(), inner = w - f.px(64);
  const float top = f.px(36);
  const auto& current = announcements_.at(f.wall_utc);
  if (current.empty()) {
    return top + empty_state(f, ImVec2(col.Min.x, origin.y + top), w, f.t(Str::NoAnnouncements), f.t(Str::NoAnnouncementsHint)) + top;
  }
  const auto title_style = f.style(40, text::Weight::Bold, 1.3f);
  // A new list (a window opened or closed) or another width or text size: measured again.
  rows_.reset(current.size(), inner, f.scale.factor * f.text_scale, announcements_.generation());
  rows_.measure(view.Max.y - origin.y - top + view.GetHeight(), [&](size_t i) {
    return text_height(f, current[i].title, title_style, inner) + f.px(120) + f.px(20);
  });
  const float y0 = origin.y + top;
  for (size_t i = rows_.visible_from(view.Min.y - y0); i < rows_.measured() && y0 + rows_.top(i) <= view.Max.y; ++i) {
    const store::Announcement& a = current[i];
    const float y = y0 + rows_.top(i);
    const ImRect r(col.Min.x, y, col.Max.x, y + rows_.height(i) - f.px(20));
    if (card(f, r, a.title)) f.nav.go(RouteKey::Announcement, a.id);
    if (a.pinned) fill(f, ImRect(r.Min, ImVec2(r.Min.x + f.px(12), r.Max.y)), f.colors().accent, f.px(6));
    float ty = y + f.px(28);
    ty += draw_text(f, ImVec2(r.Min.x + f.px(32), ty), a.title, title_style, inner, f.colors().text);
    std::string meta = std::string(f.t(Str::Until)) + " " + display_date(f, a.ends_at);
    if (a.pinned) meta = std::string(f.t(Str::Pinned)) + "  ·  " + meta;
    draw_text(f, ImVec2(r.Min.x + f.px(32), ty + f.px(8)), meta, f.style(26), inner, f.colors().text_muted);
  }
  return top + rows_.total() + f.px(16);
}

}  // namespace khlang::kiosk

#include "screens/home_screen.h"

#include <algorithm>
#include <ctime>

#include "admin/admin_session.h"
#include "navigator.h"
#include "screens/screen_helpers.h"

namespace khlang::kiosk {
namespace {
constexpr double kAdminHoldSeconds = 3.0;
}  // namespace

HomeScreen::HomeScreen(sqlite::Database& db) {
  if (auto o = store::load_organization(db); o) organization_ = o.value();
  if (auto s = store::load_summary(db); s) summary_ = s.value();
  if (auto a = store::load_announcements(db); a) announcements_ = std::move(a.value());
}

double HomeScreen::next_timer(double, int64_t wall_utc) const { return 60.0 - static_cast<double>(wall_utc % 60); }

void HomeScreen::draw(FrameContext& f, const ImRect& area) {
  const float margin = f.px(f.portrait ? 40 : 64);
  const float w = area.GetWidth() - 2 * margin;

  // Header: organization, date and time (Thai time, UTC+7).
  const float header_h = f.px(f.portrait ? 350 : 210);
  fill(f, ImRect(area.Min, ImVec2(area.Max.x, area.Min.y + header_h)), theme::kHeader);
  fill(f, ImRect(area.Min.x, area.Min.y + header_h - f.px(8), area.Max.x, area.Min.y + header_h), theme::kAccent);
  const int64_t local = f.wall_utc + 7 * 3600;
  const thai::CivilDate today = thai::civil_from_days(local >= 0 ? local / 86400 : (local - 86399) / 86400);
  const int minutes = static_cast<int>(((local % 86400) + 86400) % 86400 / 60);
  char clock[8];
  std::snprintf(clock, sizeof clock, "%02d:%02d", minutes / 60, minutes % 60);
  const std::string date =
      f.lang == Lang::Th ? fill_in(f.t(Str::WeekdayDate), {thai::thai_weekday(today), thai::format_thai_date(today)})
                         : fill_in(f.t(Str::WeekdayDate), {thai::english_weekday(today), thai::format_english_date(today)});
  const float right_w = f.px(f.portrait ? 420 : 560);
  float y = area.Min.y + f.px(26);
  const std::string org = organization_ ? (f.lang == Lang::En && !organization_->name_en.empty() ? organization_->name_en
                                                                                              : organization_->name_th)
                                        : std::string(f.t(Str::AppName));
  const float title_w = f.portrait ? w : w - right_w;
  const float name_h = draw_text(f, ImVec2(area.Min.x + margin, y), f.t(Str::AppName), f.style(62, text::Weight::Bold, 1.25f),
                                 title_w, theme::kHeaderText);
  // Holding the name (the kiosk's logo) for 3 s opens admin mode; nothing shows it to visitors.
  // Without a PIN (set from the office: khlang-admin pin set) it does nothing at all: a visitor
  // must never be the one who chooses it.
  const ImRect logo(area.Min.x, area.Min.y, area.Min.x + margin + title_w * 0.5f, y + name_h);
  if (const double held = f.touch.held_in(logo, f.now); held > 0) {
    f.animating = true;  // frames while the finger stays, to notice the 3 s
    if (held >= kAdminHoldSeconds) {
      f.touch.cancel();
      if (f.admin.pin().has_pin()) f.nav.go(RouteKey::AdminPin);
    }
  }
  y += name_h;
  const TextBlock org_block{org, f.style(34, text::Weight::Regular, 1.35f), title_w};
  auto org_layout = f.text.layout(org_block);
  draw_text(f, ImVec2(area.Min.x + margin, y), org_block, *org_layout, theme::kHeaderSubtle);
  const ImVec2 clock_pos = f.portrait ? ImVec2(area.Min.x + margin, area.Min.y + f.px(190))
                                      : ImVec2(area.Max.x - margin - right_w, area.Min.y + f.px(26));
  const text::Align side = f.portrait ? text::Align::Left : text::Align::Right;
  const float clock_h = draw_text(f, clock_pos, clock, f.style(64, text::Weight::Bold, 1.2f), right_w, theme::kHeaderText, side);
  draw_text(f, ImVec2(clock_pos.x, clock_pos.y + clock_h), date, f.style(30, text::Weight::Regular, 1.3f), right_w,
            theme::kHeaderSubtle, side);
  // Sample content (the profile, a notice below) is marked beside the organization's name, or,
  // when a long name or large text leaves no room there, above the controls at the foot.
  const auto current = store::current_announcements(announcements_, f.wall_utc);
  const bool sample = (organization_ && organization_->is_sample) ||
                      std::any_of(current.begin(), current.end(), [](const auto& a) { return a.is_sample; });
  const ImVec2 badge = sample ? sample_badge_size(f) : ImVec2(0, 0);
  const float beside_x = area.Min.x + margin + org_layout->width + f.px(28);
  const bool badge_beside = sample && org_layout->lines.size() == 1 && beside_x + badge.x <= area.Min.x + margin + title_w;
  if (badge_beside) sample_badge(f, ImVec2(beside_x, y + (org_layout->height - badge.y) * 0.5f));
  const float badge_at_foot = sample && !badge_beside ? badge.y + f.px(16) : 0;

  // Tiles.
  struct Tile {
    Str title, hint;
    RouteKey route;
    ImU32 color;
  };
  const Tile tiles[] = {{Str::Knowledge, Str::KnowledgeHint, RouteKey::Knowledge, theme::kTileKnowledge},
                        {Str::Announcements, Str::AnnouncementsHint, RouteKey::Announcements, theme::kTileAnnouncements},
                        {Str::Plan, Str::PlanHint, RouteKey::Plan, theme::kTilePlan},
                        {Str::People, Str::PeopleHint, RouteKey::People, theme::kTilePeople},
                        {Str::About, Str::AboutHint, RouteKey::About, theme::kTileAbout}};
  // The search bar: a tap opens search with the keyboard.
  const float bar_y = area.Min.y + header_h + f.px(32);
  const ImRect bar(area.Min.x + margin, bar_y, area.Max.x - margin, bar_y + f.px(96));
  if (card(f, bar, f.t(Str::SearchHint))) f.nav.go(RouteKey::Search);
  f.draw_list->AddRect(bar.Min, bar.Max, theme::kHeading, f.px(18), 0, f.px(3));
  draw_text(f, ImVec2(bar.Min.x + f.px(32), bar.Min.y + f.px(22)), f.t(Str::SearchHint), f.style(36, text::Weight::Regular, 1.3f),
            w - f.px(64), theme::kTextMuted);
  const int columns = f.portrait ? 2 : 5;
  const float gap = f.px(28);
  const float tile_w = (w - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  float ty = bar.Max.y + f.px(28);
  // The tiles keep clear of the controls at the foot (and, in portrait, the line above them),
  // shrinking at the largest text size rather than running under them.
  const int tile_rows = (5 + columns - 1) / columns;
  const float foot = area.Max.y - margin * 0.6f - f.px(96) - f.px(f.portrait ? 80 : 30);
  const float tile_h = std::min(f.px(f.portrait ? 300 : 290),
                                (foot - ty) / static_cast<float>(tile_rows) - gap);
  for (int i = 0; i < 5; ++i) {
    const int col = i % columns, row = i / columns;
    const float x = area.Min.x + margin + static_cast<float>(col) * (tile_w + gap);
    const float yy = ty + static_cast<float>(row) * (tile_h + gap);
    const float tw = (f.portrait && i == 4) ? w : tile_w;  // the last tile spans the row in portrait
    if (tile(f, ImRect(x, yy, x + tw, yy + tile_h), f.t(tiles[i].title), f.t(tiles[i].hint), tiles[i].color)) {
      f.nav.go(tiles[i].route);
    }
  }
  y = ty + static_cast<float>(tile_rows) * (tile_h + gap) + f.px(12);

  // Controls: language (each named in its own language) and text size; "data as of" beside them.
  const float bh = f.px(96), bw = f.px(130);
  const float bottom = area.Max.y - margin * 0.6f - bh;
  float bx = area.Min.x + margin;
  if (button(f, ImRect(bx, bottom, bx + bw, bottom + bh), "ไทย", f.lang == Lang::Th ? primary_button() : quiet_button())) {
    f.ui.lang = Lang::Th;
  }
  bx += bw + f.px(12);
  if (button(f, ImRect(bx, bottom, bx + bw, bottom + bh), "EN", f.lang == Lang::En ? primary_button() : quiet_button())) {
    f.ui.lang = Lang::En;
  }
  bx += bw + f.px(40);
  const char* sizes[] = {"A-", "A", "A+"};
  for (int i = 0; i < 3; ++i) {
    if (button(f, ImRect(bx, bottom, bx + bw, bottom + bh), sizes[i], f.ui.text_size == i ? primary_button() : quiet_button())) {
      f.ui.text_size = i;
    }
    bx += bw + f.px(12);
  }
  // In landscape "data as of" sits in the controls' row, right-aligned, under the sample badge
  // when that is at the foot; in portrait it has a line above them, the badge above that.
  if (!summary_.bundle_created_at.empty()) {
    const std::string as_of = std::string(f.t(Str::DataAsOf)) + " " + display_date(f, summary_.bundle_created_at);
    const float aw = area.Max.x - margin - bx - f.px(20);
    if (f.portrait) {
      draw_text(f, ImVec2(area.Min.x + margin, bottom - f.px(56)), as_of, f.style(26), w, theme::kTextMuted);
    } else {
      const float ay = badge_at_foot > 0 ? bottom + badge.y + f.px(4) : bottom + f.px(26);
      draw_text(f, ImVec2(bx + f.px(20), ay), as_of, f.style(26), aw, theme::kTextMuted, text::Align::Right);
    }
  }
  if (badge_at_foot > 0) {
    sample_badge(f, ImVec2(area.Max.x - margin, f.portrait ? bottom - f.px(72) - badge.y : bottom), text::Align::Right);
  }

  // Current announcements, pinned first, in the space left.
  const float list_bottom = bottom - f.px(f.portrait ? 80 : 30) - (f.portrait ? badge_at_foot : 0);
  if (current.empty() || y + f.px(140) > list_bottom) return;
  y += section_heading(f, ImVec2(area.Min.x + margin, y), f.t(Str::Announcements), w);
  for (const store::Announcement& a : current) {
    const float h = f.px(96);
    if (y + h > list_bottom) break;
    const ImRect r(area.Min.x + margin, y, area.Min.x + margin + w, y + h);
    if (card(f, r, a.title)) f.nav.go(RouteKey::Announcement, a.id);
    float x = r.Min.x + f.px(28);
    if (a.pinned) {
      // The badge is as tall as its text's line, so stacked Thai marks stay on the badge.
      const TextBlock badge_block{f.t(Str::Pinned), f.style(26, text::Weight::Bold, 1.5f), f.px(140), text::Align::Center};
      auto pinned = f.text.layout(badge_block);
      const float by = r.Min.y + (h - pinned->height) * 0.5f;
      fill(f, ImRect(x, by, x + f.px(140), by + pinned->height), theme::kAccent, f.px(10));
      draw_text(f, ImVec2(x, by), badge_block, *pinned, theme::kHeaderText);
      x += f.px(160);
    }
    const TextBlock title_block{a.title, f.style(34, text::Weight::Bold, 1.3f)};
    auto title = f.text.layout(title_block);
    f.draw_list->PushClipRect(ImVec2(x, r.Min.y), ImVec2(r.Max.x - f.px(24), r.Max.y), true);
    draw_text(f, ImVec2(x, r.Min.y + (h - title->height) * 0.5f), title_block, *title, theme::kText);
    f.draw_list->PopClipRect();
    y += h + f.px(12);
  }
}

}  // namespace khlang::kiosk

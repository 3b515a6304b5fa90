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

HomeScreen::HomeScreen(sqlite::Database& db) : announcements_(db) {
  if (auto o = store::load_organization(db); o) organization_ = o.value();
  if (auto s = store::load_summary(db); s) summary_ = s.value();
}

double HomeScreen::next_timer(double, int64_t wall_utc) const { return 60.0 - static_cast<double>(wall_utc % 60); }

// The screen in bands, designed for a 1080 px short side: the header, the search bar and tiles,
// the current announcements in what is left, the controls at the bottom. Text sizes grow the text,
// not the bands: every text fits its box, and the announcements keep their place.
void HomeScreen::draw(FrameContext& f, const ImRect& area) {
  const float margin = f.px(f.portrait ? 40 : 64);
  const float header_bottom = draw_header(f, area, margin);
  const float tiles_bottom = draw_tiles(f, area, header_bottom, margin);
  const float controls_top = draw_controls(f, area, margin);
  draw_announcements(f, ImRect(area.Min.x + margin, tiles_bottom + f.px(24), area.Max.x - margin, controls_top - f.px(20)));
}

float HomeScreen::draw_header(FrameContext& f, const ImRect& area, float margin) {
  // Organization, date and time (Thai time, UTC+7).
  const float w = area.GetWidth() - 2 * margin;
  const float header_h = f.px(f.portrait ? 330 : 190);
  fill(f, ImRect(area.Min, ImVec2(area.Max.x, area.Min.y + header_h)), f.colors().header);
  fill(f, ImRect(area.Min.x, area.Min.y + header_h - f.px(8), area.Max.x, area.Min.y + header_h), f.colors().accent);
  const int64_t local = f.wall_utc + 7 * 3600;
  const thai::CivilDate today = thai::civil_from_days(local >= 0 ? local / 86400 : (local - 86399) / 86400);
  const int minutes = static_cast<int>(((local % 86400) + 86400) % 86400 / 60);
  char clock[8];
  std::snprintf(clock, sizeof clock, "%02d:%02d", minutes / 60, minutes % 60);
  const std::string date =
      f.lang == Lang::Th ? fill_in(f.t(Str::WeekdayDate), {thai::thai_weekday(today), thai::format_thai_date(today)})
                         : fill_in(f.t(Str::WeekdayDate), {thai::english_weekday(today), thai::format_english_date(today)});
  const std::string org = organization_ ? in_language(f.lang, organization_->name_th, organization_->name_en)
                                        : std::string(f.t(Str::AppName));
  const float right_w = f.px(f.portrait ? 420 : 560);
  const float title_w = f.portrait ? w : w - right_w - f.px(40);
  const float x = area.Min.x + margin, top = area.Min.y + f.px(22);
  const ImRect name(x, top, x + title_w, top + f.px(100));
  fit_text(f, name, f.t(Str::AppName), f.style(62, text::Weight::Bold, 1.25f), f.colors().header_text,
           {.valign = VAlign::Bottom});
  // Holding the name (the kiosk's logo) for 3 s opens admin mode; nothing shows it to visitors.
  // Without a PIN (set from the office: khlang-admin pin set) it does nothing at all: a visitor
  // must never be the one who chooses it.
  const ImRect logo(area.Min.x, area.Min.y, x + title_w * 0.5f, name.Max.y);
  if (const double held = f.touch.held_in(logo, f.now); held > 0) {
    f.animating = true;  // frames while the finger stays, to notice the 3 s
    if (held >= kAdminHoldSeconds) {
      f.touch.cancel();
      if (f.admin.pin().has_pin()) f.nav.go(RouteKey::AdminPin);
    }
  }
  // The organization's line, with the sample mark beside it when the two fit on one line; else
  // the mark goes to the foot, above the controls (draw_controls).
  const ImRect org_box(x, name.Max.y, x + title_w, name.Max.y + f.px(56));
  const auto org_fitted = fit(f, org, f.style(34, text::Weight::Regular, 1.35f), org_box.GetSize());
  draw_fitted(f, org_box.Min, *org_fitted, f.colors().header_subtle, org_box);
  const float cx = f.portrait ? x : area.Max.x - margin - right_w;
  const float cy = f.portrait ? area.Min.y + f.px(186) : top;
  const text::Align side = f.portrait ? text::Align::Left : text::Align::Right;
  fit_text(f, ImRect(cx, cy, cx + right_w, cy + f.px(80)), clock, f.style(64, text::Weight::Bold, 1.2f), f.colors().header_text,
           {.align = side, .valign = VAlign::Bottom});
  fit_text(f, ImRect(cx, cy + f.px(80), cx + right_w, cy + f.px(130)), date, f.style(30, text::Weight::Regular, 1.3f),
           f.colors().header_subtle, {.align = side});
  // Sample content (the profile, a notice below) is marked beside the organization's name, or,
  // when a long name or large text leaves no room there, at the foot.
  const auto& current = announcements_.at(f.wall_utc);
  sample_ = (organization_ && organization_->is_sample) ||
            std::any_of(current.begin(), current.end(), [](const auto& a) { return a.is_sample; });
  const ImVec2 badge = sample_ ? sample_badge_size(f) : ImVec2(0, 0);
  const float beside_x = x + org_fitted->layout->width + f.px(28);
  const bool badge_beside = sample_ && org_fitted->layout->lines.size() == 1 && !org_fitted->ellipsized &&
                            beside_x + badge.x <= x + title_w && badge.y <= org_box.GetHeight() + f.px(8);
  if (badge_beside) sample_badge(f, ImVec2(beside_x, org_box.Min.y + (org_fitted->layout->height - badge.y) * 0.5f));
  badge_at_foot_ = sample_ && !badge_beside;
  return area.Min.y + header_h;
}

float HomeScreen::draw_tiles(FrameContext& f, const ImRect& area, float top, float margin) {
  struct Tile {
    Str title, hint;
    RouteKey route;
    ImU32 color;
  };
  const Tile tiles[] = {{Str::Knowledge, Str::KnowledgeHint, RouteKey::Knowledge, f.colors().tile_knowledge},
                        {Str::Announcements, Str::AnnouncementsHint, RouteKey::Announcements, f.colors().tile_announcements},
                        {Str::Plan, Str::PlanHint, RouteKey::Plan, f.colors().tile_plan},
                        {Str::People, Str::PeopleHint, RouteKey::People, f.colors().tile_people},
                        {Str::About, Str::AboutHint, RouteKey::About, f.colors().tile_about}};
  const float w = area.GetWidth() - 2 * margin;
  // The search bar: a tap opens search with the keyboard.
  const float bar_y = top + f.px(24);
  const ImRect bar(area.Min.x + margin, bar_y, area.Max.x - margin, bar_y + std::max(f.px(84), f.min_target_px()));
  if (card(f, bar, f.t(Str::SearchHint))) f.nav.go(RouteKey::Search);
  f.draw_list->AddRect(bar.Min, bar.Max, f.colors().heading, f.px(18), 0, f.px(3));
  fit_text(f, ImRect(bar.Min.x + f.px(32), bar.Min.y + f.px(6), bar.Max.x - f.px(32), bar.Max.y - f.px(6)), f.t(Str::SearchHint),
           f.style(36, text::Weight::Regular, 1.3f), f.colors().text_muted, {.valign = VAlign::Middle});
  const int columns = f.portrait ? 2 : 5;
  const float gap = f.px(24);
  const float tile_w = (w - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  const float tile_h = f.px(f.portrait ? 240 : 250);  // portrait: room for the announcements below
  const float ty = bar.Max.y + f.px(20);
  TileText texts[5];
  for (int i = 0; i < 5; ++i) texts[i] = {f.t(tiles[i].title), f.t(tiles[i].hint)};
  const TileSizes sizes = tiles_text(f, ImVec2(tile_w, tile_h), texts);
  for (int i = 0; i < 5; ++i) {
    const int col = i % columns, row = i / columns;
    const float x = area.Min.x + margin + static_cast<float>(col) * (tile_w + gap);
    const float y = ty + static_cast<float>(row) * (tile_h + gap);
    const float tw = (f.portrait && i == 4) ? w : tile_w;  // the last tile spans the row in portrait
    if (tile(f, ImRect(x, y, x + tw, y + tile_h), texts[i], tiles[i].color, sizes)) f.nav.go(tiles[i].route);
  }
  const int rows = (5 + columns - 1) / columns;
  return ty + static_cast<float>(rows) * (tile_h + gap) - gap;
}

float HomeScreen::draw_controls(FrameContext& f, const ImRect& area, float margin) {
  // Language (each named in its own language), text size and high contrast; "data as of" beside them.
  const float w = area.GetWidth() - 2 * margin;
  const float bh = f.px(96), bw = f.px(130);
  const float bottom = area.Max.y - margin * 0.6f - bh;
  float bx = area.Min.x + margin;
  if (button(f, ImRect(bx, bottom, bx + bw, bottom + bh), "ไทย", f.lang == Lang::Th ? primary_button(f) : quiet_button(f))) {
    f.ui.lang = Lang::Th;
  }
  bx += bw + f.px(12);
  if (button(f, ImRect(bx, bottom, bx + bw, bottom + bh), "EN", f.lang == Lang::En ? primary_button(f) : quiet_button(f))) {
    f.ui.lang = Lang::En;
  }
  bx += bw + f.px(40);
  static_assert(UiState::kTextSizes == 3);
  const char* sizes[UiState::kTextSizes] = {"A", "A+", "A++"};
  for (int i = 0; i < UiState::kTextSizes; ++i) {
    if (button(f, ImRect(bx, bottom, bx + bw, bottom + bh), sizes[i], f.ui.text_size == i ? primary_button(f) : quiet_button(f))) {
      f.ui.text_size = i;
    }
    bx += bw + f.px(12);
  }
  // High contrast, on or off, beside the text sizes (the idle reset brings back the setting's).
  bx += f.px(16);
  const float cw = std::min(f.px(260), area.Max.x - margin - bx);
  if (button(f, ImRect(bx, bottom, bx + cw, bottom + bh), f.t(Str::HighContrast),
             f.ui.high_contrast ? primary_button(f) : quiet_button(f))) {
    f.ui.high_contrast = !f.ui.high_contrast;
  }
  bx += cw;
  // "data as of": in landscape in the controls' row, right-aligned; in portrait on a line above
  // them. The sample mark, when it is at the foot, right-aligned above both.
  float top = bottom;
  if (!summary_.bundle_created_at.empty()) {
    const std::string as_of = std::string(f.t(Str::DataAsOf)) + " " + display_date(f, summary_.bundle_created_at);
    const auto style = f.style(26, text::Weight::Regular, 1.35f);
    if (!f.portrait) {
      fit_text(f, ImRect(bx + f.px(20), bottom, area.Max.x - margin, bottom + bh), as_of, style, f.colors().text_muted,
               {.align = text::Align::Right, .valign = VAlign::Middle});
    } else {
      const float line_h = f.px(56);
      fit_text(f, ImRect(area.Min.x + margin, bottom - f.px(8) - line_h, area.Min.x + margin + w, bottom - f.px(8)), as_of,
               style, f.colors().text_muted, {.valign = VAlign::Bottom});
      top = bottom - f.px(8) - line_h;
    }
  }
  if (badge_at_foot_) {
    top -= sample_badge_size(f).y + f.px(12);
    sample_badge(f, ImVec2(area.Max.x - margin, top), text::Align::Right);
  }
  return top;
}

// Current announcements, pinned first, one line each: as many as the band holds at this text
// size, and "All (n)" beside the heading when some are left out.
void HomeScreen::draw_announcements(FrameContext& f, const ImRect& band) {
  const auto& current = announcements_.at(f.wall_utc);
  if (current.empty()) return;
  const float w = band.GetWidth(), pad = f.px(16), gap = f.px(10), inset = f.px(28);
  const auto heading_style = f.style(40, text::Weight::Bold, 1.4f);
  const auto title_style = f.style(34, text::Weight::Bold, 1.3f);
  const auto badge_style = f.style(26, text::Weight::Bold, 1.5f);
  const float heading_h = std::max(text_height(f, f.t(Str::Announcements), heading_style, 0), f.min_target_px()) + f.px(8);
  const ImVec2 badge_box = badge_size(f, f.t(Str::Pinned), badge_style, w * 0.3f);
  struct Row {
    const store::Announcement* a;
    std::shared_ptr<const text::FittedText> title;
    float h;
  };
  std::vector<Row> rows;
  float y = band.Min.y + heading_h;
  for (const store::Announcement& a : current) {
    const float title_w = w - 2 * inset - (a.pinned ? badge_box.x + f.px(20) : 0);
    auto title = fit(f, a.title, title_style, ImVec2(title_w, 0), {.max_lines = 1, .floor_px = title_style.size_px * 0.85f});
    const float h = std::max({title->layout->height, a.pinned ? badge_box.y : 0.0f, f.px(56)}) + 2 * pad;
    if (y + h > band.Max.y) break;
    rows.push_back({&a, std::move(title), h});
    y += h + gap;
  }
  if (band.Min.y + heading_h > band.Max.y) return;  // no room even for the heading
  const bool all_shown = rows.size() == current.size();
  const float all_w = all_shown ? 0 : std::min(f.px(300), w * 0.4f);
  const ImRect heading(band.Min.x, band.Min.y, band.Max.x - all_w - (all_shown ? 0 : f.px(20)), band.Min.y + heading_h - f.px(8));
  fit_text(f, heading, f.t(Str::Announcements), heading_style, f.colors().heading, {.valign = VAlign::Middle});
  if (!all_shown &&
      button(f, ImRect(band.Max.x - all_w, heading.Min.y, band.Max.x, heading.Max.y),
             fill_in(f.t(Str::AllCount), std::to_string(current.size())), quiet_button(f))) {
    f.nav.go(RouteKey::Announcements);
  }
  y = band.Min.y + heading_h;
  for (const Row& row : rows) {
    const ImRect r(band.Min.x, y, band.Max.x, y + row.h);
    if (card(f, r, row.a->title)) f.nav.go(RouteKey::Announcement, row.a->id);
    float x = r.Min.x + inset;
    if (row.a->pinned) {
      badge(f, ImVec2(x, r.Min.y + (row.h - badge_box.y) * 0.5f), f.t(Str::Pinned), badge_style, w * 0.3f, f.colors().accent,
            f.colors().on_accent);
      x += badge_box.x + f.px(20);
    }
    draw_fitted(f, ImVec2(x, r.Min.y + (row.h - row.title->layout->height) * 0.5f), *row.title, f.colors().text,
                ImRect(x, r.Min.y, r.Max.x - inset, r.Max.y));
    y += row.h + gap;
  }
}

}  // namespace khlang::kiosk

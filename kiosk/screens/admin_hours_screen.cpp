#include "screens/admin_hours_screen.h"

#include <algorithm>

#include "admin/admin_session.h"
#include "screens/screen_helpers.h"
#include "store/settings.h"

namespace khlang::kiosk {
namespace {

constexpr int kStepMinutes = 30;
constexpr store::DayHours kOfficeDay{8 * 60 + 30, 16 * 60 + 30};  // a new span: 08:30-16:30
constexpr Str kDays[7] = {Str::DayMon, Str::DayTue, Str::DayWed, Str::DayThu, Str::DayFri, Str::DaySat, Str::DaySun};

// A time with - and + buttons: [-] HH:MM [+], `minute` moved by kStepMinutes within [low, high].
void time_stepper(FrameContext& f, const ImRect& r, int& minute, int low, int high) {
  const float bw = r.GetHeight() * 1.05f;
  if (button(f, ImRect(r.Min.x, r.Min.y, r.Min.x + bw, r.Max.y), "-", quiet_button())) {
    minute = std::max(low, minute - kStepMinutes);
  }
  draw_text(f, ImVec2(r.Min.x + bw, r.Min.y + r.GetHeight() * 0.2f), store::format_minute(minute),
            f.style(30, text::Weight::Bold), r.GetWidth() - 2 * bw, theme::kHeading, text::Align::Center);
  if (button(f, ImRect(r.Max.x - bw, r.Min.y, r.Max.x, r.Max.y), "+", quiet_button())) {
    minute = std::min(high, minute + kStepMinutes);
  }
}

}  // namespace

void AdminHoursScreen::draw(FrameContext& f, const ImRect& area) {
  // Edits a copy of the settings snapshot; a change is written at once and the app reloads it.
  store::KioskSettings edited = f.settings;
  store::OpeningHours& hours = edited.opening_hours;
  const float margin = f.px(f.portrait ? 24 : 56);
  const float w = std::min(area.GetWidth() - 2 * margin, f.px(1240)), x = area.Min.x + margin;
  const float bh = f.px(76), gap = f.px(12);
  float y = area.Min.y + f.px(24);
  // Always on, or by the hours below.
  const float choice_w = (w - gap) * 0.5f;
  if (button(f, ImRect(x, y, x + choice_w, y + bh), both(Str::HoursAlwaysOn),
             hours.always_open ? primary_button() : quiet_button())) {
    hours.always_open = true;
  }
  if (button(f, ImRect(x + choice_w + gap, y, x + w, y + bh), both(Str::HoursSchedule),
             hours.always_open ? quiet_button() : primary_button()) &&
      hours.always_open) {
    hours = store::OpeningHours{false, {kOfficeDay, kOfficeDay, kOfficeDay, kOfficeDay, kOfficeDay, {}, {}}};
  }
  y += bh + gap;
  y += draw_text(f, ImVec2(x, y), both(Str::HoursExplain), f.style(24, text::Weight::Regular, 1.4f), w, theme::kText) + gap;
  if (!f.settings.opening_hours.always_open) {
    // One row a day: the day, opens [-] HH:MM [+], closes [-] HH:MM [+], closed.
    const float day_w = w * 0.22f, closed_w = w * 0.16f;
    const float stepper_w = (w - day_w - closed_w - 3 * gap) * 0.5f;
    for (size_t d = 0; d < 7; ++d) {
      store::DayHours& day = hours.days[d];
      draw_text(f, ImVec2(x, y + bh * 0.2f), both(kDays[d]), f.style(26, text::Weight::Bold), day_w, theme::kText);
      float cx = x + day_w + gap;
      if (!day.closed()) {
        time_stepper(f, ImRect(cx, y, cx + stepper_w, y + bh), day.open_minute, 0, day.close_minute - kStepMinutes);
        time_stepper(f, ImRect(cx + stepper_w + gap, y, cx + 2 * stepper_w + gap, y + bh), day.close_minute,
                     day.open_minute + kStepMinutes, 24 * 60);
      }
      cx += 2 * (stepper_w + gap);
      if (button(f, ImRect(cx, y, cx + closed_w, y + bh), both(Str::HoursClosedDay),
                 day.closed() ? primary_button() : quiet_button())) {
        day = day.closed() ? kOfficeDay : store::DayHours{};
      }
      y += bh + gap;
    }
  }
  if (edited != f.settings && store::save_settings(f.db, f.settings, edited)) f.admin.settings_changed();
}

}  // namespace khlang::kiosk

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
// The buttons are named "- <what>" and "+ <what>" as drawn items ("+ Tue Opens").
void time_stepper(FrameContext& f, const ImRect& r, const std::string& what, int& minute, int low, int high) {
  const float bw = r.GetHeight() * 1.05f;
  if (button(f, ImRect(r.Min.x, r.Min.y, r.Min.x + bw, r.Max.y), "-", quiet_button(f), "- " + what)) {
    minute = std::max(low, minute - kStepMinutes);
  }
  const text::TextStyle time_style = f.style(30, text::Weight::Bold);
  const float text_y = r.Min.y + (r.GetHeight() - text_height(f, "08:30", time_style, r.GetWidth())) * 0.5f;
  draw_text(f, ImVec2(r.Min.x + bw, text_y), store::format_minute(minute), time_style, r.GetWidth() - 2 * bw, f.colors().heading,
            text::Align::Center);
  if (button(f, ImRect(r.Max.x - bw, r.Min.y, r.Max.x, r.Max.y), "+", quiet_button(f), "+ " + what)) {
    minute = std::min(high, minute + kStepMinutes);
  }
}

ButtonStyle small(ButtonStyle style) {
  style.font_px = 26;
  return style;
}

}  // namespace

void AdminHoursScreen::draw(FrameContext& f, const ImRect& area) {
  // Edits a copy of the settings snapshot; a change is written at once and the app reloads it.
  store::KioskSettings edited = f.settings;
  store::OpeningHours& hours = edited.opening_hours;
  const float margin = f.px(f.portrait ? 24 : 56);
  const float w = std::min(area.GetWidth() - 2 * margin, f.px(1400));
  const float x = area.GetCenter().x - w * 0.5f;
  const float bh = std::max(f.px(76), f.min_target_px()), gap = f.px(12);
  float y = area.Min.y + f.px(24);
  // Always on, or by the hours below: side by side, or one above the other on a portrait screen.
  const float choice_w = f.portrait ? w : (w - gap) * 0.5f;
  const ImRect always(x, y, x + choice_w, y + bh);
  const ImRect schedule = f.portrait ? ImRect(x, y + bh + gap, x + w, y + 2 * bh + gap) : ImRect(x + choice_w + gap, y, x + w, y + bh);
  if (button(f, always, f.say(Str::HoursAlwaysOn), hours.always_open ? primary_button(f) : quiet_button(f))) {
    hours.always_open = true;
  }
  if (button(f, schedule, f.say(Str::HoursSchedule), hours.always_open ? quiet_button(f) : primary_button(f)) &&
      hours.always_open) {
    hours = store::OpeningHours{false, {kOfficeDay, kOfficeDay, kOfficeDay, kOfficeDay, kOfficeDay, {}, {}}};
  }
  y = schedule.Max.y + gap;
  y += draw_text(f, ImVec2(x, y), f.say(Str::HoursExplain), f.style(24, text::Weight::Regular, 1.4f), w, f.colors().text) + gap;
  if (!f.settings.opening_hours.always_open) {
    // One row a day: the day (above the row on a portrait screen), opens [-] HH:MM [+],
    // closes [-] HH:MM [+], closed all day.
    const float day_w = f.portrait ? 0 : w * 0.2f, closed_w = w * 0.2f;
    const float stepper_w = (w - day_w - closed_w - (f.portrait ? 2 : 3) * gap) * 0.5f;
    const float x_open = x + day_w + (f.portrait ? 0 : gap), x_close = x_open + stepper_w + gap;
    const text::TextStyle day_style = f.style(26, text::Weight::Bold), head_style = f.style(24);
    // Column heads over the two times.
    const float head_h = std::max(draw_text(f, ImVec2(x_open, y), f.say(Str::HoursOpens), head_style, stepper_w, f.colors().text,
                                            text::Align::Center),
                                  draw_text(f, ImVec2(x_close, y), f.say(Str::HoursCloses), head_style, stepper_w, f.colors().text,
                                            text::Align::Center));
    y += head_h + gap * 0.5f;
    for (size_t d = 0; d < 7; ++d) {
      store::DayHours& day = hours.days[d];
      if (f.portrait) {
        y += draw_text(f, ImVec2(x, y), f.say(kDays[d]), day_style, w, f.colors().text);
      } else {
        const float label_h = text_height(f, f.say(kDays[d]), day_style, day_w);
        draw_text(f, ImVec2(x, y + std::max(0.0f, (bh - label_h) * 0.5f)), f.say(kDays[d]), day_style, day_w, f.colors().text);
      }
      if (!day.closed()) {
        const std::string day_name = f.say(kDays[d]);
        time_stepper(f, ImRect(x_open, y, x_open + stepper_w, y + bh), day_name + " " + f.say(Str::HoursOpens),
                     day.open_minute, 0, day.close_minute - kStepMinutes);
        time_stepper(f, ImRect(x_close, y, x_close + stepper_w, y + bh), day_name + " " + f.say(Str::HoursCloses),
                     day.close_minute, day.open_minute + kStepMinutes, 24 * 60);
      }
      const float cx = x + w - closed_w;
      if (button(f, ImRect(cx, y, cx + closed_w, y + bh), f.say(Str::HoursClosedDay),
                 small(day.closed() ? primary_button(f) : quiet_button(f)))) {
        day = day.closed() ? kOfficeDay : store::DayHours{};
      }
      y += bh + gap;
    }
  }
  if (edited != f.settings && store::save_settings(f.db, f.settings, edited)) f.admin.settings_changed();
}

}  // namespace khlang::kiosk

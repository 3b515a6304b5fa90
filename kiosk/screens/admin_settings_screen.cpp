#include "screens/admin_settings_screen.h"

#include <algorithm>

#include "admin/admin_session.h"
#include "admin/admin_widgets.h"
#include "navigator.h"
#include "screens/screen_helpers.h"
#include "store/settings.h"

namespace khlang::kiosk {
namespace {

// A number setting with − and + buttons; returns its height.
float stepper(FrameContext& f, ImVec2 pos, float width, const std::string& label, const char* key, int fallback,
              int step, int low, int high, const char* unit) {
  int value = fallback;
  try {
    value = std::stoi(store::get_setting(f.db, key, std::to_string(fallback)));
  } catch (...) {
  }
  const float bh = f.px(84), bw = f.px(120);
  draw_text(f, ImVec2(pos.x, pos.y + f.px(18)), label, f.style(28), width * 0.5f, theme::kText);
  const float vx = pos.x + width * 0.5f;
  int next = value;
  if (button(f, ImRect(vx, pos.y, vx + bw, pos.y + bh), "-", quiet_button())) next = std::max(low, value - step);
  draw_text(f, ImVec2(vx + bw, pos.y + f.px(18)), std::to_string(value) + " " + unit, f.style(30, text::Weight::Bold),
            f.px(240), theme::kHeading, text::Align::Center);
  if (button(f, ImRect(vx + bw + f.px(240), pos.y, vx + 2 * bw + f.px(240), pos.y + bh), "+", quiet_button())) {
    next = std::min(high, value + step);
  }
  if (next != value && store::set_setting(f.db, key, std::to_string(next))) f.admin.settings_changed();
  return bh + f.px(20);
}

}  // namespace

void AdminSettingsScreen::draw(FrameContext& f, const ImRect& area) {
  const float margin = f.px(f.portrait ? 32 : 56);
  const float w = std::min(area.GetWidth() - 2 * margin, f.px(1200)), x = area.Min.x + margin;
  float y = area.Min.y + f.px(32);
  y += stepper(f, ImVec2(x, y), w, "กลับหน้าแรกเมื่อไม่มีการใช้งาน · Idle timeout", "idle_timeout_seconds", 90, 30, 30,
               900, "s");
  y += stepper(f, ImVec2(x, y), w, "เปลี่ยนหน้าในโหมดประชุม · Meeting slide interval", "meeting_interval_seconds", 20, 5,
               5, 300, "s");
  // The default language: what each new visitor starts with.
  const std::string lang = store::get_setting(f.db, "default_language", "th");
  draw_text(f, ImVec2(x, y + f.px(18)), "ภาษาเริ่มต้น · Default language", f.style(28), w * 0.5f, theme::kText);
  const float bh = f.px(84), bw = f.px(240);
  for (int i = 0; i < 2; ++i) {
    const char* code = i == 0 ? "th" : "en";
    const float bx = x + w * 0.5f + static_cast<float>(i) * (bw + f.px(12));
    if (button(f, ImRect(bx, y, bx + bw, y + bh), i == 0 ? "ไทย" : "English", lang == code ? primary_button() : quiet_button()) &&
        lang != code && store::set_setting(f.db, "default_language", code)) {
      f.admin.settings_changed();
    }
  }
  y += bh + f.px(36);
  if (button(f, ImRect(x, y, x + std::min(w, f.px(560)), y + bh), "เปลี่ยน PIN · Change the PIN", quiet_button())) {
    f.nav.go("admin-change-pin");
  }
}

}  // namespace khlang::kiosk

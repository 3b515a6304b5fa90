#include "screens/admin_settings_screen.h"

#include <algorithm>

#include "admin/admin_session.h"
#include "admin/admin_widgets.h"
#include "fleet_agent.h"
#include "navigator.h"
#include "screens/screen_helpers.h"
#include "store/settings.h"

namespace khlang::kiosk {
namespace {

// A number of seconds with - and + buttons (`zero`: what 0 means, if it is allowed); returns its
// height. The buttons show "-" and "+" and are named "- <label>" and "+ <label>" as drawn items.
float stepper(FrameContext& f, ImVec2 pos, float width, const std::string& label, int& value, int step, int low,
              int high, const std::string& zero = {}) {
  const float bh = std::max(f.px(84), f.min_target_px()), bw = f.px(120);
  const float label_h = draw_text(f, ImVec2(pos.x, pos.y + f.px(18)), label, f.style(28), width * 0.5f, f.colors().text);
  const float vx = pos.x + width * 0.5f;
  if (button(f, ImRect(vx, pos.y, vx + bw, pos.y + bh), "-", quiet_button(f), "- " + label)) {
    value = std::max(low, value - step);
  }
  draw_text(f, ImVec2(vx + bw, pos.y + f.px(18)), value == 0 && !zero.empty() ? zero : std::to_string(value) + " s",
            f.style(value == 0 && !zero.empty() ? 26 : 30, text::Weight::Bold), f.px(240), f.colors().heading, text::Align::Center);
  if (button(f, ImRect(vx + bw + f.px(240), pos.y, vx + 2 * bw + f.px(240), pos.y + bh), "+", quiet_button(f),
             "+ " + label)) {
    value = std::min(high, value + step);
  }
  return std::max(bh, label_h + f.px(18)) + f.px(20);
}

// A setting that is on or off: its label, then "Off" and "On" (the current one filled); returns
// its height.
float on_off(FrameContext& f, ImVec2 pos, float width, const std::string& label, bool current, bool& edited) {
  const float bh = std::max(f.px(84), f.min_target_px()), bw = f.px(240);
  const float label_h = draw_text(f, ImVec2(pos.x, pos.y + f.px(18)), label, f.style(28), width * 0.5f - f.px(12),
                                  f.colors().text);
  for (int i = 0; i < 2; ++i) {
    const bool on = i == 1;
    const float bx = pos.x + width * 0.5f + static_cast<float>(i) * (bw + f.px(12));
    if (button(f, ImRect(bx, pos.y, bx + bw, pos.y + bh), f.say(on ? Str::SettingsOn : Str::SettingsOff),
               current == on ? primary_button(f) : quiet_button(f))) {
      edited = on;
    }
  }
  return std::max(bh, label_h + f.px(18)) + f.px(12);
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

// What the fleet work does (docs/fleet.md): the inbox folders, the last unattended import since
// the start with why it was refused or failed, and the outbox with its last write or why it
// failed. Returns the height.
float fleet_state(FrameContext& f, ImVec2 pos, float width, const FleetStatus& fleet) {
  const float top = pos.y;
  pos.y += status_row(f, pos, width, f.say(Str::StatusInboxFolders), joined(fleet.inboxes),
                      fleet.auto_import && fleet.inboxes.empty());
  if (!fleet.last_result.empty()) {
    pos.y += status_row(f, pos, width, f.say(Str::StatusAutoImportLast),
                        fleet.last_at + "  " + import_result_word(fleet.last_result, f.lang) + " " + fleet.last_bundle +
                            (fleet.last_message.empty() ? "" : ": " + fleet.last_message),
                        fleet.last_result != "imported");
  }
  std::string outbox = f.say(Str::StatusOutboxNone);
  if (!fleet.outbox.empty()) {
    outbox = fleet.outbox + " — " +
             (!fleet.outbox_error.empty() ? fleet.outbox_error
              : fleet.written_at.empty()  ? f.say(Str::StatusOutboxNotYet)
                                          : f.say(Str::StatusOutboxWritten) + " " + fleet.written_at);
  }
  pos.y += status_row(f, pos, width, f.say(Str::StatusOutbox), outbox, !fleet.outbox_error.empty());
  return pos.y - top;
}

}  // namespace

void AdminSettingsScreen::draw(FrameContext& f, const ImRect& area) {
  // Edits a copy of the settings snapshot; a change is written at once and the app reloads it.
  store::KioskSettings edited = f.settings;
  const float margin = f.px(f.portrait ? 32 : 56);
  const float w = std::min(area.GetWidth() - 2 * margin, f.px(1200)), x = area.Min.x + margin;
  float y = area.Min.y + f.px(32);
  y += stepper(f, ImVec2(x, y), w, f.say(Str::SettingsIdleTimeout), edited.idle_timeout_seconds, 30, 30, 900);
  y += stepper(f, ImVec2(x, y), w, f.say(Str::SettingsMeetingInterval), edited.meeting_interval_seconds, 5, 0,
               300, f.say(Str::SettingsByHand));
  // The default language: what each new visitor starts with.
  draw_text(f, ImVec2(x, y + f.px(18)), f.say(Str::SettingsDefaultLanguage), f.style(28), w * 0.5f, f.colors().text);
  const float bh = std::max(f.px(84), f.min_target_px()), bw = f.px(240);
  for (int i = 0; i < 2; ++i) {
    const char* code = i == 0 ? "th" : "en";
    const float bx = x + w * 0.5f + static_cast<float>(i) * (bw + f.px(12));
    const bool chosen = f.settings.default_language == code;
    if (button(f, ImRect(bx, y, bx + bw, y + bh), i == 0 ? "ไทย" : "English", chosen ? primary_button(f) : quiet_button(f))) {
      edited.default_language = code;
    }
  }
  y += bh + f.px(36);
  // The theme every visitor starts with (each can still switch it on home).
  y += on_off(f, ImVec2(x, y), w, f.say(Str::SettingsHighContrast), f.settings.high_contrast, edited.high_contrast);
  // Unattended imports from the inbox folders (docs/fleet.md), at quiet moments.
  y += on_off(f, ImVec2(x, y), w, f.say(Str::SettingsAutoImport), f.settings.auto_import, edited.auto_import);
  if (edited != f.settings && store::save_settings(f.db, f.settings, edited)) f.admin.settings_changed();
  if (f.fleet) y += fleet_state(f, ImVec2(x, y), w, *f.fleet);
  y += f.px(24);
  const float half = std::min((w - f.px(12)) * 0.5f, f.px(560));
  if (button(f, ImRect(x, y, x + half, y + bh), f.say(Str::SettingsChangePin), quiet_button(f))) {
    f.nav.go(RouteKey::AdminChangePin);
  }
  if (button(f, ImRect(x + half + f.px(12), y, x + 2 * half + f.px(12), y + bh), f.say(Str::SettingsOpeningHours),
             quiet_button(f))) {
    f.nav.go(RouteKey::AdminHours);
  }
}

}  // namespace khlang::kiosk

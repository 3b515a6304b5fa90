#include "screens/admin_pin_screen.h"

#include <cmath>

#include "admin/admin_session.h"
#include "navigator.h"
#include "screens/screen_helpers.h"

namespace khlang::kiosk {
namespace {

constexpr size_t kMaxDigits = 12;
// The pad's keys, 3 x 4: digits, delete, 0, OK.
std::string_view key_label(int i, Lang lang) {
  constexpr const char* kDigits[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "", "0", "OK"};
  return i == 9 ? tr(Str::KeyDelete, lang) : kDigits[i];
}

std::string lock_message(int64_t seconds, Lang lang) { return say(Str::PinLocked, lang, {std::to_string(seconds)}); }

}  // namespace

AdminPinScreen::AdminPinScreen(sqlite::Database& db, bool change) {
  const security::PinLock pin(db);
  choosing_ = change;
  no_pin_ = !change && !pin.has_pin();
}

AdminPinScreen::Step AdminPinScreen::step() const {
  if (!choosing_) return Step::Enter;
  return first_choice_.empty() ? Step::Choose : Step::Confirm;
}

double AdminPinScreen::next_timer(double now, int64_t) const {
  return lock_ends_at_ > now ? 1.0 : -1;  // the countdown ticks
}

void AdminPinScreen::on_text(char32_t c, FrameContext&) {
  if (no_pin_) return;
  if (c >= U'0' && c <= U'9' && digits_.size() < kMaxDigits) digits_ += static_cast<char>(c);
}

void AdminPinScreen::on_key(Key key, FrameContext& f) {
  if (key == Key::Backspace && !digits_.empty()) digits_.pop_back();
  else if (key == Key::Enter) submit(f);
  else if (key == Key::Escape) f.nav.home();
}

void AdminPinScreen::submit(FrameContext& f) {
  if (no_pin_) return;
  const std::string pin = std::exchange(digits_, "");
  message_is_error_ = true;
  switch (step()) {
    case Step::Choose:
      if (const std::string problem = security::pin_problem(pin); !problem.empty()) {
        message_ = f.say(Str::PinTooShort, {problem});
        return;
      }
      first_choice_ = pin;
      message_ = f.say(Str::PinTypeAgain);
      message_is_error_ = false;
      return;
    case Step::Confirm:
      if (pin != first_choice_) {
        first_choice_.clear();
        message_ = f.say(Str::PinsDiffer);
        return;
      }
      if (auto s = f.admin.pin().set_pin(pin); !s) {
        message_ = f.say(Str::PinNotSaved, {s.error().message});
        return;
      }
      f.admin.unlock();
      f.nav.go(RouteKey::AdminMenu);
      return;
    case Step::Enter: {
      const auto check = f.admin.pin().check(pin, f.admin.lock_clock());
      if (check.outcome == security::PinLock::Outcome::Accepted) {
        f.admin.unlock();
        f.nav.go(RouteKey::AdminMenu);
        return;
      }
      if (check.locked_seconds > 0) {
        lock_ends_at_ = f.now + static_cast<double>(check.locked_seconds);
        message_ = lock_message(check.locked_seconds, f.lang);
      } else {
        const int left = security::kFreeFailures - check.failures;
        message_ = f.say(Str::PinWrong, {std::to_string(left)});
      }
      return;
    }
  }
}

void AdminPinScreen::draw(FrameContext& f, const ImRect& area) {
  const Step now_step = step();
  if (!lock_read_) {  // a lock from before (another screen, a restart) counts
    lock_read_ = true;
    lock_ends_at_ = f.now + static_cast<double>(f.admin.pin().locked_for(f.admin.lock_clock()));
  }
  const bool locked = now_step == Step::Enter && lock_ends_at_ > f.now;
  if (locked) {
    message_ = lock_message(static_cast<int64_t>(std::ceil(lock_ends_at_ - f.now)), f.lang);
    message_is_error_ = true;
  } else if (lock_ends_at_ != 0) {
    lock_ends_at_ = 0;  // the lock just ended
    message_.clear();
  }

  const float w = std::min(area.GetWidth() - f.px(64), f.px(620));
  const float x0 = area.GetCenter().x - w * 0.5f;
  float y = area.Min.y + f.px(28);
  if (no_pin_) {
    draw_text(f, ImVec2(x0, y), f.say(Str::PinNotSet), f.style(30, text::Weight::Bold, 1.4f), w, f.colors().heading,
              text::Align::Center);
    return;
  }
  const std::string prompt = f.say(now_step == Step::Enter    ? Str::PinEnter
                                  : now_step == Step::Choose ? Str::PinChoose
                                                             : Str::PinConfirm);
  y += draw_text(f, ImVec2(x0, y), prompt, f.style(34, text::Weight::Bold, 1.35f), w, f.colors().heading, text::Align::Center);
  // The digits as dots: a PIN is never shown.
  const float dot = f.px(14), gap = f.px(40);
  const float dots_w = static_cast<float>(std::max<size_t>(digits_.size(), 1)) * gap;
  for (size_t i = 0; i < digits_.size(); ++i) {
    f.draw_list->AddCircleFilled(ImVec2(area.GetCenter().x - dots_w * 0.5f + gap * (static_cast<float>(i) + 0.5f), y + f.px(34)),
                                 dot, f.colors().text);
  }
  f.draw_list->AddLine(ImVec2(x0, y + f.px(64)), ImVec2(x0 + w, y + f.px(64)), f.colors().card_border, f.px(3));
  y += f.px(80);
  const float message_h = f.px(90);
  if (!message_.empty()) {
    draw_text(f, ImVec2(x0, y), message_, f.style(26, text::Weight::Regular, 1.35f), w,
              message_is_error_ ? f.colors().behind : f.colors().text, text::Align::Center);
  }
  y += message_h;
  // The pad: large keys, 3 x 4.
  const float key_gap = f.px(18);
  const float key_h = std::min(f.px(120), (area.Max.y - y - f.px(24) - 3 * key_gap) / 4);
  const float key_w = (w - 2 * key_gap) / 3;
  for (int i = 0; i < 12; ++i) {
    const float kx = x0 + static_cast<float>(i % 3) * (key_w + key_gap);
    const float ky = y + static_cast<float>(i / 3) * (key_h + key_gap);
    const ImRect r(kx, ky, kx + key_w, ky + key_h);
    keys_[i] = r.GetCenter();
    const bool is_ok = i == 11;
    ButtonStyle style = is_ok ? primary_button(f) : quiet_button(f);
    style.kind = ItemKind::Key;
    if (!button(f, r, key_label(i, f.lang), style) || locked) continue;
    if (i == 9) on_key(Key::Backspace, f);
    else if (is_ok) submit(f);
    else on_text(static_cast<char32_t>(key_label(i, f.lang)[0]), f);
  }
}

ImVec2 AdminPinScreen::key_center(char32_t c) const {
  if (c >= U'1' && c <= U'9') return keys_[c - U'1'];
  if (c == U'0') return keys_[10];
  if (c == U'\n') return keys_[11];
  return ImVec2(-1, -1);
}

}  // namespace khlang::kiosk

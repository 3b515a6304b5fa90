#include "ui/onscreen_keyboard.h"

#include "text/utf8.h"
#include "theme.h"
#include "ui/widgets.h"

namespace khlang::kiosk {
namespace {

// Kedmanee (TIS 820-2538, the standard Thai typewriter layout), unshifted and shifted, row by row.
const char* const kThai[2][4] = {
    {"_ๅ/-ภถุึคตจขช", "ๆไำพะัีรนยบลฃ", "ฟหกดเ้่าสวง", "ผปแอิืทมใฝ"},
    {"%+๑๒๓๔ู฿๕๖๗๘๙", "๐\"ฎฑธํ๊ณฯญฐ,ฅ", "ฤฆฏโฌ็๋ษศซ.", "()ฉฮฺ์?ฒฬฦ"},
};
const char* const kLatin[2][4] = {
    {"1234567890-", "qwertyuiop", "asdfghjkl", "zxcvbnm,."},
    {"!@#$%^&*()_", "QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM?/"},
};

}  // namespace

ImVec2 OnscreenKeyboard::key_center(char32_t c) const {
  for (const Placed& p : placed_) {
    if (p.c == c) return p.rect.GetCenter();
  }
  return ImVec2(-1, -1);
}

namespace {
constexpr int kRows = 5;
constexpr int kColumns = 13;  // the longest row (Kedmanee's first)
float key_gap(const FrameContext& f) { return f.px(10); }
}  // namespace

float OnscreenKeyboard::min_height(const FrameContext& f) {
  return kRows * f.min_target_px() + (kRows + 1) * key_gap(f);
}

float OnscreenKeyboard::min_width(const FrameContext& f) {
  return kColumns * f.min_target_px() + (kColumns + 1) * key_gap(f);
}

OnscreenKeyboard::Result OnscreenKeyboard::draw(FrameContext& f, const ImRect& area) {
  Result result;
  placed_.clear();
  fill(f, area, f.colors().keyboard);
  const float gap = key_gap(f);
  const float row_h = (area.GetHeight() - gap * (kRows + 1)) / kRows;
  const char* const* rows = thai_ ? kThai[shift_ ? 1 : 0] : kLatin[shift_ ? 1 : 0];
  const float key_w = (area.GetWidth() - gap * (kColumns + 1)) / kColumns;
  ButtonStyle key = quiet_button(f);
  key.fill = f.colors().card;
  key.font_px = 40;
  key.bold = false;
  key.kind = ItemKind::Key;
  for (int r = 0; r < 4; ++r) {
    const std::u32string chars = text::decode_utf8(rows[r]);
    const float row_w = static_cast<float>(chars.size()) * (key_w + gap) - gap;
    float x = area.Min.x + (area.GetWidth() - row_w) * 0.5f;
    const float y = area.Min.y + gap + static_cast<float>(r) * (row_h + gap);
    for (char32_t c : chars) {
      const ImRect rect(x, y, x + key_w, y + row_h);
      // Marks are shown on a dotted circle so they can be seen and told apart.
      const bool mark = (c >= 0x0E31 && c <= 0x0E3A && c != 0x0E32 && c != 0x0E33) || (c >= 0x0E47 && c <= 0x0E4E);
      std::string label = mark ? "\u25CC" : "";
      text::append_utf8(label, c);
      placed_.push_back({label, c, rect});
      if (button(f, rect, label, key)) result = {Action::Character, c};
      x += key_w + gap;
    }
  }
  // The bottom row: shift, language, space, backspace, hide, enter.
  const float y = area.Min.y + gap + 4 * (row_h + gap);
  const float wide = key_w * 2 + gap;
  float x = area.Min.x + gap;
  // The layer key names the alphabet it brings by its first letters, as a phone's keyboard does:
  // "ABC" and "กขค" read the same in either interface language, so they are not UI strings.
  const std::string_view layer_label = thai_ ? "ABC" : "กขค";
  // The function keys' labels at the largest size (32 design px down to 24) at which every one
  // fits its key on one line: "Delete" must not break into "Delet|e".
  const std::string_view labels[] = {f.t(Str::KeyDelete), f.t(Str::KeyHide), f.t(Str::KeySearch), f.t(Str::KeyShift),
                                     layer_label};
  float label_px = 32;
  for (; label_px > 24; label_px -= 2) {
    bool fits = true;
    for (std::string_view l : labels) fits = fits && f.text.layout(TextBlock{l, f.style(label_px, text::Weight::Bold)})->width <= wide - f.px(24);
    if (fits) break;
  }
  ButtonStyle control = primary_button(f);
  control.font_px = label_px;
  control.kind = ItemKind::Key;
  ButtonStyle quiet_control = key;
  quiet_control.font_px = label_px;
  // Shift in the interface's language; held, it takes the dark face of the other control keys.
  if (button(f, ImRect(x, y, x + wide, y + row_h), f.t(Str::KeyShift), shift_ ? control : quiet_control)) shift_ = !shift_;
  placed_.push_back({"shift", kShiftKey, ImRect(x, y, x + wide, y + row_h)});
  x += wide + gap;
  placed_.push_back({"language", kLanguageKey, ImRect(x, y, x + wide, y + row_h)});
  if (button(f, ImRect(x, y, x + wide, y + row_h), layer_label, control)) {
    thai_ = !thai_;
    shift_ = false;
  }
  x += wide + gap;
  const float space_w = area.Max.x - gap - x - 3 * (wide + gap);
  if (button(f, ImRect(x, y, x + space_w, y + row_h), f.t(Str::KeySpace), quiet_control)) result = {Action::Character, U' '};
  placed_.push_back({" ", U' ', ImRect(x, y, x + space_w, y + row_h)});
  x += space_w + gap;
  if (button(f, ImRect(x, y, x + wide, y + row_h), f.t(Str::KeyDelete), control)) result = {Action::Backspace, 0};
  x += wide + gap;
  if (button(f, ImRect(x, y, x + wide, y + row_h), f.t(Str::KeyHide), quiet_control)) result = {Action::Hide, 0};
  x += wide + gap;
  if (button(f, ImRect(x, y, x + wide, y + row_h), f.t(Str::KeySearch), control)) result = {Action::Enter, 0};
  if (result.action == Action::Character && shift_ && result.character != U' ') shift_ = false;  // one shifted key
  return result;
}

}  // namespace khlang::kiosk

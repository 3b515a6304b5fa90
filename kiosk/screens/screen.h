// [SECTION] What every screen gets each frame, and what every screen implements.
#pragma once

#include <imgui.h>
#include <imgui_internal.h>

#include <cstdint>
#include <string>

#include "i18n/strings.h"
#include "render/item_recorder.h"
#include "render/text_renderer.h"
#include "store/settings.h"
#include "theme.h"
#include "sqlite/database.h"
#include "ui/touch_input.h"
#include "ui_scale.h"

namespace khlang::stats {
class UsageRecorder;
}

namespace khlang::kiosk {

class Navigator;
class ImageCache;
class AdminSession;
struct FleetStatus;

// What the visitor chose, kept until the idle reset.
struct UiState {
  Lang lang = Lang::Th;
  bool high_contrast = false;  // the high-contrast palette (theme.h); its default is the setting
  int text_size = 0;  // index into kTextScales: A, A+, A++
  // Text sizes grow text only, not the layout: boxes stay where they are and the text fits in
  // them (ui/widgets.h), so home keeps its tiles and announcements at every step.
  static constexpr int kTextSizes = 3;
  static constexpr float kTextScales[kTextSizes] = {1.0f, 1.25f, 1.5f};
};

// Keys a screen may act on (a presenter clicker sends PageDown/PageUp; a keyboard the rest).
enum class Key { Next, Previous, Escape, Home, Backspace, Enter, Other };

struct FrameContext {
  ImDrawList* draw_list;
  ImVec2 size;             // window size in pixels
  UiScale scale;           // lengths: the window's short side against 1080 px
  float text_scale = 1;    // the visitor's text size (UiState::kTextScales)
  TextRenderer& text;
  TouchInput& touch;
  Navigator& nav;
  sqlite::Database& db;     // the UI's read connection
  const store::KioskSettings& settings;
  ImageCache& images;
  AdminSession& admin;
  stats::UsageRecorder& usage;
  UiState& ui;
  Lang lang;
  double now;              // monotonic seconds
  double dt;               // seconds since the previous frame (capped)
  int64_t wall_utc;        // the wall clock (or the bundle's time if the clock is behind it)
  bool portrait;           // taller than wide: cards instead of tables
  bool animating = false;  // set by a screen that needs another frame soon
  ItemRecorder* items = nullptr;  // a test frame: what is drawn is recorded (widgets.h)
  const FleetStatus* fleet = nullptr;  // the fleet's unattended import and outbox (admin mode's status)
  bool records_visits = true;     // usage statistics are kept (not outside the opening hours)
  const theme::Palette* palette = &theme::kStandard;  // this frame's colours (UiState::high_contrast)

  float px(float design) const { return scale.px(design); }
  // Text at a design size, grown by the visitor's text size.
  text::TextStyle style(float design_px, text::Weight weight = text::Weight::Regular, float line_height = 1.5f) const {
    return {scale.px(design_px) * text_scale, weight, line_height};
  }
  // The smallest text drawn, whatever the text size: the fitting rule's floor (ui/widgets.h).
  float min_text_px() const { return scale.px(kMinTextDesignPx); }
  static constexpr float kMinTextDesignPx = 24;
  // The smallest a target a finger taps may be, across and down: 64 px (a finger does not shrink
  // with the screen), more on a screen larger than 1080 px.
  float min_target_px() const { return 64.0f * std::max(1.0f, scale.factor); }
  std::string_view t(Str key) const { return tr(key, lang); }
  // `key` with its placeholders filled in, in this frame's language.
  std::string say(Str key, std::initializer_list<std::string_view> args = {}) const { return kiosk::say(key, lang, args); }
  // Every colour drawn comes from here (theme.h).
  const theme::Palette& colors() const { return *palette; }
};

class Screen {
 public:
  virtual ~Screen() = default;
  // The title in the top bar.
  virtual std::string title(const FrameContext& f) const = 0;
  // Draws the screen into `area` (below the top bar, or the whole window when full_screen()).
  virtual void draw(FrameContext& f, const ImRect& area) = 0;
  // Meeting mode and the attract loop take the whole screen, without back and home controls.
  virtual bool full_screen() const { return false; }
  virtual void on_key(Key, FrameContext&) {}
  // A character typed on a physical keyboard (the on-screen one is the screen's own).
  virtual void on_text(char32_t, FrameContext&) {}
  // Where the on-screen key that types `c` is, for scripts that tap keys (-1,-1: none).
  virtual ImVec2 key_center(char32_t) const { return ImVec2(-1, -1); }
  // Whether what the screen shows includes sample data (the demo's invented figures, notices,
  // people): the kiosk then marks it under the top bar. Full-screen screens mark it themselves
  // (ui/widgets.h: sample_badge).
  virtual bool shows_sample_data() const { return false; }
  // Seconds until the screen wants a frame without input (a timer), or a negative number.
  virtual double next_timer(double /*now*/, int64_t /*wall_utc*/) const { return -1; }
  // How far the content is scrolled, and which page of a paged screen is up (scripts check them).
  virtual float scroll_offset() const { return 0; }
  virtual int page() const { return 0; }
  // Work off the UI thread whose answer will change what the screen shows (a search): a script's
  // check and a screenshot wait for it, as they wait for images.
  virtual bool busy() const { return false; }
};

}  // namespace khlang::kiosk

// [SECTION] The kiosk application: window, ImGui, the text renderer, the screens and the rules
// of a public kiosk (idle reset and attract loop, no way out by keyboard), and the three ways to
// run them: the event-driven loop, one off-screen frame for --screenshot, or a --script.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "admin/admin_session.h"
#include "kiosk_options.h"
#include "navigator.h"
#include "platform/window.h"
#include "render/image_cache.h"
#include "render/offscreen_target.h"
#include "render/text_renderer.h"
#include "screens/screen.h"
#include "stats/usage_recorder.h"
#include "sqlite/database.h"
#include "text/text_engine.h"
#include "ui/touch_input.h"

namespace khlang::kiosk {

class App {
 public:
  static Expected<std::unique_ptr<App>> create(const KioskOptions& options);
  ~App();

  // Runs until the process is told to stop (SIGTERM/SIGINT). Draws only when something happened
  // or a timer is due: a kiosk idles for hours and must not spend a core on a still screen.
  int run();
  // Renders the start screen off-screen at `size` and writes it to `path`.
  Status screenshot(const std::string& path, const std::string& text_dump);
  // Replays a script off-screen; with `bench`, prints frame CPU times.
  Status run_script(const std::string& path, bool bench);

  // Input, from GLFW callbacks or a script.
  void on_press(float x, float y);
  void on_move(float x, float y);
  void on_release(float x, float y);
  void on_wheel(float steps);
  void on_key(Key key);
  void on_text(char32_t c);

 private:
  App(Window window, std::unique_ptr<text::TextEngine> engine, sqlite::Database db, const std::string& db_path,
      const KioskOptions& options);
  // Builds one frame of `size` (ImGui draw data ready); returns whether it must be built again
  // because the glyph atlas changed under it.
  bool build_frame(ImVec2 size);
  // Builds frames until one is stable (the atlas did not change under it).
  void build_stable_frame(ImVec2 size);
  // Builds until stable, then renders into the bound framebuffer.
  void render_frame(ImVec2 size);
  void draw_chrome(FrameContext& f, const ImRect& bar);
  void check_idle();
  // Settings the admin can change (idle timeout, default language, meeting interval).
  void apply_settings();
  // Usage statistics and admin mode's rules when the route changes; content reload after an import.
  void on_route_change(const std::string& from);
  void begin_view();  // the screen now shown starts its view (statistics)
  void after_admin_jobs();
  double idle_limit() const;
  bool in_admin() const;
  double monotonic() const;
  int64_t wall_utc() const;
  double seconds_until_next_event() const;
  Status write_screenshot(const std::string& path, ImVec2 size);

  Window window_;
  std::unique_ptr<text::TextEngine> engine_;
  sqlite::Database db_;  // the UI's read connection (WAL: never blocked by an import)
  std::unique_ptr<TextRenderer> text_;
  std::unique_ptr<ImageCache> images_;
  TouchInput touch_;
  Navigator nav_;
  UiState ui_;
  Lang default_lang_ = Lang::Th;
  std::string forced_lang_;  // --lang: wins over the setting
  std::vector<Key> keys_;  // keys of this frame
  std::u32string text_input_;  // characters typed this frame
  ImVec2 size_{1920, 1080};
  std::unique_ptr<OffscreenTarget> target_;  // screenshots and scripts
  // Time: a script runs on its own clock; advance-clock moves the wall clock.
  bool scripted_ = false;
  double script_time_ = 0;
  int64_t clock_offset_ = 0;
  double last_frame_ = 0, last_input_ = 0;
  double idle_timeout_ = 90;
  int64_t content_created_ = 0;  // the bundle's time: announcement windows never go before it
  std::unique_ptr<stats::UsageRecorder> usage_;
  std::unique_ptr<AdminSession> admin_;
  bool admin_screens_open_ = false;  // --screenshot of an admin screen: shown without the PIN
  int settings_generation_ = 0, content_generation_ = 0;
  bool content_stale_ = false;       // an import or rollback happened: visitor screens reload
  // What the visitor is looking at, since when (dwell time), and the session and meeting spans.
  std::string viewed_route_;
  double viewed_since_ = 0, session_start_ = -1, session_last_input_ = 0, meeting_since_ = -1;
  std::vector<double> frame_ms_;  // CPU time of each built frame (--bench)
  bool animating_ = false;        // the last frame asked for another
};

}  // namespace khlang::kiosk

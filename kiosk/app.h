// [SECTION] The kiosk application: the window, Dear ImGui and the frame loop around the Kiosk
// (kiosk.h), and the off-screen target for --screenshot and scripts. Three ways to run: the
// event-driven loop, one off-screen frame for --screenshot, or a --script (script/).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "kiosk.h"
#include "kiosk_options.h"
#include "platform/watchdog.h"
#include "platform/window.h"
#include "platform/window_input.h"
#include "render/offscreen_target.h"

namespace khlang::kiosk {

// Exit statuses of the event loop (README, man khlang-kiosk, the unit's RestartPreventExitStatus=).
inline constexpr int kExitStopped = 0;       // told to stop (SIGTERM, SIGINT)
inline constexpr int kExitMaintenance = 75;  // admin mode's "leave the kiosk": not restarted by the unit

class App {
 public:
  static Expected<std::unique_ptr<App>> create(const KioskOptions& options);
  ~App();

  // Runs until the process is told to stop (SIGTERM/SIGINT: kExitStopped) or admin mode leaves
  // the kiosk (kExitMaintenance). Draws only when something happened or a timer is due: a kiosk
  // idles for hours and must not spend a core on a still screen. Under systemd it says READY=1
  // once the window shows its content, pings the watchdog from the loop (so a hung frame stops
  // the pings and systemd restarts the kiosk) and says STOPPING=1 when it leaves.
  // A test hook: with KHLANG_TEST_HOOKS=1 in the environment, SIGUSR1 makes the next frame hang
  // for kTestStallSeconds (tests/kiosk/watchdog_stall.sh); it says when on stderr.
  int run();
  static constexpr double kTestStallSeconds = 5;
  // Renders the start screen off-screen and writes it to `path`; with `items_path`, also what
  // it drew (drawn_item.h).
  Status screenshot(const std::string& path, const std::string& items_path);

  // Off-screen (scripts): builds a stable frame at the kiosk clock's time and renders it into the
  // target, finished; returns whether something still moves.
  bool render_offscreen();
  Status write_screenshot(const std::string& path);
  Kiosk& kiosk() { return *kiosk_; }
  // CPU time of each frame built (ms): building it and its draw lists, not the texture upload
  // or the GPU's work.
  std::vector<double>& frame_times() { return frame_ms_; }

 private:
  App(Window window, ImVec2 size);
  // Builds one frame (ImGui draw data ready); false if it must be built again because the glyph
  // atlas changed under it.
  bool build_frame();
  // Builds frames until one is stable.
  void build_stable_frame();
  void render();

  Window window_;
  ImVec2 size_;
  std::unique_ptr<Kiosk> kiosk_;
  std::unique_ptr<WindowInput> input_;
  std::unique_ptr<OffscreenTarget> target_;  // screenshots and scripts
  std::vector<double> frame_ms_;
  Watchdog watchdog_ = Watchdog::from_environment();
  bool animating_ = false;  // the last frame asked for another
};

}  // namespace khlang::kiosk

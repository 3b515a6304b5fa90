// [SECTION] What a script needs of the kiosk: input, a clock it moves, frames, what a frame drew,
// screenshots, and the state its checks read. The kiosk's driver is kiosk_driver.h; tests of the
// script runner use one of their own.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "input_dispatch.h"
#include "render/drawn_item.h"
#include "util/error.h"

namespace khlang::kiosk {

// What the checks of a script look at.
struct ScriptView {
  std::string route;
  Lang lang = Lang::Th;
  bool high_contrast = false;  // the visitor's theme (UiState::high_contrast)
  int page = 0;
  float scroll_offset = 0;
  bool job_running = false;     // admin mode's worker
  bool quit_requested = false;  // admin mode's "leave the kiosk"
  // The fleet's unattended imports (fleet_agent.h): how many imported, refused or failed since
  // the start, the last one's result, and whether its work is not done yet (a job runs, or the
  // outbox owes a write after an import).
  int unattended_imports = 0;
  std::string last_unattended;
  bool fleet_busy = false;
};

class ScriptDriver {
 public:
  virtual ~ScriptDriver() = default;
  virtual InputDispatch& input() = 0;
  // The script's clock, in seconds; it moves only by advance().
  virtual double now() const = 0;
  virtual void advance(double seconds) = 0;
  // The wall clock (UTC seconds) the kiosk sees; a script may set it (it then moves with advance()).
  virtual int64_t wall_utc() const = 0;
  virtual void set_wall_utc(int64_t utc) = 0;
  // Builds and renders one frame at the current time; true while something moves.
  virtual bool frame() = 0;
  // Seconds until something is due without input.
  virtual double seconds_until_next_event() const = 0;
  // Builds one frame and returns what it drew.
  virtual std::vector<DrawnItem> drawn_items() = 0;
  virtual Status screenshot(const std::string& path) = 0;
  virtual ScriptView view() const = 0;
  // Where the on-screen key that types `c` is (x < 0: none on the screen).
  virtual ImVec2 key_center(char32_t c) const = 0;
  // CPU times of the frames built so far (ms); clear_frame_times() starts again.
  virtual std::vector<double> frame_times() const = 0;
  virtual void clear_frame_times() = 0;
};

}  // namespace khlang::kiosk

// [SECTION] The kiosk application: window, ImGui, the text renderer and the current screen, and
// the two ways to run them: the event-driven loop, or one off-screen frame for --screenshot.
#pragma once

#include <memory>

#include "kiosk_options.h"
#include "platform/window.h"
#include "render/text_renderer.h"
#include "screens/screen.h"
#include "store/sqlite.h"
#include "text/text_engine.h"

namespace khlang::kiosk {

class App {
 public:
  static Expected<std::unique_ptr<App>> create(const KioskOptions& options);
  ~App();

  // Runs until the window is closed. Draws only when something happened (input, resize,
  // expose): a kiosk idles for hours and must not spend a core on redrawing a still screen.
  int run();
  // Renders one frame off-screen at `size` and writes it to `path`.
  Status screenshot(const std::string& path, Size size, const std::string& text_dump);

 private:
  App(Window window, std::unique_ptr<text::TextEngine> engine, store::Database db);
  // Builds one ImGui frame of `size`; false when the glyph atlas changed under it (build again).
  bool build_frame(Size size);

  Window window_;
  std::unique_ptr<text::TextEngine> engine_;
  store::Database db_;  // the UI's read connection (WAL: never blocked by an import)
  std::unique_ptr<TextRenderer> text_;
  std::unique_ptr<Screen> screen_;
};

}  // namespace khlang::kiosk

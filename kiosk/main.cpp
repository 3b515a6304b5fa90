// khlang-kiosk: the touch kiosk of the information center.
#include <cstdio>

#include "app.h"
#include "kiosk_options.h"

int main(int argc, char** argv) {
  using namespace khlang::kiosk;
  auto options = parse_kiosk_options(argc, argv);
  if (!options) {
    std::fprintf(stderr, "khlang-kiosk: %s\n", options.error().message.c_str());
    return 2;
  }
  if (options->help) {
    std::fputs(kiosk_usage(), stdout);
    return 0;
  }
  auto app = App::create(options.value());
  if (!app) {
    std::fprintf(stderr, "khlang-kiosk: %s\n", app.error().message.c_str());
    return 1;
  }
  if (!options->script.empty()) {
    auto ran = app.value()->run_script(options->script, options->bench);
    if (!ran) {
      std::fprintf(stderr, "khlang-kiosk: %s\n", ran.error().message.c_str());
      return 1;
    }
    return 0;
  }
  if (!options->screenshot.empty()) {
    auto written = app.value()->screenshot(options->screenshot, options->text_dump);
    if (!written) {
      std::fprintf(stderr, "khlang-kiosk: %s\n", written.error().message.c_str());
      return 1;
    }
    return 0;
  }
  return app.value()->run();
}

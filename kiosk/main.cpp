// khlang-kiosk: the touch kiosk of the information center.
#include <cstdio>

#include "app.h"
#include "kiosk_options.h"
#include "routes.h"
#include "script/kiosk_driver.h"
#include "script/script_runner.h"

namespace {

int fail(const khlang::Error& error) {
  std::fprintf(stderr, "khlang-kiosk: %s\n", error.message.c_str());
  return 1;
}

}  // namespace

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
  if (options->version) {
    std::printf("khlang-kiosk %s\n", KHLANG_VERSION);
    return 0;
  }
  if (options->list_routes) {
    // No window: the route table, with example ids from the content.
    auto db = open_kiosk_database(options.value());
    if (!db) return fail(db.error());
    for (const std::string& line : list_routes(db->db)) std::printf("%s\n", line.c_str());
    return 0;
  }
  auto app = App::create(options.value());
  if (!app) return fail(app.error());
  if (!options->script.empty()) {
    KioskDriver driver(*app.value());
    if (auto ran = run_script(options->script, driver, options->bench); !ran) return fail(ran.error());
    // A script that leaves the kiosk ends as the kiosk would (the unit's tests rely on it).
    return app.value()->kiosk().quit_requested() ? kExitMaintenance : kExitStopped;
  }
  if (!options->screenshot.empty()) {
    if (auto written = app.value()->screenshot(options->screenshot, options->dump_items); !written) return fail(written.error());
    return 0;
  }
  std::fprintf(stderr, "khlang-kiosk %s: running\n", KHLANG_VERSION);
  return app.value()->run();
}

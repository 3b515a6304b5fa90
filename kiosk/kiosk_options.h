// [SECTION] The kiosk's command line.
#pragma once

#include <string>
#include <vector>

#include "util/error.h"

namespace khlang::kiosk {

struct Size {
  int width = 0, height = 0;
};

struct KioskOptions {
  bool windowed = false;     // --windowed WxH: a normal window instead of full screen
  Size window_size{1280, 800};
  std::string screenshot;    // --screenshot FILE.png: render off-screen, write, exit
  Size screenshot_size{1920, 1080};
  std::string dump_items;    // --dump-items FILE: what the screenshot drew (render/drawn_item.h)
  std::string db;            // --db FILE: the content database (default: XDG data directory)
  std::string screen = "home";  // --screen NAME: the route shown at start (screenshots)
  std::string lang;             // --lang th|en (empty: the default_language setting)
  int text_size = 0;            // --text-size 0|1|2: the visitor's text size at start (A, A+, A++)
  bool high_contrast = false;   // --high-contrast: the visitor's theme at start (the idle reset: the setting's)
  std::vector<std::string> inbox_folders;  // --inbox DIR: watched like a USB stick
  std::string outbox;           // --outbox DIR: the fleet's outbox (wins over the setting outbox_folder)
  std::string script;           // --script FILE: replay input, then exit
  bool bench = false;           // --bench: frame CPU times of the script's frames
  bool list_routes = false;     // --list-routes: print the routes (with example ids) and exit
  bool help = false;
  bool version = false;      // --version: print the version and exit
};

Expected<KioskOptions> parse_kiosk_options(int argc, char** argv);
const char* kiosk_usage();

}  // namespace khlang::kiosk

#include "kiosk_options.h"

#include <charconv>
#include <cstring>

namespace khlang::kiosk {
namespace {

Expected<Size> parse_size(const std::string& option, const std::string& text) {
  Size s;
  const char* p = text.data();
  const char* end = p + text.size();
  auto r1 = std::from_chars(p, end, s.width);
  if (r1.ec == std::errc() && r1.ptr < end && (*r1.ptr == 'x' || *r1.ptr == 'X')) {
    auto r2 = std::from_chars(r1.ptr + 1, end, s.height);
    if (r2.ec == std::errc() && r2.ptr == end && s.width >= 320 && s.height >= 240 && s.width <= 8192 &&
        s.height <= 8192) {
      return s;
    }
  }
  return Error{option + " takes WIDTHxHEIGHT in pixels, 320x240 to 8192x8192 (e.g. 1920x1080), not '" + text + "'"};
}

}  // namespace

const char* kiosk_usage() {
  return "usage: khlang-kiosk [--db FILE] [--windowed WxH] [--lang th|en] [--inbox DIR]... [--outbox DIR]\n"
         "       khlang-kiosk --screenshot FILE.png [--screen NAME] [--size WxH] [--lang th|en] [--text-size N]\n"
         "                        [--high-contrast]\n"
         "       khlang-kiosk --script FILE [--bench] [--size WxH]\n"
         "       khlang-kiosk --list-routes [--db FILE]\n\n"
         "Khlang's touch kiosk. Without options it opens full screen.\n\n"
         "  --db FILE             the content database (default ~/.local/share/khlang/kiosk.db);\n"
         "                        an empty one is filled from the built-in demo bundle\n"
         "  --windowed WxH        run in a window of that size instead of full screen\n"
         "  --screenshot FILE.png render the screen off-screen to FILE.png and exit\n"
         "                        (works without a display under xvfb-run)\n"
         "  --size WxH            screenshot and script size (default 1920x1080)\n"
         "  --screen ROUTE        the screen shown at start: home, article:<id>, admin-menu...\n"
         "                        (--list-routes lists them)\n"
         "  --lang th|en          the interface language (default: the setting, else th)\n"
         "  --text-size 0|1|2     the visitor's text size at start: A, A+ or A++ (the largest)\n"
         "  --high-contrast       the visitor's theme at start: high contrast (the idle reset\n"
         "                        brings back the setting high_contrast's)\n"
         "  --inbox DIR           a folder watched like a USB stick for bundles and keys\n"
         "                        (repeatable; also the setting inbox_folders, ':'-separated);\n"
         "                        with the setting auto_import = 1, new bundles there are\n"
         "                        imported unattended at a quiet moment (docs/fleet.md)\n"
         "  --outbox DIR          the fleet's outbox: the health record and statistics are written\n"
         "                        there every 5 minutes and after each unattended import (also\n"
         "                        the setting outbox_folder)\n"
         "  --script FILE         replay input off-screen: tap X Y, tap-item LABEL, tap-text TEXT,\n"
         "                        hold X Y S, hold-item LABEL S, drag X1 Y1 X2 Y2 MS, key NAME,\n"
         "                        type TEXT, wait MS, wait-job, screenshot FILE, advance-clock S,\n"
         "                        run-clock S, wait-import SECONDS [RESULT], expect-imports N,\n"
         "                        expect-screen ROUTE, expect-item LABEL, expect-text TEXT, ...\n"
         "                        (README: Scripts)\n"
         "  --bench               with --script: print frame CPU time (p50, p99, max)\n"
         "  --dump-items FILE     with --screenshot: write what was drawn (text, buttons, tiles,\n"
         "                        cards, keys: box, clip, label, style, colours, tappable)\n"
         "  --list-routes         print every route (with example ids from the content), its kind\n"
         "                        and whether it counts as a view; then exit\n"
         "  --version             show the version\n"
         "  --help                show this help\n\n"
         "Exit status: 0 when told to stop (SIGTERM), 75 when admin mode's \"leave the kiosk\" ended it\n"
         "for maintenance (khlang-kiosk.service does not restart it), 1 when it cannot start (the\n"
         "message says why), 2 for a wrong command line.\n";
}

Expected<KioskOptions> parse_kiosk_options(int argc, char** argv) {
  KioskOptions o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> Expected<std::string> {
      if (i + 1 >= argc) return Error{a + " needs a value (see khlang-kiosk --help)"};
      return std::string(argv[++i]);
    };
    if (a == "--help" || a == "-h") {
      o.help = true;
    } else if (a == "--version") {
      o.version = true;
    } else if (a == "--windowed" || a == "--size") {
      auto v = value();
      if (!v) return v.error();
      auto s = parse_size(a, v.value());
      if (!s) return s.error();
      if (a == "--windowed") {
        o.windowed = true;
        o.window_size = s.value();
      } else {
        o.screenshot_size = s.value();
      }
    } else if (a == "--screenshot" || a == "--dump-items" || a == "--db" || a == "--screen" || a == "--lang" ||
                a == "--script" || a == "--inbox" || a == "--outbox" || a == "--text-size") {
      auto v = value();
      if (!v) return v.error();
      if (a == "--screenshot") o.screenshot = v.value();
      else if (a == "--dump-items") o.dump_items = v.value();
      else if (a == "--db") o.db = v.value();
      else if (a == "--screen") o.screen = v.value();
      else if (a == "--script") o.script = v.value();
      else if (a == "--inbox") o.inbox_folders.push_back(v.value());
      else if (a == "--outbox") o.outbox = v.value();
      else if (a == "--text-size") {
        const std::string& n = v.value();
        if (n.size() != 1 || n[0] < '0' || n[0] > '2') return Error{"--text-size takes 0, 1 or 2 (A, A+, A++), not '" + n + "'"};
        o.text_size = n[0] - '0';
      }
      else o.lang = v.value();
    } else if (a == "--high-contrast") {
      o.high_contrast = true;
    } else if (a == "--bench") {
      o.bench = true;
    } else if (a == "--list-routes") {
      o.list_routes = true;
    } else {
      return Error{"unknown option '" + a + "' (see khlang-kiosk --help)"};
    }
  }
  if (!o.dump_items.empty() && o.screenshot.empty()) return Error{"--dump-items goes with --screenshot"};
  if (!o.lang.empty() && o.lang != "th" && o.lang != "en") return Error{"--lang takes th or en, not '" + o.lang + "'"};
  if (o.bench && o.script.empty()) return Error{"--bench goes with --script"};
  return o;
}

}  // namespace khlang::kiosk

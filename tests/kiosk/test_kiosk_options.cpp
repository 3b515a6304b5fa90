// The kiosk's command line: every option, and a clear error for each mistake.
#include <doctest/doctest.h>

#include <vector>

#include "kiosk_options.h"

using namespace khlang;
using namespace khlang::kiosk;

namespace {
Expected<KioskOptions> parse(std::vector<std::string> args) {
  args.insert(args.begin(), "khlang-kiosk");
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  return parse_kiosk_options(static_cast<int>(argv.size()), argv.data());
}
std::string error_of(std::vector<std::string> args) {
  auto o = parse(std::move(args));
  return o ? std::string("(no error)") : o.error().message;
}
}  // namespace

TEST_CASE("options: none means full screen on home") {
  auto o = parse({});
  REQUIRE(o.ok());
  CHECK_FALSE(o->windowed);
  CHECK(o->screen == "home");
  CHECK(o->script.empty());
  CHECK(o->screenshot_size.width == 1920);
}

TEST_CASE("options: each option lands in its field") {
  auto o = parse({"--db", "/tmp/k.db", "--windowed", "1280x800", "--lang", "en", "--inbox", "/a", "--inbox", "/b",
                  "--outbox", "/o", "--screenshot", "x.png", "--size", "1080x1920", "--screen", "article:x", "--dump-items", "x.tsv"});
  REQUIRE(o.ok());
  CHECK(o->db == "/tmp/k.db");
  CHECK(o->windowed);
  CHECK(o->window_size.width == 1280);
  CHECK(o->window_size.height == 800);
  CHECK(o->lang == "en");
  CHECK(o->inbox_folders == std::vector<std::string>{"/a", "/b"});
  CHECK(o->outbox == "/o");
  CHECK(o->screenshot == "x.png");
  CHECK(o->screenshot_size.height == 1920);
  CHECK(o->screen == "article:x");
  CHECK(o->dump_items == "x.tsv");
  auto s = parse({"--script", "s.script", "--bench"});
  REQUIRE(s.ok());
  CHECK(s->bench);
  CHECK(parse({"--list-routes"})->list_routes);
  CHECK(parse({"-h"})->help);
}

TEST_CASE("options: mistakes are named, with what would be right") {
  CHECK(error_of({"--size", "1920"}).find("WIDTHxHEIGHT") != std::string::npos);
  CHECK(error_of({"--size", "100x100"}).find("320x240 to 8192x8192") != std::string::npos);
  CHECK(error_of({"--windowed", "1920x1080x2"}).find("not '1920x1080x2'") != std::string::npos);
  CHECK(error_of({"--db"}) == "--db needs a value (see khlang-kiosk --help)");
  CHECK(error_of({"--lang", "fr"}) == "--lang takes th or en, not 'fr'");
  CHECK(error_of({"--bench"}) == "--bench goes with --script");
  CHECK(error_of({"--dump-items", "x"}) == "--dump-items goes with --screenshot");
  CHECK(error_of({"--frobnicate"}) == "unknown option '--frobnicate' (see khlang-kiosk --help)");
}

TEST_CASE("options: the usage names every option") {
  const std::string usage = kiosk_usage();
  for (const char* option : {"--db", "--windowed", "--screenshot", "--size", "--screen", "--lang", "--inbox", "--outbox",
                             "--script", "--bench", "--dump-items", "--list-routes", "--help"}) {
    INFO(option);
    CHECK(usage.find(option) != std::string::npos);
  }
}

// pin set | pin reset: the kiosk's admin PIN, from the office (or a maintenance login on the
// kiosk), for a kiosk database.
//   pin set    a new PIN (Argon2id, as admin mode stores it), which also clears failures and locks;
//              read from the terminal without echo and typed twice, or one line of standard input.
//   pin reset  clears the failures and the lock, and keeps the PIN. A forgotten PIN is replaced
//              with 'pin set'.
// A kiosk without a PIN has no admin mode at all (the hold on home does nothing, so no visitor
// can choose it): 'pin set' is how it gets one.
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "commands.h"
#include "security/pin_lock.h"
#include "store/schema.h"

namespace khlang::admin {

const CommandSpec kPinSpec{
    "pin", "pin set --db DB | pin reset --db DB",
    "Sets the kiosk's admin PIN (read without echo, or from standard input), or clears its failures and lock "
    "(the PIN stays).",
    {{"--db", "DB", "the kiosk database"}}};

namespace {

// One line from standard input; on a terminal, `prompt` first and no echo.
Expected<std::string> read_pin(const char* prompt) {
  const bool terminal = ::isatty(STDIN_FILENO);
  termios saved{};
  if (terminal) {
    std::fprintf(stderr, "%s", prompt);
    std::fflush(stderr);
    if (tcgetattr(STDIN_FILENO, &saved) == 0) {
      termios quiet = saved;
      quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
      tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
  }
  std::string line;
  const bool got = static_cast<bool>(std::getline(std::cin, line));
  if (terminal) {
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    std::fprintf(stderr, "\n");
  }
  if (!got) return Error{"no PIN given (type it, or give it as one line on standard input)"};
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

}  // namespace

int run_pin(const Args& args) {
  const auto& words = args.positional();
  const auto db_path = args.get("--db");
  if (words.size() != 1 || !db_path || (words[0] != "set" && words[0] != "reset")) {
    return fail("pin", "usage: " + kPinSpec.usage);
  }
  auto db = store::open_kiosk_db(*db_path);
  if (!db) return fail("pin", db.error().message);
  security::PinLock lock(db.value());
  if (words[0] == "reset") {
    const int failures = lock.failures();
    const int64_t locked = lock.locked_for(security::system_lock_clock());
    if (auto s = lock.reset(); !s) return fail("pin", s.error().message);
    std::printf("cleared %d failures%s; the PIN %s\n", failures,
                locked > 0 ? (" and a lock of " + std::to_string(locked) + " s more").c_str() : "",
                lock.has_pin() ? "is unchanged" : "is not set yet (the kiosk has no admin mode until 'pin set')");
    return 0;
  }
  auto pin = read_pin("New admin PIN (at least 6 digits): ");
  if (!pin) return fail("pin", pin.error().message);
  if (const std::string problem = security::pin_problem(pin.value()); !problem.empty()) {
    return fail("pin", "the PIN needs " + problem + "; nothing changed");
  }
  if (::isatty(STDIN_FILENO)) {
    auto again = read_pin("The same PIN again: ");
    if (!again) return fail("pin", again.error().message);
    if (again.value() != pin.value()) return fail("pin", "the two PINs differ; nothing changed");
  }
  if (auto s = lock.set_pin(pin.value()); !s) return fail("pin", s.error().message);
  std::printf("admin PIN set for %s (failures and any lock cleared)\n", db_path->c_str());
  return 0;
}

}  // namespace khlang::admin

// Admin mode's changes as the kiosk sees them each frame, and the scripted clock.
#include <doctest/doctest.h>

#include "content_reload.h"
#include "kiosk_clock.h"

using namespace khlang::kiosk;

TEST_CASE("content reload: settings apply at once, new content waits until admin mode is left, once") {
  ContentReload r;
  auto due = r.poll(0, 0, false);
  CHECK_FALSE(due.settings);
  CHECK_FALSE(due.content);
  due = r.poll(1, 0, true);
  CHECK(due.settings);
  due = r.poll(1, 1, true);  // an import finished while the admin is on its screen
  CHECK_FALSE(due.content);
  CHECK_FALSE(r.poll(1, 1, true).content);
  due = r.poll(1, 1, false);  // the admin left
  CHECK(due.content);
  CHECK_FALSE(due.settings);
  CHECK_FALSE(r.poll(1, 1, false).content);  // once
}

TEST_CASE("kiosk clock: a scripted clock moves only when told, the wall clock with it, never before its floor") {
  KioskClock clock(KioskClock::Kind::Scripted);
  CHECK(clock.now() == 0);
  const int64_t wall = clock.wall_utc();
  clock.advance(3600);
  CHECK(clock.now() == 3600);
  CHECK(clock.wall_utc() >= wall + 3600);
  clock.set_floor(wall + 1'000'000);
  CHECK(clock.wall_utc() == wall + 1'000'000);
  KioskClock real(KioskClock::Kind::Real);
  const double before = real.now();
  real.advance(1000);  // a real clock is not moved by a script
  CHECK(real.now() - before < 10);
}

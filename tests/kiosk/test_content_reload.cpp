// Admin mode's changes as the kiosk sees them each frame, and the scripted clock.
#include <doctest/doctest.h>

#include "content_reload.h"
#include "kiosk_clock.h"

using namespace khlang::kiosk;

TEST_CASE("content reload: settings apply at once, new content waits until admin mode is left, once") {
  using P = ContentReload::Present;
  ContentReload r;
  auto due = r.poll(0, 0, P{});
  CHECK_FALSE(due.settings);
  CHECK_FALSE(due.content);
  due = r.poll(1, 0, P{true, false});
  CHECK(due.settings);
  due = r.poll(1, 1, P{true, false});  // an import finished while the admin is on its screen
  CHECK_FALSE(due.content);
  CHECK_FALSE(r.poll(1, 1, P{true, false}).content);
  due = r.poll(1, 1, P{false, true});  // the admin left (a session open before admin mode goes on)
  CHECK(due.content);
  CHECK_FALSE(due.settings);
  CHECK_FALSE(r.poll(1, 1, P{}).content);  // once
}

TEST_CASE("content reload: an unattended import is shown only once no visitor, meeting or admin is there") {
  using P = ContentReload::Present;
  ContentReload r;
  r.unattended_import();
  CHECK_FALSE(r.poll(0, 0, P{false, true}).content);  // a visitor reads: their screens stay
  CHECK_FALSE(r.poll(0, 0, P{true, false}).content);  // admin mode
  CHECK_FALSE(r.poll(0, 0, P{false, true}).content);
  CHECK(r.poll(0, 0, P{}).content);  // the session ended
  CHECK_FALSE(r.poll(0, 0, P{}).content);  // once
  // Both kinds pending: one reload, as soon as the less strict is due.
  r.unattended_import();
  CHECK(r.poll(0, 1, P{false, true}).content);
  CHECK_FALSE(r.poll(0, 1, P{}).content);
}

TEST_CASE("kiosk clock: a scripted clock moves only when told, the wall clock with it, never before its floor") {
  KioskClock clock(KioskClock::Kind::Scripted);
  CHECK(clock.now() == 0);
  const int64_t wall = clock.wall_utc();
  const double system = clock.system_wall();
  clock.advance(3600);
  CHECK(clock.now() == 3600);
  CHECK(clock.wall_utc() >= wall + 3600);
  CHECK(clock.system_wall() >= system + 3600);
  clock.set_floor(wall + 1'000'000);
  CHECK(clock.wall_utc() == wall + 1'000'000);
  CHECK(clock.system_wall() < wall + 10'000);  // file times are compared with the clock as it is
  KioskClock real(KioskClock::Kind::Real);
  const double before = real.now();
  real.advance(1000);  // a real clock is not moved by a script
  CHECK(real.now() - before < 10);
}

// When the kiosk does its fleet work (fleet_schedule.h), on a clock the test moves.
#include <doctest/doctest.h>

#include "fleet_schedule.h"

using namespace khlang::kiosk;

namespace {

FleetConfig fleet(bool auto_import = true, bool inbox = true, bool outbox = true) {
  FleetConfig c;
  c.auto_import = auto_import;
  c.inbox = inbox;
  c.outbox = outbox;
  return c;
}

FleetMoment at(double now, bool quiet, double until_quiet = 0) { return {now, quiet, quiet ? 0 : until_quiet, false, true}; }

// Runs what is due at `m` to its end at once; returns what ran.
FleetWork run(FleetSchedule& s, const FleetMoment& m, bool acted = false) {
  const FleetWork w = s.due(m);
  s.started(w, m.now);
  if (w == FleetWork::Import) s.import_finished(m.now, acted);
  if (w == FleetWork::Outbox) s.outbox_finished(m.now);
  return w;
}

}  // namespace

TEST_CASE("fleet schedule: off by default, the outbox alone is written at start and every 5 minutes") {
  FleetSchedule s;
  CHECK(s.due(at(0, true)) == FleetWork::None);
  CHECK(s.seconds_until_due(at(0, true)) == FleetSchedule::kNothingDue);
  s.configure(fleet(false, true, true));
  CHECK(run(s, at(0, true)) == FleetWork::Outbox);  // the start: the office hears the kiosk is up
  CHECK(s.due(at(10, true)) == FleetWork::None);   // auto_import off: no look at the inbox
  CHECK(s.seconds_until_due(at(10, true)) == doctest::Approx(290));
  CHECK(s.due(at(299, false)) == FleetWork::None);
  CHECK(run(s, at(300, false)) == FleetWork::Outbox);  // during a visit too: writing files interrupts no one
}

TEST_CASE("fleet schedule: the inbox is looked at only at quiet moments, every poll interval") {
  FleetSchedule s;
  s.configure(fleet(true, true, false));
  CHECK(s.due(at(0, false, 45)) == FleetWork::None);  // a visitor
  CHECK(s.seconds_until_due(at(0, false, 45)) == doctest::Approx(45));  // wakes when it turns quiet
  CHECK(run(s, at(45, true)) == FleetWork::Import);
  CHECK(s.due(at(50, true)) == FleetWork::None);
  CHECK(s.seconds_until_due(at(50, true)) == doctest::Approx(5));
  CHECK(run(s, at(55, true)) == FleetWork::Import);
  // Without an inbox, or with auto_import off, never.
  s.configure(fleet(true, false, false));
  CHECK(s.due(at(1000, true)) == FleetWork::None);
  s.configure(fleet(false, true, false));
  CHECK(s.due(at(1000, true)) == FleetWork::None);
  // Turned on again: it looks at once.
  s.configure(fleet(true, true, false));
  CHECK(s.due(at(1001, true)) == FleetWork::Import);
}

TEST_CASE("fleet schedule: never in admin mode, never while the worker runs a job") {
  FleetSchedule s;
  s.configure(fleet());
  FleetMoment admin = at(0, true);
  admin.in_admin = true;
  CHECK(s.due(admin) == FleetWork::None);
  CHECK(s.seconds_until_due(admin) == FleetSchedule::kNothingDue);
  FleetMoment busy = at(0, true);
  busy.worker_free = false;
  CHECK(s.due(busy) == FleetWork::None);
  CHECK(s.seconds_until_due(busy) == FleetSchedule::kNothingDue);  // the job's end wakes the app
  // One of ours at a time.
  CHECK(s.due(at(0, true)) == FleetWork::Import);
  s.started(FleetWork::Import, 0);
  CHECK(s.running() == FleetWork::Import);
  CHECK(s.due(at(1, true)) == FleetWork::None);
}

TEST_CASE("fleet schedule: an import that did something is told to the office at once, one that found nothing is not") {
  FleetSchedule s;
  s.configure(fleet());
  CHECK(run(s, at(0, true)) == FleetWork::Import);  // an import goes first
  CHECK(run(s, at(0, true)) == FleetWork::Outbox);  // then the first write
  CHECK(run(s, at(10, true), false) == FleetWork::Import);  // nothing new
  CHECK_FALSE(s.outbox_owed());
  CHECK(s.due(at(10, true)) == FleetWork::None);
  CHECK(run(s, at(20, true), true) == FleetWork::Import);  // imported (or refused, or failed)
  CHECK(s.outbox_owed());
  CHECK(s.seconds_until_due(at(20, true)) == 0);
  CHECK(run(s, at(20, true)) == FleetWork::Outbox);
  CHECK_FALSE(s.outbox_owed());
  CHECK(s.seconds_until_due(at(21, true)) == doctest::Approx(9));  // the next look
}

TEST_CASE("fleet schedule: a newly set outbox is written at once") {
  FleetSchedule s;
  s.configure(fleet(false, false, false));
  CHECK(s.due(at(0, true)) == FleetWork::None);
  s.configure(fleet(false, false, true));
  CHECK(run(s, at(5, true)) == FleetWork::Outbox);
  s.configure(fleet(false, false, true));  // the same settings again: no extra write
  CHECK(s.due(at(6, true)) == FleetWork::None);
}

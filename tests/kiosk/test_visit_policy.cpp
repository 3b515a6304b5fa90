// The visit policy with a fake clock: every transition of the state machine in visit_policy.h.
#include <doctest/doctest.h>

#include "visit_policy.h"

using namespace khlang::kiosk;

namespace {

// A visit policy on a clock the test moves.
struct Visit {
  VisitPolicy policy;
  double now = 1000;
  int64_t wall_base;  // the wall clock at now = 0
  explicit Visit(VisitConfig config = {}, int64_t wall_at_start = 1'700'001'000)
      : policy(config), wall_base(wall_at_start - 1000) {
    route("home");
  }

  Moment at() const { return {now, wall_base + static_cast<int64_t>(now)}; }
  VisitActions touch() { return policy.on_input(at(), InputSource::Touch); }
  VisitActions key() { return policy.on_input(at(), InputSource::Key); }
  VisitActions tick(bool unlocked = false) { return policy.on_tick(at(), unlocked); }
  VisitActions route(const std::string& path, RouteKind kind = RouteKind::Visitor) {
    const bool view = kind == RouteKind::Visitor || kind == RouteKind::Meeting;
    return policy.on_route(at(), {path, kind, view});
  }
  // Moves the clock, ticking as the app would when the timer is due, until `seconds` passed or
  // the policy sends the app elsewhere (the app would then show that route).
  VisitActions wait(double seconds, bool unlocked = false) {
    const double until = now + seconds;
    while (now < until) {
      now = std::min(until, now + std::max(0.01, policy.seconds_until_due(at())));
      VisitActions a = policy.on_tick(at(), unlocked);
      if (a.go != VisitActions::Go::Stay) return a;
    }
    return {};
  }
};

const VisitRecord* find(const VisitActions& a, VisitRecord::Kind kind) {
  for (const VisitRecord& r : a.records) {
    if (r.kind == kind) return &r;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("visit policy: a public screen waits for its first touch, which opens a session") {
  Visit v;
  CHECK(v.policy.state() == VisitState::Waiting);
  v.now += 5;
  CHECK(v.touch().go == VisitActions::Go::Stay);
  CHECK(v.policy.state() == VisitState::Visiting);
}

TEST_CASE("visit policy: no input for the idle time resets to attract and records the session") {
  Visit v;
  v.now += 10;
  v.touch();  // the session starts
  v.now += 20;
  v.touch();  // its last touch, 20 s later
  const VisitActions reset = v.wait(90);
  CHECK(reset.go == VisitActions::Go::Attract);
  CHECK(reset.reset_visitor);
  const VisitRecord* session = find(reset, VisitRecord::Kind::Session);
  REQUIRE(session != nullptr);
  CHECK(session->seconds == doctest::Approx(20));
  v.route("attract", RouteKind::Attract);
  CHECK(v.policy.state() == VisitState::Attract);
}

TEST_CASE("visit policy: without a visitor the reset records no session") {
  Visit v;
  const VisitActions reset = v.wait(90);
  CHECK(reset.go == VisitActions::Go::Attract);
  CHECK(find(reset, VisitRecord::Kind::Session) == nullptr);
}

TEST_CASE("visit policy: the touch that wakes the attract loop goes home, presses nothing, opens a session") {
  Visit v;
  v.route("attract", RouteKind::Attract);
  v.now += 3000;
  CHECK(v.tick().go == VisitActions::Go::Stay);  // the attract loop has no timeout
  CHECK(v.policy.seconds_until_due(v.at()) == VisitPolicy::kNothingDue);
  const VisitActions wake = v.touch();
  CHECK(wake.go == VisitActions::Go::Home);
  CHECK(wake.swallow_touch);
  v.route("home");
  CHECK(v.policy.state() == VisitState::Visiting);
}

TEST_CASE("visit policy: keys keep the kiosk awake but neither wake the attract loop nor open a session") {
  Visit v;
  v.now += 80;
  v.key();
  CHECK(v.wait(80).go == VisitActions::Go::Stay);  // 80 s after the key: not yet idle
  CHECK(v.policy.state() == VisitState::Waiting);
  CHECK(v.wait(10).go == VisitActions::Go::Attract);
  v.route("attract", RouteKind::Attract);
  CHECK(v.key().go == VisitActions::Go::Stay);
  CHECK(v.policy.state() == VisitState::Attract);
}

TEST_CASE("visit policy: \"Still there?\" comes warning_seconds before the reset, and a touch answers it") {
  VisitConfig config;
  config.warning_seconds = 12;
  Visit v(config);
  v.touch();
  CHECK(v.policy.seconds_until_due(v.at()) == doctest::Approx(78));
  v.wait(77.5);
  CHECK(v.policy.state() == VisitState::Visiting);
  v.wait(0.5);
  CHECK(v.policy.state() == VisitState::Warning);
  CHECK(v.policy.warning_seconds_left(v.at()) == doctest::Approx(12));
  v.now += 5;
  const VisitActions answer = v.touch();
  CHECK(answer.swallow_touch);  // it presses nothing under the prompt
  CHECK(answer.go == VisitActions::Go::Stay);
  CHECK(v.policy.state() == VisitState::Visiting);
  // The idle time starts again from that touch.
  CHECK(v.policy.seconds_until_due(v.at()) == doctest::Approx(78));
  // Unanswered, the warning ends in the reset.
  v.wait(78);
  CHECK(v.policy.state() == VisitState::Warning);
  CHECK(v.wait(12).go == VisitActions::Go::Attract);
}

TEST_CASE("visit policy: no warning without a session, in meeting mode or in admin mode") {
  Visit v;
  v.wait(85);
  CHECK(v.policy.state() == VisitState::Waiting);
  Visit meeting;
  meeting.touch();
  meeting.route("meeting", RouteKind::Meeting);
  meeting.wait(85);
  CHECK(meeting.policy.state() == VisitState::Meeting);
  Visit admin;
  admin.touch();
  admin.route("admin", RouteKind::Admin);
  admin.wait(85);
  CHECK(admin.policy.state() == VisitState::Admin);
}

TEST_CASE("visit policy: a view lasts until the route changes, or the last input plus the reading allowance") {
  VisitConfig config;
  config.reading_allowance_seconds = 10;
  Visit v(config);
  v.touch();
  v.route("article:a");
  v.now += 40;
  v.touch();  // scrolling at 40 s
  v.now += 5;
  v.touch();  // the tap that leaves at 45 s
  const VisitActions left = v.route("knowledge");
  const VisitRecord* view = find(left, VisitRecord::Kind::View);
  REQUIRE(view != nullptr);
  CHECK(view->route == "article:a");
  CHECK(view->seconds == doctest::Approx(45));
  // Read for 8 s, then walk away: the idle reset's minute and a half is not reading.
  v.now += 8;
  v.touch();
  v.wait(90);
  const VisitActions reset = v.route("attract", RouteKind::Attract);
  view = find(reset, VisitRecord::Kind::View);
  REQUIRE(view != nullptr);
  CHECK(view->route == "knowledge");
  CHECK(view->seconds == doctest::Approx(18));
  // The attract loop is not a view.
  v.now += 100;
  v.touch();
  CHECK(find(v.route("home"), VisitRecord::Kind::View) == nullptr);
}

TEST_CASE("visit policy: meeting mode is no visitor's session and ends by itself only after 30 minutes without input") {
  Visit v;  // the defaults
  v.touch();
  v.now += 2;
  v.touch();  // the visitor's session: 2 s
  v.route("admin", RouteKind::Admin);
  v.now += 5;
  v.touch();  // staff typing the PIN
  v.route("meeting", RouteKind::Meeting);
  const double entered = v.now;
  CHECK(v.policy.state() == VisitState::Meeting);
  CHECK(v.wait(1799).go == VisitActions::Go::Stay);  // far past the public 90 s, and no warning
  CHECK(v.policy.state() == VisitState::Meeting);
  v.key();  // the presenter's clicker
  v.now += 60;
  v.touch();  // a tap on a slide
  const double last = v.now;
  CHECK(v.wait(1799).go == VisitActions::Go::Stay);
  const VisitActions ended = v.wait(2);
  CHECK(ended.go == VisitActions::Go::Attract);
  const VisitRecord* meeting = find(ended, VisitRecord::Kind::Meeting);
  REQUIRE(meeting != nullptr);
  CHECK(meeting->seconds == doctest::Approx(last - entered));  // until its last input, not the half hour after
  const VisitRecord* session = find(ended, VisitRecord::Kind::Session);
  REQUIRE(session != nullptr);
  CHECK(session->seconds == doctest::Approx(2));  // the presenter's input is not a visitor's
  // The attract loop then records no second meeting.
  CHECK(find(v.route("attract", RouteKind::Attract), VisitRecord::Kind::Meeting) == nullptr);
}

TEST_CASE("visit policy: leaving meeting mode records its time and hands back to the public rules") {
  VisitConfig config;
  config.meeting_idle_seconds = 1800;
  Visit v(config);
  v.touch();
  v.route("meeting", RouteKind::Meeting);
  CHECK(v.wait(1000).go == VisitActions::Go::Stay);
  v.key();
  v.now += 30;
  const VisitActions left = v.route("home");
  const VisitRecord* meeting = find(left, VisitRecord::Kind::Meeting);
  REQUIRE(meeting != nullptr);
  CHECK(meeting->seconds == doctest::Approx(1030));
  CHECK(v.policy.state() == VisitState::Visiting);
  CHECK(v.wait(90).go == VisitActions::Go::Attract);  // the public idle time again
}

TEST_CASE("visit policy: admin mode locks itself after admin_lock_seconds, and whenever it is left") {
  Visit v;
  v.touch();
  v.route("admin", RouteKind::Admin);
  CHECK(v.policy.state() == VisitState::Admin);
  v.now += 10;
  v.touch();
  v.route("admin-menu", RouteKind::Admin);
  CHECK(v.tick(true).go == VisitActions::Go::Stay);
  CHECK(v.policy.state() == VisitState::AdminOpen);
  CHECK(v.policy.seconds_until_due(v.at()) == doctest::Approx(120));
  const VisitActions lock = v.wait(120, true);
  CHECK(lock.go == VisitActions::Go::Home);
  CHECK(lock.lock_admin);
  CHECK(find(lock, VisitRecord::Kind::Session) == nullptr);
  // Leaving by the home button locks too, and admin screens are not views.
  v.route("admin", RouteKind::Admin);
  v.touch();
  v.tick(true);
  const VisitActions leave = v.route("home");
  CHECK(leave.lock_admin);
  CHECK(find(leave, VisitRecord::Kind::View) == nullptr);
}

TEST_CASE("visit policy: the PIN pad, locked, takes the public idle reset") {
  Visit v;
  v.route("admin", RouteKind::Admin);
  CHECK(v.wait(90).go == VisitActions::Go::Attract);
}

TEST_CASE("visit policy: a quiet moment is the attract loop, or a minute without a visitor, never meeting or admin") {
  VisitConfig config;
  config.idle_seconds = 300;
  Visit v(config);
  v.touch();
  CHECK_FALSE(v.policy.quiet_moment(v.at()));
  CHECK(v.policy.seconds_until_quiet(v.at()) == doctest::Approx(60));
  v.now += 59;
  CHECK_FALSE(v.policy.quiet_moment(v.at()));
  CHECK(v.policy.seconds_until_quiet(v.at()) == doctest::Approx(1));
  v.now += 1;
  CHECK(v.policy.quiet_moment(v.at()));
  CHECK(v.policy.seconds_until_quiet(v.at()) == 0);
  v.route("meeting", RouteKind::Meeting);
  v.now += 100;
  CHECK_FALSE(v.policy.quiet_moment(v.at()));
  CHECK(v.policy.seconds_until_quiet(v.at()) == VisitPolicy::kNothingDue);
  v.route("admin", RouteKind::Admin);
  v.now += 100;
  CHECK_FALSE(v.policy.quiet_moment(v.at()));
  CHECK(v.policy.seconds_until_quiet(v.at()) == VisitPolicy::kNothingDue);
  v.route("attract", RouteKind::Attract);
  CHECK(v.policy.quiet_moment(v.at()));
  CHECK(v.policy.seconds_until_quiet(v.at()) == 0);
}

TEST_CASE("visit policy: new settings apply from the next tick") {
  Visit v;
  v.touch();
  v.now += 40;
  VisitConfig shorter;
  shorter.idle_seconds = 30;
  v.policy.configure(shorter);
  CHECK(v.tick().go == VisitActions::Go::Attract);
}

// Opening hours on the fake clock: Monday to Friday 08:30-16:30, Saturday 09:00-12:00, Sunday closed.
namespace {

constexpr int64_t kMondayThaiMidnight = 1'795'971'600;  // 2026-11-30 00:00 in Bangkok
int64_t thai_time(int day, int hour, int minute) { return kMondayThaiMidnight + day * 86400 + hour * 3600 + minute * 60; }

VisitConfig office_hours() {
  VisitConfig config;
  config.opening_hours =
      *khlang::store::parse_opening_hours("08:30-16:30,08:30-16:30,08:30-16:30,08:30-16:30,08:30-16:30,09:00-12:00,-");
  config.closed_wake_seconds = 120;
  return config;
}

}  // namespace

TEST_CASE("visit policy: outside the hours the screen blanks at once, and the day begins with the attract loop") {
  Visit v(office_hours(), thai_time(0, 7, 0));  // Monday 07:00: the kiosk starts before opening
  const VisitActions blank = v.tick();
  CHECK(blank.go == VisitActions::Go::Closed);
  CHECK(blank.reset_visitor);
  v.route("closed", RouteKind::Closed);
  CHECK(v.policy.state() == VisitState::Closed);
  CHECK_FALSE(v.policy.records_visits());
  CHECK(v.policy.quiet_moment(v.at()));
  // Nothing is due until 08:30: the app sleeps on a black screen.
  CHECK(v.policy.seconds_until_due(v.at()) == doctest::Approx(90 * 60));
  const VisitActions opening = v.wait(90 * 60);
  CHECK(opening.go == VisitActions::Go::Attract);
  CHECK(v.at().wall_utc == thai_time(0, 8, 30));
  v.route("attract", RouteKind::Attract);
  CHECK(v.policy.state() == VisitState::Attract);
  CHECK(v.policy.records_visits());
  // The attract loop runs until 16:30, then the screen blanks.
  CHECK(v.policy.seconds_until_due(v.at()) == doctest::Approx(8 * 3600));
  CHECK(v.wait(8 * 3600).go == VisitActions::Go::Closed);
  CHECK(v.at().wall_utc == thai_time(0, 16, 30));
}

TEST_CASE("visit policy: a touch outside the hours wakes the screen for a few minutes, with nothing recorded") {
  Visit v(office_hours(), thai_time(6, 10, 0));  // Sunday: closed all day
  CHECK(v.tick().go == VisitActions::Go::Closed);
  v.route("closed", RouteKind::Closed);
  CHECK(v.key().go == VisitActions::Go::Stay);  // a key does not wake it
  v.now += 30;
  const VisitActions wake = v.touch();
  CHECK(wake.go == VisitActions::Go::Home);
  CHECK(wake.swallow_touch);  // the waking touch presses nothing
  v.route("home");
  CHECK(v.policy.state() == VisitState::ClosedAwake);
  CHECK_FALSE(v.policy.records_visits());
  v.now += 2;
  v.touch();  // no session opens
  CHECK(v.policy.state() == VisitState::ClosedAwake);
  v.route("article:a");
  v.now += 100;
  v.touch();
  CHECK(v.wait(100).go == VisitActions::Go::Stay);  // 100 s after the last touch: still awake
  const VisitActions sleep = v.wait(20);
  CHECK(sleep.go == VisitActions::Go::Closed);
  CHECK(sleep.reset_visitor);
  CHECK(find(sleep, VisitRecord::Kind::Session) == nullptr);
  const VisitActions blanked = v.route("closed", RouteKind::Closed);
  CHECK(find(blanked, VisitRecord::Kind::View) == nullptr);  // the article was not a visitor's view
  CHECK(v.policy.state() == VisitState::Closed);
  CHECK(v.policy.records_visits() == false);
}

TEST_CASE("visit policy: a visitor at closing time is not cut off, the idle reset blanks and records the session") {
  Visit v(office_hours(), thai_time(0, 16, 29));
  v.touch();
  v.now += 50;
  v.touch();  // 16:29:50
  v.now += 20;
  CHECK(v.tick().go == VisitActions::Go::Stay);  // 16:30:10: still the visitor's
  CHECK(v.policy.state() == VisitState::Visiting);
  const VisitActions reset = v.wait(90);
  CHECK(reset.go == VisitActions::Go::Closed);
  const VisitRecord* session = find(reset, VisitRecord::Kind::Session);
  REQUIRE(session != nullptr);
  CHECK(session->seconds == doctest::Approx(50));
}

TEST_CASE("visit policy: staff leaving admin mode after hours find the screen on, and it blanks after the wake time") {
  Visit v(office_hours(), thai_time(2, 16, 20));
  v.touch();
  v.route("admin", RouteKind::Admin);
  v.touch();
  v.route("admin-menu", RouteKind::Admin);
  v.tick(true);
  v.now += 15 * 60;  // 16:35, admin mode still in use
  v.touch();
  CHECK(v.tick(true).go == VisitActions::Go::Stay);
  CHECK(v.policy.state() == VisitState::AdminOpen);
  const VisitActions leave = v.route("home");
  CHECK(leave.lock_admin);
  CHECK(v.policy.state() == VisitState::ClosedAwake);
  CHECK(v.tick().go == VisitActions::Go::Stay);
  CHECK(v.wait(120).go == VisitActions::Go::Closed);
}

TEST_CASE("visit policy: the hours beginning while the screen is awake carry on as a public screen") {
  Visit v(office_hours(), thai_time(5, 8, 58));  // Saturday, opens at 09:00
  CHECK(v.tick().go == VisitActions::Go::Closed);
  v.route("closed", RouteKind::Closed);
  v.touch();
  v.route("home");
  CHECK(v.policy.state() == VisitState::ClosedAwake);
  v.now += 60;
  v.touch();
  v.now += 61;  // 09:00:01
  CHECK(v.tick().go == VisitActions::Go::Stay);
  CHECK(v.policy.state() == VisitState::Waiting);
  CHECK(v.policy.records_visits());
  v.touch();
  CHECK(v.policy.state() == VisitState::Visiting);
  const VisitActions reset = v.wait(90);
  CHECK(reset.go == VisitActions::Go::Attract);
  CHECK(find(reset, VisitRecord::Kind::Session) != nullptr);
}

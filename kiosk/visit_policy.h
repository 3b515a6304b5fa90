// [SECTION] The visit policy: when a public kiosk resets itself, shows its attract loop, locks
// admin mode, and what it records about visits. No ImGui, no GL, no clock of its own: the app
// feeds it events (input, the screen shown, a tick) with the time, and does what it answers
// (VisitActions). Unit tests drive it with a fake clock (tests/kiosk/test_visit_policy.cpp).
//
// STATES (state(); the route's kind and whether a visitor's session is open decide it):
//
//   ATTRACT      the attract loop is up. Nobody is using the kiosk.
//   WAITING      a public screen with no session: at start-up, after admin mode, after new content.
//   VISITING     a public screen and a session: a visitor touched the screen and has not left.
//   WARNING      VISITING within `warning_seconds` of the idle reset: "Still there?" is shown.
//   MEETING      meeting mode (a route of kind meeting, entered by staff from admin mode): no
//                visitor's session (input there is the presenter's), no warning, and no public
//                idle reset: it ends by itself after `meeting_idle_seconds` (30 min) without input.
//   ADMIN        an admin screen, locked (the PIN pad): the public idle reset applies.
//   ADMIN_OPEN   an admin screen, unlocked: locks itself after `admin_lock_seconds`.
//   CLOSED       outside the opening hours (VisitConfig::opening_hours): the blank screen (a
//                route of kind closed). No attract loop, nothing recorded.
//   CLOSED_AWAKE outside the opening hours, a public screen on: a touch woke it, or staff left
//                admin or meeting mode. No session, no views recorded; blank again after
//                `closed_wake_seconds` without input.
//
// TRANSITIONS (event -> what the policy answers; the function that makes it):
//
//        touch (wakes; presses nothing; opens a session) -- on_input
//   ATTRACT ---------------------------------------------------------> VISITING
//   WAITING --------- first touch (opens a session) -- on_input ----> VISITING
//   VISITING -------- idle - warning without input -- on_tick -------> WARNING
//   WARNING --------- any touch (presses nothing) -- on_input --------> VISITING
//   WAITING, VISITING, WARNING, ADMIN
//            -------- no input for the idle time -- on_tick ----------> ATTRACT
//                     (records the session: first touch to last input; clears the visitor's
//                     language and text size)
//   MEETING --------- no input for meeting_idle_seconds -- on_tick ---> ATTRACT
//                     (records the meeting until its last input, and the session as above)
//   ATTRACT, WAITING - the hours end -- on_tick (blanks) --------------> CLOSED
//   VISITING, WARNING, MEETING, ADMIN, CLOSED_AWAKE
//            -------- no input for the idle time (CLOSED_AWAKE: closed_wake_seconds), outside
//                     the hours -- on_tick (records the session) ------> CLOSED
//   CLOSED ---------- touch (wakes; presses nothing; no session) -- on_input -> CLOSED_AWAKE
//   CLOSED ---------- the hours begin -- on_tick ----------------------> ATTRACT
//   CLOSED_AWAKE ---- the hours begin -- on_tick ----------------------> WAITING
//   ADMIN, MEETING -- a public route outside the hours -- on_route ---> CLOSED_AWAKE
//   any public ------ a route of kind meeting -- on_route ------------> MEETING
//   MEETING --------- a public route -- on_route (records the meeting) -> VISITING or WAITING
//   any ------------- a route of kind admin -- on_route --------------> ADMIN or ADMIN_OPEN
//   ADMIN ----------- the PIN accepted (tick with admin_unlocked) ----> ADMIN_OPEN
//   ADMIN_OPEN ------ admin_lock_seconds without input -- on_tick ----> WAITING (home; locks)
//   ADMIN, ADMIN_OPEN - a route not of kind admin -- on_route (locks) -> WAITING or VISITING
//   every route change records the view that ends (routes that count as views) -- on_route
//
// THE TIMER: seconds_until_due() is when the next tick changes something (the warning, the
// reset, the auto-lock, the hours beginning or ending); the app sleeps until then or until input.
// A visitor's session at closing time is never cut: the screen blanks at its idle reset.
//
// WHERE THE COMING RULES GO (each fits the machine above without a rewrite):
// - "Still there?" (issue 11): done here: WARNING, `warning_seconds` (12 s); the app draws the
//   prompt while state() is WARNING (warning_seconds_left()) and the touch that ends it presses
//   nothing (swallow_touch).
// - Dwell as reading time (issue 11): done here: a view ends at the visitor's last input on it
//   plus `reading_allowance_seconds` (or at the route change, if that is sooner).
// - Meeting mode for meetings (issue 11): done here: MEETING's own idle time
//   (meeting_idle_seconds, 30 min) and no session (meeting_keeps_session false); both are read
//   only in on_tick/on_route's MEETING branches. No warning in MEETING. That staff enter it (the
//   route needs admin mode unlocked) is the route table's; its slides and exit are the screen's.
// - Opening hours (issue 12): done here: CLOSED and CLOSED_AWAKE above; the hours are the
//   setting opening_hours (store/opening_hours.h), read in on_tick from Moment::wall_utc;
//   records_visits() tells the screens' own records (searches) to hold off too.
// - A quiet moment for unattended imports (issue 14): quiet_moment() (done here); the kiosk's
//   fleet work waits for it (fleet_schedule.h), and content an unattended import brings is shown
//   only once no session or meeting is open (content_reload.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/opening_hours.h"

namespace khlang::kiosk {

enum class VisitState { Attract, Waiting, Visiting, Warning, Meeting, Admin, AdminOpen, Closed, ClosedAwake };
const char* visit_state_name(VisitState state);

// The kinds of routes, as the route table gives them (routes.h).
enum class RouteKind { Visitor, Admin, Attract, Meeting, Closed };

// A moment: monotonic seconds (timers) and the wall clock in UTC seconds (opening hours, records).
struct Moment {
  double now = 0;
  int64_t wall_utc = 0;
};

struct VisitConfig {
  double idle_seconds = 90;               // the setting idle_timeout_seconds
  double warning_seconds = 12;            // "Still there?" before the idle reset (0: none)
  double reading_allowance_seconds = 15;  // a view's time ends at its last input plus this
  double meeting_idle_seconds = 1800;     // meeting mode: no input this long ends it (not the public idle time)
  bool meeting_keeps_session = false;     // input in meeting mode is the presenter's, not a visitor's session
  double admin_lock_seconds = 120;        // unlocked admin mode locks itself after this
  double quiet_after_seconds = 60;        // no visitor input this long is a quiet moment
  store::OpeningHours opening_hours;      // the setting opening_hours (always open by default)
  double closed_wake_seconds = 120;       // outside the hours, a woken screen blanks again after this
};

// What was shown, as on_route needs it.
struct ShownRoute {
  std::string path;  // "article:what-is-km"
  RouteKind kind = RouteKind::Visitor;
  bool counts_as_view = true;
};

// Something to record in the usage statistics (stats::kSession, kView, kMeeting).
struct VisitRecord {
  enum class Kind { Session, View, Meeting };
  Kind kind;
  std::string route;  // views: the route shown
  double seconds;
};

// What the app must do after an event.
struct VisitActions {
  enum class Go { Stay, Home, Attract, Closed };
  Go go = Go::Stay;
  bool reset_visitor = false;  // the next visitor starts afresh: default language, normal text size
  bool swallow_touch = false;  // the current touch presses nothing (it woke the kiosk, or ended a warning)
  bool lock_admin = false;
  std::vector<VisitRecord> records;
};

enum class InputSource { Touch, Key };

class VisitPolicy {
 public:
  explicit VisitPolicy(VisitConfig config = {}) : config_(config) {}
  // New settings (idle time...) apply from the next tick.
  void configure(const VisitConfig& config) { config_ = config; }
  const VisitConfig& config() const { return config_; }

  // Input this frame: a touch (press, move, release, wheel, or a finger held down) or a key. Keys
  // keep the kiosk awake but do not wake the attract loop or open a session (a visit begins with
  // a touch; the keyboard is the staff's, or a presenter's clicker).
  VisitActions on_input(const Moment& t, InputSource source);
  // The screen shown changed (once per frame, after every way it can change). The first call,
  // with the start screen, starts the idle time.
  VisitActions on_route(const Moment& t, const ShownRoute& shown);
  // Time passed; `admin_unlocked`: the PIN has been accepted and admin mode not locked since.
  VisitActions on_tick(const Moment& t, bool admin_unlocked);

  VisitState state() const;
  // Seconds until on_tick would change something (>= 0), or a large number if nothing is due.
  double seconds_until_due(const Moment& t) const;
  // While WARNING: seconds left before the reset.
  double warning_seconds_left(const Moment& t) const;
  // A moment no one would notice an import: the attract loop, or no visitor input for
  // quiet_after_seconds on a public screen; never in meeting or admin mode.
  bool quiet_moment(const Moment& t) const;
  // Seconds until quiet_moment() turns true without input (0: it is; kNothingDue: only a route
  // change can make it so), for the app's sleep when unattended work waits for it.
  double seconds_until_quiet(const Moment& t) const;
  // Whether what visitors do now counts in the usage statistics: not outside the opening hours.
  bool records_visits() const { return kind_ != RouteKind::Closed && !after_hours_; }

  static constexpr double kNothingDue = 3600;

 private:
  double idle_limit() const;
  bool in_admin() const { return kind_ == RouteKind::Admin; }
  void end_view(const Moment& t, VisitActions& out);

  VisitConfig config_;
  RouteKind kind_ = RouteKind::Visitor;
  bool started_ = false;         // on_route has shown the first screen
  bool unlocked_ = false;        // admin mode unlocked (as the last tick said)
  double last_input_ = 0;        // any input (the idle timer)
  double session_start_ = -1;    // the first touch of the open session, or -1
  double session_last_ = 0;      // its last touch
  bool warned_ = false;          // WARNING is up
  std::string viewed_;           // the route whose view is running ("" if it does not count)
  double viewed_since_ = 0, viewed_last_input_ = -1;
  double meeting_since_ = -1;
  bool after_hours_ = false;     // CLOSED_AWAKE: a public screen on outside the opening hours
};

}  // namespace khlang::kiosk

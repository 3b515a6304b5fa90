#include "visit_policy.h"

#include <algorithm>

namespace khlang::kiosk {

const char* visit_state_name(VisitState state) {
  switch (state) {
    case VisitState::Attract: return "attract";
    case VisitState::Waiting: return "waiting";
    case VisitState::Visiting: return "visiting";
    case VisitState::Warning: return "warning";
    case VisitState::Meeting: return "meeting";
    case VisitState::Admin: return "admin";
    case VisitState::AdminOpen: return "admin-open";
    case VisitState::Closed: return "closed";
    case VisitState::ClosedAwake: return "closed-awake";
  }
  return "?";
}

VisitState VisitPolicy::state() const {
  switch (kind_) {
    case RouteKind::Attract: return VisitState::Attract;
    case RouteKind::Admin: return unlocked_ ? VisitState::AdminOpen : VisitState::Admin;
    case RouteKind::Meeting: return VisitState::Meeting;
    case RouteKind::Closed: return VisitState::Closed;
    case RouteKind::Visitor: break;
  }
  if (after_hours_) return VisitState::ClosedAwake;
  if (session_start_ < 0) return VisitState::Waiting;
  return warned_ ? VisitState::Warning : VisitState::Visiting;
}

double VisitPolicy::idle_limit() const {
  if (in_admin() && unlocked_) return config_.admin_lock_seconds;
  if (after_hours_ && kind_ == RouteKind::Visitor) return config_.closed_wake_seconds;
  return kind_ == RouteKind::Meeting ? config_.meeting_idle_seconds : config_.idle_seconds;
}

VisitActions VisitPolicy::on_input(const Moment& t, InputSource source) {
  VisitActions out;
  last_input_ = t.now;
  if (!viewed_.empty()) viewed_last_input_ = t.now;
  if (source != InputSource::Touch) {
    warned_ = false;
    return out;
  }
  if (kind_ == RouteKind::Closed || (kind_ == RouteKind::Attract && !config_.opening_hours.is_open(t.wall_utc))) {
    // Outside the hours a touch wakes the screen for whoever is there, without a visit.
    out.go = VisitActions::Go::Home;
    out.swallow_touch = true;
    after_hours_ = true;
    return out;
  }
  if (kind_ == RouteKind::Attract) {
    // The touch that wakes the kiosk starts a visit; it does not also press what is under it.
    out.go = VisitActions::Go::Home;
    out.swallow_touch = true;
    session_start_ = session_last_ = t.now;
    return out;
  }
  if (warned_) {
    warned_ = false;  // "Still there?" answered: the visit goes on, the touch presses nothing
    out.swallow_touch = true;
  }
  const bool visitor =
      !after_hours_ && (kind_ == RouteKind::Visitor || (kind_ == RouteKind::Meeting && config_.meeting_keeps_session));
  if (visitor) {
    if (session_start_ < 0) session_start_ = t.now;
    session_last_ = t.now;
  }
  return out;
}

void VisitPolicy::end_view(const Moment& t, VisitActions& out) {
  if (viewed_.empty()) return;
  // Reading time: the view ends at the visitor's last input on it plus an allowance for the
  // reading that followed, not at an idle reset a minute and a half later.
  const double read_until = std::max(viewed_since_, viewed_last_input_) + config_.reading_allowance_seconds;
  const double end = std::min(t.now, read_until);
  out.records.push_back({VisitRecord::Kind::View, viewed_, std::max(0.0, end - viewed_since_)});
  viewed_.clear();
}

VisitActions VisitPolicy::on_route(const Moment& t, const ShownRoute& shown) {
  VisitActions out;
  if (!started_) {
    started_ = true;  // the first screen: the idle time counts from now
    last_input_ = t.now;
  }
  end_view(t, out);
  if (kind_ == RouteKind::Meeting && meeting_since_ >= 0) {
    out.records.push_back({VisitRecord::Kind::Meeting, "", t.now - meeting_since_});
    meeting_since_ = -1;
  }
  // Leaving admin mode locks it, whichever way it is left.
  if (kind_ == RouteKind::Admin && shown.kind != RouteKind::Admin) {
    out.lock_admin = true;
    unlocked_ = false;
  }
  // Staff leaving admin or meeting mode outside the hours find the screen on, not blank.
  const bool staff = kind_ == RouteKind::Admin || kind_ == RouteKind::Meeting;
  if (staff && shown.kind == RouteKind::Visitor && !config_.opening_hours.is_open(t.wall_utc)) after_hours_ = true;
  if (shown.kind == RouteKind::Closed || shown.kind == RouteKind::Attract) after_hours_ = false;
  kind_ = shown.kind;
  warned_ = false;
  if (shown.counts_as_view && !after_hours_) {
    viewed_ = shown.path;
    viewed_since_ = viewed_last_input_ = t.now;
  }
  if (shown.kind == RouteKind::Meeting) meeting_since_ = t.now;
  return out;
}

VisitActions VisitPolicy::on_tick(const Moment& t, bool admin_unlocked) {
  VisitActions out;
  unlocked_ = in_admin() && admin_unlocked;
  const bool open = config_.opening_hours.is_open(t.wall_utc);
  if (open) {
    after_hours_ = false;  // a woken screen at opening time carries on as a public one
    if (kind_ == RouteKind::Closed) {
      out.go = VisitActions::Go::Attract;  // the day begins
      out.reset_visitor = true;
      last_input_ = t.now;
      return out;
    }
  } else if (kind_ == RouteKind::Closed) {
    return out;
  } else if (kind_ == RouteKind::Attract || (kind_ == RouteKind::Visitor && session_start_ < 0 && !after_hours_)) {
    out.go = VisitActions::Go::Closed;  // nobody is using it: blank now
    out.reset_visitor = true;
    return out;
  }
  if (kind_ == RouteKind::Attract) return out;
  const double idle = t.now - last_input_;
  if (in_admin() && unlocked_) {
    if (idle >= config_.admin_lock_seconds) {
      // The admin walked away: home, locked.
      out.go = VisitActions::Go::Home;
      out.lock_admin = true;
      unlocked_ = false;
      last_input_ = t.now;
    }
    return out;
  }
  if (idle >= idle_limit()) {
    if (kind_ == RouteKind::Meeting && meeting_since_ >= 0) {
      // A meeting left to time out ended at its last input, not half an hour later.
      out.records.push_back({VisitRecord::Kind::Meeting, "", std::max(0.0, last_input_ - meeting_since_)});
      meeting_since_ = -1;
    }
    if (session_start_ >= 0) {
      out.records.push_back({VisitRecord::Kind::Session, "", session_last_ - session_start_});
      session_start_ = -1;
    }
    warned_ = false;
    out.go = open ? VisitActions::Go::Attract : VisitActions::Go::Closed;
    out.reset_visitor = true;  // the next visitor starts afresh
    return out;
  }
  const bool may_warn = kind_ == RouteKind::Visitor && session_start_ >= 0 && config_.warning_seconds > 0;
  warned_ = may_warn && idle >= idle_limit() - config_.warning_seconds;
  return out;
}

double VisitPolicy::seconds_until_due(const Moment& t) const {
  double due = -1;  // none yet
  if (kind_ != RouteKind::Attract && kind_ != RouteKind::Closed) {
    const double idle = t.now - last_input_;
    due = idle_limit() - idle;
    const bool may_warn = kind_ == RouteKind::Visitor && session_start_ >= 0 && config_.warning_seconds > 0 && !warned_;
    if (may_warn) due = std::min(due, idle_limit() - config_.warning_seconds - idle);
    due = std::max(0.0, due);
  }
  // The hours beginning or ending (a closed kiosk sleeps until then).
  const int64_t change = config_.opening_hours.seconds_until_change(t.wall_utc);
  if (change >= 0) due = due < 0 ? static_cast<double>(change) : std::min(due, static_cast<double>(change));
  return due < 0 ? kNothingDue : due;
}

double VisitPolicy::warning_seconds_left(const Moment& t) const {
  return warned_ ? std::max(0.0, idle_limit() - (t.now - last_input_)) : 0.0;
}

bool VisitPolicy::quiet_moment(const Moment& t) const {
  switch (kind_) {
    case RouteKind::Attract:
    case RouteKind::Closed: return true;
    case RouteKind::Visitor: return t.now - last_input_ >= config_.quiet_after_seconds;
    case RouteKind::Admin:
    case RouteKind::Meeting: return false;
  }
  return false;
}

double VisitPolicy::seconds_until_quiet(const Moment& t) const {
  switch (kind_) {
    case RouteKind::Attract:
    case RouteKind::Closed: return 0;
    case RouteKind::Visitor: return std::max(0.0, config_.quiet_after_seconds - (t.now - last_input_));
    case RouteKind::Admin:
    case RouteKind::Meeting: return kNothingDue;
  }
  return kNothingDue;
}

}  // namespace khlang::kiosk

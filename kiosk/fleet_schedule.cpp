#include "fleet_schedule.h"

#include <algorithm>

namespace khlang::kiosk {

void FleetSchedule::configure(const FleetConfig& config) {
  if (!import_wanted() && config.auto_import && config.inbox) looked_ = false;
  if (!config_.outbox && config.outbox) written_ = false;
  config_ = config;
}

double FleetSchedule::import_in(const FleetMoment& m) const {
  if (!import_wanted() || m.in_admin) return kNothingDue;
  const double poll = looked_ ? std::max(0.0, last_look_ + config_.poll_seconds - m.now) : 0.0;
  return std::max(poll, m.quiet ? 0.0 : m.until_quiet);
}

double FleetSchedule::outbox_in(const FleetMoment& m) const {
  if (!config_.outbox || m.in_admin) return kNothingDue;
  if (!written_ || owed_) return 0;
  return std::max(0.0, last_write_ + config_.write_seconds - m.now);
}

FleetWork FleetSchedule::due(const FleetMoment& m) const {
  if (running_ != FleetWork::None || !m.worker_free) return FleetWork::None;
  if (m.quiet && import_in(m) <= 0) return FleetWork::Import;
  if (outbox_in(m) <= 0) return FleetWork::Outbox;
  return FleetWork::None;
}

void FleetSchedule::started(FleetWork work, double now) {
  running_ = work;
  if (work == FleetWork::Import) {
    looked_ = true;
    last_look_ = now;
  }
}

void FleetSchedule::import_finished(double now, bool acted) {
  running_ = FleetWork::None;
  last_look_ = now;  // the next look is poll_seconds after this one ended
  if (acted) owed_ = true;
}

void FleetSchedule::outbox_finished(double now) {
  running_ = FleetWork::None;
  written_ = true;
  last_write_ = now;
  owed_ = false;
}

double FleetSchedule::seconds_until_due(const FleetMoment& m) const {
  // While the worker runs, its end wakes the app.
  if (running_ != FleetWork::None || !m.worker_free) return kNothingDue;
  return std::min({import_in(m), outbox_in(m), kNothingDue});
}

}  // namespace khlang::kiosk

#include "platform/watchdog.h"

#include <systemd/sd-daemon.h>

#include <algorithm>
#include <cstdint>

namespace khlang::kiosk {

Watchdog Watchdog::from_environment() {
  Watchdog w;
  uint64_t usec = 0;
  // unset_environment=0: the variables stay for whatever the kiosk starts (nothing today).
  if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) w.interval_ = static_cast<double>(usec) / 2e6;
  return w;
}

void Watchdog::ready() const { sd_notify(0, "READY=1"); }

void Watchdog::stopping() const { sd_notify(0, "STOPPING=1"); }

bool Watchdog::ping_if_due(double now) {
  if (!enabled() || now - last_ping_ < interval_) return false;
  sd_notify(0, "WATCHDOG=1");
  last_ping_ = now;
  return true;
}

double Watchdog::seconds_until_due(double now) const {
  if (!enabled()) return std::numeric_limits<double>::infinity();
  return std::max(0.0, last_ping_ + interval_ - now);
}

}  // namespace khlang::kiosk

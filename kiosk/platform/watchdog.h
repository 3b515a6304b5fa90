// [SECTION] systemd's service notifications (sd_notify): READY=1 once the kiosk is up, and
// WATCHDOG=1 keep-alive pings from the frame loop, so that systemd restarts a kiosk whose loop
// hangs (WatchdogSec= in debian/khlang.khlang-kiosk.service). Outside systemd (no NOTIFY_SOCKET)
// every call does nothing. The kiosk runs inside cage, a grandchild of the service's main
// process: the unit allows notifications from every process of the service (NotifyAccess=all)
// and the session script unsets WATCHDOG_PID, which names the main process, not the kiosk.
#pragma once

#include <limits>

namespace khlang::kiosk {

class Watchdog {
 public:
  // Reads NOTIFY_SOCKET and WATCHDOG_USEC (sd_watchdog_enabled).
  static Watchdog from_environment();

  bool enabled() const { return interval_ > 0; }
  // Seconds between pings: half the service's watchdog timeout, as systemd advises.
  double ping_interval() const { return interval_; }

  void ready() const;    // READY=1: the first screen is up
  void stopping() const;  // STOPPING=1: leaving on purpose

  // Sends WATCHDOG=1 when a ping is due at `now` (monotonic seconds); cheap enough for every frame.
  // Returns whether it sent one.
  bool ping_if_due(double now);
  // Seconds from `now` until the next ping is due: the longest the event loop may sleep
  // (infinity without a watchdog).
  double seconds_until_due(double now) const;

 private:
  double interval_ = 0;
  double last_ping_ = -std::numeric_limits<double>::infinity();
};

}  // namespace khlang::kiosk

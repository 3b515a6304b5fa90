#include "kiosk_clock.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <string>

#include <unistd.h>

namespace khlang::kiosk {

double KioskClock::now() const {
  if (scripted()) return script_time_;
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

int64_t KioskClock::wall_utc() const {
  const int64_t wall =
      static_cast<int64_t>(std::time(nullptr)) + (scripted() ? static_cast<int64_t>(script_time_) + wall_offset_ : 0);
  return std::max(wall, floor_);
}

double KioskClock::system_wall() const {
  const double wall = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
  return wall + (scripted() ? script_time_ : 0.0);
}

security::LockClock KioskClock::lock_clock() const {
  if (!scripted()) return security::system_lock_clock();
  // Its wall clock starts at the content's date, not the machine's time: two runs on one database
  // see between them the time their scripts say, however long a loaded machine took over them.
  return {"script-" + std::to_string(::getpid()), static_cast<int64_t>(script_time_ * 1000),
          floor_ + static_cast<int64_t>(script_time_)};
}

void KioskClock::set_wall_utc(int64_t utc) {
  if (scripted()) wall_offset_ = utc - (static_cast<int64_t>(std::time(nullptr)) + static_cast<int64_t>(script_time_));
}

void KioskClock::advance(double seconds) {
  if (scripted()) script_time_ += seconds;
}

}  // namespace khlang::kiosk

// [SECTION] Usage statistics as the kiosk runs: events (views with their dwell time, searches,
// searches with no result, sessions, meeting-mode use) queued by the UI thread and written in
// batches by a thread of their own, so the frame path never waits on the disk. No personal data:
// a search's text is kept, nothing about who typed it.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace khlang::stats {

// Event kinds, as stored in usage_event.kind.
inline constexpr const char* kView = "view";                  // target: the route; value: seconds shown
inline constexpr const char* kSearch = "search";              // detail: the query; value: results
inline constexpr const char* kSearchNoResult = "search_no_result";  // detail: the query
inline constexpr const char* kSession = "session";            // value: seconds from first touch to idle reset
inline constexpr const char* kMeeting = "meeting";            // value: seconds in meeting mode

struct UsageEvent {
  int64_t at_utc = 0;
  std::string kind, target;
  double value = 0;
  std::string detail;
};

// Below this much free space on the database's file system the kiosk stops recording statistics,
// so the room left goes to imports and the content (admin status shows free disk in red there too).
inline constexpr uint64_t kMinFreeBytesForStatistics = 200ull * 1000 * 1000;

class UsageRecorder {
 public:
  // Writes to the kiosk database at `db_path` every `flush_seconds` (a crash loses at most that).
  // A batch due while the database's file system has less than `min_free_bytes` free is dropped
  // (one log line when recording stops, one when it resumes), never written half-way.
  explicit UsageRecorder(std::string db_path, double flush_seconds = 2.0,
                         uint64_t min_free_bytes = kMinFreeBytesForStatistics);
  ~UsageRecorder();  // writes what is queued
  UsageRecorder(const UsageRecorder&) = delete;
  UsageRecorder& operator=(const UsageRecorder&) = delete;

  void record(UsageEvent event);  // never blocks on the disk
  void flush();                   // waits until everything recorded so far is written
  // Whether the last batch was dropped for want of disk space (admin status says so).
  bool stopped_for_low_disk() const { return stopped_for_low_disk_.load(std::memory_order_relaxed); }

 private:
  void run();
  // Whether the database's file system has room for statistics; logs when that changes.
  bool disk_has_room();
  std::string db_path_;
  double flush_seconds_;
  uint64_t min_free_bytes_;
  std::atomic<bool> stopped_for_low_disk_{false};
  std::mutex mutex_;
  std::condition_variable wake_, written_;
  std::vector<UsageEvent> queue_;
  uint64_t recorded_ = 0, done_ = 0;
  bool stop_ = false;
  std::thread thread_;
};

// "2026-11-24T08:30:00Z" for UTC seconds.
std::string iso_utc(int64_t utc_seconds);

}  // namespace khlang::stats

// [SECTION] Admin mode's state, shared by its screens: locked or not (a PIN unlocks it; the app
// locks it after kAutoLockSeconds without input), the one background job at a time (verify, import, rollback) with
// its progress, and where bundles may be found. The kiosk keeps drawing while a job runs. The
// kiosk's own fleet work (fleet_agent.h) runs on the same worker, one job at a time with these.
#pragma once

#include <atomic>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "i18n/strings.h"
#include "security/pin_lock.h"
#include "sqlite/database.h"
#include "util/error.h"

namespace khlang::kiosk {

class AdminSession {
 public:
  static constexpr double kAutoLockSeconds = 120;

  // `lock_clock` measures the PIN's lock (the machine's clocks; a script's own in scripted runs).
  AdminSession(sqlite::Database& ui_db, std::string db_path, std::vector<std::string> inbox_folders, double started_at,
               std::function<security::LockClock()> lock_clock);
  ~AdminSession();

  security::PinLock& pin() { return pin_; }
  security::LockClock lock_clock() const { return lock_clock_(); }
  bool unlocked() const { return unlocked_; }
  void unlock() { unlocked_ = true; }
  void lock() { unlocked_ = false; }

  // A background job: gets a progress callback (0..1) and returns the message to show.
  using Job = std::function<Expected<std::string>(const std::function<void(double)>& progress)>;
  struct JobState {
    bool running = false, finished = false, ok = false;
    double progress = 0;
    std::string title;    // what runs ("Import ..."), in the language of whoever started it
    std::string message;  // the result, or why it failed
    std::optional<Str> background;  // a job of the kiosk's own: its title, said in the frame's language
  };
  // Starts `job` unless one is running; `changes_content` jobs make the screens reload after.
  bool start(std::string title, Job job, bool changes_content);
  // Admin mode's job; while a job of the kiosk's own runs, that one, running.
  JobState job() const;
  void clear_job();
  // A job of the kiosk's own (the fleet's unattended import, its outbox): on the same worker, one
  // at a time with admin mode's jobs; while it runs, job() shows it under `title` (admin mode's
  // buttons wait for it); after, job() is admin mode's own again. Its result is the caller's.
  using Work = std::function<void(const std::function<void(double)>& progress)>;
  bool start_background(Str title, Work work);
  // Either kind of job runs.
  bool busy() const;
  // Counts the jobs that changed the content: the app reloads what it caches when it moves.
  int content_generation() const { return content_generation_; }

  // Counts changes to the settings: the app applies them when it moves.
  int settings_generation() const { return settings_generation_; }
  void settings_changed() { ++settings_generation_; }

  std::vector<std::string> media_roots() const;
  // Folders watched like a USB stick (--inbox and the setting inbox_folders).
  void set_inbox_folders(std::vector<std::string> folders) { inbox_folders_ = std::move(folders); }
  const std::string& db_path() const { return db_path_; }

  double started_at() const { return started_at_; }  // the kiosk's start (monotonic seconds)
  bool quit_requested() const { return quit_; }
  void request_quit() { quit_ = true; }

 private:
  security::PinLock pin_;
  std::function<security::LockClock()> lock_clock_;
  std::string db_path_;
  std::vector<std::string> inbox_folders_;
  bool unlocked_ = false, quit_ = false;
  double started_at_ = 0;
  mutable std::mutex mutex_;
  JobState state_;
  bool background_running_ = false;
  Str background_title_ = Str::AdminWorking;
  std::atomic<double> progress_{0};
  std::atomic<int> content_generation_{0};
  int settings_generation_ = 0;
  std::thread worker_;
};

}  // namespace khlang::kiosk

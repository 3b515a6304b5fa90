// [SECTION] Admin mode's state, shared by its screens: locked or not (a PIN unlocks it; the app
// locks it after kAutoLockSeconds without input), the one background job at a time (verify, import, rollback) with
// its progress, and where bundles may be found. The kiosk keeps drawing while a job runs.
#pragma once

#include <atomic>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "security/pin_lock.h"
#include "sqlite/database.h"
#include "util/error.h"

namespace khlang::kiosk {

class AdminSession {
 public:
  static constexpr double kAutoLockSeconds = 120;

  AdminSession(sqlite::Database& ui_db, std::string db_path, std::vector<std::string> inbox_folders, double started_at);
  ~AdminSession();

  security::PinLock& pin() { return pin_; }
  bool unlocked() const { return unlocked_; }
  void unlock() { unlocked_ = true; }
  void lock() { unlocked_ = false; }

  // A background job: gets a progress callback (0..1) and returns the message to show.
  using Job = std::function<Expected<std::string>(const std::function<void(double)>& progress)>;
  struct JobState {
    bool running = false, finished = false, ok = false;
    double progress = 0;
    std::string title;    // what runs ("Import ..."), in Thai and English
    std::string message;  // the result, or why it failed
  };
  // Starts `job` unless one is running; `changes_content` jobs make the screens reload after.
  bool start(std::string title, Job job, bool changes_content);
  JobState job() const;
  void clear_job();
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
  std::string db_path_;
  std::vector<std::string> inbox_folders_;
  bool unlocked_ = false, quit_ = false;
  double started_at_ = 0;
  mutable std::mutex mutex_;
  JobState state_;
  std::atomic<double> progress_{0};
  std::atomic<int> content_generation_{0};
  int settings_generation_ = 0;
  std::thread worker_;
};

}  // namespace khlang::kiosk

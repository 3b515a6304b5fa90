#include "admin/admin_session.h"

#include <GLFW/glfw3.h>

#include "platform/removable_media.h"

namespace khlang::kiosk {

AdminSession::AdminSession(sqlite::Database& ui_db, std::string db_path, std::vector<std::string> inbox_folders,
                           double started_at, std::function<security::LockClock()> lock_clock)
    : pin_(ui_db), lock_clock_(std::move(lock_clock)), db_path_(std::move(db_path)),
      inbox_folders_(std::move(inbox_folders)), started_at_(started_at) {}

AdminSession::~AdminSession() {
  if (worker_.joinable()) worker_.join();
}

bool AdminSession::start(std::string title, Job job, bool changes_content) {
  {
    std::lock_guard lock(mutex_);
    if (state_.running || background_running_) return false;
    state_ = JobState{true, false, false, 0, std::move(title), {}, std::nullopt};
  }
  if (worker_.joinable()) worker_.join();
  progress_ = 0;
  worker_ = std::thread([this, job = std::move(job), changes_content] {
    auto result = job([this](double p) {
      progress_ = p;
      glfwPostEmptyEvent();  // the event loop draws the new progress
    });
    {
      std::lock_guard lock(mutex_);
      state_.running = false;
      state_.finished = true;
      state_.ok = result.ok();
      state_.message = result ? result.value() : result.error().message;
    }
    if (result && changes_content) ++content_generation_;
    glfwPostEmptyEvent();
  });
  return true;
}

bool AdminSession::start_background(Str title, Work work) {
  {
    std::lock_guard lock(mutex_);
    if (state_.running || background_running_) return false;
    background_running_ = true;
    background_title_ = title;
  }
  if (worker_.joinable()) worker_.join();
  progress_ = 0;
  worker_ = std::thread([this, work = std::move(work)] {
    work([this](double p) {
      progress_ = p;
      glfwPostEmptyEvent();
    });
    {
      std::lock_guard lock(mutex_);
      background_running_ = false;
    }
    glfwPostEmptyEvent();  // the kiosk takes the result
  });
  return true;
}

bool AdminSession::busy() const {
  std::lock_guard lock(mutex_);
  return state_.running || background_running_;
}

AdminSession::JobState AdminSession::job() const {
  std::lock_guard lock(mutex_);
  if (background_running_) return JobState{true, false, false, progress_, {}, {}, background_title_};
  JobState s = state_;
  s.progress = progress_;
  return s;
}

void AdminSession::clear_job() {
  std::lock_guard lock(mutex_);
  if (!state_.running) state_ = JobState{};
}

std::vector<std::string> AdminSession::media_roots() const { return current_media_roots(inbox_folders_); }

}  // namespace khlang::kiosk

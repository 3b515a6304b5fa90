// [SECTION] A query that runs off the UI thread, newest request first: a screen submits requests
// as the visitor acts (a search as they type) and takes the answer when it is ready, so a slow
// query never freezes a frame. Only the newest request matters: submitting interrupts the one
// running (sqlite::Database::interrupt) and replaces any waiting one, and the answer to a request
// that a newer one overtook is dropped. The worker reads through a read-only connection of its
// own (WAL: never blocked by an import, never blocking the UI's connection).
//
// States of a request, by generation numbers (submitted_ >= started_ >= answered_):
//   waiting (submitted_ > started_) -> running (started_ == submitted_ > answered_) -> answered
//   A submit while running bumps submitted_ and interrupts; the running answer is then stale.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>

#include "sqlite/database.h"

namespace khlang::kiosk {

template <typename Answer, typename Request = std::string>
class LatestQuery {
 public:
  // `run` is called on the worker thread with its connection (nullptr if the database cannot be
  // opened there) and the request.
  using Run = std::function<Answer(sqlite::Database* db, const Request& request)>;
  // Readies the worker's connection once it is opened (the search's FTS5 tokenizer and functions
  // are per connection); an error leaves the worker without one.
  using Prepare = std::function<Status(sqlite::Database& db)>;

  LatestQuery(std::string db_path, Run run, Prepare prepare = {})
      : db_path_(std::move(db_path)), run_(std::move(run)), prepare_(std::move(prepare)), worker_([this] { work(); }) {}
  ~LatestQuery() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
      if (running_db_) running_db_->interrupt();
    }
    wake_.notify_all();
    worker_.join();
  }
  LatestQuery(const LatestQuery&) = delete;
  LatestQuery& operator=(const LatestQuery&) = delete;

  void submit(Request request) {
    {
      std::lock_guard lock(mutex_);
      request_ = std::move(request);
      ++submitted_;
      answer_.reset();
      if (running_db_) running_db_->interrupt();  // its answer would be stale anyway
    }
    wake_.notify_all();
  }

  // The answer to the newest request, once (nullopt while it runs, and after it was taken).
  std::optional<Answer> take() {
    std::lock_guard lock(mutex_);
    return std::exchange(answer_, std::nullopt);
  }

  // The newest request's answer is not taken yet (it runs, or it is ready for take()): a frame
  // drawn now does not show it, so a script's check or a screenshot waits.
  bool pending() const {
    std::lock_guard lock(mutex_);
    return answered_ != submitted_ || answer_.has_value();
  }

 private:
  void work() {
    std::optional<sqlite::Database> db;
    std::unique_lock lock(mutex_);
    for (;;) {
      wake_.wait(lock, [&] { return stop_ || started_ != submitted_; });
      if (stop_) return;
      const uint64_t generation = started_ = submitted_;
      const Request request = request_;
      lock.unlock();
      if (!db) {
        if (auto opened = sqlite::Database::open(db_path_, sqlite::Database::Mode::ReadOnly);
            opened && (!prepare_ || prepare_(opened.value()))) {
          db = std::move(opened.value());
        }
      }
      lock.lock();
      if (stop_) return;
      if (generation != submitted_) continue;  // overtaken while the connection opened
      running_db_ = db ? &*db : nullptr;
      lock.unlock();
      Answer answer = run_(db ? &*db : nullptr, request);
      lock.lock();
      running_db_ = nullptr;
      if (generation == submitted_) {
        answer_ = std::move(answer);
        answered_ = generation;
      }
    }
  }

  const std::string db_path_;
  const Run run_;
  const Prepare prepare_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  Request request_;
  uint64_t submitted_ = 0, started_ = 0, answered_ = 0;
  std::optional<Answer> answer_;
  const sqlite::Database* running_db_ = nullptr;  // the connection of the request running
  bool stop_ = false;
  std::thread worker_;  // last: starts after everything it reads
};

}  // namespace khlang::kiosk

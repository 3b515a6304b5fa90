#include "stats/usage_recorder.h"

#include <sys/statvfs.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>

#include "store/schema.h"

namespace khlang::stats {

std::string iso_utc(int64_t utc_seconds) {
  const std::time_t t = static_cast<std::time_t>(utc_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

UsageRecorder::UsageRecorder(std::string db_path, double flush_seconds, uint64_t min_free_bytes)
    : db_path_(std::move(db_path)),
      flush_seconds_(flush_seconds),
      min_free_bytes_(min_free_bytes),
      thread_([this] { run(); }) {}

UsageRecorder::~UsageRecorder() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void UsageRecorder::record(UsageEvent event) {
  std::lock_guard lock(mutex_);
  queue_.push_back(std::move(event));
  ++recorded_;
}

void UsageRecorder::flush() {
  std::unique_lock lock(mutex_);
  const uint64_t target = recorded_;
  wake_.notify_one();
  written_.wait(lock, [&] { return done_ >= target || stop_; });
}

namespace {

// One transaction a batch.
Status write_batch(sqlite::Database& db, const std::vector<UsageEvent>& batch) {
  KHLANG_TRY_AS(sqlite::Transaction tx, sqlite::Transaction::begin(db));
  KHLANG_TRY_AS(sqlite::Statement insert,
                db.prepare("INSERT INTO usage_event (at, kind, target, value, detail) VALUES (?, ?, ?, ?, ?)"));
  for (const UsageEvent& e : batch) {
    KHLANG_TRY(insert.bind_all(iso_utc(e.at_utc), std::string_view(e.kind), std::string_view(e.target), e.value,
                               std::string_view(e.detail))
                   .run());
  }
  return tx.commit();
}

}  // namespace

bool UsageRecorder::disk_has_room() {
  const std::string dir = std::filesystem::absolute(db_path_).parent_path().string();
  struct statvfs fs {};
  if (statvfs(dir.c_str(), &fs) != 0) return true;  // unknown: SQLite reports a real failure itself
  const uint64_t free_bytes = static_cast<uint64_t>(fs.f_bavail) * fs.f_frsize;
  const bool room = free_bytes >= min_free_bytes_;
  if (room == !stopped_for_low_disk_.load(std::memory_order_relaxed)) return room;
  stopped_for_low_disk_.store(!room, std::memory_order_relaxed);
  if (room) {
    std::fprintf(stderr, "khlang-kiosk: usage statistics recorded again: %llu MB free under %s\n",
                 static_cast<unsigned long long>(free_bytes / 1000000), dir.c_str());
  } else {
    std::fprintf(stderr,
                 "khlang-kiosk: usage statistics stopped: only %llu MB free under %s (below %llu MB); free disk "
                 "space and they resume\n",
                 static_cast<unsigned long long>(free_bytes / 1000000), dir.c_str(),
                 static_cast<unsigned long long>(min_free_bytes_ / 1000000));
  }
  return room;
}

void UsageRecorder::run() {
  auto db = store::open_kiosk_db(db_path_);
  if (!db) std::fprintf(stderr, "khlang-kiosk: usage statistics are off: %s\n", db.error().message.c_str());
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait_for(lock, std::chrono::duration<double>(flush_seconds_), [&] { return stop_ || done_ < recorded_; });
    std::vector<UsageEvent> batch;
    batch.swap(queue_);
    const uint64_t upto = recorded_;
    const bool stopping = stop_;
    lock.unlock();
    if (db && !batch.empty() && disk_has_room()) {
      // Statistics must never stop the kiosk, so errors only go to the log.
      if (auto s = write_batch(db.value(), batch); !s) {
        std::fprintf(stderr, "khlang-kiosk: %zu usage events not written: %s\n", batch.size(), s.error().message.c_str());
      }
    }
    lock.lock();
    done_ = upto;
    written_.notify_all();
    if (stopping && queue_.empty()) return;
  }
}

}  // namespace khlang::stats

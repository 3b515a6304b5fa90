#include "stats/usage_recorder.h"

#include <chrono>
#include <cstdio>
#include <ctime>

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

UsageRecorder::UsageRecorder(std::string db_path, double flush_seconds)
    : db_path_(std::move(db_path)), flush_seconds_(flush_seconds), thread_([this] { run(); }) {}

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
    if (db && !batch.empty()) {
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

#include "util/worker_pool.h"

#include <algorithm>

namespace khlang {

size_t WorkerPool::default_workers() {
  const unsigned cores = std::thread::hardware_concurrency();
  return cores > 1 ? std::min<size_t>(cores - 1, 3) : 0;
}

WorkerPool::WorkerPool(size_t workers) {
  for (size_t i = 0; i < workers; ++i) threads_.emplace_back([this] { worker_main(); });
}

WorkerPool::~WorkerPool() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  for (std::thread& t : threads_) t.join();
}

void WorkerPool::drain(const std::function<void(size_t)>* fn, size_t count) {
  if (!fn) return;
  for (size_t i = next_.fetch_add(1); i < count; i = next_.fetch_add(1)) (*fn)(i);
}

void WorkerPool::worker_main() {
  uint64_t seen = 0;
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [&] { return stop_ || loop_id_ != seen; });
    if (stop_) return;
    seen = loop_id_;
    const auto* fn = fn_;
    const size_t count = count_;
    lock.unlock();
    drain(fn, count);
    lock.lock();
    // Every worker reports every loop, so the caller's fn outlives all uses of it.
    if (++finished_ == threads_.size()) done_.notify_all();
  }
}

void WorkerPool::parallel_for(size_t count, const std::function<void(size_t)>& fn) {
  if (threads_.empty() || count < 2) {
    for (size_t i = 0; i < count; ++i) fn(i);
    return;
  }
  std::lock_guard loop(loop_mutex_);
  {
    std::lock_guard lock(mutex_);
    fn_ = &fn;
    count_ = count;
    next_.store(0);
    finished_ = 0;
    ++loop_id_;
  }
  wake_.notify_all();
  drain(&fn, count);
  std::unique_lock lock(mutex_);
  done_.wait(lock, [&] { return finished_ == threads_.size(); });
  fn_ = nullptr;
  count_ = 0;
}

}  // namespace khlang

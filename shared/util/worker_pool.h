// [SECTION] A small pool of long-lived worker threads for data-parallel loops.
// Long-lived because per-thread state is costly to build (libthai's breaker loads its whole
// dictionary per thread). The calling thread works too, so a 2-core kiosk uses one worker.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace khlang {

class WorkerPool {
 public:
  // `workers` threads besides the caller; 0 runs everything on the caller.
  explicit WorkerPool(size_t workers = default_workers());
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Calls fn(i) for every i in [0, count), spread over the workers and the caller; returns when
  // all are done. fn must not call parallel_for itself. One loop at a time per pool.
  void parallel_for(size_t count, const std::function<void(size_t)>& fn);

  static size_t default_workers();

 private:
  void worker_main();
  void drain(const std::function<void(size_t)>* fn, size_t count);

  std::mutex mutex_;
  std::mutex loop_mutex_;  // serializes callers
  std::condition_variable wake_, done_;
  std::vector<std::thread> threads_;
  const std::function<void(size_t)>* fn_ = nullptr;
  size_t count_ = 0;
  std::atomic<size_t> next_{0};
  size_t finished_ = 0;  // workers done with the current loop
  uint64_t loop_id_ = 0;
  bool stop_ = false;
};

}  // namespace khlang

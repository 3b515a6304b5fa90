// [SECTION] Work on every core, results used in order, memory bounded: a pipeline for jobs such as
// packing a bundle, where most of the work is per item (parsing a file, making a thumbnail,
// cutting a text into words) and the rest must happen in order on one thread (an SQLite
// connection, which is opened without a mutex and must stay on one thread at a time).
//
//   calling thread:  read(batch)   ── serial: the next batch of inputs (from files, or a SELECT)
//   worker thread:   work(item)    ── on the WorkerPool (the worker thread works too)
//   calling thread:  consume(item) ── serial, in input order, while the next batches are worked on
//
// At most two batches are read and not yet consumed, besides the one being consumed, so memory
// holds about three batches whatever the number of items. An error from consume stops the
// pipeline at once; an error from read stops the reading, and what was read before it is still
// consumed. The first error is returned.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "util/error.h"
#include "util/worker_pool.h"

namespace khlang {

template <class In, class Out>
struct OrderedPipeline {
  // Appends up to `max` inputs to `batch`; appending none means there are no more.
  std::function<Status(std::vector<In>& batch, size_t max)> read;
  std::function<Out(In& item)> work;
  std::function<Status(Out& item)> consume;
  size_t batch_size = 256;
};

template <class In, class Out>
Status run_pipeline(WorkerPool& pool, const OrderedPipeline<In, Out>& p) {
  std::mutex mutex;
  std::condition_variable changed;
  std::deque<std::vector<In>> to_work;
  std::deque<std::vector<Out>> worked;
  bool stop = false;

  // The worker thread: takes read batches in order, works them on the pool, hands them back.
  std::thread worker([&] {
    for (;;) {
      std::vector<In> inputs;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return stop || !to_work.empty(); });
        if (to_work.empty()) return;  // stopped
        inputs = std::move(to_work.front());
        to_work.pop_front();
      }
      std::vector<std::optional<Out>> results(inputs.size());
      pool.parallel_for(inputs.size(), [&](size_t i) { results[i].emplace(p.work(inputs[i])); });
      std::vector<Out> batch;
      batch.reserve(results.size());
      for (std::optional<Out>& r : results) batch.push_back(std::move(*r));
      {
        std::lock_guard lock(mutex);
        worked.push_back(std::move(batch));
      }
      changed.notify_all();
    }
  });

  Status read_status = Ok{}, status = Ok{};
  bool more = true;
  size_t in_flight = 0;  // batches read and not yet taken back to consume
  auto read_batch = [&] {
    std::vector<In> inputs;
    read_status = p.read(inputs, p.batch_size);
    if (!read_status || inputs.empty()) {
      more = false;
      return;
    }
    {
      std::lock_guard lock(mutex);
      to_work.push_back(std::move(inputs));
    }
    ++in_flight;
    changed.notify_all();
  };
  while (more && in_flight < 2) read_batch();
  while (in_flight > 0) {
    std::vector<Out> batch;
    {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return !worked.empty(); });
      batch = std::move(worked.front());
      worked.pop_front();
    }
    --in_flight;
    if (more) read_batch();  // the next batch is worked on while this one is consumed
    for (Out& item : batch) {
      status = p.consume(item);
      if (!status) break;
    }
    if (!status) break;
  }
  {
    std::lock_guard lock(mutex);
    stop = true;
    to_work.clear();
  }
  changed.notify_all();
  worker.join();
  if (!status) return status;
  return read_status;
}

}  // namespace khlang

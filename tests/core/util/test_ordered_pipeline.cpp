// The ordered pipeline under pack: results consumed in input order whatever the workers' speed,
// no more than three batches alive at once, and the first error stops it.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "util/ordered_pipeline.h"

using namespace khlang;

namespace {

OrderedPipeline<int, int> counting(int count, int& next, std::atomic<int>& alive, int& most_alive, std::vector<int>& consumed) {
  OrderedPipeline<int, int> p;
  p.batch_size = 16;
  p.read = [&next, count](std::vector<int>& batch, size_t max) -> Status {
    while (next < count && batch.size() < max) batch.push_back(next++);
    return Ok{};
  };
  p.work = [&alive](int& i) {
    ++alive;
    // Uneven work: later items of a batch often finish first.
    std::this_thread::sleep_for(std::chrono::microseconds((i * 7919) % 200));
    return i * 2;
  };
  p.consume = [&](int& v) -> Status {
    most_alive = std::max(most_alive, alive.load());
    --alive;
    consumed.push_back(v);
    return Ok{};
  };
  return p;
}

}  // namespace

TEST_CASE("pipeline: every item consumed once, in input order, at most three batches alive") {
  WorkerPool pool(3);
  int next = 0, most_alive = 0;
  std::atomic<int> alive{0};
  std::vector<int> consumed;
  REQUIRE(run_pipeline(pool, counting(1000, next, alive, most_alive, consumed)).ok());
  REQUIRE(consumed.size() == 1000);
  for (int i = 0; i < 1000; ++i) CHECK(consumed[static_cast<size_t>(i)] == i * 2);
  CHECK(most_alive <= 3 * 16);  // the one being consumed, two waiting, none ahead
  CHECK(most_alive > 0);
}

TEST_CASE("pipeline: the first error stops it, from consume or from read") {
  WorkerPool pool(1);
  int next = 0, most_alive = 0;
  std::atomic<int> alive{0};
  std::vector<int> consumed;
  auto p = counting(1000, next, alive, most_alive, consumed);
  p.consume = [&](int& v) -> Status {
    if (v == 2 * 100) return Error{"item 100 is bad"};
    consumed.push_back(v);
    return Ok{};
  };
  auto s = run_pipeline(pool, p);
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().message == "item 100 is bad");
  CHECK(consumed.size() == 100);
  CHECK(next < 1000);  // reading stopped: it did not run to the end

  next = 0;
  consumed.clear();
  auto r = counting(1000, next, alive, most_alive, consumed);
  r.read = [&next](std::vector<int>& batch, size_t max) -> Status {
    if (next >= 64) return Error{ErrorKind::Io, "the stick was pulled"};
    while (batch.size() < max) batch.push_back(next++);
    return Ok{};
  };
  auto e = run_pipeline(pool, r);
  REQUIRE_FALSE(e.ok());
  CHECK(e.error().kind == ErrorKind::Io);
  CHECK(consumed.size() == 64);  // what was read before the error was consumed, nothing after
}

TEST_CASE("pipeline: with no worker threads it runs on the producer alone") {
  WorkerPool pool(0);
  int next = 0, most_alive = 0;
  std::atomic<int> alive{0};
  std::vector<int> consumed;
  REQUIRE(run_pipeline(pool, counting(50, next, alive, most_alive, consumed)).ok());
  CHECK(consumed.size() == 50);
}

// LatestQuery (kiosk/latest_query.h): the search screen's queries off the UI thread. Only the
// newest request is answered; a newer one interrupts the one running, so a slow query (a visitor
// who typed on) never holds the next answer back.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include <unistd.h>

#include "latest_query.h"

using namespace khlang;
using namespace std::chrono_literals;

namespace {

// Polls for the answer for at most `limit` of real time.
template <typename Q>
std::optional<std::string> answer_within(Q& q, std::chrono::seconds limit) {
  const auto until = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < until) {
    if (auto a = q.take()) return a;
    std::this_thread::sleep_for(5ms);
  }
  return std::nullopt;
}

}  // namespace

TEST_CASE("latest query: a newer request interrupts a slow one, and only the newest is answered") {
  const auto dir = std::filesystem::temp_directory_path() / ("khlang-latest-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "k.db").string();
  {
    auto db = sqlite::Database::open(path, sqlite::Database::Mode::ReadWriteCreate);
    REQUIRE(db.ok());
    REQUIRE(db->exec("CREATE TABLE t (x); INSERT INTO t VALUES (1)").ok());
  }
  std::atomic<bool> slow_started{false};
  std::string slow_outcome;  // written by the worker before it takes the next request
  kiosk::LatestQuery<std::string> q(path, [&](sqlite::Database* db, const std::string& request) -> std::string {
    if (!db) return "no connection";
    if (request == "slow") {
      slow_started = true;
      // Counting to two billion takes minutes: only an interrupt ends it soon.
      auto n = db->query_int("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000000000) "
                             "SELECT count(*) FROM n");
      slow_outcome = n ? "finished" : "stopped: " + n.error().message;
      return "slow answer";
    }
    auto x = db->query_int("SELECT x FROM t");
    return request + " " + (x ? std::to_string(x.value()) : x.error().message);
  });

  q.submit("first");
  CHECK(answer_within(q, 30s) == std::optional<std::string>("first 1"));
  CHECK_FALSE(q.pending());
  CHECK_FALSE(q.take().has_value());  // an answer is taken once

  q.submit("slow");
  for (int i = 0; i < 3000 && !slow_started; ++i) std::this_thread::sleep_for(10ms);
  REQUIRE(slow_started);
  CHECK(q.pending());
  q.submit("newest");
  CHECK(answer_within(q, 30s) == std::optional<std::string>("newest 1"));  // never "slow answer"
  CHECK(slow_outcome.rfind("stopped: ", 0) == 0);
  CHECK(slow_outcome.find("interrupt") != std::string::npos);
  CHECK_FALSE(q.pending());
  std::filesystem::remove_all(dir);
}

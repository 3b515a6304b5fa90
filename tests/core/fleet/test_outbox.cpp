// The kiosk's outbox: its statistics (only what is new) and its health record, each whole under
// its name and never through a link; the office counting each event once however often a file
// arrives.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>

#include "bundle/importer.h"
#include "bundle_fixture.h"
#include "fleet/outbox.h"
#include "stats/stats_file.h"
#include "stats/usage_recorder.h"
#include "store/schema.h"

using namespace khlang;
namespace fs = std::filesystem;

namespace {

void record_views(const std::string& db, int n) {
  stats::UsageRecorder recorder(db, 0.05);
  for (int i = 0; i < n; ++i) recorder.record({1767225600 + i, stats::kView, "article:a0", 10, ""});
}

int64_t events_in(const std::string& stats_path) {
  auto db = stats::open_stats(stats_path);
  REQUIRE(db.ok());
  return db->query_int("SELECT count(*) FROM event").value();
}

std::vector<std::string> names_in(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("the outbox gets the statistics when they gained events, and a health record every time") {
  test::BundleFixture f;
  REQUIRE(bundle::import_bundle(f.db, f.pack(3, 2)).ok());
  const fs::path outbox = f.dir / "outbox";
  fs::create_directories(outbox);
  record_views(f.db, 5);
  auto kiosk = store::open_kiosk_db(f.db);
  REQUIRE(kiosk.ok());

  auto first = fleet::write_outbox(kiosk.value(), outbox.string(), {"", 60, 300, "", ""});
  REQUIRE(first.ok());
  CHECK(first->new_events == 5);
  CHECK(first->stats_copied);
  CHECK(first->stats_error.empty());
  const std::string id = stats::kiosk_id(kiosk.value()).value();
  CHECK(names_in(outbox) == std::vector<std::string>{"khlang-health-" + id + ".txt", "khlang-stats-" + id + ".sqlite"});
  CHECK(events_in(first->stats_path) == 5);
  auto health = fleet::parse_health(test::read_file(first->health_path), first->health_path);
  REQUIRE(health.ok());
  CHECK(health->content_seq == 3);
  CHECK(health->usage_events == 5);
  CHECK(health->write_interval_seconds == 300);

  // Nothing new: the statistics file in the outbox is left alone (no needless sync).
  struct stat before{}, after{};
  REQUIRE(::stat(first->stats_path.c_str(), &before) == 0);
  auto second = fleet::write_outbox(kiosk.value(), outbox.string(), {});
  REQUIRE(second.ok());
  CHECK(second->new_events == 0);
  CHECK_FALSE(second->stats_copied);
  REQUIRE(::stat(first->stats_path.c_str(), &after) == 0);
  CHECK(after.st_ino == before.st_ino);

  // New events: only they are added, and the file is replaced whole (a new inode, renamed in).
  record_views(f.db, 3);
  auto third = fleet::write_outbox(kiosk.value(), outbox.string(), {});
  REQUIRE(third.ok());
  CHECK(third->new_events == 3);
  CHECK(third->stats_copied);
  REQUIRE(::stat(first->stats_path.c_str(), &after) == 0);
  CHECK(after.st_ino != before.st_ino);
  CHECK(events_in(third->stats_path) == 8);
  CHECK(names_in(outbox).size() == 2);  // no temporary file left behind

  // An outbox that lost its copy gets it again.
  fs::remove(third->stats_path);
  auto fourth = fleet::write_outbox(kiosk.value(), outbox.string(), {});
  REQUIRE(fourth.ok());
  CHECK(fourth->stats_copied);
  CHECK(events_in(fourth->stats_path) == 8);
}

TEST_CASE("each event counts once at the office however often the statistics arrive") {
  test::BundleFixture f;
  REQUIRE(bundle::import_bundle(f.db, f.pack(1, 1)).ok());
  const fs::path outbox = f.dir / "outbox";
  fs::create_directories(outbox);
  auto kiosk = store::open_kiosk_db(f.db);
  REQUIRE(kiosk.ok());
  record_views(f.db, 4);
  auto a = fleet::write_outbox(kiosk.value(), outbox.string(), {});
  REQUIRE(a.ok());
  const std::string office = (f.dir / "office.sqlite").string();
  REQUIRE(stats::merge_stats({a->stats_path}, office).value() == 4);
  record_views(f.db, 2);
  auto b = fleet::write_outbox(kiosk.value(), outbox.string(), {});
  REQUIRE(b.ok());
  CHECK(stats::merge_stats({b->stats_path, b->stats_path}, office).value() == 2);
  CHECK(events_in(office) == 6);
}

TEST_CASE("the outbox is not written through a link, and a missing outbox is named") {
  test::BundleFixture f;
  auto kiosk = store::open_kiosk_db(f.db);
  REQUIRE(kiosk.ok());
  const fs::path outbox = f.dir / "outbox";
  fs::create_directories(outbox);
  const std::string id = stats::kiosk_id(kiosk.value()).value();
  const std::string victim = (f.dir / "victim.txt").string();
  test::write_file(victim, "precious");
  fs::create_symlink(victim, outbox / ("khlang-health-" + id + ".txt"));
  auto written = fleet::write_outbox(kiosk.value(), outbox.string(), {});
  REQUIRE_FALSE(written.ok());
  CHECK(written.error().message.find("is a symbolic link, not a regular file") != std::string::npos);
  CHECK(test::read_file(victim) == "precious");

  auto missing = fleet::write_outbox(kiosk.value(), (f.dir / "nope").string(), {});
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().message.find("outbox folder") != std::string::npos);
}

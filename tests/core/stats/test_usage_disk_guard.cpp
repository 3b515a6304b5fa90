// The disk guard of usage statistics: below the free-space threshold on the database's file
// system, batches are dropped (and the recorder says so) instead of filling the disk.
#include <doctest/doctest.h>

#include <cstdint>
#include <limits>

#include "bundle/importer.h"
#include "bundle_fixture.h"
#include "stats/usage_recorder.h"
#include "store/schema.h"

using namespace khlang;
using khlang::test::BundleFixture;

namespace {

int64_t usage_rows(const std::string& db_path) {
  auto db = store::open_kiosk_db(db_path);
  REQUIRE(db.ok());
  auto n = db->query_int("SELECT count(*) FROM usage_event");
  REQUIRE(n.ok());
  return n.value();
}

}  // namespace

TEST_CASE("stats: with less free disk than the threshold nothing is recorded, and the recorder says so") {
  BundleFixture f;
  REQUIRE(bundle::import_bundle(f.db, f.pack(1, 3)).ok());
  // No file system has this much free: the guard must hold every batch back.
  stats::UsageRecorder full(f.db, 0.05, std::numeric_limits<uint64_t>::max());
  CHECK_FALSE(full.stopped_for_low_disk());
  full.record({1'800'000'000, stats::kView, "article:a0", 12, ""});
  full.record({1'800'000'001, stats::kSearch, "", 2, "ความรู้"});
  full.flush();
  CHECK(full.stopped_for_low_disk());
  CHECK(usage_rows(f.db) == 0);
}

TEST_CASE("stats: with room on the disk events are recorded and the guard stays quiet") {
  BundleFixture f;
  REQUIRE(bundle::import_bundle(f.db, f.pack(1, 3)).ok());
  {
    stats::UsageRecorder roomy(f.db, 0.05, 0);
    roomy.record({1'800'000'000, stats::kView, "article:a0", 12, ""});
    roomy.flush();
    CHECK_FALSE(roomy.stopped_for_low_disk());
  }
  CHECK(usage_rows(f.db) == 1);
}

// The kiosk database from version 2 to the current one (tests/data/kiosk-v2.db, made by
// tests/data/make-kiosk-v2-fixture.sh with khlang-admin of that version): new columns on live and
// prev_ tables, old statuses in the new vocabulary, the built-in demo's content marked sample,
// and imports and rollback working afterwards.
#include <doctest/doctest.h>

#include <filesystem>

#include "bundle/importer.h"
#include "bundle/trust_store.h"
#include "bundle_fixture.h"
#include "content/content_tables.h"
#include "store/content_queries.h"
#include "store/schema.h"

using namespace khlang;
using khlang::test::BundleFixture;

namespace {

std::string copy_fixture(const BundleFixture& f) {
  const std::string db = (f.dir / "v2.db").string();
  std::filesystem::copy_file(KHLANG_TEST_DATA_DIR "/kiosk-v2.db", db);
  return db;
}

int64_t query(sqlite::Database& db, const std::string& sql) {
  auto n = db.query_int(sql);
  REQUIRE_MESSAGE(n.ok(), (n ? "" : n.error().message));
  return n.value();
}

}  // namespace

TEST_CASE("migration from version 2: columns, statuses in the new vocabulary, the demo's content marked sample") {
  BundleFixture f;
  const std::string path = copy_fixture(f);
  {
    auto raw = sqlite::Database::open(path, sqlite::Database::Mode::ReadOnly);
    REQUIRE(raw.ok());
    REQUIRE(query(raw.value(), "PRAGMA user_version") == 2);
  }
  auto db = store::open_kiosk_db(path);
  REQUIRE_MESSAGE(db.ok(), (db ? "" : db.error().message));
  CHECK(query(db.value(), "PRAGMA user_version") == store::kKioskSchemaVersion);
  CHECK(db->query_text("PRAGMA integrity_check").value() == "ok");
  CHECK(query(db.value(), "SELECT count(*) FROM pragma_foreign_key_check") == 0);
  CHECK(query(db.value(), "SELECT count(*) FROM inbox_refused") == 0);  // version 3's table came on the way

  // Every content table, live and prev_, has every column of this version.
  for (const content::TableSpec& t : content::content_tables()) {
    for (const char* prefix : {"", "prev_"}) {
      auto stmt = db->prepare("SELECT " + content::column_list(t) + " FROM " + prefix + t.name);
      INFO(prefix << t.name);
      CHECK(stmt.ok());
    }
  }
  // done -> achieved; the others keep their word.
  CHECK(db->query_text("SELECT group_concat(status, ',') FROM (SELECT status FROM progress ORDER BY id)").value() ==
        "behind,achieved,in_progress,not_started");
  CHECK(query(db.value(), "SELECT count(*) FROM prev_progress WHERE status = 'achieved'") == 1);
  // The content came from the built-in demo key: sample, live and prev_.
  for (const char* table : {"organization", "person", "article", "plan", "plan_activity", "progress", "community"}) {
    INFO(table);
    CHECK(query(db.value(), std::string("SELECT count(*) FROM ") + table + " WHERE is_sample = 0") == 0);
    CHECK(query(db.value(), std::string("SELECT count(*) FROM prev_") + table + " WHERE is_sample = 0") == 0);
  }
  auto summary = store::load_summary(db.value());
  REQUIRE(summary.ok());
  CHECK(summary->sample_rows > 0);
  // The status vocabulary holds from now on.
  CHECK_FALSE(db->exec("UPDATE progress SET status = 'done'").ok());
  // The migrated plans read like new ones: cm-1's 45 % stands as the author's "behind".
  auto plans = store::load_plans(db.value());
  REQUIRE(plans.ok());
  REQUIRE(plans->size() == 1);
  CHECK(store::status_for_year(plans->front().activities.front(), 2564, {2026, 6, 1}) == plan::ProgressStatus::Behind);
}

TEST_CASE("migration from version 2: content from an office key is not marked sample, and imports and rollback work after it") {
  BundleFixture f;
  const std::string path = copy_fixture(f);
  {
    auto raw = sqlite::Database::open(path, sqlite::Database::Mode::ReadWrite);
    REQUIRE(raw.ok());
    REQUIRE(raw->exec("UPDATE trusted_key SET comment = 'office PC'").ok());
  }
  {
    auto db = store::open_kiosk_db(path);
    REQUIRE(db.ok());
    CHECK(query(db.value(), "SELECT count(*) FROM progress WHERE is_sample = 1") == 2);  // the rows' own flags
    CHECK(query(db.value(), "SELECT count(*) FROM article WHERE is_sample = 1") == 0);
    REQUIRE(bundle::trust_key(db.value(), f.key.pub, "test key").ok());
  }
  REQUIRE(bundle::import_bundle(path, f.pack(1, 2)).ok());
  auto db = store::open_kiosk_db(path);
  REQUIRE(db.ok());
  CHECK(query(db.value(), "SELECT count(*) FROM article") == 2);
  CHECK(query(db.value(), "SELECT count(*) FROM prev_progress") == 4);
  REQUIRE(bundle::rollback_import(path).ok());
  CHECK(query(db.value(), "SELECT count(*) FROM progress") == 4);
  CHECK(db->query_text("SELECT title FROM article").value() == "บทความทดสอบ");
}

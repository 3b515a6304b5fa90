// Usage statistics, their export and merge, the report's figures, and the admin PIN's lockout.
#include <doctest/doctest.h>

#include <filesystem>

#include "bundle/importer.h"
#include "bundle_fixture.h"
#include "security/pin_lock.h"
#include "stats/report_data.h"
#include "stats/stats_file.h"
#include "stats/usage_recorder.h"
#include "store/schema.h"
#include "store/settings.h"
#include "thai/thai_date.h"

using namespace khlang;
using khlang::test::BundleFixture;

namespace {

int64_t utc(const char* iso) {
  auto t = thai::parse_iso_utc_seconds(iso);
  REQUIRE(t);
  return *t;
}

// A kiosk with three articles (a0..a2, category ความรู้) and a known set of events.
struct StatsFixture : BundleFixture {
  StatsFixture() {
    REQUIRE(bundle::import_bundle(db, pack(1, 3)).ok());
    stats::UsageRecorder recorder(db, 0.05);
    auto add = [&](const char* at, const char* kind, const std::string& target, double value, const std::string& detail) {
      recorder.record({utc(at), kind, target, value, detail});
    };
    add("2026-10-02T03:00:00Z", stats::kView, "article:a0", 30, "");
    add("2026-10-02T03:01:00Z", stats::kView, "article:a0", 10, "");
    add("2026-10-15T03:00:00Z", stats::kView, "article:a1", 20, "");
    // 20:00 UTC on 31 October is 03:00 on 1 November in Thailand: a November view.
    add("2026-10-31T20:00:00Z", stats::kView, "article:a0", 50, "");
    add("2026-12-01T03:00:00Z", stats::kView, "article:a2", 5, "");
    add("2026-10-02T03:02:00Z", stats::kView, "announcement:x", 12, "");  // not the knowledge base
    add("2026-10-02T03:03:00Z", stats::kView, "plan", 40, "");
    add("2026-10-02T03:04:00Z", stats::kSearch, "", 0, "ฆฆฆ");
    add("2026-10-02T03:04:00Z", stats::kSearchNoResult, "", 0, "ฆฆฆ");
    add("2026-11-02T03:04:00Z", stats::kSearch, "", 0, "ฆฆฆ");
    add("2026-11-02T03:04:00Z", stats::kSearchNoResult, "", 0, "ฆฆฆ");
    add("2026-11-02T03:05:00Z", stats::kSearch, "", 0, "wifi");
    add("2026-11-02T03:05:00Z", stats::kSearchNoResult, "", 0, "wifi");
    add("2026-11-02T03:06:00Z", stats::kSearch, "", 4, "ความรู้");
    add("2026-10-02T03:10:00Z", stats::kSession, "", 60, "");
    add("2026-11-02T03:10:00Z", stats::kSession, "", 120, "");
    add("2026-11-03T03:10:00Z", stats::kMeeting, "", 300, "");
  }  // the recorder's destructor writes what it holds
  std::string out(const std::string& name) { return (dir / name).string(); }
};

stats::ReportData report_of(const std::string& stats_path, const std::string& from = "", const std::string& to = "") {
  auto file = stats::open_stats(stats_path);
  REQUIRE(file.ok());
  auto r = stats::build_report(file.value(), from, to);
  REQUIRE(r.ok());
  return r.value();
}

}  // namespace

TEST_CASE("stats: the recorder writes every event in batches, off the caller's thread") {
  StatsFixture f;
  auto kiosk = store::open_kiosk_db(f.db);
  REQUIRE(kiosk.ok());
  CHECK(kiosk->query_int("SELECT count(*) FROM usage_event").value() == 17);
  CHECK(kiosk->query_text("SELECT at FROM usage_event WHERE value = 50").value() == "2026-10-31T20:00:00Z");
}

TEST_CASE("stats: a known set of events gives exactly the expected report") {
  StatsFixture f;
  auto kiosk = store::open_kiosk_db(f.db);
  REQUIRE(kiosk.ok());
  auto exported = stats::export_stats(kiosk.value(), f.out("s.sqlite"));
  REQUIRE(exported.ok());
  CHECK(exported->added == 17);
  CHECK(std::filesystem::exists(exported->csv_path));
  const stats::ReportData r = report_of(f.out("s.sqlite"));
  CHECK(r.kiosks == 1);
  CHECK(r.organization == "เทศบาลทดสอบ #1");
  CHECK(r.article_views == 5);
  CHECK(r.sessions == 2);
  CHECK(r.session_minutes == doctest::Approx(3.0));
  CHECK(r.searches == 4);
  CHECK(r.searches_no_result == 3);
  CHECK(r.meeting_uses == 1);
  CHECK(r.meeting_minutes == doctest::Approx(5.0));
  REQUIRE(r.views_per_month.size() == 3);  // October to December, every month
  CHECK(r.views_per_month[0].label == "2026-10");
  CHECK(r.views_per_month[0].count == 3);
  CHECK(r.views_per_month[1].count == 1);  // the one at 03:00 Thai time on 1 November
  CHECK(r.views_per_month[2].count == 1);
  REQUIRE(r.views_per_category.size() == 1);
  CHECK(r.views_per_category[0].label == "ความรู้");
  CHECK(r.views_per_category[0].count == 5);
  REQUIRE(r.top_articles.size() == 3);
  CHECK(r.top_articles[0].route == "article:a0");
  CHECK(r.top_articles[0].views == 3);
  CHECK(r.top_articles[0].average_seconds == doctest::Approx(30.0));
  CHECK(r.top_articles[0].title == "บทความที่ 0 ของชุด 1");
  REQUIRE(r.no_result_queries.size() == 2);
  CHECK(r.no_result_queries[0].label == "ฆฆฆ");
  CHECK(r.no_result_queries[0].count == 2);
  // A period: November only (Thai dates).
  const stats::ReportData nov = report_of(f.out("s.sqlite"), "2026-11-01", "2026-11-30");
  CHECK(nov.article_views == 1);
  CHECK(nov.searches_no_result == 2);
  REQUIRE(nov.views_per_month.size() == 1);
}

TEST_CASE("stats: exporting again adds only what is new; merging the same export twice counts it once") {
  StatsFixture f;
  auto kiosk = store::open_kiosk_db(f.db);
  REQUIRE(kiosk.ok());
  REQUIRE(stats::export_stats(kiosk.value(), f.out("a.sqlite")).ok());
  auto again = stats::export_stats(kiosk.value(), f.out("a.sqlite"));
  REQUIRE(again.ok());
  CHECK(again->added == 0);
  CHECK(again->total == 17);
  {
    stats::UsageRecorder recorder(f.db, 0.05);
    recorder.record({utc("2026-12-02T03:00:00Z"), stats::kView, "article:a1", 9, ""});
  }
  auto third = stats::export_stats(kiosk.value(), f.out("a.sqlite"));
  REQUIRE(third.ok());
  CHECK(third->added == 1);
  CHECK(third->total == 18);

  // A second kiosk (another database, so another kiosk id) with the same events.
  BundleFixture other;
  REQUIRE(bundle::import_bundle(other.db, other.pack(1, 3)).ok());
  {
    stats::UsageRecorder recorder(other.db, 0.05);
    recorder.record({utc("2026-10-05T03:00:00Z"), stats::kView, "article:a2", 9, ""});
  }
  auto other_kiosk = store::open_kiosk_db(other.db);
  REQUIRE(other_kiosk.ok());
  REQUIRE(stats::export_stats(other_kiosk.value(), f.out("b.sqlite")).ok());

  auto added = stats::merge_stats({f.out("a.sqlite"), f.out("b.sqlite"), f.out("a.sqlite")}, f.out("all.sqlite"));
  REQUIRE(added.ok());
  CHECK(added.value() == 19);
  auto twice = stats::merge_stats({f.out("a.sqlite")}, f.out("all.sqlite"));
  REQUIRE(twice.ok());
  CHECK(twice.value() == 0);
  const stats::ReportData r = report_of(f.out("all.sqlite"));
  CHECK(r.kiosks == 2);
  CHECK(r.article_views == 7);

  CHECK_FALSE(stats::merge_stats({f.db}, f.out("all.sqlite")).ok());  // a kiosk database is no statistics file
  CHECK_FALSE(stats::open_stats(f.out("missing.sqlite")).ok());
}

TEST_CASE("admin PIN: at least 6 digits, Argon2id, 5 free failures, then a lock that doubles to an hour and outlives a restart") {
  BundleFixture f;
  auto db = store::open_kiosk_db(f.db);
  REQUIRE(db.ok());
  security::PinLock lock(db.value());
  CHECK_FALSE(lock.has_pin());
  CHECK_FALSE(lock.set_pin("12345").ok());
  CHECK_FALSE(lock.set_pin("12a456").ok());
  REQUIRE(lock.set_pin("246810").ok());
  CHECK(lock.has_pin());
  CHECK(store::get_setting(db.value(), "admin_pin_hash", "").rfind("$argon2id$", 0) == 0);

  int64_t now = 1'800'000'000;
  CHECK(lock.check("246810", now).outcome == security::PinLock::Outcome::Accepted);
  for (int i = 1; i <= 4; ++i) {
    const auto c = lock.check("000000", now);
    CHECK(c.outcome == security::PinLock::Outcome::Wrong);
    CHECK(c.locked_seconds == 0);
  }
  const auto fifth = lock.check("000000", now);
  CHECK(fifth.locked_seconds == 30);
  // Locked: even the right PIN is not checked.
  CHECK(lock.check("246810", now + 10).outcome == security::PinLock::Outcome::Locked);
  {
    // A restart: a new connection, a new lock object.
    auto reopened = store::open_kiosk_db(f.db);
    REQUIRE(reopened.ok());
    security::PinLock after(reopened.value());
    CHECK(after.locked_for(now + 10) == 20);
    CHECK(after.check("246810", now + 20).outcome == security::PinLock::Outcome::Locked);
  }
  now += 31;
  CHECK(lock.check("000000", now).locked_seconds == 60);
  now += 61;
  CHECK(lock.check("000000", now).locked_seconds == 120);
  for (int i = 0; i < 8; ++i) {
    now += 3601;
    (void)lock.check("000000", now);
  }
  now += 3601;
  CHECK(lock.check("000000", now).locked_seconds == 3600);
  now += 3601;
  CHECK(lock.check("246810", now).outcome == security::PinLock::Outcome::Accepted);
  CHECK(lock.check("000000", now).locked_seconds == 0);  // the count starts again
}

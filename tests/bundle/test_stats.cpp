// Usage statistics, their export and merge, the report's figures, and the admin PIN's lockout.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <algorithm>
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

TEST_CASE("stats: exporting again adds only what is new, and merging the same export twice counts it once") {
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

TEST_CASE("stats export into a stick or inbox: kept privately, copied out, and a link, FIFO or directory at either name refuses it") {
  StatsFixture f;
  auto kiosk = store::open_kiosk_db(f.db);
  REQUIRE(kiosk.ok());
  const std::string id = stats::kiosk_id(kiosk.value()).value();
  const std::string private_dir = f.out("private"), victim = f.out("victim.sh");
  for (const char* folder_name : {"stick", "inbox"}) {
    const std::string folder = f.out(folder_name);
    std::filesystem::create_directories(folder);
    for (const std::string& name : {stats::stats_file_name(id), stats::stats_csv_name(id)}) {
      for (const char* kind : {"a symbolic link", "a FIFO", "a directory"}) {
        INFO(folder_name << " " << name << " " << kind);
        test::write_file(victim, "#!/bin/sh\necho office\n");
        const std::string target = folder + "/" + name;
        if (kind[2] == 's') std::filesystem::create_symlink(victim, target);
        else if (kind[2] == 'F') REQUIRE(mkfifo(target.c_str(), 0644) == 0);
        else std::filesystem::create_directory(target);
        auto refused = stats::export_stats_to_folder(kiosk.value(), private_dir, folder);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().message.find(kind) != std::string::npos);
        CHECK(refused.error().message.find(name) != std::string::npos);
        CHECK(test::read_file(victim) == "#!/bin/sh\necho office\n");
        // Nothing else was written: only the planted thing is in the folder.
        std::vector<std::string> present;
        for (const auto& e : std::filesystem::directory_iterator(folder)) present.push_back(e.path().filename().string());
        CHECK(present == std::vector<std::string>{name});
        std::filesystem::remove(target);
      }
    }
    auto exported = stats::export_stats_to_folder(kiosk.value(), private_dir, folder);
    REQUIRE(exported.ok());
    CHECK(exported->total == 17);
    CHECK(exported->path == folder + "/" + stats::stats_file_name(id));
    // The stick gets a copy of the kiosk's own file, which SQLite never opened on the stick.
    CHECK(test::read_file(exported->path) == test::read_file(private_dir + "/" + stats::stats_file_name(id)));
    CHECK(report_of(exported->path).article_views == 5);
    CHECK(std::filesystem::exists(exported->csv_path));
  }
  // The second folder's export added nothing new: the private file keeps what was exported.
  auto again = stats::export_stats_to_folder(kiosk.value(), private_dir, f.out("stick"));
  REQUIRE(again.ok());
  CHECK(again->added == 0);
  CHECK(again->total == 17);
  // A folder that is itself a link is refused too.
  std::filesystem::create_directory_symlink(f.out("stick"), f.out("stick-link"));
  CHECK_FALSE(stats::export_stats_to_folder(kiosk.value(), private_dir, f.out("stick-link")).ok());
}

TEST_CASE("stats CSV: a visitor's search starting a formula or holding control characters is neutralised, readably") {
  StatsFixture f;
  {
    stats::UsageRecorder recorder(f.db, 0.05);
    recorder.record({utc("2026-12-03T03:00:00Z"), stats::kSearchNoResult, "", 0, "=HYPERLINK(\"http://x\",\"ok\")"});
    recorder.record({utc("2026-12-03T03:01:00Z"), stats::kSearchNoResult, "", 0, "@SUM(1+1)*cmd|' /C calc'!A0"});
    recorder.record({utc("2026-12-03T03:02:00Z"), stats::kSearchNoResult, "", 0, "x\n& touch FILE #\r\tน้ำ\x1b[2J"});
    recorder.record({utc("2026-12-03T03:03:00Z"), stats::kSearchNoResult, "", 0, "-2+3"});
  }
  auto kiosk = store::open_kiosk_db(f.db);
  REQUIRE(kiosk.ok());
  auto exported = stats::export_stats_to_folder(kiosk.value(), f.out("private"), f.dir.string());
  REQUIRE(exported.ok());
  const std::string csv = test::read_file(exported->csv_path);
  CHECK(csv.find(",\"'=HYPERLINK(\"\"http://x\"\",\"\"ok\"\")\"\n") != std::string::npos);
  CHECK(csv.find(",'@SUM(1+1)*cmd|' /C calc'!A0\n") != std::string::npos);
  CHECK(csv.find(",x\u240A& touch FILE #\u240D\u2409น้ำ\u241B[2J\n") != std::string::npos);
  CHECK(csv.find(",'-2+3\n") != std::string::npos);
  // Every event is one line: no visitor text starts a record of its own.
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 17 + 4 + 1);
  CHECK(csv.find('\r') == std::string::npos);
  CHECK(csv.find('\t') == std::string::npos);
  // The statistics file itself keeps what the visitor typed: the report shows it as text.
  bool found = false;
  for (const auto& q : report_of(exported->path).no_result_queries) found |= q.label == "-2+3";
  CHECK(found);
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

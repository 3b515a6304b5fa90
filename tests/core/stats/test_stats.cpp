// Usage statistics, their export and merge, and the report's figures.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "bundle/demo_content.h"
#include "bundle/importer.h"
#include "bundle_fixture.h"
#include "content/content_folder.h"
#include "plan/plan_cycle.h"
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

stats::ReportData report_of(const std::string& stats_path, const std::string& from = "", const std::string& to = "",
                            thai::CivilDate today = {2027, 1, 15}) {
  auto file = stats::open_stats(stats_path);
  REQUIRE(file.ok());
  auto r = stats::build_report(file.value(), from, to, today);
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
  CHECK(r.totals.article_views == 5);
  CHECK(r.totals.sessions == 2);
  CHECK(r.totals.session_seconds == doctest::Approx(180.0));
  CHECK(r.totals.searches == 4);
  CHECK(r.totals.searches_no_result == 3);
  CHECK(r.totals.meeting_uses == 1);
  CHECK(r.totals.meeting_seconds == doctest::Approx(300.0));
  // October to December 2026 are all fiscal year 2570.
  REQUIRE(r.per_fiscal_year.size() == 1);
  CHECK(r.per_fiscal_year[0].fiscal_year == 2570);
  CHECK(r.per_fiscal_year[0].figures.article_views == 5);
  CHECK_FALSE(r.includes_sample());  // the fixture's content is the municipality's own
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
  CHECK(nov.totals.article_views == 1);
  CHECK(nov.totals.searches_no_result == 2);
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
  CHECK(r.totals.article_views == 7);

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
    CHECK(report_of(exported->path).totals.article_views == 5);
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

namespace {

// A kiosk whose content has a plan over FY 2568–2570 with a kiosk-measured indicator (kmp-4:
// accesses to the knowledge base) and cm-1 (at least 50%), and events on both sides of two
// fiscal years' boundaries (Thai local time).
struct FiscalYearFixture : BundleFixture {
  FiscalYearFixture() {
    const std::filesystem::path folder = write_folder(1, 2);
    test::write_file((folder / "plans.csv").string(),
                     "id,title,fiscal_year_from,fiscal_year_to\nkm,แผนการจัดการความรู้,2568,2570\n");
    test::write_file((folder / "activities.csv").string(),
                     "id,plan_id,seq,activity,indicator,target,unit,target_value,target_direction,kiosk_measure\n"
                     "kmp-4,km,4,การเข้าถึงความรู้,จำนวนการเข้าถึงฐานข้อมูลความรู้,มีจำนวนการเข้าถึง,ครั้ง,,,article_views\n"
                     "cm-1,km,1,การเตรียมการ,บุคลากรทราบเป้าหมาย KM,อย่างน้อย 50%,%,50,at_least,\n");
    test::write_file((folder / "progress.csv").string(),
                     "id,activity_id,fiscal_year,value,recorded_on,is_sample\n"
                     "p1,cm-1,2568,45,2025-09-20,0\n"
                     "p2,cm-1,2569,55,2026-09-20,0\n"
                     "p3,kmp-4,2568,900,2025-09-20,1\n");  // sample: the kiosk's own count replaces it
    auto set = content::load_content_folder(folder.string());
    REQUIRE_MESSAGE(set.ok(), (set ? "" : set.error().message));
    const std::string b = (dir / "fy.khb").string();
    REQUIRE(bundle::pack_bundle(set.value(), {"เทศบาลทดสอบ", "main", 1, "2026-01-01T00:00:00Z"}, key.secret, b).ok());
    REQUIRE(bundle::import_bundle(db, b).ok());
    stats::UsageRecorder recorder(db, 0.05);
    auto add = [&](const char* at, const char* kind, const std::string& target, double value) {
      recorder.record({utc(at), kind, target, value, ""});
    };
    // FY 2568 ends 30 September 2025 (Thai time); 16:59 UTC is 23:59 in Thailand.
    add("2025-09-15T03:00:00Z", stats::kView, "article:a0", 20);
    add("2025-09-30T16:59:00Z", stats::kView, "article:a1", 20);
    add("2025-09-30T16:59:30Z", stats::kSession, "", 45);
    // 17:00 UTC on 30 September is 00:00 on 1 October in Thailand: FY 2569.
    add("2025-09-30T17:00:00Z", stats::kView, "article:a0", 30);
    add("2026-03-01T03:00:00Z", stats::kView, "article:a0", 10);
    add("2026-03-01T03:00:00Z", stats::kView, "plan", 10);  // not the knowledge base
    add("2026-03-01T03:05:00Z", stats::kSession, "", 75);
    add("2026-03-02T03:00:00Z", stats::kMeeting, "", 50);
    add("2026-10-02T03:00:00Z", stats::kView, "article:a1", 5);  // FY 2570
  }
};

const stats::IndicatorRow& indicator(const stats::ReportData& r, const std::string& id) {
  for (const auto& p : r.plans) {
    for (const auto& i : p.indicators) {
      if (i.activity_id == id) return i;
    }
  }
  FAIL("no indicator " << id);
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("report: a fiscal-year report over a known set of events gives exactly the expected per-year figures") {
  FiscalYearFixture f;
  auto kiosk = store::open_kiosk_db(f.db);
  REQUIRE(kiosk.ok());
  const std::string file = (f.dir / "fy.sqlite").string();
  REQUIRE(stats::export_stats(kiosk.value(), file).ok());
  const thai::CivilDate today{2026, 11, 1};  // FY 2570 has begun
  const stats::ReportData r = report_of(file, "", "", today);
  REQUIRE(r.per_fiscal_year.size() == 3);
  CHECK(r.per_fiscal_year[0].fiscal_year == 2568);
  CHECK(r.per_fiscal_year[0].figures.article_views == 2);
  CHECK(r.per_fiscal_year[0].figures.sessions == 1);
  CHECK(r.per_fiscal_year[0].figures.session_seconds == doctest::Approx(45.0));
  CHECK(r.per_fiscal_year[1].fiscal_year == 2569);
  CHECK(r.per_fiscal_year[1].figures.article_views == 2);
  CHECK(r.per_fiscal_year[1].figures.sessions == 1);
  CHECK(r.per_fiscal_year[1].figures.session_seconds == doctest::Approx(75.0));
  CHECK(r.per_fiscal_year[1].figures.meeting_uses == 1);
  CHECK(r.per_fiscal_year[1].figures.meeting_seconds == doctest::Approx(50.0));
  CHECK(r.per_fiscal_year[2].fiscal_year == 2570);
  CHECK(r.per_fiscal_year[2].figures.article_views == 1);
  CHECK(r.per_fiscal_year[2].figures.sessions == 0);
  CHECK(thai::format_thai_duration(r.per_fiscal_year[0].figures.session_seconds) == "45 วินาที");  // not "0 นาที"

  // The plan's indicators, year by year across its range.
  REQUIRE(r.plans.size() == 1);
  CHECK(r.plans[0].range == plan::FiscalRange{2568, 2570});
  CHECK(r.plans[0].phase == plan::PlanPhase::Current);
  const stats::IndicatorRow& cm1 = indicator(r, "cm-1");
  REQUIRE(cm1.years.size() == 3);
  CHECK(*cm1.years[0].value == 45);
  CHECK(cm1.years[0].status == plan::ProgressStatus::Behind);
  CHECK(*cm1.years[1].value == 55);
  CHECK(cm1.years[1].status == plan::ProgressStatus::Achieved);
  CHECK_FALSE(cm1.years[2].value);
  CHECK(cm1.years[2].status == plan::ProgressStatus::NoData);
  // kmp-4 is measured by the kiosk: filled from the events for the years they cover, the
  // sample figure of 2568 replaced by the real count.
  const stats::IndicatorRow& kmp4 = indicator(r, "kmp-4");
  REQUIRE(kmp4.years.size() == 3);
  for (size_t y = 0; y < 3; ++y) {
    INFO(y);
    CHECK(kmp4.years[y].source == stats::IndicatorYear::Source::Kiosk);
    CHECK_FALSE(kmp4.years[y].is_sample);
  }
  CHECK(*kmp4.years[0].value == 2);
  CHECK(kmp4.years[0].counted_from == "2025-09-15");
  CHECK(kmp4.years[0].counted_to == "2025-09-30");
  CHECK(kmp4.years[0].status == plan::ProgressStatus::YearClosed);
  CHECK(*kmp4.years[1].value == 2);
  CHECK(kmp4.years[1].counted_from == "2025-10-01");
  CHECK(*kmp4.years[2].value == 1);
  CHECK(kmp4.years[2].status == plan::ProgressStatus::InProgress);
  CHECK_FALSE(r.includes_sample());  // the one sample row was replaced by the kiosk's count

  // One fiscal year's use: 2569 only.
  const auto [from, to] = stats::fiscal_year_dates(2569);
  CHECK(from == "2025-10-01");
  CHECK(to == "2026-09-30");
  const stats::ReportData fy = report_of(file, from, to, today);
  CHECK(fy.totals.article_views == 2);
  REQUIRE(fy.per_fiscal_year.size() == 1);
  CHECK(fy.per_fiscal_year[0].fiscal_year == 2569);
  REQUIRE(fy.views_per_month.size() == 12);  // October 2025 to September 2026, zeros included
  CHECK(fy.views_per_month[0].count == 1);
  CHECK(fy.views_per_month[5].count == 1);  // March 2026
  // The indicators still cover the plan's years.
  CHECK(indicator(fy, "kmp-4").years.size() == 3);
}

TEST_CASE("report: the demo's figures are sample data, marked row by row, with the committee's signatories") {
  BundleFixture f;
  const std::string demo_db = (f.dir / "demo.db").string();
  REQUIRE(bundle::import_demo_if_empty(demo_db, KHLANG_DEMO_DIR).ok());
  auto kiosk = store::open_kiosk_db(demo_db);
  REQUIRE(kiosk.ok());
  const std::string file = (f.dir / "demo.sqlite").string();
  REQUIRE(stats::export_stats(kiosk.value(), file).ok());
  const stats::ReportData r = report_of(file, "", "", {2026, 6, 1});
  CHECK(r.includes_sample());
  REQUIRE(r.plans.size() == 2);
  for (const auto& p : r.plans) {
    CHECK(p.phase == plan::PlanPhase::Ended);
    CHECK(p.is_sample);
    REQUIRE(p.indicators.size() == 6);
    for (const auto& i : p.indicators) {
      CHECK(i.is_sample);
      REQUIRE(i.years.size() == 3);
      for (const auto& y : i.years) CHECK(y.is_sample);
    }
  }
  const stats::IndicatorRow& cm1 = indicator(r, "cm-1");
  CHECK(cm1.years[0].status == plan::ProgressStatus::Behind);
  CHECK(cm1.years[1].status == plan::ProgressStatus::Achieved);
  bool chair = false, secretary = false;
  for (const auto& s : r.signatories) {
    chair = chair || (s.role == "chair" && s.position == "ปลัดเทศบาล");
    secretary = secretary || s.role == "secretary";
  }
  CHECK(chair);
  CHECK(secretary);
}

TEST_CASE("statistics files: version 1 is upgraded by a merge, read with a clear message before") {
  BundleFixture f;
  const std::string old_file = (f.dir / "v1.sqlite").string();
  {
    auto db = sqlite::Database::open(old_file, sqlite::Database::Mode::ReadWriteCreate);
    REQUIRE(db.ok());
    REQUIRE(db->exec("PRAGMA application_id=" + std::to_string(0x4B484C53) + "; PRAGMA user_version=1;"
                     "CREATE TABLE kiosk (kiosk_id TEXT PRIMARY KEY, organization TEXT NOT NULL, exported_at TEXT NOT NULL);"
                     "CREATE TABLE event (kiosk_id TEXT NOT NULL, event_id INTEGER NOT NULL, at TEXT NOT NULL, kind TEXT "
                     "NOT NULL, target TEXT NOT NULL, value REAL, detail TEXT NOT NULL, PRIMARY KEY (kiosk_id, event_id)) "
                     "WITHOUT ROWID;"
                     "CREATE TABLE route_title (route TEXT PRIMARY KEY, title TEXT NOT NULL, category TEXT NOT NULL) WITHOUT ROWID;"
                     "CREATE TABLE activity_progress (activity_id TEXT PRIMARY KEY, plan_title TEXT NOT NULL, seq INTEGER "
                     "NOT NULL, activity TEXT NOT NULL, indicator TEXT NOT NULL, target TEXT NOT NULL, fiscal_year INTEGER, "
                     "value REAL, target_value REAL, status TEXT NOT NULL, recorded_on TEXT NOT NULL) WITHOUT ROWID;"
                     "CREATE TABLE snapshot (id INTEGER PRIMARY KEY CHECK (id = 1), taken_at TEXT NOT NULL);"
                     "INSERT INTO kiosk VALUES ('kiosk-1', 'เทศบาลเก่า', '2026-01-01T00:00:00Z');"
                     "INSERT INTO event VALUES ('kiosk-1', 1, '2026-01-01T03:00:00Z', 'view', 'article:a0', 12, '');"
                     "INSERT INTO route_title VALUES ('article:a0', 'บทความ', 'หมวด');"
                     "INSERT INTO snapshot VALUES (1, '2026-01-01T00:00:00Z');")
                .ok());
  }
  auto read = stats::open_stats(old_file);
  REQUIRE_FALSE(read.ok());
  CHECK(read.error().message.find("older Khlang (version 1): upgrade it with 'khlang-admin stats merge") != std::string::npos);
  const std::string upgraded = (f.dir / "v2.sqlite").string();
  auto added = stats::merge_stats({old_file}, upgraded);
  REQUIRE_MESSAGE(added.ok(), (added ? "" : added.error().message));
  CHECK(added.value() == 1);
  const stats::ReportData r = report_of(upgraded);
  CHECK(r.totals.article_views == 1);
  CHECK(r.organization == "เทศบาลเก่า");
  // Exporting into the old file upgrades it in place and keeps its events.
  auto kiosk = store::open_kiosk_db(f.db);
  REQUIRE(kiosk.ok());
  auto exported = stats::export_stats(kiosk.value(), old_file);
  REQUIRE_MESSAGE(exported.ok(), (exported ? "" : exported.error().message));
  CHECK(report_of(old_file).kiosks == 2);
}

// The office's view of the fleet: records found in the synced folders, and each kind of trouble
// flagged (offline, stale content, low disk, clock skew, refused imports, unreadable records).
#include <doctest/doctest.h>

#include <filesystem>

#include "bundle/bundle_file.h"
#include "bundle_fixture.h"
#include "fleet/fleet_status.h"
#include "fleet/health_record.h"
#include "fleet/inbox.h"
#include "stats/usage_recorder.h"

using namespace khlang;
namespace fs = std::filesystem;

namespace {

fleet::HealthRecord healthy(const std::string& id, int64_t seq, double written_at) {
  fleet::HealthRecord r;
  r.kiosk_id = id;
  r.name = "ตู้ " + id;
  r.channel = "main";
  r.content_seq = seq;
  r.disk_free_bytes = 8ull << 30;
  r.written_at = stats::iso_utc(static_cast<int64_t>(written_at));
  r.write_interval_seconds = 300;
  r.last_import_result = "imported";
  return r;
}

std::string put(const fs::path& folder, const fleet::HealthRecord& r) {
  fs::create_directories(folder);
  const std::string path = (folder / ("khlang-health-" + r.kiosk_id + ".txt")).string();
  test::write_file(path, fleet::format_health(r));
  return path;
}

const fleet::KioskStatus& find(const fleet::FleetStatus& s, const std::string& id) {
  for (const auto& k : s.kiosks) {
    if (k.record && k.record->kiosk_id == id) return k;
  }
  FAIL("no kiosk " << id);
  return s.kiosks.front();
}

}  // namespace

TEST_CASE("fleet status finds each kiosk's record, and flags what needs attention") {
  test::BundleFixture f;
  const fs::path root = f.dir / "outboxes";
  const double now = fleet::wall_clock_now();
  put(root / "a", healthy("kiosk-a", 12, now));
  put(root / "b", healthy("kiosk-b", 10, now));  // behind
  auto low = healthy("kiosk-c", 12, now);
  low.disk_free_bytes = 50ull << 20;
  put(root / "c", low);
  put(root / "d", healthy("kiosk-d", 12, now + 3600));  // its clock an hour ahead
  put(root / "e", healthy("kiosk-e", 12, now - 3600));  // its clock an hour behind
  auto refused = healthy("kiosk-f", 12, now);
  refused.last_import_result = "refused";
  refused.last_import_message = "rejected: the signature does not match";
  put(root / "f", refused);
  fs::create_directories(root / "g");
  test::write_file((root / "g" / "khlang-health-kiosk-g.txt").string(), "khlang-health 1\nkiosk_id=kiosk-g\n");
  put(root / "h", healthy("kiosk-h", 12, now - 200));  // wrote 200 s ago: within one interval
  test::write_file((root / "a" / "khlang-stats-kiosk-a.sqlite").string(), "");
  test::write_file((root / "a" / ".khlang-health-kiosk-a.txt-XYZ"), "temporary");
  fs::create_directories(root / ".stfolder");

  const fleet::OutboxFiles files = fleet::find_outbox_files({root.string()});
  CHECK(files.health.size() == 8);
  CHECK(files.stats.size() == 1);
  const fleet::FleetStatus s = fleet::read_fleet_status(files.health, {}, {}, now + 5);
  REQUIRE(s.kiosks.size() == 8);
  CHECK(s.newest.at("main") == 12);
  CHECK_FALSE(find(s, "kiosk-a").needs_attention());
  CHECK(find(s, "kiosk-a").clock_skew_seconds.has_value());
  CHECK(std::abs(*find(s, "kiosk-a").clock_skew_seconds) < 5);
  CHECK(find(s, "kiosk-b").stale_content);
  CHECK(find(s, "kiosk-b").newest_seq == 12);
  CHECK(find(s, "kiosk-c").low_disk);
  CHECK(find(s, "kiosk-d").clock_skewed);
  CHECK(find(s, "kiosk-e").clock_skewed);
  CHECK(find(s, "kiosk-f").error);
  CHECK_FALSE(find(s, "kiosk-h").needs_attention());
  int unreadable = 0;
  for (const auto& k : s.kiosks) {
    if (k.record) continue;
    ++unreadable;
    CHECK(k.error);
    CHECK(k.read_error.find("incomplete health record") != std::string::npos);
  }
  CHECK(unreadable == 1);
  for (const auto& k : s.kiosks) CHECK_FALSE(k.offline);

  // Two hours later no record has arrived: all offline.
  const fleet::FleetStatus later = fleet::read_fleet_status(files.health, {}, {}, now + 7200);
  for (const auto& k : later.kiosks) CHECK(k.offline);
  // The office has published 13: every kiosk is behind.
  const fleet::FleetStatus published = fleet::read_fleet_status(files.health, {{"main", 13}}, {}, now);
  CHECK(find(published, "kiosk-a").stale_content);
}

TEST_CASE("a kiosk found in two folders counts once, and channels are measured apart") {
  test::BundleFixture f;
  const double now = fleet::wall_clock_now();
  put(f.dir / "one", healthy("kiosk-a", 3, now));
  put(f.dir / "two", healthy("kiosk-a", 3, now));
  auto school = healthy("kiosk-s", 2, now);
  school.channel = "school";
  put(f.dir / "two", school);
  const auto files = fleet::find_outbox_files({(f.dir / "one").string(), (f.dir / "two").string()});
  const fleet::FleetStatus s = fleet::read_fleet_status(files.health, {}, {}, now);
  CHECK(s.kiosks.size() == 2);
  CHECK(s.newest.at("main") == 3);
  CHECK(s.newest.at("school") == 2);
  CHECK_FALSE(find(s, "kiosk-s").stale_content);
}

TEST_CASE("the newest published number per channel comes from the publish folder's signatures") {
  test::BundleFixture f;
  const fs::path folder = f.dir / "publish";
  fs::create_directories(folder);
  for (auto [seq, channel] : {std::pair<int64_t, const char*>{4, "main"}, {6, "main"}, {2, "school"}}) {
    const std::string b = f.pack(seq, 1, channel);
    fs::copy_file(bundle::signature_path(b), folder / (fs::path(b).filename().string() + ".minisig"));
  }
  const auto newest = fleet::newest_published(folder.string());
  CHECK(newest.at("main") == 6);
  CHECK(newest.at("school") == 2);
}

TEST_CASE("kiosks are listed by name, numbers in names in their order") {
  test::BundleFixture f;
  const double now = fleet::wall_clock_now();
  for (const char* name : {"ตู้ที่ 10", "ตู้ที่ 9", "ตู้ที่ 1", "ห้องสมุด"}) {
    auto r = healthy(std::string("kiosk-") + std::to_string(std::hash<std::string>{}(name) % 100000), 1, now);
    r.name = name;
    put(f.dir / "o", r);
  }
  const fleet::FleetStatus s = fleet::read_fleet_status(fleet::find_outbox_files({(f.dir / "o").string()}).health, {}, {}, now);
  REQUIRE(s.kiosks.size() == 4);
  CHECK(s.kiosks[0].record->name == "ตู้ที่ 1");
  CHECK(s.kiosks[1].record->name == "ตู้ที่ 9");
  CHECK(s.kiosks[2].record->name == "ตู้ที่ 10");
  CHECK(s.kiosks[3].record->name == "ห้องสมุด");
}

// The health record's format: a round trip of every field, and the clear error for each kind of
// damage; what a kiosk's database makes of it.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>

#include "bundle/importer.h"
#include "bundle_fixture.h"
#include "fleet/health_record.h"
#include "store/schema.h"
#include "store/settings.h"

using namespace khlang;

namespace {

fleet::HealthRecord sample() {
  fleet::HealthRecord r;
  r.kiosk_id = "kiosk-0a1b2c3d4e5f";
  r.name = "ห้องสมุดประชาชน";
  r.location = "อาคาร 2 ชั้น 1\nline two \\ with a backslash\r";
  r.organization = "เทศบาลตำบลศรีโพธิ์เงิน";
  r.program_version = "0.1.0";
  r.channel = "school";
  r.content_seq = 42;
  r.content_created_at = "2026-11-24T13:00:00Z";
  r.content_key_id = "ABCDEF0123456789";
  r.last_import_at = "2026-11-25T01:02:03Z";
  r.last_import_result = "refused";
  r.last_import_message = "rejected: signature does not match = x";
  r.last_import_bundle = "khlang-school-00000043.khb";
  r.last_import_seq = 43;
  r.uptime_seconds = 86400 * 3 + 5;
  r.disk_free_bytes = 5'000'000'000ull;
  r.disk_total_bytes = 64'000'000'000ull;
  r.written_at = "2026-11-25T01:05:00Z";
  r.write_interval_seconds = 300;
  r.last_error = "cannot write the outbox";
  r.last_error_at = "2026-11-25T01:00:00Z";
  r.opening_hours = "จ.-ศ. 08:30-16:30";
  r.auto_import = true;
  r.usage_events = 1234;
  return r;
}

void check_same(const fleet::HealthRecord& a, const fleet::HealthRecord& b) {
  CHECK(a.kiosk_id == b.kiosk_id);
  CHECK(a.name == b.name);
  CHECK(a.location == b.location);
  CHECK(a.organization == b.organization);
  CHECK(a.program_version == b.program_version);
  CHECK(a.channel == b.channel);
  CHECK(a.content_seq == b.content_seq);
  CHECK(a.content_created_at == b.content_created_at);
  CHECK(a.content_key_id == b.content_key_id);
  CHECK(a.last_import_at == b.last_import_at);
  CHECK(a.last_import_result == b.last_import_result);
  CHECK(a.last_import_message == b.last_import_message);
  CHECK(a.last_import_bundle == b.last_import_bundle);
  CHECK(a.last_import_seq == b.last_import_seq);
  CHECK(a.uptime_seconds == b.uptime_seconds);
  CHECK(a.disk_free_bytes == b.disk_free_bytes);
  CHECK(a.disk_total_bytes == b.disk_total_bytes);
  CHECK(a.written_at == b.written_at);
  CHECK(a.write_interval_seconds == b.write_interval_seconds);
  CHECK(a.last_error == b.last_error);
  CHECK(a.last_error_at == b.last_error_at);
  CHECK(a.opening_hours == b.opening_hours);
  CHECK(a.auto_import == b.auto_import);
  CHECK(a.usage_events == b.usage_events);
}

std::string parse_error(const std::string& text) {
  auto r = fleet::parse_health(text, "h.txt");
  REQUIRE_FALSE(r.ok());
  return r.error().message;
}

}  // namespace

TEST_CASE("a health record reads back as it was written, line breaks and backslashes included") {
  const fleet::HealthRecord r = sample();
  const std::string text = fleet::format_health(r);
  CHECK(text.starts_with("khlang-health 1\nkiosk_id=kiosk-0a1b2c3d4e5f\n"));
  CHECK(text.ends_with("\nend\n"));
  CHECK(text.find("location=อาคาร 2 ชั้น 1\\nline two \\\\ with a backslash\\r\n") != std::string::npos);
  auto back = fleet::parse_health(text, "h.txt");
  REQUIRE(back.ok());
  check_same(back.value(), r);
}

TEST_CASE("optional numbers stay empty and unknown keys from a newer kiosk are skipped") {
  fleet::HealthRecord r = sample();
  r.last_import_seq.reset();
  r.disk_free_bytes.reset();
  std::string text = fleet::format_health(r);
  text.insert(text.find("end\n"), "battery_percent=80\n");
  auto back = fleet::parse_health(text, "h.txt");
  REQUIRE(back.ok());
  CHECK_FALSE(back->last_import_seq.has_value());
  CHECK_FALSE(back->disk_free_bytes.has_value());
  CHECK(back->usage_events == 1234);
}

TEST_CASE("a damaged health record is refused with what is wrong") {
  const std::string good = fleet::format_health(sample());
  CHECK(parse_error("") == "h.txt: not a Khlang health record");
  CHECK(parse_error("hello\n").find("not a Khlang health record") != std::string::npos);
  CHECK(parse_error("khlang-health 2\nkiosk_id=x\nwritten_at=y\nend\n").find("newer than this khlang-admin reads") !=
        std::string::npos);
  CHECK(parse_error(good.substr(0, good.size() / 2)).find("incomplete health record") != std::string::npos);
  std::string twice = good;
  twice.insert(twice.find("end\n"), "name=again\n");
  CHECK(parse_error(twice) == "h.txt: 'name' is given twice");
  std::string bad_number = good;
  bad_number.replace(bad_number.find("content_seq=42"), 14, "content_seq=4x");
  CHECK(parse_error(bad_number).find("'content_seq' has a value this kind of field cannot hold") != std::string::npos);
  std::string bad_escape = good;
  bad_escape.replace(bad_escape.find("name="), 5, "name=\\q");
  CHECK(parse_error(bad_escape).find("'name'") != std::string::npos);
  CHECK(parse_error("khlang-health 1\nwritten_at=2026-01-01T00:00:00Z\nend\n") == "h.txt: 'kiosk_id' is missing");
  CHECK(parse_error("khlang-health 1\nkiosk_id=k\nno equals sign\nend\n").find("line 3 is not key=value") !=
        std::string::npos);
}

TEST_CASE("a kiosk's health record says what its database and settings hold") {
  test::BundleFixture f;
  REQUIRE(bundle::import_bundle(f.db, f.pack(7, 2)).ok());
  auto kiosk = store::open_kiosk_db(f.db);
  REQUIRE(kiosk.ok());
  REQUIRE(store::set_setting(kiosk.value(), "kiosk_name", "ศูนย์ข้อมูล").ok());
  REQUIRE(store::set_setting(kiosk.value(), "kiosk_location", "สำนักงานเทศบาล").ok());
  REQUIRE(store::set_setting(kiosk.value(), "opening_hours", "08:30-16:30,08:30-16:30,08:30-16:30,08:30-16:30,08:30-16:30,-,-").ok());
  REQUIRE(store::set_setting(kiosk.value(), "auto_import", "1").ok());
  auto r = fleet::collect_health(kiosk.value(), {"9.9.9", 3600, 300, "", ""});
  REQUIRE(r.ok());
  CHECK(r->kiosk_id.starts_with("kiosk-"));
  CHECK(r->name == "ศูนย์ข้อมูล");
  CHECK(r->location == "สำนักงานเทศบาล");
  CHECK(r->opening_hours == "08:30-16:30,08:30-16:30,08:30-16:30,08:30-16:30,08:30-16:30,-,-");
  CHECK(r->auto_import);
  CHECK(r->program_version == "9.9.9");
  CHECK(r->channel == "main");
  CHECK(r->content_seq == 7);
  CHECK(r->organization == "เทศบาลทดสอบ #7");
  CHECK(r->content_key_id == bundle::key_id_hex(f.key.pub.id));
  CHECK(r->last_import_result == "imported");
  CHECK(r->last_import_seq == 7);
  CHECK(r->last_import_bundle == "bundle-7-main.khb");
  CHECK(r->uptime_seconds == 3600);
  REQUIRE(r->disk_free_bytes.has_value());
  CHECK(*r->disk_free_bytes > 0);
  CHECK(r->written_at.size() == 20);
  // The same id every time: it is the kiosk's.
  auto again = fleet::collect_health(kiosk.value(), {});
  REQUIRE(again.ok());
  CHECK(again->kiosk_id == r->kiosk_id);
  CHECK(again->program_version == fleet::program_version());
  // This build's version, the CMake project's (0.1.0), not a placeholder.
  const std::string version = fleet::program_version();
  CHECK(std::count(version.begin(), version.end(), '.') == 2);
  CHECK(std::isdigit(static_cast<unsigned char>(version[0])));
}

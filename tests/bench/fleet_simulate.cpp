// fleet_simulate: the outboxes of a simulated fleet, for the fleet benchmark and its small ctest
// version. One kiosk database with the demo content stands in for every kiosk in turn: each gets
// its own id and name, its own usage events (views of the demo's articles and other screens,
// searches, sessions, meeting mode over half a year), and writes its outbox through the real
// code (fleet::write_outbox). Some kiosks are made to need attention: every 17th is a number
// behind, every 23rd short of disk, every 29th an hour fast, every 31st refused a bundle.
// Prints what the office should find, as key=value lines.
//   fleet_simulate CONTENT_DIR OUT_DIR [KIOSKS (200)] [EVENTS_PER_KIOSK (5000)]
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "bundle/bundle_file.h"
#include "bundle/importer.h"
#include "bundle/trust_store.h"
#include "content/content_folder.h"
#include "fleet/outbox.h"
#include "stats/usage_recorder.h"
#include "store/schema.h"
#include "store/settings.h"
#include "util/safe_file.h"

using namespace khlang;
namespace fs = std::filesystem;

namespace {

int die(const std::string& message) {
  std::fprintf(stderr, "fleet_simulate: %s\n", message.c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) return die("usage: fleet_simulate CONTENT_DIR OUT_DIR [KIOSKS] [EVENTS_PER_KIOSK]");
  const std::string content = argv[1];
  const fs::path out = argv[2];
  const int kiosks = argc > 3 ? std::stoi(argv[3]) : 200;
  const int events = argc > 4 ? std::stoi(argv[4]) : 5000;
  const auto start = std::chrono::steady_clock::now();
  fs::create_directories(out / "outboxes");

  // The content every kiosk shows: the demo, signed with a key made here, imported once.
  const std::string db_path = (out / "kiosk.db").string();
  const std::string bundle_path = (out / "demo.khb").string();
  const bundle::KeyPair key = bundle::generate_keypair();
  auto set = content::load_content_folder(content);
  if (!set) return die(set.error().message);
  if (auto s = bundle::pack_bundle(set.value(), {"demo", "main", 5, bundle::now_utc_iso()}, key.secret, bundle_path); !s) {
    return die(s.error().message);
  }
  {
    auto kiosk = store::open_kiosk_db(db_path);
    if (!kiosk) return die(kiosk.error().message);
    if (auto s = bundle::trust_key(kiosk.value(), key.pub, "simulation"); !s) return die(s.error().message);
  }
  if (auto r = bundle::import_bundle(db_path, bundle_path); !r) return die(r.error().message);
  auto kiosk = store::open_kiosk_db(db_path);
  if (!kiosk) return die(kiosk.error().message);
  std::vector<std::string> articles;
  auto ids = kiosk->prepare("SELECT id FROM article ORDER BY id");
  if (!ids || !ids->for_each_row([&](const sqlite::Statement& r) { articles.push_back("article:" + r.column_text(0)); })) {
    return die("cannot read the demo's articles");
  }
  const std::vector<std::string> other_routes = {"home", "plan", "people", "announcements", "about", "knowledge"};

  std::mt19937_64 random(20261130);
  const int64_t now = std::time(nullptr);
  int64_t article_views = 0, all_events = 0;
  int stale = 0, low_disk = 0, skewed = 0, refused = 0;
  for (int k = 0; k < kiosks; ++k) {
    char id[32];
    std::snprintf(id, sizeof id, "kiosk-sim%05d", k);
    Status s = store::set_setting(kiosk.value(), "kiosk_id", id);
    if (s) s = store::set_setting(kiosk.value(), "kiosk_name", "ตู้ที่ " + std::to_string(k + 1));
    if (s) s = store::set_setting(kiosk.value(), "kiosk_location", "สำนักงานสาขา " + std::to_string(k % 12 + 1));
    if (s) s = store::set_setting(kiosk.value(), "opening_hours", "08:30-16:30,08:30-16:30,08:30-16:30,08:30-16:30,08:30-16:30,-,-");
    if (s) s = kiosk->exec("BEGIN; DELETE FROM usage_event;");
    auto insert = kiosk->prepare("INSERT INTO usage_event (at, kind, target, value, detail) VALUES (?, ?, ?, ?, ?)");
    if (!s || !insert) return die("cannot prepare kiosk " + std::string(id));
    for (int e = 0; e < events; ++e) {
      const int64_t at = now - static_cast<int64_t>(random() % (182 * 86400));
      const unsigned roll = random() % 100;
      std::string kind = stats::kView, target, detail;
      double value = static_cast<double>(5 + random() % 120);
      if (roll < 45) {
        target = articles[random() % articles.size()];
        ++article_views;
      } else if (roll < 60) {
        target = other_routes[random() % other_routes.size()];
      } else if (roll < 75) {
        kind = stats::kSearch;
        detail = "คำค้น " + std::to_string(random() % 40);
        value = static_cast<double>(random() % 9);
      } else if (roll < 80) {
        kind = stats::kSearchNoResult;
        detail = "ไม่พบ " + std::to_string(random() % 15);
      } else if (roll < 97) {
        kind = stats::kSession;
      } else {
        kind = stats::kMeeting;
        value = static_cast<double>(300 + random() % 1800);
      }
      insert->bind_all(stats::iso_utc(at), std::string_view(kind), std::string_view(target), value, std::string_view(detail));
      if (auto r = insert->run(); !r) return die(r.error().message);
    }
    if (auto c = kiosk->exec("COMMIT"); !c) return die(c.error().message);
    all_events += events;
    const fs::path outbox = out / "outboxes" / id;
    fs::create_directories(outbox);
    auto written = fleet::write_outbox(kiosk.value(), outbox.string(), {"0.1.0", 3600 * (1 + k % 48), 300, "", ""});
    if (!written) return die(written.error().message);
    fs::remove(fleet::private_stats_path(db_path));  // the next kiosk starts its own statistics
    // Kiosks that need attention: their records altered as such a kiosk would write them.
    auto text = khlang::bundle::read_untrusted(written->health_path, 1 << 16, "health record");
    auto record = text ? fleet::parse_health(text.value(), written->health_path) : Expected<fleet::HealthRecord>(text.error());
    if (!record) return die(record.error().message);
    fleet::HealthRecord r = record.value();
    if (k % 17 == 16) r.content_seq -= 1, ++stale;
    if (k % 23 == 22) r.disk_free_bytes = 80ull << 20, ++low_disk;
    if (k % 29 == 28) r.written_at = stats::iso_utc(std::time(nullptr) + 3600), ++skewed;
    if (k % 31 == 30) {
      r.last_import_result = "refused";
      r.last_import_message = "rejected: the signature does not match the file";
      ++refused;
    }
    if (auto w = safe_file::write_into(outbox.string(), fs::path(written->health_path).filename().string(),
                                       fleet::format_health(r));
        !w) {
      return die(w.error().message);
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("kiosks=%d\nevents=%lld\narticle_views=%lld\nstale=%d\nlow_disk=%d\nskewed=%d\nrefused=%d\nseconds=%.1f\n",
              kiosks, static_cast<long long>(all_events), static_cast<long long>(article_views), stale, low_disk, skewed,
              refused, seconds);
  return 0;
}

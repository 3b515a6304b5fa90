// fleet status | fleet outbox | fleet import: many kiosks kept in step by Syncthing
// (docs/fleet.md). status is the office's view of every kiosk's outbox; outbox and import are
// what a kiosk does by itself (its outbox written, one unattended import from its inbox), for a
// kiosk database the office holds or a test.
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "bundle/bundle_file.h"
#include "commands.h"
#include "fleet/fleet_status.h"
#include "fleet/inbox.h"
#include "fleet/outbox.h"
#include "store/schema.h"
#include "thai/thai_date.h"

namespace khlang::admin {

const CommandSpec kFleetSpec{
    "fleet",
    "fleet status DIR... [--json] [--published DIR] [--offline-after MIN] [--max-skew SEC] [--low-disk MB] | "
    "fleet outbox --db DB --outbox DIR | fleet import --db DB DIR...",
    "Shows every kiosk of a fleet from its synced outbox; writes a kiosk's outbox; imports from an inbox.",
    {{"--json", "", "status: print JSON"},
     {"--published", "DIR", "status: the folder publish writes to (the newest sequence numbers)"},
     {"--offline-after", "MIN", "status: not seen for this long is offline (default 30)"},
     {"--max-skew", "SEC", "status: a kiosk clock off by more is flagged (default 300)"},
     {"--low-disk", "MB", "status: less free disk is flagged (default 200)"},
     {"--now", "TIME", "status: judge as of this UTC time (YYYY-MM-DDTHH:MM:SSZ) instead of now"},
     {"--db", "DB", "outbox, import: the kiosk database"},
     {"--outbox", "DIR", "outbox: the kiosk's outbox folder"},
     {"--settle", "SEC", "import: how long a bundle must be unchanged before it is taken (default 10)"}}};

namespace {

std::string span(double seconds) {
  const auto s = static_cast<int64_t>(seconds);
  if (s < 120) return std::to_string(s) + " s";
  if (s < 2 * 3600) return std::to_string(s / 60) + " min";
  if (s < 2 * 86400) return std::to_string(s / 3600) + " h";
  return std::to_string(s / 86400) + " days";
}

std::string ago(double seconds) { return seconds < 0 ? "just now" : span(seconds) + " ago"; }

std::string bytes(std::optional<uint64_t> n) {
  if (!n) return "?";
  char buf[32];
  if (*n >= (1ull << 30)) std::snprintf(buf, sizeof buf, "%.1f GB", static_cast<double>(*n) / (1ull << 30));
  else std::snprintf(buf, sizeof buf, "%.0f MB", static_cast<double>(*n) / (1ull << 20));
  return buf;
}

std::string skew(std::optional<double> s) {
  if (!s) return "?";
  char buf[32];
  const double a = std::fabs(*s);
  if (a < 0.5) return "0 s";
  if (a < 120) std::snprintf(buf, sizeof buf, "%+.0f s", *s);
  else if (a < 7200) std::snprintf(buf, sizeof buf, "%+.0f min", *s / 60);
  else std::snprintf(buf, sizeof buf, "%+.1f h", *s / 3600);
  return buf;
}

std::string label(const fleet::KioskStatus& k) {
  if (!k.record) return k.health_path;
  std::string s = k.record->name.empty() ? k.record->kiosk_id : k.record->name;
  if (!k.record->location.empty()) s += " · " + k.record->location;
  return s;
}

// What needs attention, in words a person acts on.
std::vector<std::string> problems(const fleet::KioskStatus& k, const fleet::Thresholds& t) {
  std::vector<std::string> p;
  if (!k.record) return {"cannot read its health record: " + k.read_error};
  const fleet::HealthRecord& r = *k.record;
  if (k.offline) p.push_back("not seen for " + span(k.seen_seconds_ago) +
                             " (is it switched on and on the network? Opening hours: " +
                             (r.opening_hours.empty() ? "not set" : r.opening_hours) + ")");
  if (k.stale_content) {
    p.push_back("content " + std::to_string(r.content_seq) + ", the newest for channel " + r.channel + " is " +
                std::to_string(k.newest_seq) + (r.auto_import ? "" : " (auto_import is off on this kiosk)"));
  }
  if (k.low_disk) p.push_back("only " + bytes(r.disk_free_bytes) + " of disk free (under " + bytes(t.low_disk_bytes) + ")");
  if (k.clock_skewed) p.push_back("its clock is off by " + skew(k.clock_skew_seconds) + " (set the time on the kiosk)");
  if (r.last_import_result == "refused") {
    p.push_back("the last import (" + r.last_import_bundle + ", " + r.last_import_at + ") was refused: " +
                r.last_import_message);
  }
  if (r.last_import_result == "failed") {
    p.push_back("the last import (" + r.last_import_bundle + ", " + r.last_import_at + ") failed on the kiosk: " +
                r.last_import_message);
  }
  if (!r.last_error.empty()) p.push_back("error at " + r.last_error_at + ": " + r.last_error);
  return p;
}

std::string json_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f", v);
  return buf;
}

void print_json(const fleet::FleetStatus& fleet, const fleet::Thresholds& t, double now) {
  std::string o = "{\"format\": \"khlang-fleet-status\", \"version\": 1, \"generated_at\": " +
                  json_number(now) + ", \"newest\": {";
  bool first = true;
  for (const auto& [channel, seq] : fleet.newest) {
    o += std::string(first ? "" : ", ") + json_string(channel) + ": " + std::to_string(seq);
    first = false;
  }
  o += "}, \"kiosks\": [";
  for (size_t i = 0; i < fleet.kiosks.size(); ++i) {
    const fleet::KioskStatus& k = fleet.kiosks[i];
    o += i ? ",\n  {" : "\n  {";
    o += "\"health_file\": " + json_string(k.health_path);
    o += ", \"last_seen\": " + json_number(k.arrived_at) + ", \"seen_seconds_ago\": " + json_number(k.seen_seconds_ago);
    if (k.record) {
      const fleet::HealthRecord& r = *k.record;
      o += ", \"kiosk_id\": " + json_string(r.kiosk_id) + ", \"name\": " + json_string(r.name) +
           ", \"location\": " + json_string(r.location) + ", \"organization\": " + json_string(r.organization) +
           ", \"program_version\": " + json_string(r.program_version) + ", \"channel\": " + json_string(r.channel) +
           ", \"content_seq\": " + std::to_string(r.content_seq) + ", \"newest_seq\": " + std::to_string(k.newest_seq) +
           ", \"last_import_at\": " + json_string(r.last_import_at) +
           ", \"last_import_result\": " + json_string(r.last_import_result) +
           ", \"last_import_message\": " + json_string(r.last_import_message) +
           ", \"uptime_seconds\": " + std::to_string(r.uptime_seconds) +
           ", \"disk_free_bytes\": " + (r.disk_free_bytes ? std::to_string(*r.disk_free_bytes) : "null") +
           ", \"written_at\": " + json_string(r.written_at) +
           ", \"clock_skew_seconds\": " + (k.clock_skew_seconds ? json_number(*k.clock_skew_seconds) : "null") +
           ", \"last_error\": " + json_string(r.last_error) + ", \"opening_hours\": " + json_string(r.opening_hours) +
           ", \"auto_import\": " + (r.auto_import ? "true" : "false") +
           ", \"usage_events\": " + std::to_string(r.usage_events);
    } else {
      o += ", \"read_error\": " + json_string(k.read_error);
    }
    o += std::string(", \"offline\": ") + (k.offline ? "true" : "false") +
         ", \"stale_content\": " + (k.stale_content ? "true" : "false") +
         ", \"low_disk\": " + (k.low_disk ? "true" : "false") +
         ", \"clock_skewed\": " + (k.clock_skewed ? "true" : "false") + ", \"error\": " + (k.error ? "true" : "false") +
         ", \"problems\": [";
    const auto p = problems(k, t);
    for (size_t j = 0; j < p.size(); ++j) o += (j ? ", " : "") + json_string(p[j]);
    o += "]}";
  }
  o += "\n]}\n";
  std::fputs(o.c_str(), stdout);
}

void print_table(const fleet::FleetStatus& fleet, const fleet::Thresholds& t) {
  std::printf("%-20s %-13s %-9s %-9s %-9s %-9s %s\n", "KIOSK", "LAST SEEN", "CONTENT", "DISK", "CLOCK", "STATE", "NAME");
  int attention = 0;
  for (const fleet::KioskStatus& k : fleet.kiosks) {
    if (k.needs_attention()) ++attention;
    if (!k.record) {
      std::printf("%-20s %-13s %-9s %-9s %-9s %-9s %s\n", "?", ago(k.seen_seconds_ago).c_str(), "?", "?", "?",
                  "UNREADABLE", k.health_path.c_str());
      continue;
    }
    const fleet::HealthRecord& r = *k.record;
    const std::string content = std::to_string(r.content_seq) + "/" + std::to_string(k.newest_seq);
    std::printf("%-20s %-13s %-9s %-9s %-9s %-9s %s\n", r.kiosk_id.c_str(), ago(k.seen_seconds_ago).c_str(),
                content.c_str(), bytes(r.disk_free_bytes).c_str(), skew(k.clock_skew_seconds).c_str(),
                k.needs_attention() ? "ATTENTION" : "ok", label(k).c_str());
  }
  std::printf("\n%zu kiosks: %zu current, %d need attention\n", fleet.kiosks.size(), fleet.kiosks.size() - attention,
              attention);
  for (const fleet::KioskStatus& k : fleet.kiosks) {
    const auto p = problems(k, t);
    if (p.empty()) continue;
    std::printf("\n%s (%s):\n", k.record ? k.record->kiosk_id.c_str() : "?", label(k).c_str());
    for (const std::string& line : p) std::printf("  - %s\n", line.c_str());
  }
}

int run_fleet_status(const Args& args) {
  std::vector<std::string> folders(args.positional().begin() + 1, args.positional().end());
  if (folders.empty()) return fail("fleet", "usage: fleet status DIR... (the folders the kiosks' outboxes sync into)");
  fleet::Thresholds t;
  auto offline = args.number_or("--offline-after", 30, 1, 1e6);
  auto max_skew = args.number_or("--max-skew", 300, 1, 1e9);
  auto low_disk = args.number_or("--low-disk", 200, 0, 1e9);
  for (const auto* e : {&offline, &max_skew, &low_disk}) {
    if (!*e) return fail("fleet", e->error().message);
  }
  t.offline_after_seconds = offline.value() * 60;
  t.max_skew_seconds = max_skew.value();
  t.low_disk_bytes = static_cast<uint64_t>(low_disk.value() * (1 << 20));
  double now = fleet::wall_clock_now();
  if (const auto at = args.get("--now")) {
    auto parsed = thai::parse_iso_utc_seconds(*at);
    if (!parsed) return fail("fleet", "--now takes a UTC time as YYYY-MM-DDTHH:MM:SSZ, not '" + *at + "'");
    now = static_cast<double>(*parsed);
  }
  std::map<std::string, int64_t> published;
  if (const auto dir = args.get("--published")) {
    std::error_code ec;
    if (!std::filesystem::is_directory(*dir, ec)) return fail("fleet", "--published " + *dir + ": no such folder");
    published = fleet::newest_published(*dir);
  }
  for (const std::string& folder : folders) {
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec)) return fail("fleet", folder + ": no such folder");
  }
  const fleet::OutboxFiles files = fleet::find_outbox_files(folders);
  if (files.health.empty()) {
    return fail("fleet", "no kiosk health record (khlang-health-*.txt) in " + folders[0] +
                             (folders.size() > 1 ? " or the other folders" : "") + " or their subfolders");
  }
  const fleet::FleetStatus status = fleet::read_fleet_status(files.health, published, t, now);
  if (args.has("--json")) print_json(status, t, now);
  else print_table(status, t);
  return 0;
}

int run_fleet_outbox(const Args& args) {
  const auto db_path = args.get("--db"), outbox = args.get("--outbox");
  if (!db_path || !outbox) return fail("fleet", "usage: fleet outbox --db DB --outbox DIR");
  auto db = store::open_kiosk_db(*db_path);
  if (!db) return fail("fleet", db.error().message);
  auto written = fleet::write_outbox(db.value(), *outbox, {});
  if (!written) return fail("fleet", written.error().message);
  std::printf("%s\n%s: %lld new events%s\n", written->health_path.c_str(), written->stats_path.c_str(),
              static_cast<long long>(written->new_events), written->stats_copied ? "" : " (unchanged)");
  if (!written->stats_error.empty()) return fail("fleet", written->stats_error);
  return 0;
}

int run_fleet_import(const Args& args) {
  const auto db_path = args.get("--db");
  std::vector<std::string> folders(args.positional().begin() + 1, args.positional().end());
  if (!db_path || folders.empty()) return fail("fleet", "usage: fleet import --db DB DIR... (inbox folders)");
  auto settle = args.number_or("--settle", 10, 0, 86400);
  if (!settle) return fail("fleet", settle.error().message);
  fleet::AutoImporter importer(*db_path, folders, {settle.value(), 600});
  const fleet::AutoImportOutcome out = importer.run_once(fleet::wall_clock_now(), fleet::steady_clock_now());
  using Kind = fleet::AutoImportOutcome::Kind;
  switch (out.kind) {
    case Kind::Nothing: std::printf("nothing new to import\n"); return 0;
    case Kind::Waiting: std::printf("waiting: a bundle is still arriving\n"); return 0;
    case Kind::Imported:
      std::printf("imported %s (seq %lld)\n", out.bundle.c_str(), static_cast<long long>(out.seq.value_or(0)));
      return 0;
    case Kind::Refused: return fail("fleet", "refused " + out.bundle + " (not tried again): " + out.message);
    case Kind::Failed: return fail("fleet", "import failed, to be tried again later: " + out.message);
  }
  return 1;
}

}  // namespace

int run_fleet(const Args& args) {
  const auto& words = args.positional();
  if (words.empty()) return fail("fleet", "usage: " + kFleetSpec.usage);
  if (words[0] == "status") return run_fleet_status(args);
  if (words[0] == "outbox") return run_fleet_outbox(args);
  if (words[0] == "import") return run_fleet_import(args);
  return fail("fleet", "unknown fleet command '" + words[0] + "' (status, outbox or import)");
}

}  // namespace khlang::admin

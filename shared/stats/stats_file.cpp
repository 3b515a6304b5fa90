#include "stats/stats_file.h"

#include <sodium.h>
#include <sqlite3.h>

#include <filesystem>

#include "bundle/bundle_file.h"
#include "content/csv.h"
#include "store/content_queries.h"
#include "store/settings.h"
#include "util/safe_file.h"

namespace khlang::stats {
namespace {

constexpr int64_t kStatsApplicationId = 0x4B484C53;  // "KHLS"
constexpr int kStatsSchemaVersion = 1;

constexpr const char* kSchema =
    "CREATE TABLE kiosk (kiosk_id TEXT PRIMARY KEY, organization TEXT NOT NULL, exported_at TEXT NOT NULL);"
    "CREATE TABLE event (kiosk_id TEXT NOT NULL, event_id INTEGER NOT NULL, at TEXT NOT NULL, kind TEXT NOT NULL, "
    "target TEXT NOT NULL, value REAL, detail TEXT NOT NULL, PRIMARY KEY (kiosk_id, event_id)) WITHOUT ROWID;"
    // What the routes of the events were called, and their category (articles), as of the newest export.
    "CREATE TABLE route_title (route TEXT PRIMARY KEY, title TEXT NOT NULL, category TEXT NOT NULL) WITHOUT ROWID;"
    // The plan's activities with their latest progress, as of the newest export.
    "CREATE TABLE activity_progress (activity_id TEXT PRIMARY KEY, plan_title TEXT NOT NULL, seq INTEGER NOT NULL, "
    "activity TEXT NOT NULL, indicator TEXT NOT NULL, target TEXT NOT NULL, fiscal_year INTEGER, value REAL, "
    "target_value REAL, status TEXT NOT NULL, recorded_on TEXT NOT NULL) WITHOUT ROWID;"
    "CREATE TABLE snapshot (id INTEGER PRIMARY KEY CHECK (id = 1), taken_at TEXT NOT NULL);";

// Opens `path` as a statistics file, making it if it does not exist.
Expected<sqlite::Database> open_or_create(const std::string& path) {
  const bool exists = std::filesystem::exists(path);
  auto db = sqlite::Database::open(path, sqlite::Database::Mode::ReadWriteCreate);
  if (!db) return db.error();
  if (!exists) {
    const std::string sql = "PRAGMA journal_mode=DELETE; PRAGMA application_id=" + std::to_string(kStatsApplicationId) +
                            "; PRAGMA user_version=" + std::to_string(kStatsSchemaVersion) + "; BEGIN;" + kSchema +
                            "COMMIT;";
    if (auto s = db->exec(sql); !s) return Error{"cannot make the statistics file " + path + ": " + s.error().message};
    return db;
  }
  auto app = db->query_int("PRAGMA application_id");
  if (!app || app.value() != kStatsApplicationId) {
    return Error{path + " is not a Khlang statistics file (choose a new file name, or one made by 'stats export')"};
  }
  return db;
}

Expected<std::string> events_csv(sqlite::Database& db, const std::string& kiosk) {
  content::CsvTable table{{"kiosk_id", "event_id", "at", "kind", "target", "value", "detail"}, {}, {}};
  auto rows = db.prepare("SELECT event_id, at, kind, target, coalesce(value, ''), detail FROM event WHERE kiosk_id = ? "
                         "ORDER BY event_id");
  if (!rows) return rows.error();
  rows->bind(1, std::string_view(kiosk));
  auto read = rows->for_each_row([&](const sqlite::Statement& r) {
    table.rows.push_back({kiosk, r.column_text(0), r.column_text(1), r.column_text(2), r.column_text(3), r.column_text(4),
                          r.column_text(5)});
  });
  if (!read) return read.error();
  return content::write_csv(table, content::CsvCells::ForSpreadsheet);
}

// A path's folder and file name, for safe_file ("x.sqlite" is in ".").
std::pair<std::string, std::string> split_path(const std::string& path) {
  const std::filesystem::path p(path);
  const std::string dir = p.parent_path().string();
  return {dir.empty() ? "." : dir, p.filename().string()};
}

// Names of routes and the plan's progress from the kiosk's content (attached to `out` as
// "kiosk"), replacing the file's.
Status write_snapshot(sqlite::Database& kiosk, sqlite::Database& out, const std::string& taken_at) {
  Status s = out.exec(
      "DELETE FROM main.route_title; DELETE FROM main.activity_progress;"
      "INSERT INTO main.route_title (route, title, category) "
      "SELECT 'article:' || a.id, a.title, coalesce(c.title_th, '') FROM kiosk.article a "
      "LEFT JOIN kiosk.category c ON c.id = a.category_id "
      "UNION ALL SELECT 'announcement:' || id, title, '' FROM kiosk.announcement "
      "UNION ALL SELECT 'category:' || id, title_th, '' FROM kiosk.category "
      "UNION ALL SELECT 'plan:' || id, title, '' FROM kiosk.plan");
  if (!s) return s;
  // The latest progress of each activity is the content queries' rule, not SQL's.
  auto plans = store::load_plans(kiosk);
  if (!plans) return plans.error();
  auto progress = out.prepare(
      "INSERT INTO main.activity_progress (activity_id, plan_title, seq, activity, indicator, target, fiscal_year, "
      "value, target_value, status, recorded_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!progress) return progress.error();
  for (const store::Plan& plan : plans.value()) {
    for (const store::PlanActivity& a : plan.activities) {
      const store::ProgressEntry* p = store::latest_progress(a);
      progress->bind_all(std::string_view(a.id), std::string_view(plan.title), a.seq, std::string_view(a.activity),
                         std::string_view(a.indicator), std::string_view(a.target));
      progress->bind(7, p ? std::optional<int64_t>(p->fiscal_year) : std::nullopt)
          .bind(8, p ? p->value : std::nullopt)
          .bind(9, p ? p->target_value : std::nullopt)
          .bind(10, plan::stored_name(p ? p->status : plan::ProgressStatus::NotStarted))
          .bind(11, p ? p->recorded_on : std::string());
      if (auto ran = progress->run(); !ran) return ran;
    }
  }
  auto snapshot = out.prepare("INSERT OR REPLACE INTO main.snapshot (id, taken_at) VALUES (1, ?)");
  if (!snapshot) return snapshot.error();
  snapshot->bind(1, std::string_view(taken_at));
  return snapshot->run();
}

}  // namespace

Expected<std::string> kiosk_id(sqlite::Database& kiosk) {
  std::string id = store::get_setting(kiosk, "kiosk_id", "");
  if (!id.empty()) return id;
  unsigned char raw[6];
  randombytes_buf(raw, sizeof raw);
  char hex[sizeof raw * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, raw, sizeof raw);
  id = std::string("kiosk-") + hex;
  if (auto s = store::set_setting(kiosk, "kiosk_id", id); !s) return s.error();
  return id;
}

Expected<sqlite::Database> open_stats(const std::string& path) {
  if (!std::filesystem::is_regular_file(path)) return Error{"statistics file " + path + " not found"};
  auto db = sqlite::Database::open(path, sqlite::Database::Mode::ReadOnly);
  if (!db) return db.error();
  auto app = db->query_int("PRAGMA application_id");
  if (!app || app.value() != kStatsApplicationId) {
    return Error{path + " is not a Khlang statistics file (made by 'stats export' or 'stats merge')"};
  }
  return db;
}

// `out_path` is a path we trust.
Expected<ExportResult> update_stats_file(sqlite::Database& kiosk, const std::string& out_path) {
  auto id = kiosk_id(kiosk);
  if (!id) return id.error();
  auto out = open_or_create(out_path);
  if (!out) return out.error();
  ExportResult result{id.value(), 0, 0, out_path, std::filesystem::path(out_path).replace_extension(".csv").string()};
  auto attach = out->prepare("ATTACH DATABASE ? AS kiosk");
  if (!attach) return attach.error();
  attach->bind(1, "file:" + bundle::uri_path(kiosk.path()) + "?mode=ro");
  if (auto s = attach->run(); !s) return s.error();
  Status s = out->exec("BEGIN IMMEDIATE");
  auto events = out->prepare("INSERT OR IGNORE INTO main.event (kiosk_id, event_id, at, kind, target, value, detail) "
                             "SELECT ?, id, at, kind, target, value, detail FROM kiosk.usage_event");
  auto kiosk_row = out->prepare(
      "INSERT OR REPLACE INTO main.kiosk (kiosk_id, organization, exported_at) "
      "VALUES (?1, coalesce((SELECT name_th FROM kiosk.organization), ''), ?2)");
  if (!events) s = events.error();
  if (!kiosk_row) s = kiosk_row.error();
  const std::string now = bundle::now_utc_iso();
  if (s) s = events->bind(1, std::string_view(result.kiosk_id)).run();
  if (s) result.added = out->changes();
  if (s) s = kiosk_row->bind(1, std::string_view(result.kiosk_id)).bind(2, std::string_view(now)).run();
  if (s) s = write_snapshot(kiosk, out.value(), now);
  if (s) s = out->exec("COMMIT");
  if (!s) (void)out->exec("ROLLBACK");
  (void)out->exec("DETACH DATABASE kiosk");
  if (!s) return Error{"export to " + out_path + " failed, the file is unchanged: " + s.error().message};
  auto total = out->prepare("SELECT count(*) FROM event WHERE kiosk_id = ?");
  if (!total) return total.error();
  total->bind(1, std::string_view(result.kiosk_id));
  if (auto row = total->step(); row && row.value()) result.total = total->column_int(0);
  total->reset();
  return result;
}

namespace {

// The CSV of `kiosk_id`'s events in the statistics file at `path`.
Expected<std::string> events_csv_of(const std::string& path, const std::string& kiosk_id) {
  auto db = open_stats(path);
  if (!db) return db.error();
  return events_csv(db.value(), kiosk_id);
}

}  // namespace

std::string stats_file_name(const std::string& kiosk_id) { return "khlang-stats-" + kiosk_id + ".sqlite"; }
std::string stats_csv_name(const std::string& kiosk_id) { return "khlang-stats-" + kiosk_id + ".csv"; }

Expected<ExportResult> export_stats(sqlite::Database& kiosk, const std::string& out_path) {
  const auto [dir, name] = split_path(out_path);
  const auto [csv_dir, csv_name] = split_path(std::filesystem::path(out_path).replace_extension(".csv").string());
  if (auto s = safe_file::check_replaceable(dir, name); !s) return s.error();
  if (auto s = safe_file::check_replaceable(csv_dir, csv_name); !s) return s.error();
  auto result = update_stats_file(kiosk, out_path);
  if (!result) return result.error();
  auto csv = events_csv_of(out_path, result->kiosk_id);
  if (!csv) return csv.error();
  if (auto s = safe_file::write_into(csv_dir, csv_name, csv.value()); !s) return s.error();
  return result;
}

Expected<ExportResult> export_stats_to_folder(sqlite::Database& kiosk, const std::string& private_dir,
                                              const std::string& folder) {
  auto id = kiosk_id(kiosk);
  if (!id) return id.error();
  const std::string name = stats_file_name(id.value()), csv_name = stats_csv_name(id.value());
  // Both names are checked before either is written: an export is all there or not there.
  if (auto s = safe_file::check_replaceable(folder, name); !s) return s.error();
  if (auto s = safe_file::check_replaceable(folder, csv_name); !s) return s.error();
  std::error_code ec;
  std::filesystem::create_directories(private_dir, ec);
  if (ec) return Error{"cannot make the folder " + private_dir + " for statistics: " + ec.message()};
  const std::string private_path = (std::filesystem::path(private_dir) / name).string();
  auto result = update_stats_file(kiosk, private_path);
  if (!result) return result.error();
  auto csv = events_csv_of(private_path, result->kiosk_id);
  if (!csv) return csv.error();
  if (auto s = safe_file::copy_into(folder, name, private_path); !s) return s.error();
  if (auto s = safe_file::write_into(folder, csv_name, csv.value()); !s) return s.error();
  result->path = (std::filesystem::path(folder) / name).string();
  result->csv_path = (std::filesystem::path(folder) / csv_name).string();
  return result;
}

Expected<int64_t> merge_stats(const std::vector<std::string>& inputs, const std::string& out_path, bool durable) {
  auto out = open_or_create(out_path);
  if (!out) return out.error();
  if (!durable) {
    if (auto s = out->exec("PRAGMA synchronous=OFF; PRAGMA journal_mode=MEMORY"); !s) return s.error();
  }
  // An input comes from a kiosk: its schema is not trusted (no view, trigger or function of its
  // own runs here), and a damaged page is an error, not a crash.
  sqlite3* h = out->handle();
  sqlite3_db_config(h, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
  sqlite3_db_config(h, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
  sqlite3_db_config(h, SQLITE_DBCONFIG_ENABLE_VIEW, 0, nullptr);
  sqlite3_db_config(h, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr);
  if (auto s = out->exec("PRAGMA cell_size_check=ON"); !s) return s.error();
  int64_t added = 0;
  for (const std::string& input : inputs) {
    if (auto check = open_stats(input); !check) return check.error();
    auto attach = out->prepare("ATTACH DATABASE ? AS input");
    if (!attach) return attach.error();
    // Read-only: an input may sit in a folder a sync tool owns (a kiosk's outbox at the office).
    attach->bind(1, "file:" + bundle::uri_path(input) + "?mode=ro");
    if (auto s = attach->run(); !s) return s.error();
    Status s = out->exec("BEGIN IMMEDIATE");
    if (s) s = out->exec("INSERT OR IGNORE INTO main.event SELECT * FROM input.event");
    if (s) added += out->changes();
    if (s) s = out->exec("INSERT INTO main.kiosk SELECT * FROM input.kiosk WHERE true ON CONFLICT (kiosk_id) DO UPDATE "
                         "SET organization = excluded.organization, exported_at = max(exported_at, excluded.exported_at)");
    // Names and progress: the newest export's.
    if (s) {
      auto newer = out->query_int("SELECT coalesce((SELECT taken_at FROM input.snapshot), '') > "
                                  "coalesce((SELECT taken_at FROM main.snapshot), '')");
      if (!newer) s = newer.error();
      else if (newer.value()) {
        s = out->exec("DELETE FROM main.route_title; INSERT INTO main.route_title SELECT * FROM input.route_title;"
                      "DELETE FROM main.activity_progress; INSERT INTO main.activity_progress SELECT * FROM "
                      "input.activity_progress; INSERT OR REPLACE INTO main.snapshot SELECT * FROM input.snapshot;");
      }
    }
    if (s) s = out->exec("COMMIT");
    if (!s) (void)out->exec("ROLLBACK");
    (void)out->exec("DETACH DATABASE input");
    if (!s) return Error{"merging " + input + " failed, " + out_path + " is as it was before it: " + s.error().message};
  }
  return added;
}

}  // namespace khlang::stats

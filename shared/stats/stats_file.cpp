#include "stats/stats_file.h"

#include <sodium.h>
#include <sqlite3.h>

#include <filesystem>

#include "bundle/bundle_file.h"
#include "content/csv.h"
#include "store/settings.h"
#include "util/safe_file.h"
#include "util/system_error.h"

namespace khlang::stats {
namespace {

constexpr int64_t kStatsApplicationId = 0x4B484C53;  // "KHLS"
// 1: events, route names, each activity's latest progress. 2: route names with their sample
// flag; the plans, their indicators and every year's progress, and the committee's positions.
constexpr int kStatsSchemaVersion = 2;

constexpr const char* kEventTables =
    "CREATE TABLE kiosk (kiosk_id TEXT PRIMARY KEY, organization TEXT NOT NULL, exported_at TEXT NOT NULL);"
    "CREATE TABLE event (kiosk_id TEXT NOT NULL, event_id INTEGER NOT NULL, at TEXT NOT NULL, kind TEXT NOT NULL, "
    "target TEXT NOT NULL, value REAL, detail TEXT NOT NULL, PRIMARY KEY (kiosk_id, event_id)) WITHOUT ROWID;"
    "CREATE TABLE snapshot (id INTEGER PRIMARY KEY CHECK (id = 1), taken_at TEXT NOT NULL);";
// The snapshot: names and plans as of the newest export, replaced whole by a newer one.
constexpr const char* kSnapshotTables =
    // What the routes of the events were called, and their category (articles).
    "CREATE TABLE route_title (route TEXT PRIMARY KEY, title TEXT NOT NULL, category TEXT NOT NULL, "
    "is_sample INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;"
    "CREATE TABLE plan (plan_id TEXT PRIMARY KEY, title TEXT NOT NULL, fiscal_year_from INTEGER NOT NULL, "
    "fiscal_year_to INTEGER NOT NULL, sort_order INTEGER NOT NULL, is_sample INTEGER NOT NULL) WITHOUT ROWID;"
    "CREATE TABLE indicator (activity_id TEXT PRIMARY KEY, plan_id TEXT NOT NULL, seq INTEGER NOT NULL, "
    "activity TEXT NOT NULL, indicator TEXT NOT NULL, target TEXT NOT NULL, unit TEXT NOT NULL, unit_en TEXT NOT NULL, "
    "target_value REAL, target_direction TEXT NOT NULL, measure TEXT NOT NULL, kiosk_measure TEXT NOT NULL, "
    "is_sample INTEGER NOT NULL) WITHOUT ROWID;"
    "CREATE TABLE progress (progress_id TEXT PRIMARY KEY, activity_id TEXT NOT NULL, fiscal_year INTEGER NOT NULL, "
    "value REAL, target_value REAL, status TEXT NOT NULL, note TEXT NOT NULL, recorded_on TEXT NOT NULL, "
    "is_sample INTEGER NOT NULL) WITHOUT ROWID;"
    // Who signs the report: the monitoring committee's chair and secretary, and the CKO it reports to.
    "CREATE TABLE signatory (person_id TEXT PRIMARY KEY, committee_role TEXT NOT NULL, km_role TEXT NOT NULL, "
    "position TEXT NOT NULL, sort_order INTEGER NOT NULL) WITHOUT ROWID;";
constexpr const char* kSnapshotTableNames[] = {"route_title", "plan", "indicator", "progress", "signatory"};

Status create_schema(sqlite::Database& db) {
  KHLANG_TRY(db.exec("PRAGMA journal_mode=DELETE"));  // not inside a transaction
  KHLANG_TRY_AS(sqlite::Transaction tx, sqlite::Transaction::begin(db));
  KHLANG_TRY(db.exec("PRAGMA application_id=" + std::to_string(kStatsApplicationId) +
                     "; PRAGMA user_version=" + std::to_string(kStatsSchemaVersion) + ";" + kEventTables +
                     kSnapshotTables));
  return tx.commit();
}

// Version 1's snapshot cannot give every year's progress: its tables go, and the next export (or
// a merge of a newer file) fills the new ones. The events stay as they are.
Status upgrade_from_version_1(sqlite::Database& db) {
  KHLANG_TRY_AS(sqlite::Transaction tx, sqlite::Transaction::begin(db));
  KHLANG_TRY(db.exec("DROP TABLE route_title; DROP TABLE activity_progress; DELETE FROM snapshot;" +
                     std::string(kSnapshotTables) + "PRAGMA user_version=2;"));
  return tx.commit();
}

// Opens `path`, a file of ours, as a statistics file, making it if it does not exist. Messages
// call it `shown`: the file a person chose, when `path` is the private copy it is built in.
Expected<sqlite::Database> open_or_create(const std::string& path, const std::string& shown) {
  const bool exists = std::filesystem::exists(path);
  KHLANG_TRY_AS(auto db, sqlite::Database::open(path, sqlite::Database::Mode::ReadWriteCreate));
  if (!exists) {
    if (auto s = create_schema(db); !s) return s.error().within("cannot make the statistics file " + shown + ": ");
    return db;
  }
  auto app = db.query_int("PRAGMA application_id");
  if (!app || app.value() != kStatsApplicationId) {
    return Error{shown + " is not a Khlang statistics file (choose a new file name, or one made by 'stats export')"};
  }
  KHLANG_TRY_AS(auto version, db.query_int("PRAGMA user_version"));
  if (version > kStatsSchemaVersion) {
    return Error{shown + " was made by a newer Khlang (statistics version " + std::to_string(version) +
                 "): update khlang-admin"};
  }
  if (version == 1) {
    if (auto s = upgrade_from_version_1(db); !s) return s.error().within("cannot upgrade the statistics file " + shown + ": ");
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

// Names of routes, the plans with every year's progress, and who signs, from the kiosk's content
// (attached to `out` as "kiosk"), replacing the file's.
Status write_snapshot(sqlite::Database& out, const std::string& taken_at) {
  std::string sql;
  for (const char* table : kSnapshotTableNames) sql += "DELETE FROM main." + std::string(table) + ";";
  sql +=
      "INSERT INTO main.route_title (route, title, category, is_sample) "
      "SELECT 'article:' || a.id, a.title, coalesce(c.title_th, ''), a.is_sample FROM kiosk.article a "
      "LEFT JOIN kiosk.category c ON c.id = a.category_id "
      "UNION ALL SELECT 'announcement:' || id, title, '', is_sample FROM kiosk.announcement "
      "UNION ALL SELECT 'category:' || id, title_th, '', 0 FROM kiosk.category "
      "UNION ALL SELECT 'plan:' || id, title, '', is_sample FROM kiosk.plan;"
      "INSERT INTO main.plan SELECT id, title, fiscal_year_from, fiscal_year_to, sort_order, is_sample FROM kiosk.plan;"
      "INSERT INTO main.indicator SELECT id, plan_id, seq, activity, indicator, target, unit, unit_en, target_value, "
      "target_direction, measure, kiosk_measure, is_sample FROM kiosk.plan_activity;"
      "INSERT INTO main.progress SELECT id, activity_id, fiscal_year, value, target_value, status, note, recorded_on, "
      "is_sample FROM kiosk.progress;"
      "INSERT INTO main.signatory SELECT id, committee_role, km_role, position, sort_order FROM kiosk.person "
      "WHERE committee_role IN ('chair', 'secretary') OR km_role = 'cko';";
  KHLANG_TRY(out.exec(sql));
  KHLANG_TRY_AS(auto snapshot, out.prepare("INSERT OR REPLACE INTO main.snapshot (id, taken_at) VALUES (1, ?)"));
  snapshot.bind(1, std::string_view(taken_at));
  return snapshot.run();
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
  KHLANG_TRY(store::set_setting(kiosk, "kiosk_id", id));
  return id;
}

namespace {

// A statistics file of any version this program reads, read-only, with its version.
Expected<std::pair<sqlite::Database, int64_t>> open_stats_file(const std::string& path) {
  if (!std::filesystem::is_regular_file(path)) return Error{"statistics file " + path + " not found"};
  KHLANG_TRY_AS(auto db, sqlite::Database::open(path, sqlite::Database::Mode::ReadOnly));
  auto app = db.query_int("PRAGMA application_id");
  auto version = db.query_int("PRAGMA user_version");
  if (!app || !version || app.value() != kStatsApplicationId) {
    return Error{path + " is not a Khlang statistics file (made by 'stats export' or 'stats merge')"};
  }
  if (version.value() > kStatsSchemaVersion) {
    return Error{path + " was made by a newer Khlang (statistics version " + std::to_string(version.value()) +
                 "): update khlang-admin"};
  }
  return std::pair<sqlite::Database, int64_t>(std::move(db), version.value());
}

}  // namespace

Expected<sqlite::Database> open_stats(const std::string& path) {
  KHLANG_TRY_AS(auto file, open_stats_file(path));
  if (file.second < kStatsSchemaVersion) {
    return Error{path + " is a statistics file of an older Khlang (version " + std::to_string(file.second) +
                 "): upgrade it with 'khlang-admin stats merge " + path +
                 " --out NEW.sqlite' (its plan figures come back with the kiosk's next export)"};
  }
  return std::move(file.first);
}

namespace {

// Adds the kiosk's events not yet in `out`, its row and the snapshot, in one transaction; the
// kiosk's database is attached to `out` as `kiosk`.
Status add_events(sqlite::Database& out, ExportResult& result) {
  KHLANG_TRY_AS(sqlite::Transaction tx, sqlite::Transaction::begin(out));
  KHLANG_TRY_AS(sqlite::Statement events,
                out.prepare("INSERT OR IGNORE INTO main.event (kiosk_id, event_id, at, kind, target, value, detail) "
                            "SELECT ?, id, at, kind, target, value, detail FROM kiosk.usage_event"));
  KHLANG_TRY_AS(sqlite::Statement kiosk_row,
                out.prepare("INSERT OR REPLACE INTO main.kiosk (kiosk_id, organization, exported_at) "
                            "VALUES (?1, coalesce((SELECT name_th FROM kiosk.organization), ''), ?2)"));
  const std::string now = bundle::now_utc_iso();
  KHLANG_TRY(events.bind(1, std::string_view(result.kiosk_id)).run());
  result.added = out.changes();
  KHLANG_TRY(kiosk_row.bind(1, std::string_view(result.kiosk_id)).bind(2, std::string_view(now)).run());
  KHLANG_TRY(write_snapshot(out, now));
  return tx.commit();
}

// `out_path` is a file of ours, called `shown` in messages (see open_or_create).
Expected<ExportResult> update_private_file(sqlite::Database& kiosk, const std::string& out_path, const std::string& shown) {
  KHLANG_TRY_AS(auto id, kiosk_id(kiosk));
  KHLANG_TRY_AS(auto out, open_or_create(out_path, shown));
  ExportResult result{id, 0, 0, out_path, std::filesystem::path(out_path).replace_extension(".csv").string()};
  KHLANG_TRY_AS(auto attach, out.prepare("ATTACH DATABASE ? AS kiosk"));
  attach.bind(1, "file:" + bundle::uri_path(kiosk.path()) + "?mode=ro");
  KHLANG_TRY(attach.run());
  const Status s = add_events(out, result);
  (void)out.exec("DETACH DATABASE kiosk");
  if (!s) return Error{"export to " + shown + " failed, the file is unchanged: " + s.error().message};
  KHLANG_TRY_AS(auto total, out.prepare("SELECT count(*) FROM event WHERE kiosk_id = ?"));
  total.bind(1, std::string_view(result.kiosk_id));
  if (auto row = total.step(); row && row.value()) result.total = total.column_int(0);
  total.reset();
  return result;
}

// The CSV of `kiosk_id`'s events in the statistics file at `path`.
Expected<std::string> events_csv_of(const std::string& path, const std::string& kiosk_id) {
  KHLANG_TRY_AS(auto db, open_stats(path));
  return events_csv(db, kiosk_id);
}

// Brings the private statistics file `built` up to date, then copies it and its CSV into
// `folder` as `name` and `csv_name` through safe_file (both names already checked).
Expected<ExportResult> export_through(sqlite::Database& kiosk, const std::string& built, const std::string& folder,
                                      const std::string& name, const std::string& csv_name) {
  const std::string shown = (std::filesystem::path(folder) / name).string();
  KHLANG_TRY_AS(auto result, update_private_file(kiosk, built, shown));
  KHLANG_TRY_AS(auto csv, events_csv_of(built, result.kiosk_id));
  KHLANG_TRY(safe_file::copy_into(folder, name, built));
  KHLANG_TRY(safe_file::write_into(folder, csv_name, csv));
  result.path = shown;
  result.csv_path = (std::filesystem::path(folder) / csv_name).string();
  return result;
}

}  // namespace

Expected<ExportResult> update_stats_file(sqlite::Database& kiosk, const std::string& path) {
  return update_private_file(kiosk, path, path);
}

std::string stats_file_name(const std::string& kiosk_id) { return "khlang-stats-" + kiosk_id + ".sqlite"; }
std::string stats_csv_name(const std::string& kiosk_id) { return "khlang-stats-" + kiosk_id + ".csv"; }

Expected<ExportResult> export_stats(sqlite::Database& kiosk, const std::string& out_path) {
  const auto [dir, name] = split_path(out_path);
  const std::string csv_name = std::filesystem::path(name).replace_extension(".csv").string();
  if (name == csv_name) {
    return Error{out_path + " is the name of its CSV: give the statistics file another name (such as .sqlite)"};
  }
  // Both names are checked before anything is written: an export is all there or not there.
  KHLANG_TRY(safe_file::check_replaceable(dir, name));
  KHLANG_TRY(safe_file::check_replaceable(dir, csv_name));
  KHLANG_TRY_AS(auto private_folder, safe_file::PrivateFolder::make("khlang-stats"));
  const std::string built = private_folder.file(name);
  // An existing file is added to (only new events): taken in privately, updated, put back whole.
  KHLANG_TRY(safe_file::copy_from(dir, name, built));
  KHLANG_TRY_AS(auto result, export_through(kiosk, built, dir, name, csv_name));
  result.path = out_path;
  result.csv_path = std::filesystem::path(out_path).replace_extension(".csv").string();
  return result;
}

Expected<ExportResult> export_stats_to_folder(sqlite::Database& kiosk, const std::string& private_dir,
                                              const std::string& folder) {
  KHLANG_TRY_AS(auto id, kiosk_id(kiosk));
  const std::string name = stats_file_name(id), csv_name = stats_csv_name(id);
  // Both names are checked before either is written: an export is all there or not there.
  KHLANG_TRY(safe_file::check_replaceable(folder, name));
  KHLANG_TRY(safe_file::check_replaceable(folder, csv_name));
  std::error_code ec;
  std::filesystem::create_directories(private_dir, ec);
  if (ec) return system_error("cannot make the folder " + private_dir + " for statistics", ec);
  return export_through(kiosk, (std::filesystem::path(private_dir) / name).string(), folder, name, csv_name);
}

namespace {

// Adds the events of the file attached to `out` as `input` in one transaction, and with
// `takes_snapshot` its names and plans if its snapshot is newer.
Status merge_one(sqlite::Database& out, bool takes_snapshot, int64_t& added) {
  KHLANG_TRY_AS(sqlite::Transaction tx, sqlite::Transaction::begin(out));
  KHLANG_TRY(out.exec("INSERT OR IGNORE INTO main.event SELECT * FROM input.event"));
  added += out.changes();
  KHLANG_TRY(out.exec("INSERT INTO main.kiosk SELECT * FROM input.kiosk WHERE true ON CONFLICT (kiosk_id) DO UPDATE "
                      "SET organization = excluded.organization, exported_at = max(exported_at, excluded.exported_at)"));
  // Names and progress: the newest export's.
  if (takes_snapshot) {
    KHLANG_TRY_AS(const int64_t newer, out.query_int("SELECT coalesce((SELECT taken_at FROM input.snapshot), '') > "
                                                     "coalesce((SELECT taken_at FROM main.snapshot), '')"));
    if (newer) {
      std::string sql;
      for (const char* table : kSnapshotTableNames) {
        sql += "DELETE FROM main." + std::string(table) + "; INSERT INTO main." + table + " SELECT * FROM input." + table + ";";
      }
      KHLANG_TRY(out.exec(sql + "INSERT OR REPLACE INTO main.snapshot SELECT * FROM input.snapshot;"));
    }
  }
  return tx.commit();
}

}  // namespace

namespace {

// merge_stats_private, with `shown` naming `out_path` in messages (see open_or_create).
Expected<int64_t> merge_into(const std::vector<std::string>& inputs, const std::string& out_path, const std::string& shown) {
  KHLANG_TRY_AS(auto out, open_or_create(out_path, shown));
  // A private file: copied out whole (and synced then) or thrown away, never kept half-written.
  KHLANG_TRY(out.exec("PRAGMA synchronous=OFF; PRAGMA journal_mode=MEMORY"));
  // An input comes from a kiosk: its schema is not trusted (no view, trigger or function of its
  // own runs here), and a damaged page is an error, not a crash.
  sqlite3* h = out.handle();
  sqlite3_db_config(h, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
  sqlite3_db_config(h, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
  sqlite3_db_config(h, SQLITE_DBCONFIG_ENABLE_VIEW, 0, nullptr);
  sqlite3_db_config(h, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr);
  KHLANG_TRY(out.exec("PRAGMA cell_size_check=ON"));
  int64_t added = 0;
  for (const std::string& input : inputs) {
    KHLANG_TRY_AS(auto check, open_stats_file(input));
    // A version 1 file gives its events; its snapshot has no per-year progress to take.
    const bool takes_snapshot = check.second == kStatsSchemaVersion;
    KHLANG_TRY_AS(auto attach, out.prepare("ATTACH DATABASE ? AS input"));
    // Read-only: an input may sit in a folder a sync tool owns (a kiosk's outbox at the office).
    attach.bind(1, "file:" + bundle::uri_path(input) + "?mode=ro");
    KHLANG_TRY(attach.run());
    const Status s = merge_one(out, takes_snapshot, added);
    (void)out.exec("DETACH DATABASE input");
    if (!s) return Error{"merging " + input + " failed: " + s.error().message};
  }
  return added;
}

}  // namespace

Expected<int64_t> merge_stats_private(const std::vector<std::string>& inputs, const std::string& path) {
  return merge_into(inputs, path, path);
}

Expected<int64_t> merge_stats(const std::vector<std::string>& inputs, const std::string& out_path) {
  const auto [dir, name] = split_path(out_path);
  KHLANG_TRY(safe_file::check_replaceable(dir, name));
  KHLANG_TRY_AS(auto private_folder, safe_file::PrivateFolder::make("khlang-stats"));
  const std::string built = private_folder.file(name);
  KHLANG_TRY(safe_file::copy_from(dir, name, built));  // added to, as in export_stats
  auto added = merge_into(inputs, built, out_path);
  if (!added) return Error{added.error().kind, added.error().message + "; " + out_path + " is unchanged"};
  KHLANG_TRY(safe_file::copy_into(dir, name, built));
  return added;
}

}  // namespace khlang::stats

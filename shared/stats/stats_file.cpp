#include "stats/stats_file.h"

#include <sodium.h>

#include <filesystem>
#include <fstream>

#include "bundle/bundle_file.h"
#include "content/csv.h"
#include "store/content_queries.h"
#include "store/settings.h"

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
Expected<store::Database> open_or_create(const std::string& path) {
  const bool exists = std::filesystem::exists(path);
  auto db = store::Database::open(path, store::Database::Mode::ReadWriteCreate);
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

Status write_events_csv(store::Database& db, const std::string& kiosk, const std::string& path) {
  content::CsvTable table{{"kiosk_id", "event_id", "at", "kind", "target", "value", "detail"}, {}, {}};
  auto rows = db.prepare("SELECT event_id, at, kind, target, coalesce(value, ''), detail FROM event WHERE kiosk_id = ? "
                         "ORDER BY event_id");
  if (!rows) return rows.error();
  rows->bind(1, std::string_view(kiosk));
  auto read = rows->for_each_row([&](const store::Statement& r) {
    table.rows.push_back({kiosk, r.column_text(0), r.column_text(1), r.column_text(2), r.column_text(3), r.column_text(4),
                          r.column_text(5)});
  });
  if (!read) return read;
  std::ofstream out(path, std::ios::trunc);
  out << content::write_csv(table);
  if (!out.flush()) return Error{"cannot write " + path};
  return Ok{};
}

// Names of routes and the plan's progress from the kiosk's content, replacing the file's.
Status write_snapshot(store::Database& kiosk, store::Database& out, const std::string& taken_at) {
  if (auto s = out.exec("DELETE FROM route_title; DELETE FROM activity_progress;"); !s) return s;
  auto title = out.prepare("INSERT OR REPLACE INTO route_title (route, title, category) VALUES (?, ?, ?)");
  if (!title) return title.error();
  struct Names {
    const char* sql;
    const char* prefix;
  };
  for (const Names& n : {Names{"SELECT a.id, a.title, coalesce(c.title_th, '') FROM article a LEFT JOIN category c ON "
                               "c.id = a.category_id",
                               "article:"},
                         Names{"SELECT id, title, '' FROM announcement", "announcement:"},
                         Names{"SELECT id, title_th, '' FROM category", "category:"},
                         Names{"SELECT id, title, '' FROM plan", "plan:"}}) {
    auto rows = kiosk.prepare(n.sql);
    if (!rows) return rows.error();
    Status written = Ok{};
    auto read = rows->for_each_row([&](const store::Statement& r) {
      if (!written) return;
      title->bind_all(n.prefix + r.column_text(0), r.column_text(1), r.column_text(2));
      written = title->run();
    });
    if (!read) return read;
    if (!written) return written;
  }
  auto plans = store::load_plans(kiosk);
  if (!plans) return plans.error();
  auto progress = out.prepare(
      "INSERT OR REPLACE INTO activity_progress (activity_id, plan_title, seq, activity, indicator, target, fiscal_year, "
      "value, target_value, status, recorded_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!progress) return progress.error();
  for (const store::Plan& plan : plans.value()) {
    for (const store::PlanActivity& a : plan.activities) {
      const store::ProgressEntry* p = store::latest_progress(a);
      progress->bind_all(std::string_view(a.id), std::string_view(plan.title), a.seq, std::string_view(a.activity),
                         std::string_view(a.indicator), std::string_view(a.target));
      if (p) {
        progress->bind(7, p->fiscal_year);
        if (p->value) progress->bind(8, *p->value);
        else progress->bind_null(8);
        if (p->target_value) progress->bind(9, *p->target_value);
        else progress->bind_null(9);
        progress->bind(10, std::string_view(p->status)).bind(11, std::string_view(p->recorded_on));
      } else {
        progress->bind_null(7).bind_null(8).bind_null(9).bind(10, "not_started").bind(11, "");
      }
      if (auto s = progress->run(); !s) return s;
    }
  }
  return out.exec("INSERT OR REPLACE INTO snapshot (id, taken_at) VALUES (1, '" + taken_at + "')");
}

}  // namespace

Expected<std::string> kiosk_id(store::Database& kiosk) {
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

Expected<store::Database> open_stats(const std::string& path) {
  if (!std::filesystem::is_regular_file(path)) return Error{"statistics file " + path + " not found"};
  auto db = store::Database::open(path, store::Database::Mode::ReadOnly);
  if (!db) return db.error();
  auto app = db->query_int("PRAGMA application_id");
  if (!app || app.value() != kStatsApplicationId) {
    return Error{path + " is not a Khlang statistics file (made by 'stats export' or 'stats merge')"};
  }
  return db;
}

Expected<ExportResult> export_stats(store::Database& kiosk, const std::string& out_path) {
  auto id = kiosk_id(kiosk);
  if (!id) return id.error();
  auto out = open_or_create(out_path);
  if (!out) return out.error();
  ExportResult result{id.value(), 0, 0, std::filesystem::path(out_path).replace_extension(".csv").string()};
  auto org = store::load_organization(kiosk);
  const std::string organization = org && org.value() ? org.value()->name_th : "";
  const std::string now = bundle::now_utc_iso();
  Status s = out->exec("BEGIN IMMEDIATE");
  if (!s) return s.error();
  auto events = kiosk.prepare("SELECT id, at, kind, target, value, detail FROM usage_event ORDER BY id");
  auto insert = out->prepare("INSERT OR IGNORE INTO event (kiosk_id, event_id, at, kind, target, value, detail) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?)");
  if (!events) return events.error();
  if (!insert) return insert.error();
  auto read = events->for_each_row([&](const store::Statement& r) {
    if (!s) return;
    insert->bind_all(std::string_view(result.kiosk_id), r.column_int(0), r.column_text(1), r.column_text(2),
                     r.column_text(3));
    if (r.column_is_null(4)) insert->bind_null(6);
    else insert->bind(6, r.column_double(4));
    insert->bind(7, r.column_text(5));
    s = insert->run();
    if (s) result.added += out->changes();
  });
  if (s && !read) s = read;
  auto kiosk_row = out->prepare("INSERT OR REPLACE INTO kiosk (kiosk_id, organization, exported_at) VALUES (?, ?, ?)");
  if (!kiosk_row) return kiosk_row.error();
  kiosk_row->bind_all(std::string_view(result.kiosk_id), std::string_view(organization), std::string_view(now));
  if (s) s = kiosk_row->run();
  if (s) s = write_snapshot(kiosk, out.value(), now);
  if (s) s = out->exec("COMMIT");
  if (!s) {
    (void)out->exec("ROLLBACK");
    return Error{"export to " + out_path + " failed, the file is unchanged: " + s.error().message};
  }
  auto total = out->prepare("SELECT count(*) FROM event WHERE kiosk_id = ?");
  if (!total) return total.error();
  total->bind(1, std::string_view(result.kiosk_id));
  if (auto row = total->step(); row && row.value()) result.total = total->column_int(0);
  total->reset();
  if (auto w = write_events_csv(out.value(), result.kiosk_id, result.csv_path); !w) return w.error();
  return result;
}

Expected<int64_t> merge_stats(const std::vector<std::string>& inputs, const std::string& out_path) {
  auto out = open_or_create(out_path);
  if (!out) return out.error();
  int64_t added = 0;
  for (const std::string& input : inputs) {
    if (auto check = open_stats(input); !check) return check.error();
    auto attach = out->prepare("ATTACH DATABASE ? AS input");
    if (!attach) return attach.error();
    attach->bind(1, std::string_view(input));
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

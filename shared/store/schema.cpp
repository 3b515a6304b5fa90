#include "store/schema.h"

#include "content/content_tables.h"
#include "search/search_index.h"
#include "search/tokenizer.h"

#include <algorithm>

namespace khlang::store {

Status create_bundle_schema(sqlite::Database& db) {
  std::string sql = "PRAGMA journal_mode=DELETE; PRAGMA application_id=" + std::to_string(kBundleApplicationId) +
                    "; PRAGMA user_version=" + std::to_string(kBundleSchemaVersion) + "; BEGIN;";
  for (const content::TableSpec& t : content::content_tables()) sql += content::create_table_sql(t) + ";";
  sql += search::packed_index_schema_sql();
  sql += "COMMIT;";
  return db.exec(sql);
}

Expected<std::vector<SchemaObject>> read_schema(sqlite::Database& db, std::string_view schema) {
  auto stmt = db.prepare("SELECT type, name, tbl_name, coalesce(sql, '') FROM " + sqlite::quote_identifier(schema) +
                         ".sqlite_schema ORDER BY name");
  if (!stmt) return stmt.error();
  std::vector<SchemaObject> out;
  auto read = stmt->for_each_row([&](const sqlite::Statement& row) {
    out.push_back({row.column_text(0), row.column_text(1), row.column_text(2), row.column_text(3)});
  });
  if (!read) return read.error();
  return out;
}

Expected<std::vector<SchemaObject>> expected_bundle_schema() {
  auto db = sqlite::Database::open(":memory:", sqlite::Database::Mode::ReadWriteCreate);
  if (!db) return db.error();
  std::string sql;
  for (const content::TableSpec& t : content::content_tables()) sql += content::create_table_sql(t) + ";";
  sql += search::packed_index_schema_sql();
  if (auto s = db->exec(sql); !s) return s.error();
  return read_schema(db.value());
}

namespace {

// Kiosk migrations: entry i brings user_version i to i + 1. open_kiosk_db runs each in its own
// transaction and sets user_version in it, so a migration is applied whole or not at all.
struct Migration {
  const char* what;
  Status (*apply)(sqlite::Database& db);
};

Status create_kiosk_tables(sqlite::Database& db) {
  std::string sql;
  for (const content::TableSpec& t : content::content_tables()) {
    sql += content::create_table_sql(t) + ";";
    sql += content::create_table_sql(t, "prev_") + ";";  // the content before the last import, for rollback
  }
  sql +=
      "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
      "CREATE TABLE trusted_key (key_id TEXT PRIMARY KEY, public_key TEXT NOT NULL, comment TEXT NOT NULL "
      "DEFAULT '', added_at TEXT NOT NULL);"
      "CREATE TABLE import_state (key_id TEXT PRIMARY KEY, last_seq INTEGER NOT NULL, imported_at TEXT NOT NULL);"
      "CREATE TABLE import_log (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, bundle TEXT NOT NULL, "
      "key_id TEXT NOT NULL DEFAULT '', seq INTEGER, result TEXT NOT NULL, message TEXT NOT NULL DEFAULT '');"
      "CREATE TABLE content_state (id INTEGER PRIMARY KEY CHECK (id = 1), key_id TEXT NOT NULL, "
      "imported_at TEXT NOT NULL, has_previous INTEGER NOT NULL DEFAULT 0, prev_key_id TEXT NOT NULL DEFAULT '');"
      "CREATE TABLE usage_event (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, kind TEXT NOT NULL, "
      "target TEXT NOT NULL DEFAULT '', value REAL, detail TEXT NOT NULL DEFAULT '');";
  return db.exec(sql);
}

// The search index, filled in the import's transaction from then on; content already there is
// indexed now.
Status add_search_index(sqlite::Database& db) {
  KHLANG_TRY(db.exec(search::search_schema_sql()));
  return search::rebuild_search_index(db);
}

// Bundles the unattended import refused, by content hash, so they are not tried again.
Status add_inbox_refused(sqlite::Database& db) {
  return db.exec("CREATE TABLE inbox_refused (hash TEXT PRIMARY KEY, bundle TEXT NOT NULL, refused_at TEXT NOT NULL, "
                 "reason TEXT NOT NULL)");
}

const Migration kKioskMigrations[] = {
    {"the kiosk's tables", create_kiosk_tables},
    {"the search index", add_search_index},
    {"the unattended import's refused bundles", add_inbox_refused},
};
static_assert(std::size(kKioskMigrations) == kKioskSchemaVersion, "one migration per schema version");

Status migrate(sqlite::Database& db, int64_t from_version) {
  for (auto v = static_cast<size_t>(from_version); v < std::size(kKioskMigrations); ++v) {
    KHLANG_TRY_AS(sqlite::Transaction tx, sqlite::Transaction::begin(db));
    Status applied = kKioskMigrations[v].apply(db);
    if (applied) applied = db.exec("PRAGMA user_version=" + std::to_string(v + 1));
    if (applied) applied = tx.commit();
    if (!applied) {
      return applied.error().within("migration to version " + std::to_string(v + 1) + " (" + kKioskMigrations[v].what +
                                    ") failed: ");
    }
  }
  return Ok{};
}

}  // namespace

Expected<sqlite::Database> open_kiosk_db(const std::string& path) {
  KHLANG_TRY_AS(sqlite::Database db, sqlite::Database::open(path, sqlite::Database::Mode::ReadWriteCreate));
  KHLANG_TRY(search::register_search_functions(db.handle()));
  auto app = db.query_int("PRAGMA application_id");
  auto version = db.query_int("PRAGMA user_version");
  if (!app || !version) return Error{"database " + path + ": not a Khlang kiosk database (not readable as SQLite)"};
  KHLANG_TRY(db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"));
  if (app.value() != 0 && app.value() != kKioskApplicationId) {
    return Error{"database " + path + ": not a Khlang kiosk database (application_id " + std::to_string(app.value()) + ")"};
  }
  if (version.value() > kKioskSchemaVersion) {
    return Error{"database " + path + " has schema version " + std::to_string(version.value()) +
                 ", newer than this program understands (" + std::to_string(kKioskSchemaVersion) +
                 "): update Khlang"};
  }
  if (app.value() == 0) {
    KHLANG_TRY_AS(const int64_t tables, db.query_int("SELECT count(*) FROM sqlite_schema"));
    if (tables != 0) return Error{"database " + path + ": not a Khlang kiosk database (it has other tables)"};
    KHLANG_TRY(db.exec("PRAGMA application_id=" + std::to_string(kKioskApplicationId)));
  }
  if (auto s = migrate(db, version.value()); !s) return s.error().within("database " + path + ": ");
  return db;
}

}  // namespace khlang::store

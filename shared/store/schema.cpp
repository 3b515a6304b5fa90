#include "store/schema.h"

#include <sodium.h>

#include "content/content_tables.h"
#include "search/search_index.h"
#include "search/tokenizer.h"

#include <algorithm>
#include <optional>

namespace khlang::store {

Status create_bundle_schema(sqlite::Database& db) {
  KHLANG_TRY(db.exec("PRAGMA journal_mode=DELETE"));  // not inside a transaction
  std::string sql = "PRAGMA application_id=" + std::to_string(kBundleApplicationId) +
                    "; PRAGMA user_version=" + std::to_string(kBundleSchemaVersion) + ";";
  for (const content::TableSpec& t : content::content_tables()) sql += content::create_table_sql(t) + ";";
  sql += search::packed_index_schema_sql();
  KHLANG_TRY_AS(sqlite::Transaction tx, sqlite::Transaction::begin(db));
  KHLANG_TRY(db.exec(sql));
  return tx.commit();
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
  KHLANG_TRY_AS(auto db, sqlite::Database::open(":memory:", sqlite::Database::Mode::ReadWriteCreate));
  std::string sql;
  for (const content::TableSpec& t : content::content_tables()) sql += content::create_table_sql(t) + ";";
  sql += search::packed_index_schema_sql();
  KHLANG_TRY(db.exec(sql));
  return read_schema(db);
}

namespace {

// Kiosk migrations: entry i brings user_version i to i + 1. open_kiosk_db runs each in its own
// transaction and sets user_version in it, so a migration is applied whole or not at all. A new
// database gets the current content tables from the first step, so it skips the steps that
// change content tables' columns.
struct Migration {
  const char* what;
  Status (*apply)(sqlite::Database& db);
  bool content_columns = false;
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

// Bundle schema 3's columns, live and prev_. New columns are appended, as ALTER TABLE adds them, so
// a migrated table and a new one list their columns in the same order. progress is rebuilt (its
// status gains a CHECK and an empty default) with the old statuses in the new vocabulary.
// Content that came from the built-in demo key is sample data.
Status add_sample_flags_and_indicators(sqlite::Database& db) {
  struct Added {
    const char* table;
    std::vector<const char*> columns;
  };
  const Added added[] = {{"organization", {"is_sample"}},
                         {"person", {"committee_role", "is_sample"}},
                         {"article", {"is_sample"}},
                         {"announcement", {"is_sample"}},
                         {"plan", {"is_sample"}},
                         {"plan_activity",
                          {"unit", "unit_en", "target_value", "target_direction", "measure", "kiosk_measure", "is_sample"}},
                         {"community", {"is_sample"}}};
  std::string sql;
  for (const Added& a : added) {
    const content::TableSpec& spec = *content::find_content_table(a.table);
    for (const char* name : a.columns) {
      const auto c = std::find_if(spec.columns.begin(), spec.columns.end(),
                                  [&](const content::ColumnSpec& col) { return std::string_view(col.name) == name; });
      for (const char* prefix : {"", "prev_"}) {
        sql += "ALTER TABLE " + std::string(prefix) + a.table + " ADD COLUMN " + content::column_sql(*c, *prefix != 0) + ";";
      }
    }
  }
  const content::TableSpec& progress = *content::find_content_table("progress");
  for (const std::string prefix : {"", "prev_"}) {
    const std::string table = prefix + "progress";
    std::string create = content::create_table_sql(progress, prefix);
    create.replace(create.find(table), table.size(), prefix + "v4_progress");
    sql += create + ";";
    sql += "INSERT INTO " + prefix + "v4_progress (" + content::column_list(progress) +
           ") SELECT id, activity_id, fiscal_year, period, value, target_value, CASE status WHEN 'done' THEN "
           "'achieved' WHEN 'in_progress' THEN 'in_progress' WHEN 'behind' THEN 'behind' WHEN 'not_started' THEN "
           "'not_started' ELSE '' END, note, recorded_on, is_sample FROM " + table + ";";
    sql += "DROP TABLE " + table + "; ALTER TABLE " + prefix + "v4_progress RENAME TO " + table + ";";
  }
  const std::string demo_key = "(SELECT key_id FROM trusted_key WHERE comment = 'built-in demo content')";
  for (const content::TableSpec& t : content::content_tables()) {
    if (!content::has_sample_flag(t)) continue;
    sql += "UPDATE " + std::string(t.name) + " SET is_sample = 1 WHERE (SELECT key_id FROM content_state) IN " +
           demo_key + ";";
    sql += "UPDATE prev_" + std::string(t.name) + " SET is_sample = 1 WHERE (SELECT prev_key_id FROM content_state) IN " +
           demo_key + ";";
  }
  return db.exec(sql);
}

// The 32 key bytes of a minisign public key line (base64 of "Ed", the 8-byte id and the key).
std::optional<std::string> minisign_key_bytes(const std::string& line) {
  unsigned char raw[64];
  size_t len = 0;
  if (line.empty() || line.size() > 128 ||
      sodium_base642bin(raw, sizeof raw, line.data(), line.size(), nullptr, &len, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0 ||
      len != 42 || raw[0] != 'E' || raw[1] != 'd') {
    return std::nullopt;
  }
  return std::string(reinterpret_cast<const char*>(raw + 10), 32);
}

// Trusted keys keyed by their 32 key bytes, the id a unique label (a key with a trusted id and
// other bytes was an update before). Two rows with the same key bytes under two ids become the
// older one; a row that is not a key (it never verified anything) is dropped.
Status key_trust_by_bytes(sqlite::Database& db) {
  KHLANG_TRY(db.exec(
      "CREATE TABLE trusted_key_new (key_bytes BLOB PRIMARY KEY CHECK (length(key_bytes) = 32), "
      "key_id TEXT NOT NULL UNIQUE, public_key TEXT NOT NULL, comment TEXT NOT NULL DEFAULT '', added_at TEXT NOT NULL)"));
  KHLANG_TRY_AS(sqlite::Statement insert,
                db.prepare("INSERT OR IGNORE INTO trusted_key_new (key_bytes, key_id, public_key, comment, added_at) "
                           "VALUES (?, ?, ?, ?, ?)"));
  KHLANG_TRY_AS(sqlite::Statement rows,
                db.prepare("SELECT key_id, public_key, comment, added_at FROM trusted_key ORDER BY added_at, key_id"));
  Status copied = Ok{};
  KHLANG_TRY(rows.for_each_row([&](const sqlite::Statement& row) {
    const auto bytes = minisign_key_bytes(row.column_text(1));
    if (!bytes || !copied) return;
    insert.bind_blob(1, bytes->data(), bytes->size());
    insert.bind(2, row.column_text(0)).bind(3, row.column_text(1)).bind(4, row.column_text(2)).bind(5, row.column_text(3));
    copied = insert.run();
  }));
  KHLANG_TRY(copied);
  return db.exec("DROP TABLE trusted_key; ALTER TABLE trusted_key_new RENAME TO trusted_key");
}

// The PIN's lock becomes a remainder counted down by the monotonic clock (security/pin_lock.h): a
// lock running at the upgrade keeps what is left of it (at most an hour), marked on no boot.
Status pin_lock_remainder(sqlite::Database& db) {
  return db.exec(
      "INSERT OR REPLACE INTO settings (key, value) SELECT 'admin_lock_left_ms', "
      "CAST(1000 * max(0, min(3600, CAST(value AS INTEGER) - unixepoch())) AS TEXT) FROM settings "
      "WHERE key = 'admin_locked_until';"
      "INSERT OR REPLACE INTO settings (key, value) SELECT 'admin_lock_mark_wall', CAST(unixepoch() AS TEXT) "
      "FROM settings WHERE key = 'admin_locked_until';"
      "DELETE FROM settings WHERE key = 'admin_locked_until';");
}

// A category's articles in the order its page lists them (load_articles' ORDER BY), and its count
// on the knowledge screen, read through an index instead of a sort of every row: at 100,000
// articles the sort took 1.8-2.6 s on each page of 50. Only the live tables: the rollback copy
// (prev_) is never listed, and a bundle's schema stays the one verify expects.
Status add_category_index(sqlite::Database& db) {
  return db.exec("CREATE INDEX IF NOT EXISTS article_by_category ON article (category_id, sort_order, published_on DESC, id)");
}

const Migration kKioskMigrations[] = {
    {"the kiosk's tables", create_kiosk_tables},
    {"the search index", add_search_index},
    {"the unattended import's refused bundles", add_inbox_refused},
    {"sample flags, indicators and the status vocabulary", add_sample_flags_and_indicators, true},
    {"trusted keys by their bytes", key_trust_by_bytes},
    {"the PIN lock's remainder", pin_lock_remainder},
    {"the category lists' index", add_category_index},
};
static_assert(std::size(kKioskMigrations) == kKioskSchemaVersion, "one migration per schema version");

Status migrate(sqlite::Database& db, int64_t from_version) {
  for (auto v = static_cast<size_t>(from_version); v < std::size(kKioskMigrations); ++v) {
    KHLANG_TRY_AS(sqlite::Transaction tx, sqlite::Transaction::begin(db));
    const bool has_it = from_version == 0 && kKioskMigrations[v].content_columns;
    Status applied = has_it ? Status(Ok{}) : kKioskMigrations[v].apply(db);
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

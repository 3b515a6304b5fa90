#include "store/schema.h"

#include "search/search_index.h"
#include "search/tokenizer.h"

#include <algorithm>

namespace khlang::store {

const std::vector<TableSpec>& content_tables() {
  static const std::vector<TableSpec> tables = {
      {"organization",
       {{"id", "INTEGER PRIMARY KEY CHECK (id = 1)"},
        {"name_th", "TEXT NOT NULL"},
        {"name_en", "TEXT NOT NULL DEFAULT ''"},
        {"address_th", "TEXT NOT NULL DEFAULT ''"},
        {"address_en", "TEXT NOT NULL DEFAULT ''"},
        {"phone", "TEXT NOT NULL DEFAULT ''"},
        {"email", "TEXT NOT NULL DEFAULT ''"},
        {"website", "TEXT NOT NULL DEFAULT ''"},
        {"logo_media", "TEXT"},
        {"color_primary", "TEXT NOT NULL DEFAULT '#165C48'"},
        {"color_accent", "TEXT NOT NULL DEFAULT '#C98F1C'"},
        {"about_th", "TEXT NOT NULL DEFAULT ''"},
        {"about_en", "TEXT NOT NULL DEFAULT ''"}},
       "", "id", "organization profile"},
      {"media",
       {{"id", "TEXT PRIMARY KEY"},
        {"mime", "TEXT NOT NULL"},
        {"width", "INTEGER NOT NULL"},
        {"height", "INTEGER NOT NULL"},
        {"data", "BLOB NOT NULL"},
        {"thumb", "BLOB"},
        {"thumb_width", "INTEGER NOT NULL DEFAULT 0"},
        {"thumb_height", "INTEGER NOT NULL DEFAULT 0"}},
       "", "id", "image"},
      {"category",
       {{"id", "TEXT PRIMARY KEY"},
        {"title_th", "TEXT NOT NULL"},
        {"title_en", "TEXT NOT NULL DEFAULT ''"},
        {"description_th", "TEXT NOT NULL DEFAULT ''"},
        {"description_en", "TEXT NOT NULL DEFAULT ''"},
        {"sort_order", "INTEGER NOT NULL DEFAULT 0"}},
       "", "id", "category"},
      {"person",
       {{"id", "TEXT PRIMARY KEY"},
        {"name_th", "TEXT NOT NULL"},
        {"name_en", "TEXT NOT NULL DEFAULT ''"},
        {"position", "TEXT NOT NULL DEFAULT ''"},
        {"department", "TEXT NOT NULL DEFAULT ''"},
        {"km_role", "TEXT NOT NULL DEFAULT ''"},
        {"km_duty", "TEXT NOT NULL DEFAULT ''"},
        {"expertise", "TEXT NOT NULL DEFAULT ''"},
        {"photo_media", "TEXT REFERENCES media(id)"},
        {"contact", "TEXT NOT NULL DEFAULT ''"},
        {"sort_order", "INTEGER NOT NULL DEFAULT 0"}},
       "", "id", "person"},
      {"article",
       {{"id", "TEXT PRIMARY KEY"},
        {"title", "TEXT NOT NULL"},
        {"summary", "TEXT NOT NULL DEFAULT ''"},
        {"body_md", "TEXT NOT NULL"},
        {"category_id", "TEXT REFERENCES category(id)"},
        {"tags", "TEXT NOT NULL DEFAULT ''"},
        {"author_id", "TEXT REFERENCES person(id)"},
        {"department", "TEXT NOT NULL DEFAULT ''"},
        {"published_on", "TEXT NOT NULL"},
        {"updated_on", "TEXT NOT NULL"},
        {"cover_media", "TEXT REFERENCES media(id)"},
        {"language", "TEXT NOT NULL DEFAULT 'th'"},
        {"sort_order", "INTEGER NOT NULL DEFAULT 0"}},
       "", "id", "article"},
      {"announcement",
       {{"id", "TEXT PRIMARY KEY"},
        {"title", "TEXT NOT NULL"},
        {"body_md", "TEXT NOT NULL"},
        {"poster_media", "TEXT REFERENCES media(id)"},
        {"starts_at", "TEXT NOT NULL"},
        {"ends_at", "TEXT NOT NULL"},
        {"priority", "INTEGER NOT NULL DEFAULT 0"},
        {"pinned", "INTEGER NOT NULL DEFAULT 0"},
        {"language", "TEXT NOT NULL DEFAULT 'th'"}},
       "", "id", "announcement"},
      {"plan",
       {{"id", "TEXT PRIMARY KEY"},
        {"title", "TEXT NOT NULL"},
        {"desired_state", "TEXT NOT NULL DEFAULT ''"},
        {"measurable_unit", "TEXT NOT NULL DEFAULT ''"},
        {"fiscal_year_from", "INTEGER NOT NULL"},
        {"fiscal_year_to", "INTEGER NOT NULL"},
        {"sort_order", "INTEGER NOT NULL DEFAULT 0"}},
       "", "id", "plan"},
      {"plan_activity",
       {{"id", "TEXT PRIMARY KEY"},
        {"plan_id", "TEXT NOT NULL REFERENCES plan(id)"},
        {"seq", "INTEGER NOT NULL"},
        {"activity", "TEXT NOT NULL"},
        {"method", "TEXT NOT NULL DEFAULT ''"},
        {"period", "TEXT NOT NULL DEFAULT ''"},
        {"indicator", "TEXT NOT NULL DEFAULT ''"},
        {"target", "TEXT NOT NULL DEFAULT ''"},
        {"responsible", "TEXT NOT NULL DEFAULT ''"},
        {"note", "TEXT NOT NULL DEFAULT ''"}},
       "", "id", "plan activity"},
      {"progress",
       {{"id", "TEXT PRIMARY KEY"},
        {"activity_id", "TEXT NOT NULL REFERENCES plan_activity(id)"},
        {"fiscal_year", "INTEGER NOT NULL"},
        {"period", "TEXT NOT NULL DEFAULT ''"},
        {"value", "REAL"},
        {"target_value", "REAL"},
        {"status", "TEXT NOT NULL DEFAULT 'not_started'"},
        {"note", "TEXT NOT NULL DEFAULT ''"},
        {"recorded_on", "TEXT NOT NULL"},
        {"is_sample", "INTEGER NOT NULL DEFAULT 0"}},
       "", "id", "progress entry"},
      {"community",
       {{"id", "TEXT PRIMARY KEY"},
        {"name", "TEXT NOT NULL"},
        {"topic", "TEXT NOT NULL DEFAULT ''"},
        {"meeting_schedule", "TEXT NOT NULL DEFAULT ''"},
        {"description", "TEXT NOT NULL DEFAULT ''"}},
       "", "id", "community of practice"},
      {"community_member",
       {{"community_id", "TEXT NOT NULL REFERENCES community(id)"},
        {"person_id", "TEXT NOT NULL REFERENCES person(id)"},
        {"role", "TEXT NOT NULL DEFAULT ''"}},
       "PRIMARY KEY (community_id, person_id)", "community_id || '/' || person_id", "community member"},
      {"bundle_info",
       {{"id", "INTEGER PRIMARY KEY CHECK (id = 1)"},
        {"organization", "TEXT NOT NULL"},
        {"channel", "TEXT NOT NULL"},
        {"seq", "INTEGER NOT NULL"},
        {"created_at", "TEXT NOT NULL"},
        {"generator", "TEXT NOT NULL DEFAULT ''"}},
       "", "id", "bundle information"},
  };
  return tables;
}

const TableSpec* find_content_table(std::string_view name) {
  for (const TableSpec& t : content_tables()) {
    if (name == t.name) return &t;
  }
  return nullptr;
}

std::string create_table_sql(const TableSpec& table, std::string_view prefix) {
  std::string sql = "CREATE TABLE " + std::string(prefix) + table.name + " (";
  for (size_t i = 0; i < table.columns.size(); ++i) {
    if (i) sql += ", ";
    std::string type = table.columns[i].type;
    // A prefixed copy (prev_) keeps old rows whose references point at rows the live tables no
    // longer have: it carries no REFERENCES.
    if (!prefix.empty()) {
      if (const size_t r = type.find(" REFERENCES "); r != std::string::npos) type.erase(r);
    }
    sql += std::string(table.columns[i].name) + " " + type;
  }
  if (*table.constraints) sql += std::string(", ") + table.constraints;
  return sql + ")";
}

std::string column_list(const TableSpec& table) {
  std::string out;
  for (const ColumnSpec& c : table.columns) {
    if (!out.empty()) out += ", ";
    out += c.name;
  }
  return out;
}

Status create_bundle_schema(Database& db) {
  std::string sql = "PRAGMA journal_mode=DELETE; PRAGMA application_id=" + std::to_string(kBundleApplicationId) +
                    "; PRAGMA user_version=" + std::to_string(kBundleSchemaVersion) + "; BEGIN;";
  for (const TableSpec& t : content_tables()) sql += create_table_sql(t) + ";";
  sql += search::packed_index_schema_sql();
  sql += "COMMIT;";
  return db.exec(sql);
}

Expected<std::vector<SchemaObject>> read_schema(Database& db, std::string_view schema) {
  auto stmt = db.prepare("SELECT type, name, tbl_name, coalesce(sql, '') FROM " + quote_identifier(schema) +
                         ".sqlite_schema ORDER BY name");
  if (!stmt) return stmt.error();
  std::vector<SchemaObject> out;
  auto read = stmt->for_each_row([&](const Statement& row) {
    out.push_back({row.column_text(0), row.column_text(1), row.column_text(2), row.column_text(3)});
  });
  if (!read) return read.error();
  return out;
}

Expected<std::vector<SchemaObject>> expected_bundle_schema() {
  auto db = Database::open(":memory:", Database::Mode::ReadWriteCreate);
  if (!db) return db.error();
  std::string sql;
  for (const TableSpec& t : content_tables()) sql += create_table_sql(t) + ";";
  sql += search::packed_index_schema_sql();
  if (auto s = db->exec(sql); !s) return s.error();
  return read_schema(db.value());
}

namespace {

// Kiosk migrations: entry i brings user_version i to i + 1.
std::vector<std::string> kiosk_migrations() {
  std::string v1 = "BEGIN;";
  for (const TableSpec& t : content_tables()) {
    v1 += create_table_sql(t) + ";";
    v1 += create_table_sql(t, "prev_") + ";";  // the content before the last import, for rollback
  }
  v1 +=
      "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
      "CREATE TABLE trusted_key (key_id TEXT PRIMARY KEY, public_key TEXT NOT NULL, comment TEXT NOT NULL "
      "DEFAULT '', added_at TEXT NOT NULL);"
      "CREATE TABLE import_state (key_id TEXT PRIMARY KEY, last_seq INTEGER NOT NULL, imported_at TEXT NOT NULL);"
      "CREATE TABLE import_log (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, bundle TEXT NOT NULL, "
      "key_id TEXT NOT NULL DEFAULT '', seq INTEGER, result TEXT NOT NULL, message TEXT NOT NULL DEFAULT '');"
      "CREATE TABLE content_state (id INTEGER PRIMARY KEY CHECK (id = 1), key_id TEXT NOT NULL, "
      "imported_at TEXT NOT NULL, has_previous INTEGER NOT NULL DEFAULT 0, prev_key_id TEXT NOT NULL DEFAULT '');"
      "CREATE TABLE usage_event (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, kind TEXT NOT NULL, "
      "target TEXT NOT NULL DEFAULT '', value REAL, detail TEXT NOT NULL DEFAULT '');"
      "PRAGMA user_version=1; COMMIT;";
  // 2: the search index (filled in the import's transaction).
  const std::string v2 = std::string("BEGIN;") + search::search_schema_sql() + "PRAGMA user_version=2; COMMIT;";
  // 3: bundles the unattended import refused, by content hash, so they are not tried again.
  const std::string v3 =
      "BEGIN; CREATE TABLE inbox_refused (hash TEXT PRIMARY KEY, bundle TEXT NOT NULL, refused_at TEXT NOT NULL, "
      "reason TEXT NOT NULL); PRAGMA user_version=3; COMMIT;";
  return {v1, v2, v3};
}

}  // namespace

Expected<Database> open_kiosk_db(const std::string& path) {
  auto db = Database::open(path, Database::Mode::ReadWriteCreate);
  if (!db) return db.error();
  if (auto s = search::register_tokenizers(db->handle()); !s) return s.error();
  auto app = db->query_int("PRAGMA application_id");
  auto version = db->query_int("PRAGMA user_version");
  if (!app || !version) return Error{"database " + path + ": not a Khlang kiosk database (not readable as SQLite)"};
  if (auto s = db->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"); !s) return s.error();
  if (app.value() != 0 && app.value() != kKioskApplicationId) {
    return Error{"database " + path + ": not a Khlang kiosk database (application_id " + std::to_string(app.value()) + ")"};
  }
  if (version.value() > kKioskSchemaVersion) {
    return Error{"database " + path + " has schema version " + std::to_string(version.value()) +
                 ", newer than this program understands (" + std::to_string(kKioskSchemaVersion) +
                 "): update Khlang"};
  }
  if (app.value() == 0) {
    auto tables = db->query_int("SELECT count(*) FROM sqlite_schema");
    if (!tables) return tables.error();
    if (tables.value() != 0) return Error{"database " + path + ": not a Khlang kiosk database (it has other tables)"};
    if (auto s = db->exec("PRAGMA application_id=" + std::to_string(kKioskApplicationId)); !s) return s.error();
  }
  const std::vector<std::string> migrations = kiosk_migrations();
  for (auto v = static_cast<size_t>(version.value()); v < migrations.size(); ++v) {
    if (auto s = db->exec(migrations[v]); !s) {
      (void)db->exec("ROLLBACK");
      return Error{"database " + path + ": migration to version " + std::to_string(v + 1) + " failed: " + s.error().message};
    }
  }
  // A database from before the search index gets its index now.
  if (version.value() == 1) {
    Status built = db->exec("BEGIN IMMEDIATE");
    if (built) built = search::rebuild_search_index(db.value());
    if (built) built = db->exec("COMMIT");
    if (!built) {
      (void)db->exec("ROLLBACK");
      return built.error();
    }
  }
  return db;
}

}  // namespace khlang::store

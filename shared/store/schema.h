// [SECTION] The content schema: one declaration of every content table, used to create bundle
// files, to create the kiosk database (with a prev_ copy of each table for one-step rollback),
// to whitelist a bundle's schema exactly, to merge with explicit column lists, and to export.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "store/sqlite.h"
#include "util/error.h"

namespace khlang::store {

struct ColumnSpec {
  const char* name;
  const char* type;  // type and constraints as in CREATE TABLE
};

struct TableSpec {
  const char* name;
  std::vector<ColumnSpec> columns;
  const char* constraints;  // table constraints after the columns, or ""
  const char* key;          // the column(s) that identify a row, for diffs: "id"
  const char* label;        // what a person calls one row: "article"
};

// Content tables in dependency order (referenced tables first).
const std::vector<TableSpec>& content_tables();
const TableSpec* find_content_table(std::string_view name);

// Bundle files: our application_id and schema version.
inline constexpr int32_t kBundleApplicationId = 0x4B484C42;  // "KHLB"
inline constexpr int kBundleSchemaVersion = 2;  // 2: the packed search index
// The kiosk's database.
inline constexpr int32_t kKioskApplicationId = 0x4B484C4B;  // "KHLK"
inline constexpr int kKioskSchemaVersion = 3;

// CREATE TABLE statement of `table`, named prefix + name.
std::string create_table_sql(const TableSpec& table, std::string_view prefix = "");
// "a, b, c" — explicit column lists for INSERT ... SELECT.
std::string column_list(const TableSpec& table);

// Creates the content tables, bundle_info and the packed search index in an empty bundle file, with our application_id
// and user_version, in rollback-journal mode.
Status create_bundle_schema(Database& db);

// The schema objects a bundle must hold, exactly: (type, name, tbl_name, sql) as sqlite_schema
// lists them for our own DDL.
struct SchemaObject {
  std::string type, name, table, sql;
  bool operator==(const SchemaObject&) const = default;
  bool operator<(const SchemaObject& o) const { return name < o.name; }
};
Expected<std::vector<SchemaObject>> expected_bundle_schema();
Expected<std::vector<SchemaObject>> read_schema(Database& db, std::string_view schema = "main");

// Opens (creating if needed) the kiosk database: WAL, synchronous=FULL, migrations to the current
// user_version. A database of a newer version than this program is refused with a clear message.
Expected<Database> open_kiosk_db(const std::string& path);

}  // namespace khlang::store

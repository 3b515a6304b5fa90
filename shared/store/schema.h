// [SECTION] The content schema: one declaration of every content table, used to create bundle
// files, to create the kiosk database (with a prev_ copy of each table for one-step rollback),
// to whitelist a bundle's schema exactly, to merge with explicit column lists, and to export.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sqlite/database.h"
#include "util/error.h"

namespace khlang::store {

// Bundle files: our application_id and schema version.
inline constexpr int32_t kBundleApplicationId = 0x4B484C42;  // "KHLB"
// 2: the packed search index. 3: sample flags on every row people might take as fact, indicators
// with their unit and numeric target, progress statuses from a fixed vocabulary, the monitoring
// committee's roles.
inline constexpr int kBundleSchemaVersion = 3;
// The kiosk's database.
inline constexpr int32_t kKioskApplicationId = 0x4B484C4B;  // "KHLK"
inline constexpr int kKioskSchemaVersion = 7;  // one migration per version: kKioskMigrations in schema.cpp

// Creates the content tables, bundle_info and the packed search index in an empty bundle file, with our application_id
// and user_version, in rollback-journal mode.
Status create_bundle_schema(sqlite::Database& db);

// The schema objects a bundle must hold, exactly: (type, name, tbl_name, sql) as sqlite_schema
// lists them for our own DDL.
struct SchemaObject {
  std::string type, name, table, sql;
  bool operator==(const SchemaObject&) const = default;
  bool operator<(const SchemaObject& o) const { return name < o.name; }
};
Expected<std::vector<SchemaObject>> expected_bundle_schema();
Expected<std::vector<SchemaObject>> read_schema(sqlite::Database& db, std::string_view schema = "main");

// Opens (creating if needed) the kiosk database: WAL, synchronous=FULL, migrations to the current
// user_version. A database of a newer version than this program is refused with a clear message.
Expected<sqlite::Database> open_kiosk_db(const std::string& path);

}  // namespace khlang::store

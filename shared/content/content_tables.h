// [SECTION] The content model: one declaration of every content table (the authoring format's
// columns are these), used to create bundle files and the kiosk database (with a prev_ copy of
// each table for one-step rollback), to whitelist a bundle's schema exactly, to merge with
// explicit column lists, and to export.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace khlang::content {

struct ColumnSpec {
  const char* name;
  const char* type;  // type and constraints as in CREATE TABLE
  // A closed vocabulary ("" for an empty cell where allowed): a CHECK in the schema, and the list
  // a content folder's cell must come from (pack names the file and line otherwise).
  std::vector<std::string_view> allowed = {};
};

struct TableSpec {
  const char* name;
  std::vector<ColumnSpec> columns;
  const char* constraints;  // table constraints after the columns, or ""
  const char* key;          // the column(s) that identify a row, for diffs: "id"
  const char* label;        // what a person calls one row: "article"
};

// person.committee_role: the plan's monitoring committee (empty: not on it).
inline constexpr std::array<std::string_view, 4> kCommitteeRoleIds = {"", "chair", "member", "secretary"};

// Content tables in dependency order (referenced tables first).
const std::vector<TableSpec>& content_tables();
const TableSpec* find_content_table(std::string_view name);

// CREATE TABLE statement of `table`, named prefix + name.
std::string create_table_sql(const TableSpec& table, std::string_view prefix = "");
// "name TYPE CHECK (...)" as in CREATE TABLE or ALTER TABLE ADD COLUMN; a prefixed (prev_) copy
// carries no REFERENCES.
std::string column_sql(const ColumnSpec& column, bool prefixed = false);
// The content tables whose rows carry is_sample, the bundle default being the organization's.
bool has_sample_flag(const TableSpec& table);
// "a, b, c" — explicit column lists for INSERT ... SELECT.
std::string column_list(const TableSpec& table);

}  // namespace khlang::content

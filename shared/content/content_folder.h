// [SECTION] The authoring format: a content folder that staff edit with a text editor and a
// spreadsheet, and its round trip to the database tables (pack reads it, export writes it).
//
//   organization.md         front matter: the organization's columns; body: about_th (Markdown)
//   categories.csv people.csv plans.csv activities.csv progress.csv communities.csv
//   community_members.csv   one row per record; the header names the columns
//   articles/*.md announcements/*.md   front matter: the columns; body: body_md; id = file name
//   media/                  PNG and JPEG images, referred to by file name
//
// Column names are the database's (content/content_tables.cpp). Errors name the file and line.
// Sample data: organization.md's is_sample (0 or 1) is the default of every row with an
// is_sample column; a row's own 0 or 1 overrides it. Pack writes the resolved flag into each row.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/content_tables.h"
#include "sqlite/database.h"
#include "util/error.h"
#include "util/worker_pool.h"

namespace khlang::content {

using Cell = std::optional<std::string>;  // nullopt is SQL NULL; blobs are bytes in a string

struct ContentRow {
  std::vector<Cell> cells;  // aligned with the table's ColumnSpec list
  std::string origin;       // where it was read, for errors: "people.csv line 4", "articles/km.md"
};

struct ContentSet {
  std::map<std::string, std::vector<ContentRow>> tables;
  size_t count(const std::string& table) const;
};

// The cell of `column` in a row of `spec`'s table (nullopt: NULL, or no such column).
const Cell& cell_of(const content::TableSpec& spec, const ContentRow& row, std::string_view column);

// Reads a content folder row by row, table after table in dependency order, and hands each row
// to `sink` once checked (columns, numbers, vocabularies, UTF-8, no row twice, references that
// resolve, the plans' figures: content/plan_checks.h), so the folder is never held whole: files
// of a folder (articles, images) are read and parsed on `pool` a batch at a time and handed on in
// name order. The first error stops it; errors name the file and line.
using RowSink = std::function<Status(const TableSpec& table, ContentRow&& row)>;
Status read_content_folder(const std::string& dir, WorkerPool& pool, const RowSink& sink);
// The whole folder in memory, checked the same (tests, export round trips; pack streams).
Expected<ContentSet> load_content_folder(const std::string& dir);
Status write_content_folder(const ContentSet& set, const std::string& dir);

// Inserts rows into the tables named prefix + table (explicit column lists), one prepared
// statement per table.
class RowInserter {
 public:
  RowInserter(sqlite::Database& db, std::string_view prefix = "") : db_(db), prefix_(prefix) {}
  Status insert(const TableSpec& table, const ContentRow& row);

 private:
  sqlite::Database& db_;
  std::string prefix_;
  std::map<std::string, sqlite::Statement> statements_;
};
// Inserts every row of `set`.
Status insert_content(sqlite::Database& db, const ContentSet& set, std::string_view prefix = "");
// Reads the content tables named prefix + table (e.g. "bundle." or "prev_").
Expected<ContentSet> read_content(sqlite::Database& db, std::string_view prefix = "");

}  // namespace khlang::content

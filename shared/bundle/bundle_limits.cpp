#include "bundle/bundle_limits.h"

#include <sqlite3.h>

#include "content/content_limits.h"
#include "image/image_decoder.h"
#include "content/content_tables.h"
#include "util/limits.h"

namespace khlang::bundle {
namespace {

// khlang_mark_run(x): the longest run of combining marks in x (text or blob as UTF-8 bytes).
void mark_run_function(sqlite3_context* ctx, int, sqlite3_value** args) {
  const auto* bytes = static_cast<const char*>(sqlite3_value_blob(args[0]));
  const int size = sqlite3_value_bytes(args[0]);
  if (!bytes || size <= 0) {
    sqlite3_result_int(ctx, 0);
    return;
  }
  const content::MarkRun run = content::longest_mark_run(std::string_view(bytes, static_cast<size_t>(size)));
  sqlite3_result_int64(ctx, static_cast<sqlite3_int64>(run.length));
}

bool is_text_column(const content::ColumnSpec& c) { return std::string_view(c.type).starts_with("TEXT"); }

Status check_rows(sqlite::Database& db, const content::TableSpec& t) {
  // Counting stops one row past the limit: two million rows cost no more than the limit.
  const int64_t limit = limits::max_rows(t.name);
  auto n = db.query_int("SELECT count(*) FROM (SELECT 1 FROM main." + std::string(t.name) + " LIMIT " +
                        std::to_string(limit + 1) + ")");
  if (!n) return n.error();
  if (auto over = content::check_row_count(t.name, n.value())) return Error{"the bundle has " + *over};
  return Ok{};
}

// One pass over the table: each text column's byte length and longest mark run.
Status check_text(sqlite::Database& db, const content::TableSpec& t) {
  std::vector<const content::ColumnSpec*> columns;
  std::string sql = "SELECT " + std::string(t.key);
  for (const content::ColumnSpec& c : t.columns) {
    if (!is_text_column(c)) continue;
    columns.push_back(&c);
    sql += std::string(", length(CAST(") + c.name + " AS BLOB)), khlang_mark_run(" + c.name + ")";
  }
  if (columns.empty()) return Ok{};
  auto stmt = db.prepare(sql + " FROM main." + t.name);
  if (!stmt) return stmt.error();
  std::optional<Error> problem;
  auto read = stmt->for_each_row([&](const sqlite::Statement& row) {
    for (size_t i = 0; i < columns.size() && !problem; ++i) {
      const std::string_view column = columns[i]->name;
      const auto bytes = static_cast<uint64_t>(row.column_int(static_cast<int>(1 + 2 * i)));
      const auto marks = static_cast<size_t>(row.column_int(static_cast<int>(2 + 2 * i)));
      std::string reason;
      if (bytes > limits::max_text_bytes(limits::text_kind(t.name, column))) {
        reason = content::text_too_long_reason(t.name, column, bytes);
      } else if (marks > limits::kMaxMarksPerCluster) {
        reason = content::too_many_marks_reason(column, marks);
      } else {
        continue;
      }
      problem = Error{"the bundle's " + std::string(t.label) + " '" + row.column_text(0).substr(0, 80) + "': " + reason};
    }
  });
  if (!read) return read.error();
  if (problem) return *problem;
  return Ok{};
}

// Every image and thumbnail by its own header (the width and height columns could say anything).
Status check_images(sqlite::Database& db) {
  auto stmt = db.prepare("SELECT id, width, height, data, thumb, thumb_width, thumb_height FROM main.media");
  if (!stmt) return stmt.error();
  for (;;) {
    auto more = stmt->step();
    if (!more) return more.error();
    if (!more.value()) return Ok{};
    const std::string name = "the bundle's image '" + stmt->column_text(0).substr(0, 80) + "'";
    const std::vector<uint8_t> data = stmt->column_blob(3);
    auto header = image::read_image_header(std::string_view(reinterpret_cast<const char*>(data.data()), data.size()), name);
    if (!header) return header.error();
    if (header->width != stmt->column_int(1) || header->height != stmt->column_int(2)) {
      return Error{name + ": its width and height columns (" + std::to_string(stmt->column_int(1)) + " x " +
                   std::to_string(stmt->column_int(2)) + ") are not the image's own (" + std::to_string(header->width) +
                   " x " + std::to_string(header->height) + ")"};
    }
    if (stmt->column_is_null(4)) continue;
    const std::vector<uint8_t> thumb = stmt->column_blob(4);
    auto small = image::read_image_header(std::string_view(reinterpret_cast<const char*>(thumb.data()), thumb.size()),
                                          name + " (thumbnail)");
    if (!small) return small.error();
    if (small->width > limits::kMaxThumbnailSide || small->height > limits::kMaxThumbnailSide ||
        small->width != stmt->column_int(5) || small->height != stmt->column_int(6)) {
      return Error{name + ": its thumbnail is " + std::to_string(small->width) + " x " + std::to_string(small->height) +
                   " (at most " + std::to_string(limits::kMaxThumbnailSide) + " a side, as its columns say)"};
    }
  }
}

}  // namespace

Status check_bundle_limits(sqlite::Database& bundle) {
  if (sqlite3_create_function_v2(bundle.handle(), "khlang_mark_run", 1,
                                 SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY, nullptr, mark_run_function,
                                 nullptr, nullptr, nullptr) != SQLITE_OK) {
    return bundle.error("cannot register the limit checks");
  }
  for (const content::TableSpec& t : content::content_tables()) {
    if (auto s = check_rows(bundle, t); !s) return s;
  }
  for (const content::TableSpec& t : content::content_tables()) {
    if (auto s = check_text(bundle, t); !s) return s;
  }
  return check_images(bundle);
}

}  // namespace khlang::bundle

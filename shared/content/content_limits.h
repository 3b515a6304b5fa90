// [SECTION] Checking content against util/limits.h: one text cell, a table's row count, an
// image's header. `khlang-admin pack` and the import after the signature call the same checks, so
// an author and a kiosk get the same reason ("'title' is 52,428,800 bytes; ...").
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace khlang::content {

// The longest run of combining marks (code points that continue a cluster) in `utf8`, and the
// byte offset of the base character it sits on.
struct MarkRun {
  size_t length = 0;
  size_t offset = 0;
};
MarkRun longest_mark_run(std::string_view utf8);

// What is wrong with `value` as table.column under the limits, and the byte offset in `value`
// where the problem is (for a line number); nothing when it is within them.
struct LimitProblem {
  std::string reason;  // "'title' is 52,428,800 bytes; a title ... may have at most 4,096"
  size_t offset = 0;
};
std::optional<LimitProblem> check_text_cell(std::string_view table, std::string_view column, std::string_view value);
// The reason for a text of `bytes` bytes over its column's limit (for checks that measure the
// length without reading the text, as the import does in SQL).
std::string text_too_long_reason(std::string_view table, std::string_view column, uint64_t bytes);
std::string too_many_marks_reason(std::string_view column, size_t marks);

// The reason when `rows` is over the table's limit ("2,000,000 rows in table 'progress'; ...").
std::optional<std::string> check_row_count(std::string_view table, int64_t rows);

}  // namespace khlang::content

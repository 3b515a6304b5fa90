#include "content/content_limits.h"

#include "text/thai_chars.h"
#include "text/utf8.h"
#include "util/limits.h"

namespace khlang::content {
namespace {

using limits::with_thousands;

// What a person calls a field of each kind, its limit, and roughly how much Thai fits (a Thai
// letter is 3 bytes in UTF-8).
std::string kind_description(limits::TextKind kind) {
  const uint64_t bytes = limits::max_text_bytes(kind);
  const std::string most = "may have at most " + with_thousands(bytes) + " bytes";
  const std::string thai = " (about " + with_thousands(bytes / 3 / 100 * 100) + " Thai characters)";
  switch (kind) {
    case limits::TextKind::Key: return "an id, reference, file name or date " + most;
    case limits::TextKind::Line: return "a title or name " + most + thai;
    case limits::TextKind::Paragraph: return "a description or note " + most + thai;
    case limits::TextKind::Document: return "a Markdown body " + most + thai + ": split it into several articles";
  }
  return most;
}

}  // namespace

MarkRun longest_mark_run(std::string_view utf8) {
  MarkRun best, current;
  const auto* bytes = reinterpret_cast<const unsigned char*>(utf8.data());
  size_t base = 0;
  for (size_t i = 0; i < utf8.size();) {
    const text::DecodedChar d = text::decode_utf8_char(bytes + i, utf8.size() - i);
    if (text::extends_cluster(d.cp)) {
      if (current.length++ == 0) current.offset = base;
      if (current.length > best.length) best = current;
    } else {
      current.length = 0;
      base = i;
    }
    i += d.length;
  }
  return best;
}

std::string text_too_long_reason(std::string_view table, std::string_view column, uint64_t bytes) {
  return "'" + std::string(column) + "' is " + with_thousands(bytes) + " bytes; " +
         kind_description(limits::text_kind(table, column));
}

std::string too_many_marks_reason(std::string_view column, size_t marks) {
  return "'" + std::string(column) + "' has " + with_thousands(marks) +
         " marks stacked on one character (at most " + std::to_string(limits::kMaxMarksPerCluster) +
         "; Thai never needs more than 3): remove the repeated vowel or tone marks";
}

std::optional<LimitProblem> check_text_cell(std::string_view table, std::string_view column, std::string_view value) {
  const size_t limit = limits::max_text_bytes(limits::text_kind(table, column));
  if (value.size() > limit) return LimitProblem{text_too_long_reason(table, column, value.size()), limit};
  const MarkRun run = longest_mark_run(value);
  if (run.length > limits::kMaxMarksPerCluster) return LimitProblem{too_many_marks_reason(column, run.length), run.offset};
  return std::nullopt;
}

std::optional<std::string> check_row_count(std::string_view table, int64_t rows) {
  const int64_t limit = limits::max_rows(table);
  if (rows <= limit) return std::nullopt;
  return with_thousands(static_cast<uint64_t>(rows)) + " rows in table '" + std::string(table) + "'; at most " +
         with_thousands(static_cast<uint64_t>(limit)) + " fit in one bundle";
}

}  // namespace khlang::content

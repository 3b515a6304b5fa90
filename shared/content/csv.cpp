#include "content/csv.h"

#include "text/utf8.h"

namespace khlang::content {
namespace {

bool is_plain_number(std::string_view s) {
  if (!s.empty() && s.front() == '-') s.remove_prefix(1);
  const size_t dot = s.find('.');
  const std::string_view whole = s.substr(0, dot);
  const std::string_view fraction = dot == std::string_view::npos ? std::string_view() : s.substr(dot + 1);
  auto digits = [](std::string_view d) {
    return !d.empty() && d.find_first_not_of("0123456789") == std::string_view::npos;
  };
  return digits(whole) && (dot == std::string_view::npos || digits(fraction));
}

bool starts_formula(char32_t c) {
  return c == U'=' || c == U'+' || c == U'-' || c == U'@' || c == U'\uFF1D' || c == U'\uFF0B' || c == U'\uFF0D' ||
         c == U'\uFF20';
}

}  // namespace

std::string neutralize_cell(std::string_view cell) {
  std::string out;
  out.reserve(cell.size() + 1);
  const auto* bytes = reinterpret_cast<const unsigned char*>(cell.data());
  if (const size_t first = cell.find_first_not_of(' '); first != std::string_view::npos) {
    const char32_t c = text::decode_utf8_char(bytes + first, cell.size() - first).cp;
    if (starts_formula(c) && !is_plain_number(cell)) out += '\'';
  }
  for (size_t i = 0; i < cell.size();) {
    const text::DecodedChar d = text::decode_utf8_char(bytes + i, cell.size() - i);
    i += d.length;
    char32_t c = d.cp;
    if (c < 0x20) c = 0x2400 + c;  // the control's visible symbol
    else if (c == 0x7F) c = 0x2421;  // ␡
    else if ((c >= 0x80 && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
      c = text::kReplacementChar;
    }
    text::append_utf8(out, c);
  }
  return out;
}

Expected<CsvTable> parse_csv(std::string_view text, const std::string& name) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  CsvTable table;
  std::vector<std::string> record;
  std::string field;
  bool in_quotes = false, field_started = false, any = false;
  int line = 1, record_line = 1;
  auto end_record = [&]() -> Status {
    record.push_back(std::move(field));
    field.clear();
    field_started = false;
    const bool blank = record.size() == 1 && record[0].empty();
    if (!blank) {
      if (table.header.empty()) {
        table.header = std::move(record);
      } else if (record.size() != table.header.size()) {
        return Error{name + " line " + std::to_string(record_line) + ": " + std::to_string(record.size()) +
                     " fields, but the header has " + std::to_string(table.header.size())};
      } else {
        table.rows.push_back(std::move(record));
        table.row_lines.push_back(record_line);
      }
    }
    record.clear();
    return Ok{};
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    any = true;
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"' && !field_started) {
      in_quotes = field_started = true;
    } else if (c == ',') {
      record.push_back(std::move(field));
      field.clear();
      field_started = false;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      KHLANG_TRY(end_record());
      record_line = ++line;
    } else {
      field += c;
      field_started = true;
    }
  }
  if (in_quotes) return Error{name + " line " + std::to_string(record_line) + ": a quoted field is never closed"};
  if (any && (field_started || !record.empty())) {
    KHLANG_TRY(end_record());
  }
  if (table.header.empty()) return Error{name + ": empty file (the first line must name the columns)"};
  return table;
}

std::string write_csv(const CsvTable& table, CsvCells cells) {
  auto write_row = [cells](std::string& out, const std::vector<std::string>& row) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) out += ',';
      const std::string f = cells == CsvCells::ForSpreadsheet ? neutralize_cell(row[i]) : row[i];
      // Quoted: separators, quotes, line breaks, edge spaces, and a leading byte-order mark (at the
      // start of the file a reader would take it for the file's own and drop it).
      const bool plain = f.find_first_of(",\"\r\n") == std::string::npos &&
                         (f.empty() || (f.front() != ' ' && f.back() != ' ')) && !f.starts_with("\xEF\xBB\xBF");
      if (plain) {
        out += f;
        continue;
      }
      out += '"';
      for (char c : f) {
        if (c == '"') out += '"';
        out += c;
      }
      out += '"';
    }
    out += '\n';
  };
  std::string out;
  write_row(out, table.header);
  for (const auto& row : table.rows) write_row(out, row);
  return out;
}

}  // namespace khlang::content

#include "content/csv.h"

namespace khlang::content {

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
      if (auto s = end_record(); !s) return s.error();
      record_line = ++line;
    } else {
      field += c;
      field_started = true;
    }
  }
  if (in_quotes) return Error{name + " line " + std::to_string(record_line) + ": a quoted field is never closed"};
  if (any && (field_started || !record.empty())) {
    if (auto s = end_record(); !s) return s.error();
  }
  if (table.header.empty()) return Error{name + ": empty file (the first line must name the columns)"};
  return table;
}

std::string write_csv(const CsvTable& table) {
  auto write_row = [](std::string& out, const std::vector<std::string>& row) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) out += ',';
      const std::string& f = row[i];
      if (f.find_first_of(",\"\r\n") == std::string::npos && (f.empty() || (f.front() != ' ' && f.back() != ' '))) {
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

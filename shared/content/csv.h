// [SECTION] CSV as spreadsheets save it (RFC 4180): quoted fields, doubled quotes, line breaks
// inside quotes, CRLF or LF, an optional UTF-8 byte-order mark. Staff edit plans and people in a
// spreadsheet, so errors name the line a person can find.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "util/error.h"

namespace khlang::content {

struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<int> row_lines;  // line number (1-based) where each row starts
};

// `name` is used in error messages ("people.csv line 4: ...").
Expected<CsvTable> parse_csv(std::string_view text, const std::string& name);
std::string write_csv(const CsvTable& table);

}  // namespace khlang::content

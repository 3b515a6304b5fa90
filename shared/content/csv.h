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

// How cells are written. The content folder's CSVs are the office's own authoring format and must
// come back from `pack` exactly as exported ("-" as a placeholder, "+66 ..." phone numbers), so
// they are written as they are. The statistics and report CSVs only go one way, into a
// spreadsheet, and carry text visitors typed (searches that found nothing) and titles that came
// on a stick: there every cell goes through neutralize_cell.
enum class CsvCells { AsIs, ForSpreadsheet };
std::string write_csv(const CsvTable& table, CsvCells cells = CsvCells::AsIs);

// A cell made inert for a spreadsheet while staying readable:
// - a cell whose first non-space character starts a formula (= + - @, or their full-width forms)
//   gets a leading apostrophe, the spreadsheet convention for "this is text" ('=HYPERLINK(...));
//   a plain number ("-3", "12.5") is left alone, it is what the column means;
// - control characters (tab, CR, LF, NUL, ESC...) become their visible symbols (U+2400 block:
//   ␉ ␍ ␊), so a record stays one line; C1 controls and the bidirectional overrides that can
//   make text read differently than it is (U+202A-202E, U+2066-2069) become U+FFFD, as does
//   invalid UTF-8.
// Shell characters (& ; | $) are text to a spreadsheet and stay: the shell finding came from
// writing through a link onto a script, which safe_file refuses.
std::string neutralize_cell(std::string_view cell);

}  // namespace khlang::content

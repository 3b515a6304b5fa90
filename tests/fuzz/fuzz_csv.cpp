// CSV as spreadsheets save it: any bytes parse or give an error naming a line; what parses
// writes back to CSV that parses to exactly the same header and rows (the export -> pack round trip).
#include "content/csv.h"
#include "fuzz_support.h"

using namespace khlang;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto table = content::parse_csv(fuzz::as_text(data, size), "f.csv");
  if (!table) {
    FUZZ_CHECK(table.error().message.starts_with("f.csv"), table.error().message);
    return 0;
  }
  FUZZ_CHECK(table->rows.size() == table->row_lines.size(), "a row without its line");
  for (const auto& row : table->rows) FUZZ_CHECK(row.size() == table->header.size(), "ragged row");
  const std::string written = content::write_csv(table.value());
  auto again = content::parse_csv(written, "g.csv");
  FUZZ_CHECK(again, "the written CSV does not parse: " + (again ? std::string() : again.error().message));
  FUZZ_CHECK(again->header == table->header, "header changed on the round trip");
  FUZZ_CHECK(again->rows == table->rows, "rows changed on the round trip");
  FUZZ_CHECK(content::write_csv(again.value()) == written, "writing is not stable");
  return 0;
}

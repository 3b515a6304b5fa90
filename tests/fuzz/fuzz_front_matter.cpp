// Markdown files with front matter: any bytes parse or give an error naming the file; what parses
// writes back to a file that parses to the same fields and body (the export -> pack round trip).
#include "content/front_matter.h"
#include "fuzz_support.h"

using namespace khlang;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto doc = content::parse_front_matter(fuzz::as_text(data, size), "a.md");
  if (!doc) {
    FUZZ_CHECK(doc.error().message.starts_with("a.md"), doc.error().message);
    return 0;
  }
  FUZZ_CHECK(doc->field_lines.size() == doc->fields.size(), "a field without its line");
  const std::string written = content::write_front_matter(doc.value());
  auto again = content::parse_front_matter(written, "b.md");
  FUZZ_CHECK(again, "the written file does not parse: " + (again ? std::string() : again.error().message));
  FUZZ_CHECK(again->fields == doc->fields, "fields changed on the round trip");
  FUZZ_CHECK(again->body == doc->body, "body changed on the round trip");
  return 0;
}

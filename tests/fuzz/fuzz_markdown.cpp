// Markdown (md4c) into blocks and inline spans for the text engine: every span lies inside its
// text, in order and without overlap (the engine takes them as given), whatever the input.
#include "content/markdown.h"
#include "fuzz_support.h"

using namespace khlang;

namespace {
void check_inline(const content::InlineText& t) {
  uint32_t last_end = 0;
  for (const text::TextSpan& s : t.spans) {
    FUZZ_CHECK(s.begin < s.end, "empty or inverted span");
    FUZZ_CHECK(s.end <= t.text.size(), "span past the end of its text");
    FUZZ_CHECK(s.begin >= last_end, "spans overlap or are out of order");
    last_end = s.end;
  }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto doc = content::parse_markdown(fuzz::as_text(data, size));
  if (!doc) return 0;
  for (const content::MarkdownBlock& b : doc->blocks) {
    check_inline(b.content);
    for (const auto& row : b.rows) {
      for (const content::InlineText& cell : row) check_inline(cell);
    }
    FUZZ_CHECK(b.level >= 0 && b.quote_depth >= 0, "negative depth");
  }
  (void)doc->links();
  return 0;
}

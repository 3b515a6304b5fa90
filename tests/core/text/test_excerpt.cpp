// Texts cut for lists and cards (text/excerpt.h): never between a consonant and its marks.
#include <doctest/doctest.h>

#include <string>

#include "text/excerpt.h"
#include "text/utf8.h"

using namespace khlang::text;

TEST_CASE("an excerpt keeps a short text whole and cuts a long one at a cluster, then an ellipsis") {
  CHECK(excerpt("", 5) == "");
  CHECK(excerpt("สวัสดี", 6) == "สวัสดี");  // six code points: whole
  CHECK(excerpt("abcdef", 3) == "abc…");
  // น้ำ is three code points in one cluster: a cut after its first or second code point would
  // show น without its marks, so the cut goes back to before it.
  CHECK(excerpt("ที่น้ำ", 4) == "ที่…");
  CHECK(excerpt("ที่น้ำ", 5) == "ที่…");
  CHECK(excerpt("ที่น้ำ", 6) == "ที่น้ำ");
  CHECK(excerpt("กกกกกกก", 2) == "กก…");
}

TEST_CASE("an excerpt of a 4 KiB title costs its start only, and stays valid UTF-8 on any input") {
  std::string title;
  while (title.size() < 4096) title += "การจัดการความรู้ ";
  const std::string cut = excerpt(title, 200);
  CHECK(decode_utf8(cut).size() <= 201);  // 200 code points at most, and the ellipsis
  CHECK(cut.substr(cut.size() - 3) == "…");
  CHECK(title.compare(0, cut.size() - 3, cut, 0, cut.size() - 3) == 0);  // a start of the title
  // A consonant with many marks (more than normalization would keep) is not split either: the
  // cut falls before it.
  std::string marks = "ab";
  marks += "ก";
  for (int i = 0; i < 50; ++i) marks += "\u0E48";
  CHECK(excerpt(marks, 10) == "ab…");
  // Bytes that are not UTF-8, cut anywhere: a start of the bytes of at most n code points as the
  // engine decodes them (each bad byte one U+FFFD), then the ellipsis.
  const std::string bad = "ก\xFF\xE0\xB8" "ข\xC0\xAF" "ค";
  for (size_t n = 0; n < 8; ++n) {
    INFO(n);
    const std::string e = excerpt(bad, n);
    REQUIRE(e.size() >= 3);
    CHECK(e.substr(e.size() - 3) == "…");
    const std::string start = e.substr(0, e.size() - 3);
    CHECK(bad.compare(0, start.size(), start) == 0);
    CHECK(decode_utf8(start).size() <= n);
  }
}

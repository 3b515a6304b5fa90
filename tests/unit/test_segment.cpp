#include <doctest/doctest.h>

#include "test_support.h"
#include "text/normalize.h"
#include "text/segment.h"
#include "text/thai_chars.h"

using namespace khlang::text;
using khlang::test::cps;

namespace {
std::vector<uint32_t> breaks(const std::string& utf8) { return line_break_offsets(cps(utf8)); }
bool has(const std::vector<uint32_t>& v, uint32_t k) { return std::find(v.begin(), v.end(), k) != v.end(); }
}  // namespace

TEST_CASE("the Thai test strings are there to test") { CHECK(khlang::test::thai_test_strings().size() >= 20); }

TEST_CASE("clusters: a base and its marks never split") {
  const std::u32string t = cps("ที่นี่น้ำ");
  const auto flags = find_cluster_boundaries(t);
  std::vector<uint32_t> starts;
  for (uint32_t k = 0; k < t.size(); ++k) {
    if (flags[k] & kClusterStart) starts.push_back(k);
  }
  CHECK(starts == std::vector<uint32_t>{0, 3, 6});  // ที่ | นี่ | น้ำ
  CHECK((find_cluster_boundaries(cps("่ก"))[0] & kClusterStart));  // a lone mark is a cluster
}

TEST_CASE("word breaks from libthai") {
  CHECK(breaks("ความรู้สึก") == std::vector<uint32_t>{4});           // ความ|รู้สึก
  CHECK(breaks("เกี่ยวกับความรู้สึก") == std::vector<uint32_t>{6, 9, 13});
  const auto long_name = breaks("กรุงเทพมหานครอมรรัตนโกสินทร์มหินทรายุทธยา");
  CHECK(long_name.size() >= 5);
}

TEST_CASE("no break before ๆ or ฯ, none inside ฯลฯ, none after a leading vowel") {
  const std::string s = "ต่างๆ ต่าง ๆ ฯลฯ กรุงเทพฯ";
  const std::u32string t = cps(s);
  for (uint32_t k : breaks(s)) {
    CHECK(t[k] != U'ๆ');
    CHECK(t[k] != U'ฯ');
    CHECK(!(t[k - 1] == U'ฯ' && t[k] == U'ล'));
  }
  CHECK(breaks(s) == std::vector<uint32_t>{6, 17});
  for (const char* word : {"เกี่ยวกับ", "แก้ไข", "โรงเรียน", "ใจดี", "ไปไหน"}) {
    const std::u32string w = cps(word);
    for (uint32_t k : breaks(word)) CHECK_FALSE(is_thai_leading_vowel(w[k - 1]));
  }
}

TEST_CASE("abbreviations stay whole") {
  // พ.ศ. ๒๕๖๙ อบต. ร.ร. : lines may start only at ๒๕๖๙, อบต., ร.ร.
  CHECK(breaks("พ.ศ. ๒๕๖๙ อบต. ร.ร.") == std::vector<uint32_t>{5, 10, 15});
}

TEST_CASE("ZWSP is an invisible break opportunity, and so are spaces and hyphens") {
  CHECK(breaks("ประกาศ\u200Bเทศบาล") == std::vector<uint32_t>{7});
  CHECK(breaks("งบ 1,250,000 บาท (FY2026) ฿") == std::vector<uint32_t>{3, 13, 17, 26});
  CHECK(has(breaks("well-known"), 5));
  CHECK(breaks("a\nb") == std::vector<uint32_t>{2});  // a hard break starts a line
}

TEST_CASE("no break inside a cluster or before a mark, for every test string") {
  for (const auto& s : khlang::test::thai_test_strings()) {
    const std::u32string t = normalize(s.text).text;
    const auto flags = find_cluster_boundaries(t);
    for (uint32_t k : line_break_offsets(t)) {
      INFO(s.text << " @" << k);
      CHECK((flags[k] & kClusterStart));
      CHECK_FALSE(extends_cluster(t[k]));
    }
  }
}

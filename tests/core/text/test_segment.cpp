#include <doctest/doctest.h>

#include "test_support.h"
#include "text/normalize.h"
#include "text/segment.h"
#include "text/thai_chars.h"
#include "text/utf8.h"

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

// UAX #14's pair rules around and between Thai runs. `marked` writes each expected break as '|'.
namespace {
void check_breaks(const std::string& marked) {
  std::string plain;
  std::vector<uint32_t> expected;
  uint32_t count = 0;
  for (char32_t c : cps(marked)) {
    if (c == U'|') {
      expected.push_back(count);
      continue;
    }
    khlang::text::append_utf8(plain, c);
    ++count;
  }
  INFO(marked);
  CHECK(breaks(plain) == expected);
}
}  // namespace

TEST_CASE("pair rules: spaces, zero-width space, joiners and glue (LB7-LB12a, LB18)") {
  check_breaks("a |b");                   // LB7 × SP, LB18 SP ÷
  check_breaks("a\u200B|b");              // LB8 ZW ÷
  check_breaks("a\u200B |b");             // LB8 ZW SP* ÷ (after the spaces)
  check_breaks("e\u0301e\u200Df");        // LB8a ZWJ ×, LB9 a mark stays with its base
  check_breaks("a-\u2060b");              // LB11 × WJ ×: no break after the hyphen
  check_breaks("a\u00A0b |ที่\u00A0นี่");  // LB12 GL ×, LB12a × GL
  check_breaks("ก |\u00A0ข");             // LB12a: after a space a no-break space may start a line
}

TEST_CASE("pair rules: closing and opening punctuation, quotes (LB13-LB17, LB19)") {
  check_breaks("(ก )");                  // LB13 × CP, even after a space
  check_breaks("a /|b");                 // LB13 × SY; after the solidus a line may start
  check_breaks("ข้อ |ก, |ข. |ค! |ง? |จ: |ฉ;");  // LB13 × IS × EX
  check_breaks("x |( a)");               // LB14 OP SP* ×
  check_breaks("a\" (b)");               // LB15 QU SP* × OP
  check_breaks("a) \u203C|b");            // LB16 (CL | CP) SP* × NS
  check_breaks("a|\u2014\u2014|b");      // LB17 B2 × B2; a dash breaks on either side
  check_breaks("คำ|ว่า\"ความ|รู้\"และ");      // LB19 × QU ×
  check_breaks("[กก]");                  // never after an opening bracket
}

TEST_CASE("pair rules: hyphens, soft hyphens, numbers and letters (LB20a-LB31)") {
  check_breaks("a |-b");                 // LB20a: a hyphen starting a word stays with it
  check_breaks("well-|known");           // LB21 × HY; after it a line may start
  check_breaks("ab\u00AD|cd");           // LB21 × BA: the soft hyphen is an opportunity after it
  check_breaks("a\u2026 |b");            // LB22 × IN
  check_breaks("a1 |1a |ปี๒๕๖๗");           // LB23 AL × NU, NU × AL (Thai digits too)
  check_breaks("$\u4E2D |\u4E2D%");       // LB23a PR × ID, ID × PO
  check_breaks("$a |a%");                 // LB24
  check_breaks("(1-31) |UTF-8 |600-400 |1,250,000 |1/2 |$5 |20% |฿100");  // LB25 numbers stay whole
  check_breaks("100 |฿");                // a space still breaks before a currency sign
  check_breaks("ab |a.b");                // LB28 AL × AL, LB29 IS × AL
  check_breaks("a(b)c");                 // LB30 AL × OP, CP × AL
  check_breaks("\u4E2D|\u6587");         // LB31 ÷ between ideographs
}

TEST_CASE("pair rules around Thai runs: slash, hyphen and soft hyphen between words") {
  // The dictionary decides between Thai letters; the punctuation between words is an opportunity.
  check_breaks("เปิด/|ปิด");
  check_breaks("ติมอร์-|เลสเต");
  check_breaks("ความ\u00AD|เป็น\u00AD|ส่วน\u00AD|ตัว");
  const std::u32string meeting = cps("ประชุม/สัมมนา/ศึกษาดูงาน");
  const auto b = breaks("ประชุม/สัมมนา/ศึกษาดูงาน");
  CHECK(has(b, 7));                      // ประชุม/|สัมมนา
  CHECK(has(b, 14));                     // สัมมนา/|ศึกษา
  CHECK(has(b, 19));                     // ศึกษา|ดูงาน
  for (uint32_t k : b) CHECK(meeting[k] != U'/');
  // A hyphen before a number or inside a code is no opportunity: (1-31) UTF-8 600-400.
  const std::u32string codes = cps("วันที่ (1-31) ตามมาตรฐาน UTF-8 ขนาด 600-400");
  for (uint32_t k : line_break_offsets(codes)) CHECK(codes[k - 1] != U'-');
}

TEST_CASE("no line starts with closing punctuation or ends with opening punctuation") {
  std::vector<std::string> texts = {"ประชุม/สัมมนา (ศึกษาดูงาน) [ภาคผนวก] {ก} ราคา 1,000 บาท/คน",
                                    "ดู (หน้า ๑-๕), ตาม \"ระเบียบ\" / ประกาศ [๒๕๖๗]"};
  for (const auto& s : khlang::test::thai_test_strings()) texts.push_back(s.text);
  for (const std::string& text : texts) {
    const std::u32string t = normalize(text).text;
    for (uint32_t k : line_break_offsets(t)) {
      INFO(text << " @" << k);
      CHECK(std::u32string_view(U")]}/,.:;!?").find(t[k]) == std::u32string_view::npos);
      CHECK(std::u32string_view(U"([{").find(t[k - 1]) == std::u32string_view::npos);
    }
  }
}

TEST_CASE("segmentation is linear: marks past the cap never reach the dictionary") {
  // ก followed by 100,000 tone marks, as it stands and as normalization leaves it.
  std::u32string marks = U"ก";
  marks.append(100000, U'\u0E48');
  marks += U"ข";
  SegmentWork& work = segment_work();
  work = {};
  const auto flags = find_boundaries(marks);
  CHECK(flags.size() == marks.size() + 1);
  CHECK(work.dictionary_code_points <= 2 * (kMaxMarksPerCluster + 2));
  const NormalizedText n = normalize(khlang::text::encode_utf8(marks));
  CHECK(n.text.size() == 2 + kMaxMarksPerCluster);  // ก, the first marks, ข
  CHECK(n.source_index.back() == marks.size());
  // Long Thai text with no word the dictionary knows, and alternating runs: each code point is
  // handed to libthai about once.
  std::u32string consonants(300000, U'ก');
  std::u32string mixed;
  for (int i = 0; i < 20000; ++i) mixed += U"กขค ab ";
  for (const std::u32string* t : {&consonants, &mixed}) {
    work = {};
    find_boundaries(*t);
    CHECK(work.dictionary_code_points <= t->size());
    CHECK(work.dictionary_calls <= 2 * t->size() / 1024 + 2);
  }
}

TEST_CASE("proper names given as whole words: no break inside them, their edges kept") {
  // libthai splits the demo's organization into words it knows, ศรี|โพธิ์|เงิน among them.
  const std::u32string t = cps("เทศบาลตำบลศรีโพธิ์เงิน");
  const auto name = static_cast<uint32_t>(t.find(cps("ศรีโพธิ์เงิน")));
  auto offsets = [](const std::vector<uint8_t>& flags) {
    std::vector<uint32_t> out;
    for (uint32_t k = 1; k + 1 < flags.size(); ++k) {
      if (flags[k] & kBreakBefore) out.push_back(k);
    }
    return out;
  };
  const auto plain = offsets(find_boundaries(t));
  REQUIRE(has(plain, name));
  CHECK(std::any_of(plain.begin(), plain.end(), [&](uint32_t k) { return k > name; }));  // the bad break
  const WholeWords names({"ศรีโพธิ์เงิน"});
  std::vector<uint32_t> expected;
  std::copy_if(plain.begin(), plain.end(), std::back_inserter(expected), [&](uint32_t k) { return k <= name; });
  CHECK(offsets(find_boundaries(t, &names)) == expected);  // the dictionary's breaks before it stay
  // Every occurrence; around it, the pair rules as before (after each space).
  const std::u32string twice = cps("ศรีโพธิ์เงิน และ ศรีโพธิ์เงิน");
  CHECK(offsets(find_boundaries(twice, &names)) == std::vector<uint32_t>{13, 17});
  // Nothing to keep in a single code point or an empty word.
  CHECK(WholeWords({"ก", ""}).empty());
  CHECK_FALSE(names.empty());
}

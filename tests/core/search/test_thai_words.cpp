// Thai words as a reader sees them: where a syllable may start inside a word, and the
// Thai-aware edit distance behind "did you mean".
#include <doctest/doctest.h>

#include <algorithm>

#include "search/thai_words.h"
#include "test_support.h"

using namespace khlang::search;
using khlang::test::cps;

namespace {
bool member_at(const std::string& word, size_t from, size_t to) {
  const std::u32string w = cps(word);
  return may_start_syllable(w, from) && may_start_syllable(w, to);
}
}  // namespace

TEST_CASE("syllables: members of compounds stand on syllable boundaries") {
  CHECK(member_at("รายชื่อ", 3, 7));        // ราย|ชื่อ
  CHECK(member_at("ความรู้สึก", 4, 7));      // ความ|รู้|สึก
  CHECK(member_at("สมุทรปราการ", 5, 11));   // สมุทร|ปราการ: ปร starts a cluster
  CHECK(member_at("ชื่อเสียง", 0, 4));       // before a leading vowel
}

TEST_CASE("syllables: never right after a leading vowel, before a mark, at a closing consonant or inside a cluster") {
  CHECK_FALSE(member_at("เชื่อม", 1, 5));    // เ|ชื่อม: after the leading vowel, and ม closes the syllable
  CHECK_FALSE(may_start_syllable(cps("เชื่อม"), 5));
  CHECK_FALSE(may_start_syllable(cps("รู้"), 1));  // before a mark
  CHECK_FALSE(may_start_syllable(cps("ปฏิบัติตาม"), 9));  // ม ends the word: it closes ตาม
  CHECK_FALSE(may_start_syllable(cps("ปราการ"), 1));   // ป|ราการ: the second letter of the cluster ปร
  CHECK_FALSE(may_start_syllable(cps("เปรียบ"), 2));  // เป|รียบ
  CHECK_FALSE(may_start_syllable(cps("email"), 1));   // Latin words have no syllables here
}

TEST_CASE("distance: clusters are units, tone and vowel slips and similar letters are cheap") {
  CHECK(word_distance(cps("อนุญาติ"), cps("อนุญาต"), 5) == doctest::Approx(0.5));  // ติ for ต
  CHECK(word_distance(cps("ที่"), cps("ที้"), 5) == doctest::Approx(0.5));          // another tone mark
  CHECK(word_distance(cps("ศาลา"), cps("สาลา"), 5) == doctest::Approx(0.5));        // ศ for ส
  CHECK(word_distance(cps("ใจ"), cps("ไจ"), 5) == doctest::Approx(0.5));            // ใ for ไ
  CHECK(word_distance(cps("ความรู้"), cps("ความรู้"), 5) == 0);
  CHECK(word_distance(cps("ความ"), cps("ความรู้"), 5) == doctest::Approx(1));       // one cluster more
  CHECK(word_distance(cps("กขค"), cps("งจฉ"), 5) == doctest::Approx(3));
  CHECK(word_distance(cps("kitten"), cps("sitting"), 10) == doctest::Approx(3));    // Latin: plain Levenshtein
  // Past the limit it stops early, with a value above the limit.
  CHECK(word_distance(cps("กขคงจฉชซ"), cps("ฌญฎฏฐฑฒณ"), 1) > 1);
  CHECK(allowed_distance(cluster_count(cps("อนุญาติ"))) >= 0.5);
  CHECK(cluster_count(cps("อนุญาติ")) == 5);
}

TEST_CASE("similar spellings: one letter or mark replaced by one a visitor confuses it with") {
  const auto spellings = similar_spellings(U"ประเมิณผล");
  CHECK(std::find(spellings.begin(), spellings.end(), std::u32string(U"ประเมินผล")) != spellings.end());
  CHECK(std::find(spellings.begin(), spellings.end(), std::u32string(U"ประเมีณผล")) != spellings.end());  // ิ ี
  for (const std::u32string& s : spellings) {
    CHECK(s.size() == 9);
    CHECK(s != U"ประเมิณผล");
  }
  const auto decree = similar_spellings(U"กฤษฏีกา");
  CHECK(std::find(decree.begin(), decree.end(), std::u32string(U"กฤษฎีกา")) != decree.end());
  CHECK(similar_spellings(U"abc").empty());
}

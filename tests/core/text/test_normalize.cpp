#include <doctest/doctest.h>

#include "test_support.h"
#include "text/normalize.h"
#include "text/thai_chars.h"
#include "text/utf8.h"

using namespace khlang::text;
using khlang::test::cps;

TEST_CASE("UTF-8: invalid and truncated sequences become U+FFFD, never a crash") {
  CHECK(decode_utf8("ก\xFF" "ข") == U"ก\uFFFDข");
  CHECK(decode_utf8("\xE0\xB8") == U"\uFFFD\uFFFD");           // truncated ก
  CHECK(decode_utf8("\xC0\xAF") == U"\uFFFD\uFFFD");           // overlong '/'
  CHECK(decode_utf8("\xED\xA0\x80") == U"\uFFFD\uFFFD\uFFFD");  // UTF-16 surrogate
  CHECK(decode_utf8("\xF4\x90\x80\x80").front() == kReplacementChar);  // past U+10FFFF
  CHECK(encode_utf8(decode_utf8("ที่นี่ abc 😀")) == "ที่นี่ abc 😀");
  std::vector<uint32_t> offsets;
  decode_utf8("aก", &offsets);
  CHECK(offsets == std::vector<uint32_t>{0, 1, 4});
}

TEST_CASE("normalization: canonical mark order, sara am, sara ae") {
  CHECK(normalize("ท่ี").text == cps("ที่"));          // tone typed before the upper vowel
  CHECK(normalize("กุ่").text == cps("กุ่"));           // already canonical: unchanged
  CHECK(normalize("กุ่").text == cps("กุ่"));           // lower vowel first
  CHECK(normalize("น้ํา").text == cps("น้ำ"));         // ้ + ํ + า
  CHECK(normalize("นํ้า").text == cps("น้ำ"));         // ํ + ้ + า
  CHECK(normalize("นำ้").text == cps("น้ำ"));          // tone typed after sara am
  CHECK(normalize("กํา").text == cps("กำ"));
  CHECK(normalize("เเก้ไข").text == cps("แก้ไข"));
  CHECK(normalize("ที่นี่").text == cps("ที่นี่"));        // valid text is left alone
  CHECK(normalize("ก่่").text == cps("ก่่"));           // display keeps a repeated mark
  CHECK(normalize("่").text == cps("่"));             // a lone mark survives
  CHECK(normalize("\xFF").text == U"\uFFFD");
}

TEST_CASE("normalization keeps a map back to the source") {
  const NormalizedText n = normalize("เเก้");  // 4 code points -> แก้ (3)
  REQUIRE(n.text == cps("แก้"));
  CHECK(n.source_index == std::vector<uint32_t>{0, 2, 3, 4});
  CHECK(n.source_byte(1) == 6);  // ก starts at byte 6 of the source
  const NormalizedText m = normalize("ท่ี");
  CHECK(m.source_index.back() == 3);
}

TEST_CASE("search normalization folds what should match") {
  CHECK(normalize("๒๕๖๙", NormalizeMode::Search).text == U"2569");
  CHECK(normalize("FY2026 KM", NormalizeMode::Search).text == U"fy2026 km");
  CHECK(normalize("ประกาศ\u200Bเทศบาล", NormalizeMode::Search).text == cps("ประกาศเทศบาล"));
  CHECK(normalize("ก่่", NormalizeMode::Search).text == cps("ก่"));
  CHECK(normalize("น้ํา", NormalizeMode::Search).text == normalize("น้ำ", NormalizeMode::Search).text);
  CHECK(normalize("เเก้ไข", NormalizeMode::Search).text == normalize("แก้ไข", NormalizeMode::Search).text);
}

TEST_CASE("normalization never crashes on random bytes") {
  uint32_t seed = 12345;
  for (int round = 0; round < 2000; ++round) {
    std::string bytes;
    const int len = static_cast<int>(seed % 40);
    for (int i = 0; i < len; ++i) {
      seed = seed * 1103515245u + 12345u;
      // Bias towards the Thai block's lead and continuation bytes.
      const uint32_t r = seed >> 16;
      bytes.push_back(static_cast<char>(r % 3 == 0 ? 0xE0 : r % 3 == 1 ? 0xB8 + (r & 1) : 0x80 + (r % 64)));
    }
    const NormalizedText n = normalize(bytes);
    CHECK(n.source_index.size() == n.text.size() + 1);
    for (uint32_t s : n.source_index) CHECK(s < n.source_bytes.size());
  }
}

#include "text/thai_input.h"

TEST_CASE("typing Thai: impossible mark sequences are refused, a tone before its vowel is repaired") {
  CHECK(type_character("ก", U'ี') == std::optional<std::string>("กี"));
  CHECK(type_character("กี", U'่') == std::optional<std::string>("กี่"));
  CHECK(type_character("ก่", U'ี') == std::optional<std::string>("กี่"));  // typed in the other order
  CHECK_FALSE(type_character("กี", U'ี').has_value());                    // two upper vowels
  CHECK_FALSE(type_character("", U'่').has_value());                      // a tone with no consonant
  CHECK_FALSE(type_character("ab ", U'ุ').has_value());                    // a vowel sign after a space
  CHECK(type_character("น้", U'ำ') == std::optional<std::string>("น้ำ"));
  CHECK(type_character("abc", U'd') == std::optional<std::string>("abcd"));
  CHECK_FALSE(type_character("a", U'\n').has_value());
  CHECK(erase_last("กี่") == "กี");
  CHECK(erase_last("") == "");
}

TEST_CASE("normalization keeps at most kMaxMarksPerCluster marks on a cluster") {
  std::string tones = "ก";
  for (int i = 0; i < 20; ++i) tones += "\u0E48";
  CHECK(normalize(tones).text == U"ก" + std::u32string(kMaxMarksPerCluster, U'\u0E48'));
  CHECK(normalize(tones, NormalizeMode::Search).text == cps("ก่"));
  std::string water = "น";
  for (int i = 0; i < 20; ++i) water += "\u0E49";
  water += "\u0E33";  // sara am after the tones is kept: a vowel, not a repeated mark
  const std::u32string capped = normalize(water).text;
  CHECK(capped.size() == 1 + kMaxMarksPerCluster);
  CHECK(capped.back() == U'\u0E33');
  std::string accents = "e";
  for (int i = 0; i < 20; ++i) accents += "\u0301";
  CHECK(normalize(accents + "x").text == U"e" + std::u32string(kMaxMarksPerCluster, U'\u0301') + U"x");
  CHECK(normalize("ฟื้นฟู น้ำ กี่").text == cps("ฟื้นฟู น้ำ กี่"));  // real Thai is far below the cap
}

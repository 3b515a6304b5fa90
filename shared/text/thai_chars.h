// [SECTION] Character classes the Thai text engine needs.
// Thai is written without spaces between words, with vowels before, above and below the consonant
// and up to two marks stacked above it. These predicates name those roles so the normalizer,
// segmenter and layout read like the rules they implement.
#pragma once

#include "util/limits.h"

namespace khlang::text {

// Thai block, U+0E00..U+0E7F.
constexpr bool is_thai(char32_t c) { return c >= 0x0E00 && c <= 0x0E7F; }

// Consonants ก..ฮ.
constexpr bool is_thai_consonant(char32_t c) { return c >= 0x0E01 && c <= 0x0E2E; }

// Leading vowels เ แ โ ใ ไ: written before the consonant they follow in speech; a line never
// breaks right after one.
constexpr bool is_thai_leading_vowel(char32_t c) { return c >= 0x0E40 && c <= 0x0E44; }

// Above and below vowels: ั ิ ี ึ ื ็ (above), ุ ู ฺ (below).
constexpr bool is_thai_vowel_mark(char32_t c) {
  return c == 0x0E31 || (c >= 0x0E34 && c <= 0x0E3A) || c == 0x0E47;
}

// Tone marks ่ ้ ๊ ๋.
constexpr bool is_thai_tone_mark(char32_t c) { return c >= 0x0E48 && c <= 0x0E4B; }

// Other marks that sit on a consonant: ์ (thanthakhat), ํ (nikhahit), ๎ (yamakkan).
constexpr bool is_thai_other_mark(char32_t c) { return c >= 0x0E4C && c <= 0x0E4E; }

// Every Thai combining mark (general category Mn).
constexpr bool is_thai_mark(char32_t c) {
  return is_thai_vowel_mark(c) || is_thai_tone_mark(c) || is_thai_other_mark(c);
}

// Repetition and abbreviation signs ๆ ฯ: never start a line.
constexpr bool is_thai_no_break_before(char32_t c) { return c == 0x0E46 || c == 0x0E2F; }

constexpr char32_t kZeroWidthSpace = 0x200B;
constexpr char32_t kZeroWidthNonJoiner = 0x200C;
constexpr char32_t kZeroWidthJoiner = 0x200D;
constexpr char32_t kSoftHyphen = 0x00AD;
constexpr char32_t kWordJoiner = 0x2060;
constexpr char32_t kNoBreakSpace = 0x00A0;

// Characters that continue the grapheme cluster before them (a base and its marks never split):
// Thai marks, sara am (a spacing mark), general combining marks, ZWJ and variation selectors.
constexpr bool extends_cluster(char32_t c) {
  return is_thai_mark(c) || c == 0x0E33 || (c >= 0x0300 && c <= 0x036F) ||
         (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
         (c >= 0xFE20 && c <= 0xFE2F) || (c >= 0xFE00 && c <= 0xFE0F) || c == kZeroWidthJoiner ||
         (c >= 0xE0100 && c <= 0xE01EF);
}

// At most this many code points continue one cluster (Thai needs three at the very most: a vowel
// above or below, a tone mark and sara am; Vietnamese two). Normalization drops the rest, so no
// longer cluster reaches HarfBuzz (quadratic in consecutive marks, CVE-2023-25193) or the
// dictionary. Unicode's stream-safe format allows 30; a cluster past 8 is never text. The number
// is the content limit's (util/limits.h), so pack and the import refuse what this would cut.
constexpr unsigned kMaxMarksPerCluster = limits::kMaxMarksPerCluster;

// Breakable white space (a line may start after a run of it; it hangs at the end of a line).
constexpr bool is_breakable_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == 0x1680 || (c >= 0x2000 && c <= 0x2006) ||
         (c >= 0x2008 && c <= 0x200A) || c == 0x205F || c == 0x3000;
}

// Hard line breaks that end a paragraph.
constexpr bool is_paragraph_separator(char32_t c) {
  return c == U'\n' || c == U'\r' || c == 0x2028 || c == 0x2029 || c == 0x0B || c == 0x0C || c == 0x85;
}

// Thai digits ๐..๙.
constexpr bool is_thai_digit(char32_t c) { return c >= 0x0E50 && c <= 0x0E59; }

}  // namespace khlang::text

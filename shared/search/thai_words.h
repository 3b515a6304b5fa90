// [SECTION] What a Thai word looks like to a reader: where a syllable may start inside a word
// (so ชื่อ in รายชื่อ is a member of a compound, and ชื่อ in เชื่อม is not), and how far apart
// two spellings are (อนุญาติ is a slip for อนุญาต, a visitor's touch-keyboard typo).
// Both work on search-normalized text (NormalizeMode::Search).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace khlang::search {

// Whether a syllable may start before code point k of `word` (k == 0 and k == size are the
// word's edges: yes). A syllable starts with a leading vowel (เ แ โ ใ ไ) or with a consonant that
// carries a vowel or tone mark or a following vowel (ะ า ๅ), alone or as the first of a cluster
// such as ปร กล คว. Never right after a leading vowel, never at a mark, never at a consonant
// that ends the word or stands before another consonant (it closes the syllable before it: the
// ม of ตาม), never at the second letter of a cluster. Latin words have no syllables here: no.
bool may_start_syllable(std::u32string_view word, size_t k);

// Thai-aware edit distance between two words: grapheme clusters are the units (a consonant and
// its marks), a cluster with the same consonant and other marks (ติ for ต, ที่ for ทิ) or a similar
// letter (ศ ษ ส, ท ธ ฑ ฒ, ใ ไ, ...) costs 0.5, any other change 1. Returns a value above `limit`
// as soon as the distance is known to exceed it.
double word_distance(std::u32string_view a, std::u32string_view b, double limit);

// Every spelling of `word` with one letter or mark replaced by one a visitor confuses it with
// (ณ for น, ฏ for ฎ, ิ for ี: the half-cost substitutions above), in the order of the word.
std::vector<std::u32string> similar_spellings(std::u32string_view word);

// The distance within which a word of `clusters` clusters counts as a misspelling of another.
double allowed_distance(size_t clusters);

// Grapheme clusters in `word`.
size_t cluster_count(std::u32string_view word);

}  // namespace khlang::search

// [SECTION] Normalization of Thai text.
// The same word reaches us typed in different orders: a tone mark typed before the upper vowel
// (ท่ี for ที่), sara am typed as nikhahit + sara aa (น้ํา for น้ำ), sara ae typed as two sara e
// (เเ for แ). They look alike, so they must be alike: for display (so HarfBuzz stacks the marks
// right) and for search (so they match). Every output code point remembers where it came from.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace khlang::text {

enum class NormalizeMode : uint8_t {
  // Canonical mark order, ำ composition, เเ -> แ, invalid UTF-8 -> U+FFFD. Nothing is dropped
  // but marks past kMaxMarksPerCluster on one cluster (thai_chars.h): ก with 100,000 tone marks
  // is no text, and would cost HarfBuzz and the dictionary seconds.
  Display,
  // Display, plus what matching needs: Thai digits -> ASCII, Latin lowercased, ZWSP/ZWJ/ZWNJ/SHY/
  // word joiner dropped, a mark repeated on the same consonant kept once.
  Search,
};

struct NormalizedText {
  std::u32string text;
  // For each code point of `text`, the index of the source code point it came from; one extra
  // final entry holds the source's code point count.
  std::vector<uint32_t> source_index;
  // Byte offset of each source code point in the source UTF-8, plus the source's byte size.
  std::vector<uint32_t> source_bytes;

  // Byte offset in the source UTF-8 of normalized code point k (k may be text.size()).
  uint32_t source_byte(size_t k) const { return source_bytes[source_index[k]]; }
};

NormalizedText normalize(std::string_view utf8, NormalizeMode mode = NormalizeMode::Display);

// Convenience for callers that only need the normalized UTF-8 (search keys, stored input).
std::string normalize_to_utf8(std::string_view utf8, NormalizeMode mode = NormalizeMode::Display);

}  // namespace khlang::text

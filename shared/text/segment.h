// [SECTION] Segmentation: grapheme clusters and line-break opportunities.
// Thai has no spaces between words, so between two Thai letters a line may break only where
// libthai's dictionary finds a word boundary. Everywhere else the pair rules of UAX #14 decide
// (after a space, a slash, a hyphen or a soft hyphen between words; never before ) , . / or
// after ( ; never inside a number such as 1-31 or UTF-8). Thai's own rules win over both: never
// inside a cluster (a consonant and the marks on it), after a leading vowel, before ๆ or ฯ,
// inside ฯลฯ or inside an abbreviation (พ.ศ., อบต.). Linear in the length of any input.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace khlang::text {

// Per code point boundary flags; index k describes the boundary before code point k, and the
// vector has text.size() + 1 entries.
enum BoundaryFlag : uint8_t {
  kClusterStart = 1 << 0,  // a grapheme cluster starts at k (caret stop)
  kBreakBefore = 1 << 1,   // a line may start at k
};

// Cluster starts only (cheap; no dictionary).
std::vector<uint8_t> find_cluster_boundaries(std::u32string_view text);

// Words a line never breaks inside although libthai's dictionary, which is fixed, would: the
// proper names the content uses (ศรี|โพธิ์เงิน, a place it does not know). Given by the program
// that lays text out (TextEngine::set_whole_words), never by search, whose words must stay the
// dictionary's so an index packed at the office matches the kiosk's queries. The words are
// normalized as displayed text is; at most kMaxWholeWords of at most kMaxWholeWordLength code
// points, so the work stays linear in the text.
class WholeWords {
 public:
  static constexpr size_t kMaxWholeWords = 256, kMaxWholeWordLength = 64;
  WholeWords() = default;
  explicit WholeWords(const std::vector<std::string>& utf8_words);
  bool empty() const { return words_.empty(); }
  // Takes the line-break opportunities strictly inside each occurrence away; its edges keep theirs.
  void keep_whole(std::u32string_view text, std::vector<uint8_t>& flags) const;

 private:
  std::vector<std::u32string> words_;
};

// Cluster starts and line-break opportunities. Uses libthai (one breaker per thread). `text` is
// one paragraph: hard line breaks are the layout's business, not this function's. Position 0 and
// text.size() never carry kBreakBefore. `whole`: words kept whole besides the dictionary's.
std::vector<uint8_t> find_boundaries(std::u32string_view text, const WholeWords* whole = nullptr);

// The break opportunities of `text` as sorted code point offsets (0 < k < size), hard line
// breaks (a line starts after each) included.
std::vector<uint32_t> line_break_offsets(std::u32string_view text);

// Whether a word too long for its line may be cut before code point k (a cluster start with no
// opportunity near): not where a line would start with closing punctuation or a following vowel
// (ศึกษ|า), nor end with opening punctuation or a leading vowel. The layout prefers such places.
bool is_emergency_break_ok(std::u32string_view text, size_t k);

// Work done by this thread's segmentation, for tests that hold it linear: code points handed to
// libthai and calls made.
struct SegmentWork {
  uint64_t dictionary_code_points = 0;
  uint64_t dictionary_calls = 0;
};
SegmentWork& segment_work();

}  // namespace khlang::text

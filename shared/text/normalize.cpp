#include "text/normalize.h"

#include <algorithm>

#include "text/thai_chars.h"
#include "text/utf8.h"

namespace khlang::text {
namespace {

constexpr char32_t kSaraE = 0x0E40;
constexpr char32_t kSaraAe = 0x0E41;
constexpr char32_t kSaraAa = 0x0E32;
constexpr char32_t kSaraAm = 0x0E33;
constexpr char32_t kNikhahit = 0x0E4D;

bool is_ignorable_for_search(char32_t c) {
  return c == kZeroWidthSpace || c == kZeroWidthJoiner || c == kZeroWidthNonJoiner || c == kSoftHyphen ||
         c == kWordJoiner || c == 0xFEFF;
}

// Order of marks on one consonant: vowels (and nikhahit) sit closest to it, then tone marks and
// the other signs. A stable sort by this rank turns ท่ี into ที่ and leaves valid text alone.
int mark_rank(char32_t c) { return (is_thai_vowel_mark(c) || c == kNikhahit) ? 0 : 1; }

struct Mark {
  char32_t cp;
  uint32_t source;
};

}  // namespace

NormalizedText normalize(std::string_view utf8, NormalizeMode mode) {
  NormalizedText out;
  const std::u32string src = decode_utf8(utf8, &out.source_bytes);
  const size_t n = src.size();
  out.text.reserve(n);
  out.source_index.reserve(n + 1);
  const bool search = mode == NormalizeMode::Search;

  auto emit = [&](char32_t c, size_t source) {
    out.text.push_back(c);
    out.source_index.push_back(static_cast<uint32_t>(source));
  };

  std::vector<Mark> marks;  // the marks of one cluster, reordered before they are emitted
  unsigned cluster_marks = 0;  // code points emitted on the current cluster after its base
  size_t i = 0;
  while (i < n) {
    const char32_t c = src[i];
    if (search && is_ignorable_for_search(c)) {
      ++i;
      continue;
    }
    if (c == kSaraE && i + 1 < n && src[i + 1] == kSaraE) {  // เเ typed for แ
      emit(kSaraAe, i);
      cluster_marks = 0;
      i += 2;
      continue;
    }
    if (!is_thai_mark(c) && c != kSaraAm) {
      // A cluster keeps at most kMaxMarksPerCluster marks (thai_chars.h): the rest is dropped.
      if (!extends_cluster(c)) cluster_marks = 0;
      else if (cluster_marks++ >= kMaxMarksPerCluster) {
        ++i;
        continue;
      }
      char32_t mapped = c;
      if (search) {
        if (is_thai_digit(c)) mapped = U'0' + (c - 0x0E50);
        else if (c >= U'A' && c <= U'Z') mapped = c + (U'a' - U'A');
      }
      emit(mapped, i);
      ++i;
      continue;
    }

    // A run of marks on one consonant, with the sara am it may carry: ํ + tone + า, ำ + tone and
    // their permutations all become tone + ำ.
    marks.clear();
    size_t am_count = 0;
    size_t am_source = i;
    bool pending_nikhahit = false;
    size_t nikhahit_source = i;
    size_t j = i;
    for (; j < n; ++j) {
      const char32_t m = src[j];
      if (m == kSaraAm) {
        if (am_count++ == 0) am_source = j;
      } else if (m == kSaraAa && pending_nikhahit) {
        pending_nikhahit = false;
        if (am_count++ == 0) am_source = nikhahit_source;
      } else if (m == kNikhahit && !pending_nikhahit) {
        pending_nikhahit = true;
        nikhahit_source = j;
      } else if (is_thai_mark(m)) {
        if (marks.size() < kMaxMarksPerCluster) marks.push_back({m, static_cast<uint32_t>(j)});
      } else {
        break;
      }
    }
    if (pending_nikhahit) marks.push_back({kNikhahit, static_cast<uint32_t>(nikhahit_source)});
    std::stable_sort(marks.begin(), marks.end(),
                     [](const Mark& a, const Mark& b) { return mark_rank(a.cp) < mark_rank(b.cp); });
    // Sara am is kept first when the marks are over the limit: it is a vowel, not a repeated tone.
    unsigned room = kMaxMarksPerCluster > cluster_marks ? kMaxMarksPerCluster - cluster_marks : 0;
    const size_t ams = std::min<size_t>(search ? std::min<size_t>(am_count, 1) : am_count, room);
    room -= static_cast<unsigned>(ams);
    for (size_t k = 0; k < marks.size() && room > 0; ++k) {
      if (search && k > 0 && marks[k].cp == marks[k - 1].cp) continue;  // ก่่ matches ก่
      emit(marks[k].cp, marks[k].source);
      --room;
    }
    for (size_t k = 0; k < ams; ++k) emit(kSaraAm, am_source);
    cluster_marks = kMaxMarksPerCluster - room;
    i = j;
  }
  out.source_index.push_back(static_cast<uint32_t>(n));
  return out;
}

std::string normalize_to_utf8(std::string_view utf8, NormalizeMode mode) {
  return encode_utf8(normalize(utf8, mode).text);
}

}  // namespace khlang::text

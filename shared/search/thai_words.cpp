#include "search/thai_words.h"

#include <algorithm>
#include <vector>

#include "text/thai_chars.h"

namespace khlang::search {
namespace {

using text::extends_cluster;
using text::is_thai_consonant;
using text::is_thai_leading_vowel;

// ะ า ๅ: vowels written after the consonant, on the line.
bool is_following_vowel(char32_t c) { return c == 0x0E30 || c == 0x0E32 || c == 0x0E45; }
// ร ล ว: the second letter of a true cluster (ปร, กล, คว).
bool is_cluster_second(char32_t c) { return c == 0x0E23 || c == 0x0E25 || c == 0x0E27; }
// A consonant carries its vowel or tone when one of these follows it.
bool carries_vowel(char32_t c) { return extends_cluster(c) || is_following_vowel(c); }

// Letters a visitor confuses: the same sound written with other letters, letters of the same
// shape (ฎ ฏ: กฤษฎีกา is often written กฤษฏีกา), short and long vowels of the same quality. Each
// group is one string.
constexpr std::u32string_view kSimilar[] = {
    U"ขฃคฅฆ", U"ชฌ", U"ซศษส", U"ดฎ", U"ตฏ", U"ฎฏ", U"ถฐทธฑฒ", U"นณ", U"ยญ", U"รลฬ", U"พภผ", U"ฟฝ", U"หฮ", U"ใไ",
    U"\u0E34\u0E35",  // ิ ี
    U"\u0E36\u0E37",  // ึ ื
    U"\u0E38\u0E39",  // ุ ู
    U"\u0E30\u0E32",  // ะ า
};

bool similar(char32_t a, char32_t b) {
  if (a == b) return true;
  for (std::u32string_view g : kSimilar) {
    if (g.find(a) != std::u32string_view::npos && g.find(b) != std::u32string_view::npos) return true;
  }
  return false;
}

std::vector<std::u32string_view> clusters_of(std::u32string_view w) {
  std::vector<std::u32string_view> out;
  size_t start = 0;
  for (size_t k = 1; k <= w.size(); ++k) {
    if (k == w.size() || !extends_cluster(w[k])) {
      out.push_back(w.substr(start, k - start));
      start = k;
    }
  }
  return out;
}

// Replacing cluster a by cluster b: 0 when equal, 0.5 for the same (or a similar) base with
// similar marks or the same base with other marks, 1 otherwise.
double substitution(std::u32string_view a, std::u32string_view b) {
  if (a == b) return 0;
  if (!similar(a[0], b[0])) return 1;
  std::u32string_view ma = a.substr(1), mb = b.substr(1);
  if (a[0] != b[0]) {  // a similar letter: its marks must agree, one by one or by similarity
    if (ma.size() != mb.size()) return 1;
    for (size_t i = 0; i < ma.size(); ++i) {
      if (!similar(ma[i], mb[i])) return 1;
    }
    return 0.5;
  }
  return 0.5;  // the same letter with other marks: a tone or vowel slip
}

}  // namespace

bool may_start_syllable(std::u32string_view w, size_t k) {
  const size_t n = w.size();
  if (k == 0 || k >= n) return true;
  const char32_t c = w[k], before = w[k - 1];
  if (is_thai_leading_vowel(before)) return false;
  if (is_thai_leading_vowel(c)) return true;
  if (!is_thai_consonant(c)) return false;
  // The second letter of a cluster whose first letter starts the syllable (ป|ราการ, เป|รียบ).
  if (is_cluster_second(c) && is_thai_consonant(before) && (k == 1 || is_thai_leading_vowel(w[k - 2]))) return false;
  if (k + 1 == n) return false;  // a consonant ending the word closes the syllable before it
  const char32_t next = w[k + 1];
  if (carries_vowel(next)) return true;
  // A cluster (ปรา, กลาง) starts a syllable; any other consonant before a consonant closes one.
  return is_cluster_second(next) && k + 2 < n && carries_vowel(w[k + 2]);
}

std::vector<std::u32string> similar_spellings(std::u32string_view word) {
  std::vector<std::u32string> out;
  for (size_t k = 0; k < word.size(); ++k) {
    for (std::u32string_view g : kSimilar) {
      if (g.find(word[k]) == std::u32string_view::npos) continue;
      for (char32_t other : g) {
        if (other == word[k]) continue;
        std::u32string v(word);
        v[k] = other;
        out.push_back(std::move(v));
      }
    }
  }
  return out;
}

size_t cluster_count(std::u32string_view w) {
  size_t n = 0;
  for (size_t k = 0; k < w.size(); ++k) n += (k == 0 || !extends_cluster(w[k])) ? 1 : 0;
  return n;
}

double allowed_distance(size_t clusters) {
  if (clusters <= 2) return 0.5;
  if (clusters <= 5) return 1.0;
  return 2.0;
}

double word_distance(std::u32string_view a, std::u32string_view b, double limit) {
  const std::vector<std::u32string_view> x = clusters_of(a), y = clusters_of(b);
  const double length_gap = x.size() > y.size() ? static_cast<double>(x.size() - y.size())
                                                 : static_cast<double>(y.size() - x.size());
  if (length_gap > limit) return length_gap;
  // Levenshtein over clusters, one row at a time; stops once every cell of a row exceeds limit.
  std::vector<double> row(y.size() + 1), next(y.size() + 1);
  for (size_t j = 0; j <= y.size(); ++j) row[j] = static_cast<double>(j);
  for (size_t i = 1; i <= x.size(); ++i) {
    next[0] = static_cast<double>(i);
    double best = next[0];
    for (size_t j = 1; j <= y.size(); ++j) {
      next[j] = std::min({row[j] + 1, next[j - 1] + 1, row[j - 1] + substitution(x[i - 1], y[j - 1])});
      best = std::min(best, next[j]);
    }
    if (best > limit) return best;
    row.swap(next);
  }
  return row[y.size()];
}

}  // namespace khlang::search

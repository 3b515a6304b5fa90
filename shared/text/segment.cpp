#include "text/segment.h"

#include <thai/thbrk.h>
#include <thai/thwbrk.h>

#include <memory>
#include <mutex>
#include <string>

#include "text/thai_chars.h"

namespace khlang::text {
namespace {

// libthai's breaker loads its dictionary on creation and is not thread-safe in use, so each
// thread owns one; creation itself is serialized because the dictionary loader is not reentrant.
struct BreakerDeleter {
  void operator()(ThBrk* b) const { th_brk_delete(b); }
};
ThBrk* thread_breaker() {
  static std::mutex create_mutex;
  thread_local std::unique_ptr<ThBrk, BreakerDeleter> breaker;
  if (!breaker) {
    std::lock_guard lock(create_mutex);
    breaker.reset(th_brk_new(nullptr));
  }
  return breaker.get();
}

// libthai's search is super-linear on very long runs without a known word; it sees the text in
// windows of at most this many code points, cut where the window ends at a non-Thai character
// when there is one.
constexpr size_t kDictionaryWindow = 2048;

bool is_opening_punct(char32_t c) {
  return c == U'(' || c == U'[' || c == U'{' || c == U'"' || c == 0x201C || c == 0x2018 || c == U'<';
}
bool is_closing_punct(char32_t c) {
  return c == U')' || c == U']' || c == U'}' || c == U',' || c == U'.' || c == U';' || c == U':' ||
         c == U'!' || c == U'?' || c == U'%' || c == 0x201D || c == 0x2019 || c == U'>' || c == 0x3001 ||
         c == 0x3002;
}
bool is_hyphen(char32_t c) { return c == U'-' || c == 0x2010 || c == 0x2013 || c == 0x2014; }
bool is_glue(char32_t c) { return c == kNoBreakSpace || c == kWordJoiner || c == 0x202F || c == 0xFEFF; }
bool is_letter_or_digit(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z') ||
         is_thai_consonant(c) || (c >= 0x00C0 && c <= 0x024F);
}

// Thai abbreviations (พ.ศ. อบต. ร.ร. กทม.) are short Thai runs written against a full stop; the
// dictionary would split some of them (อ|บต), so no break is allowed inside such a run.
constexpr size_t kAbbreviationMaxLength = 5;

void add_dictionary_breaks(std::u32string_view text, std::vector<uint8_t>& flags) {
  const size_t n = text.size();
  ThBrk* breaker = thread_breaker();
  thread_local std::wstring window;
  thread_local std::vector<int> positions;
  size_t start = 0;
  while (start < n) {
    // Skip text with no Thai in it: libthai has nothing to say there.
    while (start < n && !is_thai(text[start])) ++start;
    if (start >= n) break;
    size_t end = start;
    size_t last_cut = 0;
    while (end < n && end - start < kDictionaryWindow) {
      if (!is_thai(text[end])) last_cut = end;
      ++end;
    }
    if (end < n && last_cut > start) end = last_cut;
    // A window cut inside a Thai run must not split a cluster.
    while (end < n && end > start + 1 && extends_cluster(text[end])) --end;

    window.assign(text.begin() + static_cast<std::ptrdiff_t>(start), text.begin() + static_cast<std::ptrdiff_t>(end));
    positions.resize(window.size() + 1);
    const int found = th_brk_wc_find_breaks(breaker, window.c_str(), positions.data(), positions.size());
    for (int f = 0; f < found; ++f) {
      const size_t k = start + static_cast<size_t>(positions[static_cast<size_t>(f)]);
      // Only word boundaries inside Thai text: Thai against Latin or punctuation follows the
      // general rules below, as in UAX #14.
      if (k > 0 && k < n && is_thai(text[k - 1]) && is_thai(text[k])) flags[k] |= kBreakBefore;
    }
    start = end;
  }
}

void remove_breaks_inside_abbreviations(std::u32string_view text, std::vector<uint8_t>& flags) {
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    if (!is_thai(text[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < n && is_thai(text[j])) ++j;
    const bool next_to_stop = (j < n && text[j] == U'.') || (i > 0 && text[i - 1] == U'.');
    if (next_to_stop && j - i <= kAbbreviationMaxLength) {
      for (size_t k = i + 1; k < j; ++k) flags[k] &= static_cast<uint8_t>(~kBreakBefore);
    }
    i = j;
  }
}

}  // namespace

std::vector<uint8_t> find_cluster_boundaries(std::u32string_view text) {
  const size_t n = text.size();
  std::vector<uint8_t> flags(n + 1, 0);
  for (size_t k = 0; k < n; ++k) {
    if (k == 0 || !extends_cluster(text[k])) flags[k] = kClusterStart;
  }
  flags[n] = kClusterStart;
  return flags;
}

std::vector<uint8_t> find_boundaries(std::u32string_view text) {
  const size_t n = text.size();
  std::vector<uint8_t> flags = find_cluster_boundaries(text);
  if (n < 2) return flags;

  add_dictionary_breaks(text, flags);
  remove_breaks_inside_abbreviations(text, flags);

  // General opportunities: after white space, after a ZWSP, after a hyphen between words.
  for (size_t k = 1; k < n; ++k) {
    const char32_t prev = text[k - 1];
    const char32_t cur = text[k];
    if ((is_breakable_space(prev) && !is_breakable_space(cur)) || prev == kZeroWidthSpace) {
      flags[k] |= kBreakBefore;
    } else if (is_hyphen(prev) && k >= 2 && is_letter_or_digit(text[k - 2]) && is_letter_or_digit(cur)) {
      flags[k] |= kBreakBefore;
    }
  }

  // Prohibitions win over every opportunity above.
  for (size_t k = 1; k < n; ++k) {
    if (!(flags[k] & kBreakBefore)) continue;
    const char32_t prev = text[k - 1];
    const char32_t cur = text[k];
    const bool inside_cluster = !(flags[k] & kClusterStart);
    // ฯ|ลฯ; ฯล|ฯ is already covered by "never before ฯ".
    const bool inside_paiyannoi_lek = prev == 0x0E2F && cur == 0x0E25 && k + 1 < n && text[k + 1] == 0x0E2F;
    if (inside_cluster || is_thai_leading_vowel(prev) || is_thai_no_break_before(cur) || inside_paiyannoi_lek ||
        is_closing_punct(cur) || is_opening_punct(prev) || is_glue(prev) || is_glue(cur) ||
        cur == kZeroWidthSpace || cur == kZeroWidthJoiner) {
      flags[k] &= static_cast<uint8_t>(~kBreakBefore);
    }
  }
  return flags;
}

std::vector<uint32_t> line_break_offsets(std::u32string_view text) {
  std::vector<uint32_t> out;
  const size_t n = text.size();
  size_t begin = 0;
  for (size_t k = 0; k <= n; ++k) {
    if (k < n && !is_paragraph_separator(text[k])) continue;
    const std::vector<uint8_t> flags = find_boundaries(text.substr(begin, k - begin));
    for (size_t i = 1; i < k - begin; ++i) {
      if (flags[i] & kBreakBefore) out.push_back(static_cast<uint32_t>(begin + i));
    }
    if (k < n && text[k] == U'\r' && k + 1 < n && text[k + 1] == U'\n') ++k;
    if (k + 1 < n) out.push_back(static_cast<uint32_t>(k + 1));  // a hard break always starts a line
    begin = k + 1;
  }
  return out;
}

}  // namespace khlang::text

#include "text/segment.h"

#include <thai/thbrk.h>
#include <thai/thwbrk.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <string>

#include "text/line_break_class.h"
#include "text/normalize.h"
#include "text/thai_chars.h"

namespace khlang::text {
namespace {

using C = LineBreakClass;

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
// windows of at most this many code points, ended at a non-Thai character once past half of it,
// else cut at a cluster start.
constexpr size_t kDictionaryWindow = 2048;

// A private flag while the boundaries are worked out: libthai found a word boundary here.
constexpr uint8_t kDictionaryBreak = 1 << 7;

// Thai abbreviations (พ.ศ. อบต. ร.ร. กทม.) are short Thai runs written against a full stop; the
// dictionary would split some of them (อ|บต), so no break is allowed inside such a run.
constexpr size_t kAbbreviationMaxLength = 5;

// Marks libthai's word boundaries with kDictionaryBreak. The windows are built in one pass, and
// marks past kMaxMarksPerCluster on one cluster never reach libthai, so the work is linear
// whatever the input (a consonant with 100,000 tone marks is one short window).
void add_dictionary_breaks(std::u32string_view text, std::vector<uint8_t>& flags) {
  ThBrk* breaker = thread_breaker();
  thread_local std::wstring window;
  thread_local std::vector<uint32_t> origin;  // index in `text` of each window code point
  thread_local std::vector<int> positions;
  window.clear();
  origin.clear();
  bool window_has_thai = false;
  auto flush = [&] {
    if (window_has_thai) {
      positions.resize(window.size() + 1);
      const int found = th_brk_wc_find_breaks(breaker, window.c_str(), positions.data(), positions.size());
      SegmentWork& work = segment_work();
      work.dictionary_code_points += window.size();
      ++work.dictionary_calls;
      for (int f = 0; f < found; ++f) {
        const auto p = static_cast<size_t>(positions[static_cast<size_t>(f)]);
        if (p == 0 || p >= origin.size()) continue;
        const uint32_t k = origin[p];
        // Word boundaries inside Thai text only: against Latin or punctuation the pair rules decide.
        if (is_thai(text[k - 1]) && is_thai(text[k])) flags[k] |= kDictionaryBreak;
      }
    }
    window.clear();
    origin.clear();
    window_has_thai = false;
  };
  unsigned marks = 0;  // code points continuing the current cluster so far
  for (size_t k = 0; k < text.size(); ++k) {
    const char32_t c = text[k];
    if (extends_cluster(c)) {
      if (++marks > kMaxMarksPerCluster) continue;
    } else {
      marks = 0;
      if (!is_thai(c)) {
        if (window.empty()) continue;  // libthai has nothing to say about text with no Thai
        if (window.size() >= kDictionaryWindow / 2) {
          flush();
          continue;
        }
      } else if (window.size() >= kDictionaryWindow) {
        flush();  // a Thai run longer than the window: cut at this cluster start
      }
    }
    if (is_thai(c)) window_has_thai = true;
    window.push_back(static_cast<wchar_t>(c));
    origin.push_back(static_cast<uint32_t>(k));
  }
  flush();
}

// UAX #14's class of a code point with SA resolved (LB1): the dictionary decides between two Thai
// letters; elsewhere a Thai mark is a combining mark and a Thai letter is alphabetic.
C resolved_class(char32_t c) {
  const C cls = line_break_class(c);
  if (cls != C::SA) return cls;
  return extends_cluster(c) ? C::CM : C::AL;
}

bool is_thai_letter_or_mark(char32_t c) { return line_break_class(c) == C::SA && is_thai(c); }

// The pair rules of UAX #14 (LB7 to LB31, Unicode 15.1) between code points k-1 and k, for every
// k, written as UAX #14 numbers them. Classes the text of a Thai municipality never holds
// (Hangul jamo, Hebrew letters, regional indicators, emoji modifiers) take their general
// behaviour: ID or AL. Sets kBreakBefore where a break is allowed.
void apply_pair_rules(std::u32string_view text, std::vector<uint8_t>& flags) {
  const size_t n = text.size();
  // The class of the character before the boundary once its combining marks are attached (LB9,
  // LB10), the last class before a run of spaces (LB8, LB14-LB17) and whether the hyphen before
  // the boundary itself follows a boundary of its own (LB20a).
  C before = resolved_class(text[0]);
  if (before == C::CM || before == C::ZWJ) before = C::AL;
  C before_spaces = before;
  bool thai_before = is_thai_letter_or_mark(text[0]);
  bool word_initial_hyphen = before == C::HY || text[0] == 0x2010;
  for (size_t k = 1; k < n; ++k) {
    const char32_t cur = text[k];
    const C raw = resolved_class(cur);
    const C previous_raw = resolved_class(text[k - 1]);
    const bool attaches = (raw == C::CM || raw == C::ZWJ) && before != C::SP && before != C::ZW;
    bool allowed;
    if (raw == C::SP || raw == C::ZW) {
      allowed = false;  // LB7: × SP, × ZW
    } else if (before_spaces == C::ZW) {
      allowed = true;  // LB8: ZW SP* ÷
    } else if (previous_raw == C::ZWJ) {
      allowed = false;  // LB8a: ZWJ ×
    } else if (attaches) {
      allowed = false;  // LB9: X (CM | ZWJ)* is X
    } else if (thai_before && is_thai_letter_or_mark(cur)) {
      allowed = flags[k] & kDictionaryBreak;  // between Thai letters: the dictionary
    } else {
      const C a = before;
      const C b = (raw == C::CM || raw == C::ZWJ) ? C::AL : raw;  // LB10
      const C s = before_spaces;  // the class before any spaces between a and b
      auto in = [](C c, std::initializer_list<C> set) {
        for (C x : set) {
          if (c == x) return true;
        }
        return false;
      };
      if (a == C::WJ || b == C::WJ) allowed = false;                             // LB11
      else if (a == C::GL) allowed = false;                                       // LB12
      else if (b == C::GL && !in(a, {C::SP, C::BA, C::HY})) allowed = false;      // LB12a
      else if (in(b, {C::CL, C::CP, C::EX, C::IS, C::SY})) allowed = false;       // LB13
      else if (s == C::OP) allowed = false;                                       // LB14: OP SP* ×
      else if (s == C::QU && b == C::OP) allowed = false;                         // LB15
      else if (in(s, {C::CL, C::CP}) && b == C::NS) allowed = false;              // LB16
      else if (s == C::B2 && b == C::B2) allowed = false;                         // LB17
      else if (a == C::SP) allowed = true;                                        // LB18: SP ÷
      else if (a == C::QU || b == C::QU) allowed = false;                         // LB19
      else if (word_initial_hyphen && b == C::AL) allowed = false;                // LB20a: -word
      else if (in(b, {C::BA, C::HY, C::NS}) || a == C::BB) allowed = false;       // LB21
      else if (b == C::IN) allowed = false;                                       // LB22
      else if ((a == C::AL && b == C::NU) || (a == C::NU && b == C::AL)) allowed = false;  // LB23
      else if ((a == C::PR && b == C::ID) || (a == C::ID && b == C::PO)) allowed = false;  // LB23a
      else if ((in(a, {C::PR, C::PO}) && b == C::AL) || (a == C::AL && in(b, {C::PR, C::PO}))) allowed = false;  // LB24
      else if ((in(a, {C::CL, C::CP, C::NU}) && in(b, {C::PO, C::PR})) || (in(a, {C::PO, C::PR}) && in(b, {C::OP, C::NU})) ||
               (in(a, {C::HY, C::IS, C::NU, C::SY}) && b == C::NU)) {
        allowed = false;  // LB25: numbers (1-31, 600-400, 1,250,000, 1/2, $5, 20%)
      } else if (a == C::AL && b == C::AL) allowed = false;                       // LB28
      else if (a == C::IS && b == C::AL) allowed = false;                         // LB29
      else if ((in(a, {C::AL, C::NU}) && b == C::OP && cur < 0x3000) || (a == C::CP && in(b, {C::AL, C::NU}))) {
        allowed = false;  // LB30 (not for East Asian wide brackets)
      } else {
        allowed = true;  // LB31
      }
    }
    if (allowed) flags[k] |= kBreakBefore;

    if (!attaches) {
      const C now = (raw == C::CM || raw == C::ZWJ) ? C::AL : raw;
      word_initial_hyphen = (now == C::HY || cur == 0x2010) &&
                            (before == C::SP || before == C::ZW || before == C::GL);
      if (now != C::SP) before_spaces = now;
      before = now;
      thai_before = is_thai_letter_or_mark(cur);
    }
  }
}

// Thai's own rules, which win over every opportunity: never inside a cluster, after a leading
// vowel, before ๆ or ฯ, inside ฯลฯ or inside an abbreviation.
void apply_thai_prohibitions(std::u32string_view text, std::vector<uint8_t>& flags) {
  const size_t n = text.size();
  for (size_t k = 1; k < n; ++k) {
    if (!(flags[k] & kBreakBefore)) continue;
    const char32_t prev = text[k - 1];
    const char32_t cur = text[k];
    // ฯ|ลฯ; ฯล|ฯ is already covered by "never before ฯ".
    const bool inside_paiyannoi_lek = prev == 0x0E2F && cur == 0x0E25 && k + 1 < n && text[k + 1] == 0x0E2F;
    if (!(flags[k] & kClusterStart) || is_thai_leading_vowel(prev) || is_thai_no_break_before(cur) ||
        inside_paiyannoi_lek) {
      flags[k] &= static_cast<uint8_t>(~kBreakBefore);
    }
  }
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

SegmentWork& segment_work() {
  thread_local SegmentWork work;
  return work;
}

std::vector<uint8_t> find_cluster_boundaries(std::u32string_view text) {
  const size_t n = text.size();
  std::vector<uint8_t> flags(n + 1, 0);
  for (size_t k = 0; k < n; ++k) {
    if (k == 0 || !extends_cluster(text[k])) flags[k] = kClusterStart;
  }
  flags[n] = kClusterStart;
  return flags;
}

WholeWords::WholeWords(const std::vector<std::string>& utf8_words) {
  for (const std::string& w : utf8_words) {
    std::u32string word = normalize(w, NormalizeMode::Display).text;
    if (word.size() < 2 || word.size() > kMaxWholeWordLength) continue;  // nothing inside to keep, or no name
    if (std::find(words_.begin(), words_.end(), word) != words_.end()) continue;
    words_.push_back(std::move(word));
    if (words_.size() == kMaxWholeWords) break;
  }
}

void WholeWords::keep_whole(std::u32string_view text, std::vector<uint8_t>& flags) const {
  for (const std::u32string& word : words_) {
    for (size_t at = text.find(word); at != std::u32string_view::npos; at = text.find(word, at + 1)) {
      for (size_t k = at + 1; k < at + word.size(); ++k) flags[k] &= static_cast<uint8_t>(~kBreakBefore);
    }
  }
}

std::vector<uint8_t> find_boundaries(std::u32string_view text, const WholeWords* whole) {
  const size_t n = text.size();
  std::vector<uint8_t> flags = find_cluster_boundaries(text);
  if (n < 2) return flags;
  add_dictionary_breaks(text, flags);
  apply_pair_rules(text, flags);
  apply_thai_prohibitions(text, flags);
  for (uint8_t& f : flags) f &= static_cast<uint8_t>(~kDictionaryBreak);
  if (whole) whole->keep_whole(text, flags);
  return flags;
}

bool is_emergency_break_ok(std::u32string_view text, size_t k) {
  if (k == 0 || k >= text.size() || extends_cluster(text[k])) return false;
  const char32_t prev = text[k - 1], cur = text[k];
  // A following vowel (ะ า ๅ) or ๆ ฯ never starts a line, a leading vowel never ends one.
  if (cur == 0x0E30 || cur == 0x0E32 || cur == 0x0E45 || is_thai_no_break_before(cur) || is_thai_leading_vowel(prev)) {
    return false;
  }
  const C a = resolved_class(prev), b = resolved_class(cur);
  return !(b == C::CL || b == C::CP || b == C::EX || b == C::IS || b == C::SY || a == C::OP || a == C::GL ||
           a == C::WJ || b == C::WJ || b == C::GL);
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

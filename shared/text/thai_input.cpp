#include "text/thai_input.h"

#include <thai/thinp.h>
#include <thai/thwchar.h>

#include "text/normalize.h"
#include "text/thai_chars.h"
#include "text/utf8.h"

namespace khlang::text {

std::optional<std::string> type_character(const std::string& text, char32_t key) {
  if (key < 0x20 || key == 0x7F || (key >= 0xD800 && key <= 0xDFFF) || key > 0x10FFFF) return std::nullopt;
  const std::u32string current = decode_utf8(text);
  if (is_thai(key)) {
    const char32_t prev = current.empty() ? U' ' : current.back();
    // libthai judges pairs of TIS-620 characters; outside Thai, the previous one counts as a
    // base (a mark after a space or a Latin letter is refused).
    const thchar_t p = is_thai(prev) ? th_uni2tis(static_cast<thwchar_t>(prev)) : static_cast<thchar_t>('a');
    const thchar_t c = th_uni2tis(static_cast<thwchar_t>(key));
    if (!th_isaccept(p, c, ISC_BASICCHECK)) {
      // A tone typed before its upper vowel (่ then ี) is a sequence normalization puts right.
      const bool reorderable = is_thai_tone_mark(prev) && is_thai_vowel_mark(key) && current.size() >= 2 &&
                               is_thai_consonant(current[current.size() - 2]);
      if (!reorderable) return std::nullopt;
    }
  }
  std::string out = text;
  append_utf8(out, key);
  return normalize_to_utf8(out);
}

std::string erase_last(const std::string& text) {
  std::u32string cps = decode_utf8(text);
  if (!cps.empty()) cps.pop_back();
  return encode_utf8(cps);
}

}  // namespace khlang::text

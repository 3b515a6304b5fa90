// [SECTION] Typing Thai: input-sequence checking (WTT 2.0, via libthai's th_isaccept), so a key
// that would make an impossible mark sequence (two upper vowels, a tone on a vowel sign with no
// consonant) is refused or repaired instead of stored.
#pragma once

#include <optional>
#include <string>

namespace khlang::text {

// The text after typing `key` at its end: normalized (a tone typed before its vowel is put in
// order), or nothing if the key cannot follow what is there.
std::optional<std::string> type_character(const std::string& text, char32_t key);
// The text without its last grapheme cluster's last code point (backspace removes a mark first,
// then the consonant, as Thai keyboards do).
std::string erase_last(const std::string& text);

}  // namespace khlang::text

// [SECTION] Every UI string in Thai and English, by key: one list (strings.def), each string's
// two languages on one line. Content stays in its own language; the interface follows the
// visitor's choice. A test checks that every key has both languages.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>

namespace khlang::kiosk {

enum class Lang { Th, En };

enum class Str {
#define KHLANG_STR(key, th, en) key,
#include "i18n/strings.def"
#undef KHLANG_STR
  Count_  // keep last
};
inline constexpr size_t kStringCount = static_cast<size_t>(Str::Count_);

// The string for `key` in `lang` (UTF-8, static storage).
std::string_view tr(Str key, Lang lang);
// The key's name ("SearchHint"), for tests and messages.
std::string_view key_name(Str key);

// `pattern` with {0}, {1}... replaced by `args` (a placeholder without its argument stays).
std::string fill_in(std::string_view pattern, std::initializer_list<std::string_view> args);
inline std::string fill_in(std::string_view pattern, std::string_view arg) { return fill_in(pattern, {arg}); }
// Both languages at once, as admin mode shows them: "ตั้งค่า · Settings". Staff screens are
// bilingual by design, not by the visitor's choice: whoever opens admin mode finds it in whatever
// language the last visitor left, the office's staff read Thai while the vendor's technician who
// installs and services the kiosk may not, and the messages passed on from the core (a refused
// signature, a failed import) are English, so the Thai half says what happened and the English
// half carries the details. Each admin screen's header says why it keeps both.
std::string both(Str key, std::initializer_list<std::string_view> args = {});

}  // namespace khlang::kiosk

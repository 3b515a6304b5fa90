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
// `key` in `lang` with its placeholders filled in (FrameContext::say for a frame's language).
std::string say(Str key, Lang lang, std::initializer_list<std::string_view> args = {});
// Both languages at once, "ข้อมูลตัวอย่าง · Sample data": only for the sample mark, which must read
// for every visitor whatever language the last one chose (ui/widgets.h). Everything else, admin
// mode included, follows the interface language.
std::string both(Str key, std::initializer_list<std::string_view> args = {});

}  // namespace khlang::kiosk

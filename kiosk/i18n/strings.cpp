#include "i18n/strings.h"

namespace khlang::kiosk {
namespace {

struct Entry {
  std::string_view name, th, en;
};

constexpr Entry kStrings[] = {
#define KHLANG_STR(key, th, en) {#key, th, en},
#include "i18n/strings.def"
#undef KHLANG_STR
};
static_assert(std::size(kStrings) == kStringCount);

}  // namespace

std::string_view tr(Str key, Lang lang) {
  const Entry& e = kStrings[static_cast<size_t>(key)];
  return lang == Lang::Th ? e.th : e.en;
}

std::string_view key_name(Str key) { return kStrings[static_cast<size_t>(key)].name; }

std::string fill_in(std::string_view pattern, std::initializer_list<std::string_view> args) {
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const size_t close = pattern.find('}', i);
    if (pattern[i] == '{' && close == i + 2 && pattern[i + 1] >= '0' && pattern[i + 1] <= '9') {
      const auto n = static_cast<size_t>(pattern[i + 1] - '0');
      if (n < args.size()) {
        out += *(args.begin() + n);
        i = close;
        continue;
      }
    }
    out += pattern[i];
  }
  return out;
}

std::string say(Str key, Lang lang, std::initializer_list<std::string_view> args) {
  return fill_in(tr(key, lang), args);
}

std::string both(Str key, std::initializer_list<std::string_view> args) {
  return fill_in(tr(key, Lang::Th), args) + " · " + fill_in(tr(key, Lang::En), args);
}

}  // namespace khlang::kiosk

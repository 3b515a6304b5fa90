// Every UI string exists in Thai and in English: Thai text has Thai letters, English has none.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "i18n/strings.h"

using namespace khlang::kiosk;

namespace {
bool has_thai(std::string_view s) { return s.find("\xE0\xB8") != std::string_view::npos || s.find("\xE0\xB9") != std::string_view::npos; }
}  // namespace

TEST_CASE("every UI string has a Thai and an English text") {
  for (size_t i = 0; i < kStringCount; ++i) {
    const auto key = static_cast<Str>(i);
    const std::string_view th = tr(key, Lang::Th), en = tr(key, Lang::En);
    INFO("key " << i << ": " << th << " / " << en);
    CHECK_FALSE(th.empty());
    CHECK_FALSE(en.empty());
    CHECK(has_thai(th));
    CHECK_FALSE(has_thai(en));
  }
}

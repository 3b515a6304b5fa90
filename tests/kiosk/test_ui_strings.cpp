// Every UI string exists in Thai and in English (one keyed list, i18n/strings.def): Thai text
// has Thai letters, English has none; and the filling-in of {0}, {1}.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "i18n/strings.h"

using namespace khlang::kiosk;

namespace {
bool has_thai(std::string_view s) { return s.find("\xE0\xB8") != std::string_view::npos || s.find("\xE0\xB9") != std::string_view::npos; }
}  // namespace

TEST_CASE("ui strings: every key has a Thai and an English text") {
  for (size_t i = 0; i < kStringCount; ++i) {
    const auto key = static_cast<Str>(i);
    const std::string_view th = tr(key, Lang::Th), en = tr(key, Lang::En);
    INFO(key_name(key) << ": " << th << " / " << en);
    CHECK_FALSE(key_name(key).empty());
    CHECK_FALSE(th.empty());
    CHECK_FALSE(en.empty());
    CHECK(has_thai(th));
    CHECK_FALSE(has_thai(en));
  }
  CHECK(key_name(Str::SearchHint) == "SearchHint");
  CHECK(tr(Str::Home, Lang::En) == "Home");
}

TEST_CASE("ui strings: placeholders are filled in by number, admin mode says them in the interface language, the sample mark in both") {
  CHECK(fill_in("{1} of {0}", {"10", "3"}) == "3 of 10");
  CHECK(fill_in("FY {0}", "2568") == "FY 2568");
  CHECK(fill_in("{2} stays {x}", {"a"}) == "{2} stays {x}");
  CHECK(say(Str::PinLocked, Lang::Th, {"30"}) == "ล็อกอยู่ อีก 30 วินาที");
  CHECK(say(Str::PinLocked, Lang::En, {"30"}) == "Locked for 30 s");
  CHECK(say(Str::AdminLock, Lang::En) == "Lock");
  CHECK(both(Str::SampleData) == "ข้อมูลตัวอย่าง · Sample data");
}

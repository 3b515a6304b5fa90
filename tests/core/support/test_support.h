// Shared helpers of the unit tests: one text engine on the installed font set, and the tricky
// Thai strings of thai-test-strings.tsv.
#pragma once

#include <string>
#include <vector>

#include "text/text_engine.h"

namespace khlang::test {

// The engine on the build tree's fonts (loaded once per test binary).
text::TextEngine& engine();

struct TestString {
  std::string text;
  std::string expectation;
};
// ../shared/thai-test-strings.tsv beside the repository when present, else tests/data's copy.
const std::vector<TestString>& thai_test_strings();

// Code points of a UTF-8 string (test shorthand).
std::u32string cps(const std::string& utf8);

}  // namespace khlang::test

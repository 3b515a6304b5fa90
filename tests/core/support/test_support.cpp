#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include "test_support.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "text/utf8.h"

namespace khlang::test {

text::TextEngine& engine() {
  static std::unique_ptr<text::TextEngine> e = [] {
    auto created = text::TextEngine::create_default();
    if (!created) {
      std::fprintf(stderr, "cannot load the font set: %s\n", created.error().message.c_str());
      std::abort();
    }
    return std::move(created.value());
  }();
  return *e;
}

const std::vector<TestString>& thai_test_strings() {
  static const std::vector<TestString> strings = [] {
    std::vector<TestString> out;
    std::string path = KHLANG_BRIEF_DIR "/thai-test-strings.tsv";
    if (!std::filesystem::exists(path)) path = KHLANG_TEST_DATA_DIR "/thai-test-strings.tsv";
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      const auto tab = line.find('\t');
      out.push_back({line.substr(0, tab), tab == std::string::npos ? "" : line.substr(tab + 1)});
    }
    return out;
  }();
  return strings;
}

std::u32string cps(const std::string& utf8) { return text::decode_utf8(utf8); }

}  // namespace khlang::test

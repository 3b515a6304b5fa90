#include "thai/proper_names.h"

#include <array>

namespace khlang::thai {
namespace {

// Longer first, so เทศบาลตำบล is taken before a shorter word it starts with.
constexpr std::array<std::string_view, 9> kPlaceWords = {
    "องค์การบริหารส่วนจังหวัด", "องค์การบริหารส่วนตำบล", "เทศบาลนคร", "เทศบาลเมือง", "เทศบาลตำบล",
    "จังหวัด", "หมู่บ้าน", "อำเภอ", "ตำบล"};
constexpr std::array<std::string_view, 7> kTitles = {"ว่าที่ร้อยตรี", "ว่าที่ร้อยโท", "ว่าที่ร้อยเอก", "นางสาว",
                                                     "นาง", "นาย", "ดร."};

std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> out;
  for (size_t at = 0; at < text.size();) {
    const size_t space = text.find(' ', at);
    const size_t end = space == std::string_view::npos ? text.size() : space;
    if (end > at) out.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  return out;
}

// `word` without the first of `prefixes` it starts with; `found` says whether one did.
template <size_t N>
std::string_view without_prefix(std::string_view word, const std::array<std::string_view, N>& prefixes, bool& found) {
  for (std::string_view p : prefixes) {
    if (word.size() > p.size() && word.starts_with(p)) {
      found = true;
      return word.substr(p.size());
    }
  }
  found = false;
  return word;
}

}  // namespace

std::vector<std::string> place_names(std::string_view text) {
  std::vector<std::string> out;
  for (std::string_view word : words_of(text)) {
    bool found = false;
    const std::string_view name = without_prefix(word, kPlaceWords, found);
    if (found) out.emplace_back(name);
  }
  return out;
}

std::vector<std::string> person_names(std::string_view name) {
  const std::vector<std::string_view> words = words_of(name);
  if (words.size() < 2) return {};
  std::vector<std::string> out;
  bool titled = false;
  out.emplace_back(without_prefix(words[0], kTitles, titled));
  for (size_t i = 1; i < words.size(); ++i) out.emplace_back(words[i]);
  return out;
}

}  // namespace khlang::thai

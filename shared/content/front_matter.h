// [SECTION] Markdown files with front matter: a block of "key: value" lines between two "---"
// lines, then the Markdown body. Values may be quoted ("..." with \" and \\ escapes).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "util/error.h"

namespace khlang::content {

struct MarkdownDocument {
  std::vector<std::pair<std::string, std::string>> fields;  // in file order
  std::string body;
  const std::string* find(std::string_view key) const;
};

Expected<MarkdownDocument> parse_front_matter(std::string_view text, const std::string& name);
std::string write_front_matter(const MarkdownDocument& doc);

}  // namespace khlang::content

// [SECTION] Markdown files with front matter: a block of "key: value" lines between two "---"
// lines, then the Markdown body. Values may be quoted ("..." with \" and \\ escapes).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "util/error.h"

namespace khlang::content {

// A Markdown file split into its front matter and its body (the body is not parsed here: that
// is content::parse_markdown's MarkdownDocument).
struct FrontMatterDocument {
  std::vector<std::pair<std::string, std::string>> fields;  // in file order
  std::string body;
  // Where each field and the body start in the file (1-based lines; parse_front_matter fills
  // them, for errors that name a line; the writer ignores them).
  std::vector<int> field_lines;
  int body_line = 0;
  const std::string* find(std::string_view key) const;
};

Expected<FrontMatterDocument> parse_front_matter(std::string_view text, const std::string& name);
std::string write_front_matter(const FrontMatterDocument& doc);

}  // namespace khlang::content

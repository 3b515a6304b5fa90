#include "content/front_matter.h"

namespace khlang::content {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool next_line(std::string_view& text, std::string_view& line) {
  if (text.empty()) return false;
  const size_t nl = text.find('\n');
  line = text.substr(0, nl);
  text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return true;
}

}  // namespace

const std::string* FrontMatterDocument::find(std::string_view key) const {
  for (const auto& [k, v] : fields) {
    if (k == key) return &v;
  }
  return nullptr;
}

Expected<FrontMatterDocument> parse_front_matter(std::string_view text, const std::string& name) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  FrontMatterDocument doc;
  std::string_view line;
  std::string_view rest = text;
  if (!next_line(rest, line) || trim(line) != "---") {
    return Error{name + ": must start with a front matter block (a line '---', 'key: value' lines, '---')"};
  }
  int number = 1;
  bool closed = false;
  while (next_line(rest, line)) {
    ++number;
    if (trim(line) == "---") {
      closed = true;
      break;
    }
    if (trim(line).empty() || trim(line).front() == '#') continue;
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      return Error{name + " line " + std::to_string(number) + ": expected 'key: value', got '" + std::string(line) + "'"};
    }
    const std::string key(trim(line.substr(0, colon)));
    std::string_view raw = trim(line.substr(colon + 1));
    std::string value;
    if (raw.size() >= 2 && raw.front() == '"' && raw.back() == '"') {
      for (size_t i = 1; i + 1 < raw.size(); ++i) {
        if (raw[i] == '\\' && i + 2 < raw.size()) ++i;
        value += raw[i];
      }
    } else {
      value = raw;
    }
    if (doc.find(key)) return Error{name + " line " + std::to_string(number) + ": '" + key + "' is given twice"};
    doc.fields.emplace_back(key, value);
    doc.field_lines.push_back(number);
  }
  if (!closed) return Error{name + ": the front matter block is never closed with '---'"};
  doc.body_line = number + 1;
  while (!rest.empty() && (rest.front() == '\n' || rest.front() == '\r')) {
    if (rest.front() == '\n') ++doc.body_line;
    rest.remove_prefix(1);
  }
  doc.body = std::string(rest);
  return doc;
}

std::string write_front_matter(const FrontMatterDocument& doc) {
  std::string out = "---\n";
  for (const auto& [key, value] : doc.fields) {
    // Quoted when a plain value would read back otherwise: empty, holding what the reader takes
    // as syntax, or with white space at either end, which the reader trims (a tab as a space:
    // fuzz_front_matter found a value of one tab coming back empty).
    const bool quote = value.empty() || value.find_first_of(":\"#\n") != std::string::npos || trim(value) != value;
    out += key + ": ";
    if (!quote) {
      out += value;
    } else {
      out += '"';
      for (char c : value) {
        if (c == '"' || c == '\\') out += '\\';
        out += c == '\n' ? ' ' : c;
      }
      out += '"';
    }
    out += '\n';
  }
  // The body as it is, without adding a final line break: the round trip must give it back
  // unchanged (export -> pack).
  out += "---\n\n" + doc.body;
  return out;
}

}  // namespace khlang::content

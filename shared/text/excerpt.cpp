#include "text/excerpt.h"

#include <vector>

#include "text/segment.h"
#include "text/utf8.h"

namespace khlang::text {

std::string excerpt(std::string_view utf8, size_t max_code_points) {
  // A code point takes at least one byte: a text this short cannot be over.
  if (utf8.size() <= max_code_points) return std::string(utf8);
  // Only the start is decoded: max_code_points + 1 code points take at most 4 bytes each.
  const std::string_view window = utf8.substr(0, (max_code_points + 1) * 4);
  std::vector<uint32_t> offsets;
  const std::u32string chars = decode_utf8(window, &offsets);
  if (chars.size() <= max_code_points) return std::string(utf8);  // the window was the whole text
  // Whether a cluster starts at the cut depends on the characters either side of it only.
  const std::vector<uint8_t> bounds = find_cluster_boundaries(std::u32string_view(chars).substr(0, max_code_points + 1));
  size_t cut = max_code_points;
  while (cut > 0 && !(bounds[cut] & kClusterStart)) --cut;
  std::string out(utf8.substr(0, offsets[cut]));
  out += "\xE2\x80\xA6";  // …
  return out;
}

}  // namespace khlang::text

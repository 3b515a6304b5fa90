// [SECTION] Text cut to a length for lists and cards: a list shows the start of a title or a
// summary, never a whole 4 KiB title or 64 KiB paragraph, so what one row costs to set is bounded
// whatever the content holds. The cut falls between grapheme clusters (a consonant keeps its
// marks: cutting between them would show different Thai), then an ellipsis follows.
#pragma once

#include <string>
#include <string_view>

namespace khlang::text {

// `utf8` if it has at most `max_code_points` code points; else its longest start of whole
// clusters within that many, then "…". Invalid UTF-8 comes out as U+FFFD, as everywhere.
std::string excerpt(std::string_view utf8, size_t max_code_points);

}  // namespace khlang::text

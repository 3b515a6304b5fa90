// [SECTION] Segmentation: grapheme clusters and line-break opportunities.
// Thai has no spaces between words, so a line may break only where libthai's dictionary finds a
// word boundary, after white space or a ZWSP, and never inside a cluster (a consonant and the
// marks on it), after a leading vowel, before ๆ or ฯ, or inside ฯลฯ.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace khlang::text {

// Per code point boundary flags; index k describes the boundary before code point k, and the
// vector has text.size() + 1 entries.
enum BoundaryFlag : uint8_t {
  kClusterStart = 1 << 0,  // a grapheme cluster starts at k (caret stop)
  kBreakBefore = 1 << 1,   // a line may start at k
};

// Cluster starts only (cheap; no dictionary).
std::vector<uint8_t> find_cluster_boundaries(std::u32string_view text);

// Cluster starts and line-break opportunities. Uses libthai (one breaker per thread). `text` is
// one paragraph: hard line breaks are the layout's business, not this function's. Position 0 and
// text.size() never carry kBreakBefore.
std::vector<uint8_t> find_boundaries(std::u32string_view text);

// The break opportunities of `text` as sorted code point offsets (0 < k < size), hard line
// breaks (a line starts after each) included.
std::vector<uint32_t> line_break_offsets(std::u32string_view text);

}  // namespace khlang::text

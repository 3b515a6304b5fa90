// [SECTION] Matching and ranking within a tier: which of a tier's candidates hold its phrases, and
// their bm25, computed for those candidates only.
//
// FTS5 checks a phrase document by document and cannot be told to stop: a phrase of common words
// that never stand together (ความ ระบบ, each in all of 100,000 synthetic articles) reads every
// position of every document before it says "none", 50 ms and more, and its own bm25() first
// counts every match of every phrase. So a tier asks FTS5 only for documents holding its tokens
// (no positions: cheap), a window at a time, and khlang_match checks the phrases on each of them
// from the positions FTS5 has at hand:
//   SELECT rowid, khlang_match(search_words, SPEC, TITLE_ONLY, idf_1, ..., idf_n)
//     FROM search_words WHERE search_words MATCH '"a" AND "b" AND ("c" OR "d")' AND rowid > ? LIMIT ?
// SPEC lists the phrases by the numbers FTS5 gives the quoted tokens of that expression (in
// order): slots that must all match, separated by ';', each a choice of phrases separated by '|',
// each the token numbers in order, separated by ','. For `"a b" ("c" OR "d e")`: "0,1;2|3,4".
// It returns -1 when the row does not match, else bm25 with the phrases' inverse document
// frequencies (idf_1.. in phrase order), titles weighing twice the body; the phrases of a slot
// come most common first, and the first of them the row holds scores the slot.
#pragma once

#include <cstdint>

#include "util/error.h"

struct fts5_api;

namespace khlang::search {

// The inverse document frequency of a phrase found in `docs` of `total` documents.
double inverse_document_frequency(int64_t docs, int64_t total);

// Registers khlang_match with FTS5 (called by register_search_functions).
Status register_match_function(fts5_api* api);

}  // namespace khlang::search

// [SECTION] Search tokens for Thai and English, and their FTS5 tokenizer.
// SQLite's own tokenizers fail at Thai (unicode61 cuts words at every mark; trigram finds ความรู้
// inside ความรู้สึก and nothing for two-letter words). Ours cuts the search-normalized text into
// words: libthai for Thai, letters and digits for the rest. (A word inside a compound, ปราการ in
// สมุทรปราการ, is found through the index's vocabulary: see search_index.)
// Normalization (NormalizeMode::Search) folds Thai digits to ASCII, Latin case, mark order, ำ, เเ
// and invisible characters, so น้ํา finds น้ำ and ๒๕๖๙ finds 2569.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "util/error.h"

struct sqlite3;

namespace khlang::search {

struct Token {
  std::string text;  // normalized UTF-8
  int begin, end;    // byte offsets in the source text
};

std::vector<Token> tokenize(std::string_view utf8);

// The tokens of `utf8` joined by U+001F, for the tokenizer "khlang_tokens", which takes text cut
// already: an index is cut into words on every core, and FTS5 calls its tokenizer on one.
std::string pretokenized(std::string_view utf8);

// Names this tokenizer and the libthai dictionary it cuts words with: an index is only reused by
// a program whose fingerprint is the same. Empty when the dictionary cannot be found.
const std::string& tokenizer_fingerprint();

// Registers the tokenizers "khlang_words" and "khlang_tokens" and the function "khlang_match"
// (rank.h) with FTS5 on this connection (every connection that creates, fills or queries the
// index needs them).
Status register_search_functions(sqlite3* db);

}  // namespace khlang::search

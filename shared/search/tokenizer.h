// [SECTION] Search tokens for Thai and English, and their FTS5 tokenizers.
// SQLite's own tokenizers fail at Thai (unicode61 cuts words at every mark; trigram finds ความรู้
// inside ความรู้สึก and nothing for two-letter words). Two token kinds, each its own FTS5 index:
//   words  — the search-normalized text cut into words (libthai for Thai; letters and digits
//            for the rest): whole-word and prefix matches, which rank first;
//   grams  — pairs of adjacent Thai grapheme clusters: a word found inside a compound
//            (ปราการ in สมุทรปราการ) or across a word boundary.
// Normalization (NormalizeMode::Search) folds Thai digits to ASCII, Latin case, mark order, ำ, เเ
// and invisible characters, so น้ํา finds น้ำ and ๒๕๖๙ finds 2569.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "util/error.h"

struct sqlite3;

namespace khlang::search {

enum class TokenKind { Words, ClusterPairs };

struct Token {
  std::string text;  // normalized UTF-8
  int begin, end;    // byte offsets in the source text
};

std::vector<Token> tokenize(std::string_view utf8, TokenKind kind);

// Registers "khlang_words" and "khlang_grams" with FTS5 on this connection (every connection that
// creates, fills or queries the index needs them).
Status register_tokenizers(sqlite3* db);

}  // namespace khlang::search

// [SECTION] The index's vocabulary in memory: the words of the search index with the number of
// documents holding each, for what FTS5 cannot do itself within a keystroke's time: words that
// start with what the visitor typed, words that hold it inside them, and the nearest words to a
// misspelling. Words starting with a digit stay out (a content of 100,000 articles numbers its
// titles 1..100000: no one misspells a number into another); prefixes of numbers use the table.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sqlite/database.h"
#include "util/error.h"

namespace khlang::search {

struct VocabularyWord {
  std::string text;        // normalized UTF-8, as the index holds it
  std::u32string letters;  // the same as code points
  int64_t docs;            // documents holding it
};

class Vocabulary {
 public:
  // Loads search_term again if the database changed since the last call (another connection
  // committed, or this one wrote). Cheap when nothing changed.
  Status refresh(sqlite::Database& db);

  // Words starting with `prefix` (not equal to it), most documents first, at most `limit`.
  std::vector<const VocabularyWord*> starting_with(std::string_view prefix, size_t limit) const;
  // Words holding `part` after their first letter, most documents first, at most `limit`.
  std::vector<const VocabularyWord*> holding(std::u32string_view part, size_t limit) const;
  // Words within allowed_distance of `word` (itself excluded), nearest first, then most
  // documents, at most `limit`.
  std::vector<const VocabularyWord*> nearest(std::u32string_view word, size_t limit) const;
  // Whether some word starts with `prefix` (or is it).
  bool has_prefix(std::string_view prefix) const;
  // The word itself, or null.
  const VocabularyWord* find(std::string_view word) const;

  size_t size() const { return words_.size(); }

 private:
  std::vector<VocabularyWord> words_;  // sorted by text (byte order, as SQLite's)
  int64_t data_version_ = -1;
  int64_t changes_ = -1;
  const void* loaded_for_ = nullptr;
};

}  // namespace khlang::search

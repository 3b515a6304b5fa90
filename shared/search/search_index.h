// [SECTION] The kiosk's search: an index over articles, announcements, people, plan activities
// and communities of practice, rebuilt in the same transaction as each import; queries that rank
// whole words above words found inside others; snippets with the matches marked.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sqlite/database.h"
#include "util/error.h"
#include "util/words.h"

namespace khlang::search {

// What a hit is, with the words that head its group on the kiosk's search screen.
enum class HitKind { Article, Announcement, Person, Activity, Community };
Words words(HitKind kind);
// Its name in the index and in the CLI's output: "article", "announcement", "person"...
std::string_view hit_kind_name(HitKind kind);
std::optional<HitKind> find_hit_kind(std::string_view name);

struct SearchHit {
  HitKind kind = HitKind::Article;
  std::string route;  // the kiosk screen that shows it (article:<id>, plan:<id>, people, ...)
  std::string title;
  std::string snippet;                                 // a piece of the text around the match
  std::vector<std::pair<uint32_t, uint32_t>> marks;    // byte ranges of the snippet to highlight
  double score = 0;                                    // higher is better
  bool whole_word = false;                             // found as a word (not inside one)
};

// Empties and refills the index from the content tables. Runs inside the caller's transaction.
Status rebuild_search_index(sqlite::Database& db);

// The index travels in the bundle: khlang-admin pack builds it (tokenizing is most of the cost,
// and the office PC does it once), and the import copies it in. pack_search_index fills the
// bundle's index tables (packed_index_schema_sql) and records the tokenizer that cut it.
Status pack_search_index(sqlite::Database& bundle);
const char* packed_index_schema_sql();
// After an import into `db`, with the bundle attached as `bundle_schema`, in the import's
// transaction: takes the bundle's index if this kiosk's tokenizer would cut the same words
// (returns true), else builds it here (false).
Expected<bool> take_search_index(sqlite::Database& db, const std::string& bundle_schema);

// Up to `limit` hits for `query` (the last word may be unfinished: a prefix).
Expected<std::vector<SearchHit>> search(sqlite::Database& db, std::string_view query, int limit = 20);

// Words of the index that start like the last word of `query`, most frequent first.
Expected<std::vector<std::string>> suggest_words(sqlite::Database& db, std::string_view query, int limit = 8);

// The schema of the kiosk's index (kiosk migration 2).
const char* search_schema_sql();

}  // namespace khlang::search

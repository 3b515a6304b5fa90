// [SECTION] The kiosk's search: an index over articles, announcements, people, plan activities
// and communities of practice (documents.h), rebuilt in the same transaction as each import or
// packed into the bundle; queries in honest tiers (whole words, members of compounds, prefixes
// of the word being typed, other words holding it), a correction when nothing matches, and
// snippets with the matches marked.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "search/vocabulary.h"
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

// How a hit matched the query's last word, best first.
enum class MatchKind : uint8_t {
  Word,      // the query's words are words of the text (UTF-8 also finds "UTF 8")
  Compound,  // the last word is a member of a compound, on syllable boundaries (ชื่อ in รายชื่อ)
  Prefix,    // a word of the text starts with the last word, still being typed (กา: การ)
  Inside,    // any other word holding it (ชื่อ in เชื่อม)
};
const char* match_kind_name(MatchKind kind);

struct SearchHit {
  HitKind kind = HitKind::Article;
  std::string id;     // the content row's id (an article's, a person's...)
  std::string route;  // the kiosk screen that shows it (article:<id>, person:<id>, plan:<id>, people, ...)
  std::string title;
  std::string snippet;                                 // a piece of the text around the match
  std::vector<std::pair<uint32_t, uint32_t>> marks;    // byte ranges of the snippet to highlight
  double score = 0;                                    // higher is better: tier, title, bm25
  MatchKind match = MatchKind::Word;
  bool in_title = false;                               // matched in the title
  bool is_sample = false;                              // the row is sample data (the demo's): screens mark it
};

struct SearchRequest {
  std::string_view query;
  int limit = 20;
  // The visitor pressed search: a single letter or digit is searched too (while typing, one
  // letter would match half the index as a prefix).
  bool submitted = false;
  // The snippet's length in grapheme clusters (about two lines of text at 96), a quarter of it
  // before the first match.
  size_t snippet_clusters = 96;
};

struct SearchResults {
  std::vector<SearchHit> hits;
  // Set when the query found nothing and `hits` are for the nearest words of the index instead
  // ("ผลการค้นหาสำหรับ … / Showing results for …").
  std::string corrected_query;
  // Words to offer as chips: completions of the last word, then, when there are few hits, the
  // index's nearest words to it.
  std::vector<std::string> suggestions;
};

// Queries are capped: the first kMaxQueryCodePoints code points (whole clusters) and the first
// kMaxQueryWords words; the rest is ignored.
constexpr size_t kMaxQueryCodePoints = 100;
constexpr size_t kMaxQueryWords = 5;
// Whether `query` is within those caps (a search field stops taking keys past them).
bool fits_query_caps(std::string_view query);

// Searches one database. Keeps the index's vocabulary between queries (reloaded when the
// content changes), so a kiosk keeps one Searcher per connection.
class Searcher {
 public:
  explicit Searcher(sqlite::Database& db) : db_(db) {}
  Expected<SearchResults> search(const SearchRequest& request);

 private:
  sqlite::Database& db_;
  Vocabulary vocabulary_;
};

// One query on its own (the vocabulary is loaded for it).
Expected<std::vector<SearchHit>> search(sqlite::Database& db, std::string_view query, int limit = 20);

// Empties and refills the index from the content tables. Runs inside the caller's transaction.
Status rebuild_search_index(sqlite::Database& db);

// The index travels in the bundle: khlang-admin pack builds it (tokenizing is most of the cost,
// and the office PC does it once), and the import copies it in. pack_search_index fills the
// bundle's index tables (packed_index_schema_sql) and records the tokenizer that cut it.
Status pack_search_index(sqlite::Database& bundle);
const char* packed_index_schema_sql();
// After an import into `db`, with the bundle attached as `bundle_schema`, in the import's
// transaction: takes the bundle's index if this kiosk's tokenizer would cut the same words, else
// builds it here. A taken index must pass FTS5's integrity-check (a damaged one made every search
// fail with "vtable constructor failed" until the next import); if it does not, the kiosk builds
// the index itself and says why in `note`.
enum class IndexSource { Packed, BuiltForTokenizer, BuiltForDamage };
struct TakenIndex {
  IndexSource source = IndexSource::Packed;
  std::string note;  // why the kiosk built the index itself (BuiltForDamage), for the import log
};
Expected<TakenIndex> take_search_index(sqlite::Database& db, const std::string& bundle_schema);

// The schema of the kiosk's index (kiosk migration 2).
const char* search_schema_sql();

}  // namespace khlang::search

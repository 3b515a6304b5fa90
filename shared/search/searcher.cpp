// Queries in tiers, a correction when nothing matches, snippets. The index itself is built in
// search_index.cpp.
//
// A query, capped, is cut into words where the visitor put spaces; each word is tokenized as the
// index is and searched as a phrase of its tokens (ความรู้ is ความ+รู้ to libthai; UTF-8 is utf+8).
// Tiers, best first, each over the query's other words as phrases and its last word as:
//   Word      the phrase itself;
//   Compound  index words holding it on syllable boundaries (ชื่อ: รายชื่อ);
//   Prefix    index words starting with it, the word being typed (กา: การ, กาย);
//   Inside    index words holding it anywhere else (ชื่อ: เชื่อม).
// In each tier title matches come first, then body matches, each ordered by bm25 (rank.h) over
// at most kTierCandidates of the tier's documents. A tier runs only while the ones above it left
// room. Query words are expanded through the vocabulary (vocabulary.h), never with FTS5's `*`:
// FTS5 merges a prefix's whole doclist before it returns a row (170 ms for การจัดกา at 100,000
// articles), while a list of words is read lazily, up to the LIMIT.
#include <sqlite3.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <unordered_set>

#include "search/documents.h"
#include "search/rank.h"
#include "search/search_index.h"
#include "search/thai_words.h"
#include "search/tokenizer.h"
#include "text/normalize.h"
#include "text/segment.h"
#include "text/thai_chars.h"
#include "text/utf8.h"

namespace khlang::search {
namespace {

constexpr int kTierCandidates = 100;     // documents of a tier (titles, then bodies) ranked by bm25
constexpr int kWindow = 100;             // documents holding a tier's tokens checked at a time
constexpr int kWindows = 20;             // windows at most: 2,000 documents holding a tier's tokens
constexpr int kEmptyWindows = 3;         // windows in a row without a match end the search: its phrase is rare
constexpr size_t kExpansions = 16;       // index words tried for a compound, an inside match or a tail
constexpr size_t kReadings = 4;          // readings of the word being typed
constexpr size_t kPrefixPhrases = 8;     // phrases of the prefix tier: the most common completions
constexpr size_t kSuggestions = 6;       // chips offered
constexpr size_t kFewHits = 3;           // fewer hits than this: offer the nearest words too
constexpr size_t kRespellings = 8;       // respellings of a word tried against the index

struct QueryWord {
  std::string source;               // as typed: its tokens and what stood between them
  std::vector<std::string> tokens;  // normalized, as the index holds them
  std::vector<std::pair<size_t, size_t>> spans;  // each token's bytes in `source`
  std::string text;                 // the tokens joined
  std::u32string letters;           // `text` as code points
};

// "token" quoted for an FTS5 query: inside quotes FTS5 syntax is only text.
std::string quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

bool is_query_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The query, capped, as words: tokens that stood together (no space between them) make one word.
std::vector<QueryWord> parse_query(std::string_view query) {
  std::u32string cps = text::decode_utf8(query);
  if (cps.size() > kMaxQueryCodePoints) {
    size_t cut = kMaxQueryCodePoints;
    while (cut > 0 && text::extends_cluster(cps[cut])) --cut;  // whole clusters only
    cps.resize(cut);
  }
  const std::string capped = text::encode_utf8(cps);
  std::vector<QueryWord> words;
  int previous_end = -1;
  for (const Token& t : tokenize(capped)) {
    bool joins = previous_end >= 0;
    for (int b = std::max(previous_end, 0); joins && b < t.begin; ++b) joins = !is_query_space(capped[static_cast<size_t>(b)]);
    if (!joins) {
      if (words.size() == kMaxQueryWords) break;
      words.emplace_back();
    }
    QueryWord& w = words.back();
    const size_t from = joins ? static_cast<size_t>(previous_end) : static_cast<size_t>(t.begin);
    w.source += capped.substr(from, static_cast<size_t>(t.end) - from);
    w.spans.emplace_back(w.source.size() - static_cast<size_t>(t.end - t.begin), w.source.size());
    w.tokens.push_back(t.text);
    w.text += t.text;
    previous_end = t.end;
  }
  for (QueryWord& w : words) w.letters = text::decode_utf8(w.text);
  return words;
}

// The number of words in `query`, uncapped: tokens with no space between them make one.
size_t count_words(std::string_view query) {
  size_t words = 0;
  int previous_end = -1;
  for (const Token& t : tokenize(query)) {
    bool joins = previous_end >= 0;
    for (int b = std::max(previous_end, 0); joins && b < t.begin; ++b) joins = !is_query_space(query[static_cast<size_t>(b)]);
    if (!joins) ++words;
    previous_end = t.end;
  }
  return words;
}

QueryWord word_from_term(const std::string& term) {
  return {term, {term}, {{0, term.size()}}, term, text::decode_utf8(term)};
}

// `word` with its tokens replaced where `replacement` has a term (what stood between them kept).
QueryWord with_tokens_replaced(const QueryWord& word, const std::vector<std::string>& replacement) {
  QueryWord out;
  size_t at = 0;
  for (size_t i = 0; i < word.tokens.size(); ++i) {
    const auto [b, e] = word.spans[i];
    out.source += word.source.substr(at, b - at);
    const std::string& token = replacement[i].empty() ? word.tokens[i] : replacement[i];
    out.spans.emplace_back(out.source.size(), out.source.size() + token.size());
    out.source += token;
    out.tokens.push_back(token);
    out.text += token;
    at = e;
  }
  out.letters = text::decode_utf8(out.text);
  return out;
}

// A way to read the word being typed: index words, then the start of one more.
struct Reading {
  std::vector<std::string> head;
  std::u32string tail;
};

// Readings of `letters` whose head pieces are words of the vocabulary and whose tail starts one:
// the whole word as the start of one index word (การจัดกา: การจัดการ), or การ + จัดกา (จัดการ),
// as libthai's cut of a finished word may differ from its cut of the unfinished one (การ|จัด|กา).
// Longest pieces first, at most `limit`; positions that lead nowhere are remembered, so the work
// is at most letters x kMaxPiece lookups.
std::vector<Reading> readings(const Vocabulary& vocabulary, std::u32string_view letters, size_t limit) {
  constexpr size_t kMaxPiece = 24;
  std::vector<Reading> out;
  std::vector<bool> dead(letters.size() + 1, false);
  std::vector<std::string> head;
  std::function<bool(size_t)> from = [&](size_t i) {
    if (dead[i] || out.size() >= limit) return false;
    bool found = false;
    if (vocabulary.has_prefix(text::encode_utf8(letters.substr(i)))) {
      out.push_back({head, std::u32string(letters.substr(i))});
      found = true;
    }
    for (size_t j = std::min(letters.size() - 1, i + kMaxPiece); j > i && out.size() < limit; --j) {
      std::string piece = text::encode_utf8(letters.substr(i, j - i));
      if (!vocabulary.find(piece)) continue;
      head.push_back(std::move(piece));
      found = from(j) || found;
      head.pop_back();
    }
    if (!found) dead[i] = true;
    return found;
  };
  if (!letters.empty()) from(0);
  return out;
}

std::string phrase_of(const std::vector<std::string>& tokens) {
  std::string joined;
  for (const std::string& t : tokens) joined += (joined.empty() ? "" : " ") + t;
  return quoted(joined);
}

struct Candidate {
  int64_t id;
  double score;
  MatchKind match;
  bool in_title;
};

// A phrase of a query: its tokens and its inverse document frequency.
struct Phrase {
  std::vector<std::string> tokens;
  double idf;
};

// A tier's query for FTS5: the documents holding its tokens (no positions), and the SPEC by which
// khlang_match checks its phrases on each of them (rank.h), with the phrases' idf in order.
struct Expression {
  std::string tokens;  // the FTS5 expression
  std::string spec;
  std::vector<double> idf;
  int numbered = 0;    // quoted tokens so far: FTS5 numbers them in order

  // `p`'s tokens ANDed, and their numbers for the SPEC.
  std::string all_of(const Phrase& p, std::string& numbers) {
    std::string out;
    for (const std::string& t : p.tokens) {
      out += (out.empty() ? "" : " AND ") + quoted(t);
      numbers += (numbers.empty() ? "" : ",") + std::to_string(numbered++);
    }
    idf.push_back(p.idf);
    return p.tokens.size() > 1 ? "(" + out + ")" : out;
  }
  void add_phrase(const Phrase& p) {
    std::string numbers;
    tokens += (tokens.empty() ? "" : " AND ") + all_of(p, numbers);
    spec += (spec.empty() ? "" : ";") + numbers;
  }
  void add_any(const std::vector<Phrase>& phrases) {
    std::string group, slot;
    for (const Phrase& p : phrases) {
      std::string numbers;
      group += (group.empty() ? "(" : " OR ") + all_of(p, numbers);
      slot += (slot.empty() ? "" : "|") + numbers;
    }
    tokens += (tokens.empty() ? "" : " AND ") + group + ")";
    spec += (spec.empty() ? "" : ";") + slot;
  }
};

void make_snippet(const std::string& body, const std::vector<std::string>& needles, size_t clusters, SearchHit& hit);

class QueryRun {
 public:
  QueryRun(sqlite::Database& db, const Vocabulary& vocabulary, int limit, int64_t total_docs)
      : db_(db), vocabulary_(vocabulary), limit_(limit), total_docs_(total_docs) {}

  // The tiers for `words`, as far as `limit` needs; `whole_words_only` for a single letter.
  Status run(const std::vector<QueryWord>& words, bool whole_words_only) {
    Expression earlier;
    for (size_t i = 0; i + 1 < words.size(); ++i) {
      auto idf = phrase_idf(words[i].tokens);
      if (!idf) return idf.error();
      earlier.add_phrase({words[i].tokens, idf.value()});
    }
    const QueryWord& last = words.back();
    {
      Expression e = earlier;
      auto idf = phrase_idf(last.tokens);
      if (!idf) return idf.error();
      e.add_phrase({last.tokens, idf.value()});
      if (auto s = run_tier(e, MatchKind::Word); !s) return s;
    }
    if (whole_words_only || full()) return Ok{};

    // Index words holding the last word after their first letter: members of a compound when it
    // stands on syllable boundaries, else inside matches.
    std::vector<Phrase> compound, inside;
    for (const VocabularyWord* w : vocabulary_.holding(last.letters, SIZE_MAX)) {
      const std::u32string_view t = w->letters;
      bool on_syllables = false;
      for (size_t at = t.find(last.letters, 1); at != std::u32string_view::npos && !on_syllables;
           at = t.find(last.letters, at + 1)) {
        on_syllables = may_start_syllable(t, at) && may_start_syllable(t, at + last.letters.size());
      }
      auto& list = on_syllables ? compound : inside;
      if (list.size() < kExpansions) list.push_back({{w->text}, idf_of(w->docs)});
    }
    if (!compound.empty()) {
      Expression e = earlier;
      e.add_any(compound);
      if (auto s = run_tier(e, MatchKind::Compound); !s) return s;
    }
    if (full()) return Ok{};
    auto prefixes = prefix_phrases(last);
    if (!prefixes) return prefixes.error();
    if (!prefixes->empty()) {
      Expression e = earlier;
      e.add_any(prefixes.value());
      if (auto s = run_tier(e, MatchKind::Prefix); !s) return s;
    }
    if (!inside.empty() && !full()) {
      Expression e = earlier;
      e.add_any(inside);
      if (auto s = run_tier(e, MatchKind::Inside); !s) return s;
    }
    return Ok{};
  }

  bool full() const { return static_cast<int>(found_.size()) >= limit_; }
  const std::vector<Candidate>& found() const { return found_; }

  // Whether `word` alone matches any document as a word.
  Expected<bool> matches_anything(const QueryWord& word) {
    QueryRun probe(db_, vocabulary_, 1, total_docs_);
    KHLANG_TRY(probe.run({word}, true));
    return !probe.found().empty();
  }

 private:
  double idf_of(int64_t docs) const { return inverse_document_frequency(docs, total_docs_); }

  Expected<int64_t> docs_of(const std::string& token) {
    if (const VocabularyWord* w = vocabulary_.find(token)) return w->docs;
    auto stmt = db_.prepare("SELECT docs FROM search_term WHERE term = ?");  // numbers
    if (!stmt) return stmt.error();
    stmt->bind(1, std::string_view(token));
    auto row = stmt->step();
    if (!row) return row.error();
    return row.value() ? stmt->column_int(0) : 0;
  }

  // A phrase is at most as common as its rarest token.
  Expected<double> phrase_idf(const std::vector<std::string>& tokens) {
    int64_t docs = total_docs_;
    for (const std::string& t : tokens) {
      auto d = docs_of(t);
      if (!d) return d.error();
      docs = std::min(docs, d.value());
    }
    return idf_of(docs);
  }

  // Phrases for the last word still being typed: its readings (index words, then the start of
  // one more) completed by the index's most common words that start like the tail, libthai's cut
  // of it completed the same way; when the tail is the letter just typed, the words before it
  // instead (ผู้สูงอ: ผู้ สูง, while อ could start anything).
  Expected<std::vector<Phrase>> prefix_phrases(const QueryWord& last) {
    std::vector<Reading> ways = readings(vocabulary_, last.letters, kReadings);
    ways.push_back({std::vector<std::string>(last.tokens.begin(), last.tokens.end() - 1), text::decode_utf8(last.tokens.back())});
    std::vector<Phrase> found;
    std::unordered_set<std::string> seen;
    // The completed word is cut as the index would cut it (การ จัด การ ความ รู้ and การ จัดการ ความ
    // รู้ are both การจัดการความรู้, which libthai cuts การ|จัดการ|ความ|รู้).
    auto add = [&](const std::vector<std::string>& pieces, double idf) {
      std::string word;
      for (const std::string& p : pieces) word += p;
      std::vector<std::string> tokens;
      for (const Token& t : tokenize(word)) tokens.push_back(t.text);
      if (!tokens.empty() && seen.insert(phrase_of(tokens)).second) found.push_back({std::move(tokens), idf});
    };
    // The words before a one-letter tail first: one letter could start anything.
    for (const Reading& way : ways) {
      if (way.tail.size() == 1 && !way.head.empty()) {
        auto idf = phrase_idf(way.head);
        if (!idf) return idf.error();
        add(way.head, idf.value());
      }
    }
    std::vector<std::pair<std::vector<std::string>, int64_t>> completed;  // pieces, docs of the completion
    for (const Reading& way : ways) {
      if (way.tail.size() == 1 && !way.head.empty()) continue;
      auto completions = completions_of(text::encode_utf8(way.tail));
      if (!completions) return completions.error();
      for (const auto& [term, docs] : completions.value()) {
        std::vector<std::string> pieces = way.head;
        pieces.push_back(term);
        completed.emplace_back(std::move(pieces), docs);
      }
    }
    // The most common completions first, as many as the tier takes.
    std::stable_sort(completed.begin(), completed.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    for (const auto& [pieces, docs] : completed) {
      if (found.size() >= kPrefixPhrases) break;
      auto idf = phrase_idf(pieces);
      if (!idf) return idf.error();
      add(pieces, idf.value());
    }
    return found;
  }

  // Index words starting with `token` and longer, most documents first: from the vocabulary, or
  // for a number from the table (numbers are not in the vocabulary).
  Expected<std::vector<std::pair<std::string, int64_t>>> completions_of(const std::string& token) {
    std::vector<std::pair<std::string, int64_t>> out;
    if (!token.empty() && token[0] >= '0' && token[0] <= '9') {
      auto stmt = db_.prepare("SELECT term, docs FROM search_term WHERE term > ?1 AND term < ?1 || ':' "
                              "ORDER BY docs DESC LIMIT ?2");
      if (!stmt) return stmt.error();
      stmt->bind(1, std::string_view(token)).bind(2, static_cast<int64_t>(kExpansions));
      auto read = stmt->for_each_row([&](const sqlite::Statement& r) {
        std::string term = r.column_text(0);
        if (std::string_view(term).starts_with(token)) out.emplace_back(std::move(term), r.column_int(1));
      });
      if (!read) return read.error();
      return out;
    }
    for (const VocabularyWord* w : vocabulary_.starting_with(token, kExpansions)) out.emplace_back(w->text, w->docs);
    return out;
  }

  // Title matches, then body matches, of `e`, each ranked by bm25 over its first
  // kTierCandidates documents. The documents holding the tier's tokens come kWindow at a time
  // and khlang_match keeps those holding its phrases; at most kWindows windows, and no more after
  // kEmptyWindows without a match, so common words that seldom stand together as the phrase says
  // cost a few hundred documents checked, not the whole index (such a phrase's matches past them
  // are not found: the price of every keystroke answering at once).
  Status run_tier(Expression& e, MatchKind kind) {
    std::string sql = "SELECT rowid, khlang_match(search_words, ?4, ?5";
    for (size_t i = 0; i < e.idf.size(); ++i) sql += ", ?" + std::to_string(i + 6);
    sql += ") FROM search_words WHERE search_words MATCH ?1 AND rowid > ?2 LIMIT ?3";
    auto stmt = db_.prepare(sql);
    if (!stmt) return stmt.error();
    for (const bool title : {true, false}) {
      if (full()) break;
      const std::string match = title ? "{title} : (" + e.tokens + ")" : e.tokens;
      std::vector<Candidate> group;
      int64_t after = 0;
      for (int window = 0, empty = 0; window < kWindows && empty < kEmptyWindows && static_cast<int>(group.size()) < kTierCandidates;
           ++window) {
        const size_t before = group.size();
        stmt->reset();
        stmt->bind(1, std::string_view(match)).bind(2, after).bind(3, static_cast<int64_t>(kWindow));
        stmt->bind(4, std::string_view(e.spec)).bind(5, static_cast<int64_t>(title ? 1 : 0));
        for (size_t i = 0; i < e.idf.size(); ++i) stmt->bind(static_cast<int>(i) + 6, e.idf[i]);
        int rows = 0;
        auto read = stmt->for_each_row([&](const sqlite::Statement& r) {
          const int64_t id = r.column_int(0);
          const double score = r.column_double(1);
          after = id;
          ++rows;
          if (score >= 0 && static_cast<int>(group.size()) < kTierCandidates && seen_.insert(id).second) {
            group.push_back({id, score, kind, title});
          }
        });
        if (!read) return read;
        if (rows < kWindow) break;  // no more documents hold the tokens
        empty = group.size() == before ? empty + 1 : 0;
      }
      std::stable_sort(group.begin(), group.end(), [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
      for (Candidate& c : group) {
        // Higher is better: the tier, then the title, then bm25 (well below 1000).
        c.score += (4 - static_cast<int>(kind)) * 1e4 + (title ? 5e3 : 0);
        found_.push_back(c);
      }
    }
    return Ok{};
  }

  sqlite::Database& db_;
  const Vocabulary& vocabulary_;
  const int limit_;
  const int64_t total_docs_;
  std::vector<Candidate> found_;
  std::unordered_set<int64_t> seen_;
};

// The hits for the first `limit` candidates: kind, route, title and snippet.
Expected<std::vector<SearchHit>> hits_of(sqlite::Database& db, const std::vector<Candidate>& found, int limit,
                                          const std::vector<QueryWord>& words, size_t snippet_clusters) {
  std::vector<std::string> needles;
  for (const QueryWord& w : words) {
    needles.push_back(w.text);
    if (w.tokens.size() > 1) needles.insert(needles.end(), w.tokens.begin(), w.tokens.end());
  }
  std::vector<SearchHit> hits;
  auto doc = db.prepare("SELECT kind, route, title, ref FROM search_doc WHERE id = ?");
  if (!doc) return doc.error();
  for (const Candidate& c : found) {
    if (static_cast<int>(hits.size()) >= limit) break;
    doc->bind(1, c.id);
    auto row = doc->step();
    if (!row) return row.error();
    if (row.value()) {
      const auto kind = find_hit_kind(doc->column_text(0));
      if (!kind) return Error{"search index: a document of unknown kind '" + doc->column_text(0) + "' (import the content again)"};
      const std::string ref = doc->column_text(3);
      KHLANG_TRY_AS(const DocumentRow document, load_document(db, *kind, ref));
      SearchHit hit{*kind, ref, doc->column_text(1), doc->column_text(2), {}, {}, c.score, c.match, c.in_title, document.is_sample};
      make_snippet(document.body, needles, snippet_clusters, hit);
      hits.push_back(std::move(hit));
    }
    doc->reset();
  }
  return hits;
}

// Moves a snippet's ends [from, to) of `t` back to where words start and end, at most a few code
// points each (…ตัวกันอ… came from a cut by clusters), the end staying past `keep`. The breaks
// are libthai's over a window from a space before the snippet to a space after it: libthai cuts
// each run between spaces alone, so the window cuts as the whole text would, at a window's cost.
void cut_at_words(const std::u32string& t, size_t keep, size_t& from, size_t& to) {
  constexpr size_t kReach = 24;   // how far back an end may move
  constexpr size_t kSpaceReach = 200;  // how far to look for a space around the snippet
  const auto space = [&](size_t k) { return t[k] == U' ' || t[k] == U'\n' || t[k] == U'\t'; };
  size_t w0 = from > kReach ? from - kReach : 0;
  for (const size_t limit = w0 > kSpaceReach ? w0 - kSpaceReach : 0; w0 > limit && !space(w0 - 1);) --w0;
  size_t w1 = to;
  for (const size_t limit = std::min(t.size(), to + kSpaceReach); w1 < limit && !space(w1);) ++w1;
  std::vector<size_t> starts;  // where a word may start in [w0, w1]
  if (w0 == 0 || space(w0 - 1)) starts.push_back(w0);
  for (const uint32_t b : text::line_break_offsets(std::u32string_view(t).substr(w0, w1 - w0))) starts.push_back(w0 + b);
  if (w1 < t.size() && space(w1)) starts.push_back(w1);
  const auto last_in = [&](size_t lo, size_t hi) -> std::optional<size_t> {
    std::optional<size_t> found;
    for (const size_t k : starts) {
      if (k >= lo && k <= hi) found = k;
    }
    return found;
  };
  if (from > 0) from = last_in(from > kReach ? from - kReach : 0, from).value_or(from);
  if (to < t.size()) {
    const size_t lo = std::max({keep, from + 1, to > kReach ? to - kReach : 0});
    to = last_in(lo, to).value_or(to);
    while (to > lo && space(to - 1)) --to;  // the "…" follows the word, not a space
  }
}

// A snippet of `body` around the first match of any needle, cut where words start and end (or
// at cluster boundaries where no word ends near), with every match inside it marked.
void make_snippet(const std::string& body, const std::vector<std::string>& needles, size_t length, SearchHit& hit) {
  const text::NormalizedText n = text::normalize(body, text::NormalizeMode::Search);
  const std::u32string& t = n.text;
  std::vector<std::pair<size_t, size_t>> found;  // normalized code point ranges
  for (const std::string& needle_text : needles) {
    const std::u32string needle = text::decode_utf8(needle_text);
    if (needle.empty()) continue;
    for (size_t at = t.find(needle); at != std::u32string::npos; at = t.find(needle, at + needle.size())) {
      found.emplace_back(at, at + needle.size());
    }
  }
  std::sort(found.begin(), found.end());
  const std::vector<uint8_t> clusters = text::find_cluster_boundaries(t);
  auto cluster_back = [&](size_t k, size_t count) {
    for (size_t c = 0; c < count && k > 0; ++c) {
      --k;
      while (k > 0 && !(clusters[k] & text::kClusterStart)) --k;
    }
    return k;
  };
  auto cluster_forward = [&](size_t k, size_t count) {
    for (size_t c = 0; c < count && k < t.size(); ++c) {
      ++k;
      while (k < t.size() && !(clusters[k] & text::kClusterStart)) ++k;
    }
    return k;
  };
  const size_t center = found.empty() ? 0 : found.front().first;
  size_t from = cluster_back(center, found.empty() ? 0 : length / 4);  // a quarter before the match
  size_t to = cluster_forward(from, length);
  cut_at_words(t, found.empty() ? 0 : found.front().second, from, to);
  const uint32_t b0 = n.source_byte(from), b1 = n.source_byte(to);
  hit.snippet = (from > 0 ? "…" : "") + body.substr(b0, b1 - b0) + (to < t.size() ? "…" : "");
  const uint32_t shift = from > 0 ? 3 : 0;  // "…" is three bytes
  for (const auto& [s, e] : found) {
    if (s < from || e > to) continue;
    // Whole clusters only: a match that ends inside a cluster takes the rest of it.
    size_t end = e;
    while (end < t.size() && !(clusters[end] & text::kClusterStart)) ++end;
    const uint32_t mb = n.source_byte(s) - b0 + shift, me = n.source_byte(end) - b0 + shift;
    if (!hit.marks.empty() && mb <= hit.marks.back().second) hit.marks.back().second = std::max(hit.marks.back().second, me);
    else hit.marks.emplace_back(mb, me);
  }
  for (char& c : hit.snippet) {
    if (c == '\n' || c == '\t') c = ' ';
  }
}

// Completions of the word being typed as the content spells them: in the hits' titles and
// snippets, the tokens standing together whose start spells the typed letters and whose last
// token runs past them (การจัดกา: การ|จัดการ, the word การจัดการ). A word that ends where the
// letters end is complete, and the words after it are not its completion. Most frequent first.
void add_completions(const std::vector<SearchHit>& hits, const QueryWord& last, std::vector<std::string>& out) {
  std::vector<std::pair<std::string, int>> counted;
  for (const SearchHit& h : hits) {
    for (const std::string* text : {&h.title, &h.snippet}) {
      const std::vector<Token> tokens = tokenize(*text);
      for (size_t i = 0; i < tokens.size(); ++i) {
        std::string joined;
        for (size_t j = i; j < tokens.size(); ++j) {
          if (j > i && tokens[j].begin != tokens[j - 1].end) break;  // a space or a sign between: another word
          joined += tokens[j].text;
          if (joined.size() < last.text.size()) {
            if (!std::string_view(last.text).starts_with(joined)) break;
            continue;
          }
          if (joined.size() > last.text.size() && std::string_view(joined).starts_with(last.text)) {
            auto it = std::find_if(counted.begin(), counted.end(), [&](const auto& c) { return c.first == joined; });
            if (it == counted.end()) counted.emplace_back(joined, 1);
            else ++it->second;
          }
          break;
        }
      }
    }
  }
  std::stable_sort(counted.begin(), counted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  for (const auto& [word, n] : counted) {
    if (out.size() >= kSuggestions) break;
    if (std::find(out.begin(), out.end(), word) == out.end()) out.push_back(word);
  }
}

}  // namespace

bool fits_query_caps(std::string_view query) {
  return text::decode_utf8(query).size() <= kMaxQueryCodePoints && count_words(query) <= kMaxQueryWords;
}

const char* match_kind_name(MatchKind kind) {
  switch (kind) {
    case MatchKind::Word: return "word";
    case MatchKind::Compound: return "compound";
    case MatchKind::Prefix: return "prefix";
    case MatchKind::Inside: return "inside";
  }
  return "word";
}

Expected<SearchResults> Searcher::search(const SearchRequest& request) {
  SearchResults results;
  std::vector<QueryWord> words = parse_query(request.query);
  size_t letters = 0;
  for (const QueryWord& w : words) letters += w.letters.size();
  if (words.empty() || (letters < 2 && !request.submitted)) return results;
  KHLANG_TRY(vocabulary_.refresh(db_));
  auto total = db_.query_int("SELECT coalesce(max(id), 0) FROM search_doc");
  if (!total) return total.error();

  const bool single_letter = letters < 2;
  QueryRun run(db_, vocabulary_, request.limit, total.value());
  KHLANG_TRY(run.run(words, single_letter));
  std::vector<QueryWord> searched = words;

  std::vector<Candidate> found = run.found();
  if (found.empty() && !single_letter) {
    // Did you mean: each word that finds nothing alone becomes the index's nearest word to it.
    std::vector<QueryWord> corrected = words;
    bool changed = false;
    for (QueryWord& w : corrected) {
      auto any = run.matches_anything(w);
      if (!any) return any.error();
      if (any.value()) continue;
      if (const auto nearest = vocabulary_.nearest(w.letters, 1); !nearest.empty()) {
        w = word_from_term(nearest.front()->text);
        changed = true;
        continue;
      }
      // A word of several index words with one letter slipped (ประเมิณผล: ประเมิน ผล): the
      // spellings with a similar letter that cut into index words, fewest words first, the first
      // that finds something.
      std::vector<QueryWord> respelt;
      for (const std::u32string& v : similar_spellings(w.letters)) {
        std::vector<QueryWord> parsed = parse_query(text::encode_utf8(v));
        if (parsed.size() != 1) continue;
        const bool known = std::all_of(parsed[0].tokens.begin(), parsed[0].tokens.end(), [&](const std::string& t) {
          return vocabulary_.find(t) || (t[0] >= '0' && t[0] <= '9');
        });
        if (known) respelt.push_back(std::move(parsed[0]));
      }
      std::stable_sort(respelt.begin(), respelt.end(),
                       [](const QueryWord& a, const QueryWord& b) { return a.tokens.size() < b.tokens.size(); });
      bool respelt_found = false;
      for (size_t i = 0; i < respelt.size() && i < kRespellings && !respelt_found; ++i) {
        auto finds = run.matches_anything(respelt[i]);
        if (!finds) return finds.error();
        if (finds.value()) {
          w = std::move(respelt[i]);
          changed = respelt_found = true;
        }
      }
      if (respelt_found) continue;
      // Else each token the index does not hold (ชุมชน|นัก|ปฏิบัด: ปฏิบัติ); numbers stay.
      std::vector<std::string> replacement(w.tokens.size());
      for (size_t i = 0; i < w.tokens.size(); ++i) {
        const std::string& t = w.tokens[i];
        if (vocabulary_.find(t) || (t[0] >= '0' && t[0] <= '9')) continue;
        if (const auto nearest = vocabulary_.nearest(text::decode_utf8(t), 1); !nearest.empty()) {
          replacement[i] = nearest.front()->text;
          changed = true;
        }
      }
      w = with_tokens_replaced(w, replacement);
    }
    if (changed) {
      QueryRun again(db_, vocabulary_, request.limit, total.value());
      KHLANG_TRY(again.run(corrected, false));
      if (!again.found().empty()) {
        for (const QueryWord& w : corrected) results.corrected_query += (results.corrected_query.empty() ? "" : " ") + w.source;
        found = again.found();
        searched = corrected;
      }
    }
  }
  auto hits = hits_of(db_, found, request.limit, searched, request.snippet_clusters);
  if (!hits) return hits.error();
  results.hits = std::move(hits.value());

  // Chips for the word as the visitor typed it: its completions (index words that start with it,
  // then words of the hits that run on from it), and its nearest words when there are few hits (a
  // correction among them).
  const QueryWord& last = words.back();
  for (const VocabularyWord* w : vocabulary_.starting_with(last.text, kSuggestions)) results.suggestions.push_back(w->text);
  if (results.suggestions.size() < kSuggestions) add_completions(results.hits, last, results.suggestions);
  if (results.hits.size() < kFewHits) {
    for (const VocabularyWord* w : vocabulary_.nearest(last.letters, kSuggestions)) {
      if (results.suggestions.size() >= kSuggestions) break;
      // Typed past it already (ความ for ความรู้), unless it ends inside a cluster (อนุญาต for อนุญาติ).
      const size_t n = w->letters.size();
      if (std::u32string_view(last.letters).starts_with(w->letters) && (n == last.letters.size() || !text::extends_cluster(last.letters[n]))) {
        continue;
      }
      if (std::find(results.suggestions.begin(), results.suggestions.end(), w->text) == results.suggestions.end()) {
        results.suggestions.push_back(w->text);
      }
    }
  }
  return results;
}

Expected<std::vector<SearchHit>> search(sqlite::Database& db, std::string_view query, int limit) {
  Searcher searcher(db);
  auto results = searcher.search({query, limit, false});
  if (!results) return results.error();
  // Hits for a correction are shown only with the correction said (SearchResults): none here.
  if (!results->corrected_query.empty()) return std::vector<SearchHit>{};
  return std::move(results->hits);
}

}  // namespace khlang::search

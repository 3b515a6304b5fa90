#include "search/search_index.h"

#include <algorithm>
#include <unordered_set>

#include "content/markdown.h"
#include "search/tokenizer.h"
#include "text/normalize.h"
#include "text/segment.h"
#include "text/utf8.h"

namespace khlang::search {
namespace {

constexpr size_t kSnippetClusters = 48;  // about a line of text on each side of the match

std::string plain_text(const std::string& markdown) {
  auto doc = content::parse_markdown(markdown);
  if (!doc) return markdown;
  std::string out;
  for (const content::MarkdownBlock& b : doc->blocks) {
    if (!b.content.text.empty()) out += b.content.text + "\n";
    for (const auto& row : b.rows) {
      for (const auto& cell : row) out += cell.text + " ";
      out += "\n";
    }
    if (!b.image_alt.empty()) out += b.image_alt + "\n";
  }
  return out;
}

std::string join(std::initializer_list<std::string> parts) {
  std::string out;
  for (const std::string& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += "\n";
    out += p;
  }
  return out;
}

// "token" quoted for an FTS5 query.
std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

struct Ranked {
  int64_t id;
  double score;
  bool whole_word;
};

// The first `limit` matches of `match`, in FTS5's order (it stops as soon as it has them).
Status query_index(store::Database& db, const char* table, const std::string& match, int limit, bool whole_word,
                   std::vector<Ranked>& out, std::unordered_set<int64_t>& seen) {
  auto stmt = db.prepare(std::string("SELECT rowid FROM ") + table + " WHERE " + table + " MATCH ? LIMIT ?");
  if (!stmt) return stmt.error();
  stmt->bind(1, std::string_view(match)).bind(2, static_cast<int64_t>(limit));
  return stmt->for_each_row([&](const store::Statement& row) {
    const int64_t id = row.column_int(0);
    // The score falls with the tier and the place in it: higher is better.
    if (seen.insert(id).second) out.push_back({id, 1000.0 - static_cast<double>(out.size()), whole_word});
  });
}

// A snippet of `body` around the first match of any token, cut at cluster boundaries, with every
// match inside it marked.
void make_snippet(const std::string& body, const std::vector<Token>& tokens, SearchHit& hit) {
  const text::NormalizedText n = text::normalize(body, text::NormalizeMode::Search);
  const std::u32string& t = n.text;
  std::vector<std::pair<size_t, size_t>> found;  // normalized code point ranges
  for (const Token& tok : tokens) {
    const std::u32string needle = text::decode_utf8(tok.text);
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
  const size_t from = cluster_back(center, found.empty() ? 0 : kSnippetClusters / 2);
  const size_t to = cluster_forward(from, kSnippetClusters * 2);
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

}  // namespace

const char* search_schema_sql() {
  return "CREATE TABLE search_doc (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, route TEXT NOT NULL, "
         "title TEXT NOT NULL, body TEXT NOT NULL);"
         "CREATE VIRTUAL TABLE search_words USING fts5(title, body, content='', tokenize='khlang_words', "
         "prefix='2 3');"
         "CREATE VIRTUAL TABLE search_grams USING fts5(title, body, content='', tokenize='khlang_grams');"
         "CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_words, row);";
}

Status rebuild_search_index(store::Database& db) {
  if (auto s = db.exec("DELETE FROM search_doc; INSERT INTO search_words(search_words) VALUES('delete-all');"
                       "INSERT INTO search_grams(search_grams) VALUES('delete-all');");
      !s) {
    return s;
  }
  auto insert = db.prepare("INSERT INTO search_doc (kind, route, title, body) VALUES (?, ?, ?, ?)");
  if (!insert) return insert.error();
  Status inserted = Ok{};
  auto add = [&](const std::string& kind, const std::string& route, const std::string& title, const std::string& body) {
    if (!inserted) return;
    insert->bind_all(std::string_view(kind), std::string_view(route), std::string_view(title), std::string_view(body));
    inserted = insert->run();
  };
  struct Source {
    const char* sql;
    void (*row)(const store::Statement&, decltype(add)&);
  };
  const Source sources[] = {
      {"SELECT id, title, summary, body_md, tags FROM article",
       [](const store::Statement& r, decltype(add)& a) {
         a("article", "article:" + r.column_text(0), r.column_text(1),
           join({r.column_text(2), plain_text(r.column_text(3)), r.column_text(4)}));
       }},
      {"SELECT id, title, body_md FROM announcement",
       [](const store::Statement& r, decltype(add)& a) {
         a("announcement", "announcement:" + r.column_text(0), r.column_text(1), plain_text(r.column_text(2)));
       }},
      {"SELECT name_th, name_en, position, department, expertise, km_duty FROM person",
       [](const store::Statement& r, decltype(add)& a) {
         a("person", "people", r.column_text(1).empty() ? r.column_text(0) : r.column_text(0) + " / " + r.column_text(1),
           join({r.column_text(2), r.column_text(3), r.column_text(4), r.column_text(5)}));
       }},
      {"SELECT plan_id, activity, method, indicator, target, responsible FROM plan_activity",
       [](const store::Statement& r, decltype(add)& a) {
         a("activity", "plan:" + r.column_text(0), r.column_text(1),
           join({r.column_text(2), r.column_text(3), r.column_text(4), r.column_text(5)}));
       }},
      {"SELECT name, topic, description, meeting_schedule FROM community",
       [](const store::Statement& r, decltype(add)& a) {
         a("community", "people", r.column_text(0), join({r.column_text(1), r.column_text(2), r.column_text(3)}));
       }},
  };
  for (const Source& source : sources) {
    auto stmt = db.prepare(source.sql);
    if (!stmt) return stmt.error();
    if (auto s = stmt->for_each_row([&](const store::Statement& r) { source.row(r, add); }); !s) return s;
    if (!inserted) return inserted;
  }
  return db.exec(
      "INSERT INTO search_words (rowid, title, body) SELECT id, title, body FROM search_doc;"
      "INSERT INTO search_grams (rowid, title, body) SELECT id, title, body FROM search_doc;");
}

Expected<std::vector<SearchHit>> search(store::Database& db, std::string_view query, int limit) {
  // The query's words as the visitor typed them (spaces apart), each searched as a phrase of its
  // tokens: ความรู้ is ความ+รู้ to libthai, and must not match ความ ... รู้ far apart.
  std::vector<std::string> qwords;
  std::vector<Token> needles;  // for the snippet: each query word, normalized
  for (const Token& t : tokenize(query, TokenKind::Words)) {
    const std::string_view source = query.substr(static_cast<size_t>(t.begin), static_cast<size_t>(t.end - t.begin));
    const bool joins_previous = !qwords.empty() && t.begin > 0 && query[static_cast<size_t>(t.begin) - 1] != ' ';
    if (joins_previous) {
      qwords.back() += std::string(source);
      needles.back().text += t.text;
    } else {
      qwords.emplace_back(source);
      needles.push_back(t);
    }
  }
  // One letter matches half the index as a prefix: wait for the second (as search boxes do).
  size_t letters = 0;
  for (const Token& n : needles) letters += text::decode_utf8(n.text).size();
  if (qwords.empty() || letters < 2) return std::vector<SearchHit>{};
  std::string exact, grams;
  for (const std::string& w : qwords) {
    exact += (exact.empty() ? "" : " ") + quoted(w);
    if (!tokenize(w, TokenKind::ClusterPairs).empty()) grams += (grams.empty() ? "" : " ") + quoted(w);
  }
  const std::string prefix = exact + "*";  // the last word may be unfinished
  // Tiers, best first: whole words, then a word's beginning, then inside words (ความรู้ above
  // ความรู้สึก above a compound holding ความรู้); in each, title matches before body matches.
  // Within a tier FTS5's order is kept: bm25 would score every match, and a common Thai word
  // matches most of the index (measured: 20 ms a query instead of 1 ms).
  struct Tier {
    const char* table;
    std::string match;
    bool whole_word;
  };
  std::vector<Tier> tiers = {{"search_words", "{title} : (" + exact + ")", true}, {"search_words", exact, true}};
  // A word cut after one letter (การจัดก) would expand to every word starting with it: the
  // pairs tier finds such a beginning far cheaper.
  const std::vector<Token> last_tokens = tokenize(qwords.back(), TokenKind::Words);
  const bool short_tail = last_tokens.size() > 1 && text::decode_utf8(last_tokens.back().text).size() < 2;
  if (!short_tail) {
    tiers.push_back({"search_words", "{title} : (" + prefix + ")", true});
    tiers.push_back({"search_words", prefix, true});
  }
  if (!grams.empty()) {
    tiers.push_back({"search_grams", "{title} : (" + grams + ")", false});
    tiers.push_back({"search_grams", grams, false});
  }
  std::vector<Ranked> ranked;
  std::unordered_set<int64_t> seen;
  for (const Tier& tier : tiers) {
    if (static_cast<int>(ranked.size()) >= limit) break;
    if (auto s = query_index(db, tier.table, tier.match, limit, tier.whole_word, ranked, seen); !s) return s.error();
  }
  std::vector<SearchHit> hits;
  auto doc = db.prepare("SELECT kind, route, title, body FROM search_doc WHERE id = ?");
  if (!doc) return doc.error();
  for (const Ranked& r : ranked) {
    if (static_cast<int>(hits.size()) >= limit) break;
    doc->bind(1, r.id);
    auto row = doc->step();
    if (!row) return row.error();
    if (row.value()) {
      SearchHit hit{doc->column_text(0), doc->column_text(1), doc->column_text(2), {}, {}, r.score, r.whole_word};
      make_snippet(doc->column_text(3), needles, hit);
      hits.push_back(std::move(hit));
    }
    doc->reset();
  }
  return hits;
}

Expected<std::vector<std::string>> suggest_words(store::Database& db, std::string_view query, int limit) {
  const std::vector<Token> words = tokenize(query, TokenKind::Words);
  if (words.empty()) return std::vector<std::string>{};
  const std::string& last = words.back().text;
  auto stmt = db.prepare("SELECT term FROM search_vocab WHERE term >= ? AND term < ? AND term != ? ORDER BY doc DESC LIMIT ?");
  if (!stmt) return stmt.error();
  stmt->bind(1, std::string_view(last)).bind(2, last + "\xF4\x8F\xBF\xBF").bind(3, std::string_view(last));
  stmt->bind(4, static_cast<int64_t>(limit));
  std::vector<std::string> out;
  auto read = stmt->for_each_row([&](const store::Statement& r) { out.push_back(r.column_text(0)); });
  if (!read) return read.error();
  return out;
}

}  // namespace khlang::search

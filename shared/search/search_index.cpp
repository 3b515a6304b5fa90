#include "search/search_index.h"

#include <algorithm>
#include <optional>
#include <unordered_set>

#include <sqlite3.h>

#include "content/markdown.h"
#include "search/tokenizer.h"
#include "text/normalize.h"
#include "text/segment.h"
#include "text/utf8.h"

namespace khlang::search {
namespace {

constexpr size_t kSnippetClusters = 48;  // about a line of text on each side of the match
constexpr int kInsideTerms = 24;         // index words tried for a query word found inside them

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
Status query_index(sqlite::Database& db, const std::string& match, int limit, bool whole_word, std::vector<Ranked>& out,
                   std::unordered_set<int64_t>& seen) {
  auto stmt = db.prepare("SELECT rowid FROM search_words WHERE search_words MATCH ? LIMIT ?");
  if (!stmt) return stmt.error();
  stmt->bind(1, std::string_view(match)).bind(2, static_cast<int64_t>(limit));
  return stmt->for_each_row([&](const sqlite::Statement& row) {
    const int64_t id = row.column_int(0);
    // The score falls with the tier and the place in it: higher is better.
    if (seen.insert(id).second) out.push_back({id, 1000.0 - static_cast<double>(out.size()), whole_word});
  });
}

// An FTS5 query matching the query words or index words holding them: (w1 OR t1 OR ...) AND
// (w2 OR ...); empty when no index word holds any of them.
Expected<std::string> inside_word_match(sqlite::Database& db, const std::vector<std::string>& qwords,
                                        const std::vector<Token>& needles) {
  std::string inside;
  bool any_inside = false;
  auto holding = db.prepare("SELECT term FROM search_term WHERE instr(term, ?1) > 1 ORDER BY docs DESC LIMIT ?2");
  if (!holding) return holding.error();
  for (size_t i = 0; i < qwords.size(); ++i) {
    std::string group = quoted(qwords[i]);
    holding->bind(1, std::string_view(needles[i].text)).bind(2, static_cast<int64_t>(kInsideTerms));
    auto read = holding->for_each_row([&](const sqlite::Statement& r) {
      group += " OR " + quoted(r.column_text(0));
      any_inside = true;
    });
    if (!read) return read.error();
    holding->reset();
    inside += (inside.empty() ? "(" : " AND (") + group + ")";  // FTS5 wants AND between groups
  }
  return any_inside ? inside : std::string();
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

namespace {

// One row per indexed document; its number is the index's rowid, ref the content row's id.
constexpr const char* kSearchDocColumns =
    "(id INTEGER PRIMARY KEY, kind TEXT NOT NULL, ref TEXT NOT NULL, route TEXT NOT NULL, title TEXT NOT NULL)";
// The word index, and its vocabulary with how many documents hold each word (for words found
// inside others and for suggestions). No prefix index: it would triple the index, which travels
// in every bundle, and prefix queries stay within their target without it.
std::string words_table_sql(const char* schema) {
  return std::string("CREATE VIRTUAL TABLE ") + schema +
         ".search_words USING fts5(title, body, content='', tokenize='khlang_words');";
}
constexpr const char* kTermTableSql =
    "CREATE TABLE search_term (term TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;";
// A bundle holds no virtual table (its schema may only have plain tables), so the index travels
// as copies of FTS5's own tables (contentless: no _content), in FTS5's documented layout.
struct PackedTable {
  const char* fts5;    // search_words_<part> on the kiosk
  const char* packed;  // its copy in a bundle
  const char* columns;
};
constexpr PackedTable kPackedTables[] = {
    {"search_words_data", "packed_words_data", "(id INTEGER PRIMARY KEY, block BLOB)"},
    {"search_words_idx", "packed_words_idx", "(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID"},
    {"search_words_docsize", "packed_words_docsize", "(id INTEGER PRIMARY KEY, sz BLOB)"},
    {"search_words_config", "packed_words_config", "(k PRIMARY KEY, v) WITHOUT ROWID"},
};

// Each kind of content: a SELECT whose first column is the row's id (ORDER BY id or WHERE id = ?
// is appended), where the kiosk shows a row and its title, and the text the index takes from it
// (apart, since a kiosk taking a packed index needs no text).
struct Source {
  HitKind kind;
  const char* select;
  std::string (*route)(const sqlite::Statement&);
  std::string (*title)(const sqlite::Statement&);
  std::string (*body)(const sqlite::Statement&);
};
using Row = const sqlite::Statement&;
const Source kSources[] = {
    {HitKind::Article, "SELECT id, title, summary, body_md, tags FROM article",
     [](Row r) { return "article:" + r.column_text(0); }, [](Row r) { return r.column_text(1); },
     [](Row r) { return join({r.column_text(2), plain_text(r.column_text(3)), r.column_text(4)}); }},
    {HitKind::Announcement, "SELECT id, title, body_md FROM announcement",
     [](Row r) { return "announcement:" + r.column_text(0); }, [](Row r) { return r.column_text(1); },
     [](Row r) { return plain_text(r.column_text(2)); }},
    {HitKind::Person, "SELECT id, name_th, name_en, position, department, expertise, km_duty FROM person",
     [](Row) { return std::string("people"); },
     [](Row r) { return r.column_text(2).empty() ? r.column_text(1) : r.column_text(1) + " / " + r.column_text(2); },
     [](Row r) { return join({r.column_text(3), r.column_text(4), r.column_text(5), r.column_text(6)}); }},
    {HitKind::Activity, "SELECT id, plan_id, activity, method, indicator, target, responsible FROM plan_activity",
     [](Row r) { return "plan:" + r.column_text(1); }, [](Row r) { return r.column_text(2); },
     [](Row r) { return join({r.column_text(3), r.column_text(4), r.column_text(5), r.column_text(6)}); }},
    {HitKind::Community, "SELECT id, name, topic, description, meeting_schedule FROM community",
     [](Row) { return std::string("people"); }, [](Row r) { return r.column_text(1); },
     [](Row r) { return join({r.column_text(2), r.column_text(3), r.column_text(4)}); }},
};

// Numbers the documents 1..N in a fixed order into search_doc: an index packed into a bundle
// refers to them by that number, and the kiosk numbers its own the same way. With `text`, their
// text also goes to temp.search_text for index_search_text.
Status fill_search_doc(sqlite::Database& db, bool text) {
  if (auto s = db.exec("DELETE FROM search_doc"); !s) return s;
  if (text) {
    if (auto s = db.exec("CREATE TEMP TABLE IF NOT EXISTS search_text (id INTEGER PRIMARY KEY, title TEXT, body TEXT);"
                         "DELETE FROM temp.search_text");
        !s) {
      return s;
    }
  }
  auto add_doc = db.prepare("INSERT INTO search_doc (kind, ref, route, title) VALUES (?, ?, ?, ?)");
  if (!add_doc) return add_doc.error();
  std::optional<sqlite::Statement> add_text;
  if (text) {
    auto stmt = db.prepare("INSERT INTO temp.search_text (id, title, body) VALUES (?, ?, ?)");
    if (!stmt) return stmt.error();
    add_text.emplace(std::move(stmt.value()));
  }
  for (const Source& source : kSources) {
    auto rows = db.prepare(std::string(source.select) + " ORDER BY id");
    if (!rows) return rows.error();
    Status added = Ok{};
    auto read = rows->for_each_row([&](const sqlite::Statement& r) {
      if (!added) return;
      const std::string title = source.title(r);
      add_doc->bind_all(hit_kind_name(source.kind), r.column_text(0), source.route(r), std::string_view(title));
      added = add_doc->run();
      if (added && add_text) {
        add_text->bind_all(db.last_insert_rowid(), std::string_view(title), source.body(r));
        added = add_text->run();
      }
    });
    if (!read) return read;
    if (!added) return added;
  }
  return Ok{};
}

// The text of one document, for its snippet (the index keeps no text of its own).
Expected<std::string> document_body(sqlite::Database& db, HitKind kind, const std::string& ref) {
  for (const Source& source : kSources) {
    if (kind != source.kind) continue;
    auto row = db.prepare(std::string(source.select) + " WHERE id = ?");
    if (!row) return row.error();
    row->bind(1, std::string_view(ref));
    auto found = row->step();
    if (!found) return found.error();
    return found.value() ? source.body(row.value()) : std::string();
  }
  return std::string();
}

// Tokenizes temp.search_text into `schema`.search_words (the costly part: libthai on every
// word), then lists its vocabulary in search_term.
Status index_search_text(sqlite::Database& db, const std::string& schema) {
  return db.exec("INSERT INTO " + schema + ".search_words(search_words) VALUES('delete-all');"
                 "INSERT INTO " + schema + ".search_words (rowid, title, body) SELECT id, title, body FROM temp.search_text;"
                 "DROP TABLE temp.search_text;"
                 "CREATE VIRTUAL TABLE temp.search_vocab USING fts5vocab(" + schema + ", search_words, row);"
                 "DELETE FROM search_term;"
                 "INSERT INTO search_term (term, docs) SELECT term, doc FROM temp.search_vocab;"
                 "DROP TABLE temp.search_vocab;");
}

// Replaces the rows of table `to` by those of `from` (same columns).
Status replace_rows(sqlite::Database& db, const std::string& from, const std::string& to) {
  if (auto s = db.exec("DELETE FROM " + to); !s) return s;
  return db.exec("INSERT INTO " + to + " SELECT * FROM " + from);
}

}  // namespace

const char* search_schema_sql() {
  static const std::string sql =
      std::string("CREATE TABLE search_doc ") + kSearchDocColumns + ";" + words_table_sql("main") + kTermTableSql;
  return sql.c_str();
}

const char* packed_index_schema_sql() {
  static const std::string sql = [] {
    std::string out = kTermTableSql;
    for (const PackedTable& t : kPackedTables) out += std::string("CREATE TABLE ") + t.packed + " " + t.columns + ";";
    return out + "CREATE TABLE search_info (id INTEGER PRIMARY KEY CHECK (id = 1), tokenizer TEXT NOT NULL);";
  }();
  return sql.c_str();
}

Status rebuild_search_index(sqlite::Database& db) {
  if (auto s = fill_search_doc(db, true); !s) return s;
  return index_search_text(db, "main");
}

Status pack_search_index(sqlite::Database& bundle) {
  // Built in temporary tables (the bundle keeps no document table and no virtual table), then
  // copied into the bundle's plain tables.
  if (auto s = register_tokenizers(bundle.handle()); !s) return s;
  Status s = bundle.exec(std::string("CREATE TEMP TABLE search_doc ") + kSearchDocColumns + ";" + words_table_sql("temp"));
  if (s) s = fill_search_doc(bundle, true);
  if (s) s = index_search_text(bundle, "temp");
  for (const PackedTable& t : kPackedTables) {
    if (s) s = replace_rows(bundle, std::string("temp.") + t.fts5, std::string("main.") + t.packed);
  }
  if (s) {
    auto info = bundle.prepare("INSERT INTO search_info (id, tokenizer) VALUES (1, ?)");
    if (!info) return info.error();
    info->bind(1, tokenizer_fingerprint());
    s = info->run();
  }
  (void)bundle.exec("DROP TABLE IF EXISTS temp.search_words; DROP TABLE IF EXISTS temp.search_doc");
  return s;
}

Expected<bool> take_search_index(sqlite::Database& db, const std::string& bundle_schema) {
  // Taken only if cut into the same words and stored in the FTS5 format this SQLite writes.
  auto same = db.prepare("SELECT (SELECT tokenizer FROM " + bundle_schema + ".search_info) = ?1 AND ?1 != '' AND "
                         "(SELECT v FROM " + bundle_schema + ".packed_words_config WHERE k = 'version') IS "
                         "(SELECT v FROM main.search_words_config WHERE k = 'version')");
  if (!same) return same.error();
  same->bind(1, tokenizer_fingerprint());
  auto row = same->step();
  if (!row) return row.error();
  const bool take = row.value() && same->column_int(0) == 1;
  same->reset();
  if (take) {
    Status s = fill_search_doc(db, false);
    // Writing FTS5's own tables is what SQLite's defensive mode forbids: lifted for these only.
    sqlite3* h = db.handle();
    int defensive = 0;
    sqlite3_db_config(h, SQLITE_DBCONFIG_DEFENSIVE, -1, &defensive);
    sqlite3_db_config(h, SQLITE_DBCONFIG_DEFENSIVE, 0, nullptr);
    for (const PackedTable& t : kPackedTables) {
      if (s) s = replace_rows(db, bundle_schema + "." + t.packed, std::string("main.") + t.fts5);
    }
    sqlite3_db_config(h, SQLITE_DBCONFIG_DEFENSIVE, defensive, nullptr);
    if (s) s = replace_rows(db, bundle_schema + ".search_term", "main.search_term");
    if (!s) return s.error();
    return true;
  }
  if (auto s = rebuild_search_index(db); !s) return s.error();
  return false;
}

Expected<std::vector<SearchHit>> search(sqlite::Database& db, std::string_view query, int limit) {
  // The query's words as the visitor typed them (spaces apart), each searched as a phrase of its
  // tokens: ความรู้ is ความ+รู้ to libthai, and must not match ความ ... รู้ far apart.
  std::vector<std::string> qwords;
  std::vector<Token> needles;  // for the snippet: each query word, normalized
  for (const Token& t : tokenize(query)) {
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
  std::string exact;
  for (const std::string& w : qwords) exact += (exact.empty() ? "" : " ") + quoted(w);
  // The last word may be unfinished: a prefix. Cut after one letter (การจัดก), it would expand to
  // every word starting with that letter; until the next letter, what comes before it is the prefix.
  std::string prefix = exact + "*";
  const std::vector<Token> last_tokens = tokenize(qwords.back());
  if (last_tokens.size() > 1 && text::decode_utf8(last_tokens.back().text).size() < 2) {
    const Token& tail = last_tokens.back();
    std::string head = exact.substr(0, exact.size() - quoted(qwords.back()).size());
    prefix = head + quoted(qwords.back().substr(0, static_cast<size_t>(tail.begin))) + "*";
  }
  // Tiers, best first: whole words, then a word's beginning, then inside words (ความรู้ above
  // ความรู้สึก above a compound holding ความรู้); in each, title matches before body matches.
  // Within a tier FTS5's order is kept: bm25 would score every match, and a common Thai word
  // matches most of the index (measured: 20 ms a query instead of 1 ms).
  std::vector<Ranked> ranked;
  std::unordered_set<int64_t> seen;
  auto run_tier = [&](const std::string& match, bool whole_word) -> Status {
    if (static_cast<int>(ranked.size()) >= limit) return Ok{};
    return query_index(db, match, limit, whole_word, ranked, seen);
  };
  for (const std::string& match : {"{title} : (" + exact + ")", exact, "{title} : (" + prefix + ")", prefix}) {
    if (auto s = run_tier(match, true); !s) return s.error();
  }
  if (static_cast<int>(ranked.size()) < limit) {
    // Words of the index that hold a query word inside them (ปราการ in สมุทรปราการ), most common
    // first: a scan of the vocabulary, only when the tiers above left room.
    auto inside = inside_word_match(db, qwords, needles);
    if (!inside) return inside.error();
    if (!inside->empty()) {
      if (auto s = run_tier("{title} : (" + inside.value() + ")", false); !s) return s.error();
      if (auto s = run_tier(inside.value(), false); !s) return s.error();
    }
  }
  std::vector<SearchHit> hits;
  auto doc = db.prepare("SELECT kind, route, title, ref FROM search_doc WHERE id = ?");
  if (!doc) return doc.error();
  for (const Ranked& r : ranked) {
    if (static_cast<int>(hits.size()) >= limit) break;
    doc->bind(1, r.id);
    auto row = doc->step();
    if (!row) return row.error();
    if (row.value()) {
      const auto kind = find_hit_kind(doc->column_text(0));
      if (!kind) return Error{"search index: a document of unknown kind '" + doc->column_text(0) + "' (import the content again)"};
      SearchHit hit{*kind, doc->column_text(1), doc->column_text(2), {}, {}, r.score, r.whole_word};
      auto body = document_body(db, hit.kind, doc->column_text(3));
      if (!body) return body.error();
      make_snippet(body.value(), needles, hit);
      hits.push_back(std::move(hit));
    }
    doc->reset();
  }
  return hits;
}

Expected<std::vector<std::string>> suggest_words(sqlite::Database& db, std::string_view query, int limit) {
  const std::vector<Token> words = tokenize(query);
  if (words.empty()) return std::vector<std::string>{};
  const std::string& last = words.back().text;
  auto stmt = db.prepare("SELECT term FROM search_term WHERE term >= ? AND term < ? AND term != ? ORDER BY docs DESC LIMIT ?");
  if (!stmt) return stmt.error();
  stmt->bind(1, std::string_view(last)).bind(2, last + "\xF4\x8F\xBF\xBF").bind(3, std::string_view(last));
  stmt->bind(4, static_cast<int64_t>(limit));
  std::vector<std::string> out;
  auto read = stmt->for_each_row([&](const sqlite::Statement& r) { out.push_back(r.column_text(0)); });
  if (!read) return read.error();
  return out;
}

namespace {
struct KindEntry {
  HitKind kind;
  std::string_view name;
  Words words;
};
// The group headings are the names of the kiosk's sections where each kind lives.
constexpr KindEntry kKinds[] = {
    {HitKind::Article, "article", {"คลังความรู้", "Knowledge"}},
    {HitKind::Announcement, "announcement", {"ประกาศ", "Announcements"}},
    {HitKind::Person, "person", {"บุคลากร", "People"}},
    {HitKind::Activity, "activity", {"แผนการจัดการความรู้", "KM action plan"}},
    {HitKind::Community, "community", {"ชุมชนนักปฏิบัติ (CoP)", "Communities of practice"}},
};
const KindEntry& kind_entry(HitKind kind) {
  for (const KindEntry& e : kKinds) {
    if (e.kind == kind) return e;
  }
  return kKinds[0];
}
}  // namespace

Words words(HitKind kind) { return kind_entry(kind).words; }
std::string_view hit_kind_name(HitKind kind) { return kind_entry(kind).name; }

std::optional<HitKind> find_hit_kind(std::string_view name) {
  for (const KindEntry& e : kKinds) {
    if (e.name == name) return e.kind;
  }
  return std::nullopt;
}

}  // namespace khlang::search

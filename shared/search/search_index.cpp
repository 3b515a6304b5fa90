#include "search/search_index.h"

#include <sqlite3.h>

#include <optional>

#include "search/documents.h"
#include "search/tokenizer.h"

namespace khlang::search {
namespace {

// One row per indexed document; its number is the index's rowid, ref the content row's id.
constexpr const char* kSearchDocColumns =
    "(id INTEGER PRIMARY KEY, kind TEXT NOT NULL, ref TEXT NOT NULL, route TEXT NOT NULL, title TEXT NOT NULL)";
// The word index, and its vocabulary with how many documents hold each word (for words found
// inside others and for suggestions). No prefix index: it would triple the index, which travels
// in every bundle, and prefix queries stay within their target without it.
std::string words_table_sql(const char* schema, const char* name = "search_words") {
  return std::string("CREATE VIRTUAL TABLE ") + schema + "." + name +
         " USING fts5(title, body, content='', tokenize='khlang_words');";
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
  for (const DocumentKind& kind : document_kinds()) {
    auto rows = db.prepare(std::string("SELECT ") + kind.columns + " FROM " + kind.table + " ORDER BY id");
    if (!rows) return rows.error();
    Status added = Ok{};
    auto read = rows->for_each_row([&](const sqlite::Statement& r) {
      if (!added) return;
      const StatementFields fields(r, kind);
      const std::string title = kind.title(fields);
      add_doc->bind_all(hit_kind_name(kind.kind), r.column_text(0), kind.route(fields), std::string_view(title));
      added = add_doc->run();
      if (added && add_text) {
        add_text->bind_all(db.last_insert_rowid(), std::string_view(title), kind.body(fields));
        added = add_text->run();
      }
    });
    if (!read) return read;
    if (!added) return added;
  }
  return Ok{};
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
  if (auto s = register_search_functions(bundle.handle()); !s) return s;
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

Expected<TakenIndex> take_search_index(sqlite::Database& db, const std::string& bundle_schema) {
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
    // The signature says the office made it, not that its pack was sound.
    const Status checked = db.exec("INSERT INTO main.search_words (search_words) VALUES ('integrity-check')");
    if (checked) return TakenIndex{IndexSource::Packed, ""};
    // FTS5 cannot even empty an index whose structure it cannot read: its tables become those of
    // a new, empty index, which is then filled here.
    Status reset = db.exec(words_table_sql("temp", "search_words_empty"));
    sqlite3_db_config(h, SQLITE_DBCONFIG_DEFENSIVE, 0, nullptr);
    for (const PackedTable& t : kPackedTables) {
      const std::string part = std::string(t.fts5).substr(std::string_view("search_words").size());
      if (reset) reset = replace_rows(db, "temp.search_words_empty" + part, std::string("main.") + t.fts5);
    }
    sqlite3_db_config(h, SQLITE_DBCONFIG_DEFENSIVE, defensive, nullptr);
    if (reset) reset = db.exec("DROP TABLE temp.search_words_empty");
    if (!reset) return reset.error();
    if (auto built = rebuild_search_index(db); !built) return built.error();
    return TakenIndex{IndexSource::BuiltForDamage,
                      "the bundle's search index failed FTS5's integrity check (" + checked.error().message +
                          "); the kiosk indexed the content itself"};
  }
  if (auto s = rebuild_search_index(db); !s) return s.error();
  return TakenIndex{IndexSource::BuiltForTokenizer, ""};
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

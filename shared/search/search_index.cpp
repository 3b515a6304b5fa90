#include "search/search_index.h"

#include <sqlite3.h>

#include <functional>
#include <optional>

#include "search/documents.h"
#include "search/tokenizer.h"
#include "util/ordered_pipeline.h"

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

// A document on its way into the index: its content row's cells (read in order), then its place
// and words (worked out on any core), then written in order.
struct IndexedDocument {
  std::string ref, route, title;
  std::string title_words, body_words;  // pretokenized(): cut into words, ready for khlang_tokens
};

// Numbers the documents 1..N in a fixed order into search_doc: an index packed into a bundle
// refers to them by that number, and the kiosk numbers its own the same way. With a pool, also
// cuts each document's title and text into words on every core (libthai is most of the cost of
// an index) and indexes them, in that order, into temp.search_build, an FTS5 table fed the words
// ready cut, so it holds exactly what khlang_words would have cut. The connection is used on this
// thread only (reading the rows and writing the index); the workers get the rows' text.
Status number_documents(sqlite::Database& db, WorkerPool* pool) {
  KHLANG_TRY(db.exec("DELETE FROM search_doc"));
  std::optional<sqlite::Statement> add_words;
  if (pool) {
    KHLANG_TRY(db.exec("DROP TABLE IF EXISTS temp.search_build;"
                       "CREATE VIRTUAL TABLE temp.search_build USING fts5(title, body, content='', tokenize='khlang_tokens')"));
    KHLANG_TRY_AS(sqlite::Statement stmt, db.prepare("INSERT INTO temp.search_build (rowid, title, body) VALUES (?, ?, ?)"));
    add_words.emplace(std::move(stmt));
  }
  KHLANG_TRY_AS(sqlite::Statement add_doc, db.prepare("INSERT INTO search_doc (kind, ref, route, title) VALUES (?, ?, ?, ?)"));
  WorkerPool one_thread(0);
  for (const DocumentKind& kind : document_kinds()) {
    KHLANG_TRY_AS(sqlite::Statement rows, db.prepare(std::string("SELECT ") + kind.columns + " FROM " + kind.table + " ORDER BY id"));
    const size_t columns = column_names(kind).size();
    bool more = true;
    OrderedPipeline<std::vector<std::string>, IndexedDocument> documents;
    documents.read = [&](std::vector<std::vector<std::string>>& batch, size_t max) -> Status {
      while (more && batch.size() < max) {
        KHLANG_TRY_AS(const bool row, rows.step());
        if (!row) {
          more = false;
          break;
        }
        std::vector<std::string>& cells = batch.emplace_back();
        for (size_t i = 0; i < columns; ++i) cells.push_back(rows.column_text(static_cast<int>(i)));
      }
      return Ok{};
    };
    documents.work = [&](std::vector<std::string>& cells) {
      const RowFields fields(kind, cells);
      IndexedDocument d{cells[0], kind.route(fields), kind.title(fields), {}, {}};
      if (pool) {
        d.title_words = pretokenized(d.title);
        d.body_words = pretokenized(kind.body(fields));
      }
      return d;
    };
    documents.consume = [&](IndexedDocument& d) -> Status {
      KHLANG_TRY(add_doc.bind_all(hit_kind_name(kind.kind), std::string_view(d.ref), std::string_view(d.route),
                                  std::string_view(d.title))
                     .run());
      if (add_words) {
        KHLANG_TRY(add_words->bind_all(db.last_insert_rowid(), std::string_view(d.title_words), std::string_view(d.body_words)).run());
      }
      return Ok{};
    };
    KHLANG_TRY(run_pipeline(pool ? *pool : one_thread, documents));
  }
  return Ok{};
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

namespace {

// Runs `fn` with SQLite's defensive mode lifted: writing FTS5's own tables is what it forbids.
Status without_defensive(sqlite::Database& db, const std::function<Status()>& fn) {
  sqlite3* h = db.handle();
  int defensive = 0;
  sqlite3_db_config(h, SQLITE_DBCONFIG_DEFENSIVE, -1, &defensive);
  sqlite3_db_config(h, SQLITE_DBCONFIG_DEFENSIVE, 0, nullptr);
  Status s = fn();
  sqlite3_db_config(h, SQLITE_DBCONFIG_DEFENSIVE, defensive, nullptr);
  return s;
}

// Lists temp.search_build's vocabulary in search_term, then copies its FTS5 tables into the
// bundle's packed tables or, on the kiosk, into search_words's own.
Status keep_built_index(sqlite::Database& db, bool packed) {
  KHLANG_TRY(db.exec("CREATE VIRTUAL TABLE temp.search_vocab USING fts5vocab(temp, search_build, row);"
                     "DELETE FROM main.search_term;"
                     "INSERT INTO main.search_term (term, docs) SELECT term, doc FROM temp.search_vocab;"
                     "DROP TABLE temp.search_vocab;"));
  auto copy = [&]() -> Status {
    for (const PackedTable& t : kPackedTables) {
      const std::string part = std::string(t.fts5).substr(std::string_view("search_words").size());  // _data, _idx...
      KHLANG_TRY(replace_rows(db, "temp.search_build" + part, std::string("main.") + (packed ? t.packed : t.fts5)));
    }
    return Ok{};
  };
  KHLANG_TRY(packed ? copy() : without_defensive(db, copy));
  return db.exec("DROP TABLE temp.search_build");
}

}  // namespace

Status rebuild_search_index(sqlite::Database& db) {
  WorkerPool pool;
  KHLANG_TRY(number_documents(db, &pool));
  return keep_built_index(db, false);
}

Status pack_search_index(sqlite::Database& bundle) {
  // The bundle keeps no document table and no virtual table: the documents are numbered in a
  // temporary table, the index built in another and copied into the bundle's plain tables.
  KHLANG_TRY(register_search_functions(bundle.handle()));
  KHLANG_TRY(bundle.exec(std::string("CREATE TEMP TABLE search_doc ") + kSearchDocColumns));
  WorkerPool pool;
  Status s = number_documents(bundle, &pool);
  if (s) s = keep_built_index(bundle, true);
  if (s) {
    auto info = bundle.prepare("INSERT INTO search_info (id, tokenizer) VALUES (1, ?)");
    if (!info) return info.error();
    info->bind(1, tokenizer_fingerprint());
    s = info->run();
  }
  (void)bundle.exec("DROP TABLE IF EXISTS temp.search_build; DROP TABLE IF EXISTS temp.search_doc");
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
  if (!take) {
    KHLANG_TRY(rebuild_search_index(db));
    return TakenIndex{IndexSource::BuiltForTokenizer, ""};
  }
  KHLANG_TRY(number_documents(db, nullptr));
  const auto copy = [&]() -> Status {
    for (const PackedTable& t : kPackedTables) {
      KHLANG_TRY(replace_rows(db, bundle_schema + "." + t.packed, std::string("main.") + t.fts5));
    }
    return Ok{};
  };
  KHLANG_TRY(without_defensive(db, copy));
  KHLANG_TRY(replace_rows(db, bundle_schema + ".search_term", "main.search_term"));
  // The signature says the office made it, not that its pack was sound.
  const Status checked = db.exec("INSERT INTO main.search_words (search_words) VALUES ('integrity-check')");
  if (checked) return TakenIndex{IndexSource::Packed, ""};
  // FTS5 cannot even empty an index whose structure it cannot read; rebuilding replaces its tables
  // whole (keep_built_index) without asking it to.
  KHLANG_TRY(rebuild_search_index(db));
  return TakenIndex{IndexSource::BuiltForDamage, "the bundle's search index failed FTS5's integrity check (" +
                                                     checked.error().message + "); the kiosk indexed the content itself"};
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

// Packing a content folder as it streams: the bundle holds exactly what the folder holds, the
// search index cut on every core is the one FTS5 cuts itself on one, and a folder that fails a
// check leaves no bundle.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <set>

#include "bundle/bundle_file.h"
#include "bundle_fixture.h"
#include "content/content_folder.h"
#include "search/documents.h"
#include "search/search_index.h"
#include "search/tokenizer.h"

using namespace khlang;
using khlang::test::BundleFixture;

namespace {

// Every row of every content table, as text, by table.
std::map<std::string, std::multiset<std::string>> rows_of(const content::ContentSet& set) {
  std::map<std::string, std::multiset<std::string>> out;
  for (const auto& [table, rows] : set.tables) {
    for (const content::ContentRow& row : rows) {
      std::string line;
      for (const content::Cell& cell : row.cells) line += (cell ? *cell : "<null>") + "\x1F";
      out[table].insert(line);
    }
  }
  return out;
}

// A folder with Thai text worth indexing, more articles than one batch of the pipeline.
std::string thai_folder(BundleFixture& f, int articles) {
  const std::filesystem::path folder = f.write_folder(1, 0, 3);
  const char* const phrases[] = {"การจัดการความรู้ในองค์กร", "ชุมชนนักปฏิบัติ", "UTF-8 และ ISO-8601", "ผู้สูงอายุ ๒๕๖๙",
                                 "การแลกเปลี่ยนเรียนรู้", "น้ำประปาหมู่บ้าน", "รายชื่อผู้เข้าร่วมประชุม"};
  for (int a = 0; a < articles; ++a) {
    std::string body;
    for (int p = 0; p < 3 + a % 4; ++p) body += std::string(phrases[(a + p) % 7]) + (p % 2 ? "\n\n" : " ");
    test::write_file((folder / "articles" / ("a" + std::to_string(a) + ".md")).string(),
                     "---\ntitle: " + std::string(phrases[a % 7]) + " " + std::to_string(a) +
                         "\ncategory_id: km\ncover_media: i" + std::to_string(a % 3) +
                         ".png\npublished_on: 2025-01-01\nupdated_on: 2025-01-02\n---\n\n## หัวข้อ\n\n" + body);
  }
  return folder.string();
}

}  // namespace

TEST_CASE("pack: a folder packed as it streams holds exactly what the folder holds") {
  BundleFixture f;
  const std::string folder = thai_folder(f, 700);  // several batches of articles and of images
  const std::string out = (f.dir / "streamed.khb").string();
  auto packed = bundle::pack_content_folder(folder, {"", "main", 1, bundle::now_utc_iso()}, f.key.secret, out);
  REQUIRE_MESSAGE(packed.ok(), (packed ? "" : packed.error().message));
  CHECK(packed->articles == 700);
  CHECK(packed->images == 3);
  CHECK(packed->organization == "เทศบาลทดสอบ #1");  // the bundle is labelled with the content's organization
  CHECK(std::filesystem::exists(bundle::signature_path(out)));
  CHECK_FALSE(std::filesystem::exists(out + ".partial"));

  auto loaded = content::load_content_folder(folder);
  REQUIRE(loaded.ok());
  auto bundle_db = bundle::open_bundle_readonly(out);
  REQUIRE(bundle_db.ok());
  auto in_bundle = content::read_content(bundle_db.value());
  REQUIRE(in_bundle.ok());
  in_bundle->tables.erase("bundle_info");
  const auto expected = rows_of(loaded.value());
  auto got = rows_of(in_bundle.value());
  for (auto it = got.begin(); it != got.end();) it = it->second.empty() ? got.erase(it) : std::next(it);
  CHECK(got == expected);
}

TEST_CASE("pack: the search index cut on every core is exactly the one FTS5 cuts on one") {
  BundleFixture f;
  const std::string out = (f.dir / "index.khb").string();
  REQUIRE(bundle::pack_content_folder(thai_folder(f, 600), {"", "main", 1, bundle::now_utc_iso()}, f.key.secret, out).ok());
  auto db = sqlite::Database::open(out, sqlite::Database::Mode::ReadWrite);
  REQUIRE(db.ok());
  REQUIRE(search::register_search_functions(db->handle()).ok());
  // The reference: FTS5 calling khlang_words on each document, in the index's document order, in
  // one transaction as pack's.
  REQUIRE(db->exec("BEGIN; CREATE VIRTUAL TABLE temp.reference USING fts5(title, body, content='', tokenize='khlang_words')").ok());
  auto add = db->prepare("INSERT INTO temp.reference (rowid, title, body) VALUES (?, ?, ?)");
  REQUIRE(add.ok());
  int64_t rowid = 0;
  for (const search::DocumentKind& kind : search::document_kinds()) {
    auto rows = db->prepare(std::string("SELECT ") + kind.columns + " FROM " + kind.table + " ORDER BY id");
    REQUIRE(rows.ok());
    REQUIRE(rows->for_each_row([&](const sqlite::Statement& r) {
      const search::StatementFields fields(r, kind);
      REQUIRE(add->bind_all(++rowid, kind.title(fields), kind.body(fields)).run().ok());
    }).ok());
  }
  REQUIRE(db->exec("COMMIT").ok());
  CHECK(rowid == 600);  // every article (the folder has no other searchable rows)
  for (const char* part : {"data", "idx", "docsize", "config"}) {
    INFO(part);
    auto differ = db->query_int("SELECT count(*) FROM (SELECT * FROM temp.reference_" + std::string(part) +
                                " EXCEPT SELECT * FROM packed_words_" + part + ")");
    REQUIRE(differ.ok());
    CHECK(differ.value() == 0);
    auto same_count = db->query_int("SELECT (SELECT count(*) FROM temp.reference_" + std::string(part) +
                                    ") = (SELECT count(*) FROM packed_words_" + part + ")");
    REQUIRE(same_count.ok());
    CHECK(same_count.value() == 1);
  }
  // The vocabulary is the reference's too.
  REQUIRE(db->exec("CREATE VIRTUAL TABLE temp.reference_vocab USING fts5vocab(temp, reference, row)").ok());
  auto vocab_differs = db->query_int("SELECT count(*) FROM (SELECT term, doc FROM temp.reference_vocab EXCEPT SELECT term, docs FROM search_term)");
  REQUIRE(vocab_differs.ok());
  CHECK(vocab_differs.value() == 0);
}

TEST_CASE("pack: a folder that fails a check leaves no bundle and says which file") {
  BundleFixture f;
  const std::filesystem::path folder = thai_folder(f, 300);
  // A reference that fails in the middle of the articles, after batches were written.
  test::write_file((folder / "articles" / "a150.md").string(),
                   "---\ntitle: ผิด\ncategory_id: km\ncover_media: missing.png\npublished_on: 2025-01-01\nupdated_on: 2025-01-02\n---\nx\n");
  const std::string out = (f.dir / "bad.khb").string();
  auto packed = bundle::pack_content_folder(folder.string(), {"", "main", 1, bundle::now_utc_iso()}, f.key.secret, out);
  REQUIRE_FALSE(packed.ok());
  CHECK(packed.error().message.find("articles/a150.md: article 'a150' has cover_media 'missing.png', which is not in media") !=
        std::string::npos);
  CHECK_FALSE(std::filesystem::exists(out));
  CHECK_FALSE(std::filesystem::exists(out + ".partial"));
  CHECK_FALSE(std::filesystem::exists(bundle::signature_path(out)));
  // An image that is no image, and a duplicate row, the same.
  test::write_file((folder / "articles" / "a150.md").string(), "---\ntitle: ดี\ncategory_id: km\npublished_on: 2025-01-01\nupdated_on: 2025-01-02\n---\nx\n");
  test::write_file((folder / "media" / "i1.png").string(), "not a picture");
  packed = bundle::pack_content_folder(folder.string(), {"", "main", 1, bundle::now_utc_iso()}, f.key.secret, out);
  REQUIRE_FALSE(packed.ok());
  CHECK(packed.error().message.find("media/i1.png") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(out));
}

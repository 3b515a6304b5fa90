// The authoring format: CSV and front matter as staff write them, errors that name the file and
// line, and the round trip folder -> bundle -> kiosk -> folder.
#include <doctest/doctest.h>

#include <filesystem>

#include "bundle/demo_content.h"
#include "bundle/importer.h"
#include "bundle/trust_store.h"
#include "bundle_fixture.h"
#include "content/content_folder.h"
#include "content/csv.h"
#include "content/front_matter.h"
#include "store/content_queries.h"
#include "store/schema.h"

using namespace khlang;
using khlang::test::BundleFixture;

TEST_CASE("CSV: quotes, doubled quotes, line breaks in fields, CRLF, BOM") {
  auto t = content::parse_csv("\xEF\xBB\xBFid,name\r\n1,\"ศรี, โพธิ์\"\r\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n", "x.csv");
  REQUIRE(t.ok());
  CHECK(t->header == std::vector<std::string>{"id", "name"});
  REQUIRE(t->rows.size() == 3);
  CHECK(t->rows[0][1] == "ศรี, โพธิ์");
  CHECK(t->rows[1][1] == "say \"hi\"");
  CHECK(t->rows[2][1] == "two\nlines");
  CHECK(t->row_lines == std::vector<int>{2, 3, 4});
  auto again = content::parse_csv(content::write_csv(t.value()), "y.csv");
  REQUIRE(again.ok());
  CHECK(again->rows == t->rows);
}

TEST_CASE("CSV for a spreadsheet: formulas and control characters made inert, and the content folder's CSV as it is") {
  CHECK(content::neutralize_cell("=1+1") == "'=1+1");
  CHECK(content::neutralize_cell("  +cmd") == "'  +cmd");
  CHECK(content::neutralize_cell("@x") == "'@x");
  CHECK(content::neutralize_cell("-x") == "'-x");
  CHECK(content::neutralize_cell("\uFF1D1+1") == "'\uFF1D1+1");  // full-width '='
  CHECK(content::neutralize_cell("-3") == "-3");              // numbers stay numbers
  CHECK(content::neutralize_cell("-12.5") == "-12.5");
  CHECK(content::neutralize_cell("12") == "12");
  CHECK(content::neutralize_cell("-1-") == "'-1-");
  CHECK(content::neutralize_cell("a=b, c-d") == "a=b, c-d");  // only the start starts a formula
  CHECK(content::neutralize_cell("ความรู้ & touch x #") == "ความรู้ & touch x #");
  CHECK(content::neutralize_cell(std::string("a\tb\rc\nd\0e\x1b\x7f", 11)) ==
        "a\u2409b\u240Dc\u240Ad\u2400e\u241B\u2421");
  CHECK(content::neutralize_cell("\tcmd") == "\u2409cmd");
  CHECK(content::neutralize_cell("abc\u202Efdp.exe") == "abc\uFFFDfdp.exe");  // right-to-left override
  CHECK(content::neutralize_cell("\xC2\x85x\xFF") == "\uFFFDx\uFFFD");     // C1 control, invalid byte
  CHECK(content::neutralize_cell("") == "");

  content::CsvTable t{{"name", "contact"}, {{"=ผู้ใหญ่บ้าน", "+66 53 000 000"}, {"-", "a\nb"}}, {}};
  // The authoring format round-trips exactly.
  auto back = content::parse_csv(content::write_csv(t), "people.csv");
  REQUIRE(back.ok());
  CHECK(back->rows == t.rows);
  CHECK(content::write_csv(t, content::CsvCells::ForSpreadsheet) ==
        "name,contact\n'=ผู้ใหญ่บ้าน,'+66 53 000 000\n'-,a\u240Ab\n");
}

TEST_CASE("CSV errors name the file and line") {
  auto wrong = content::parse_csv("a,b\n1,2\n3\n", "people.csv");
  REQUIRE_FALSE(wrong.ok());
  CHECK(wrong.error().message == "people.csv line 3: 1 fields, but the header has 2");
  auto open = content::parse_csv("a\n\"never closed\n", "plans.csv");
  REQUIRE_FALSE(open.ok());
  CHECK(open.error().message.find("plans.csv line 2") != std::string::npos);
  CHECK_FALSE(content::parse_csv("", "empty.csv").ok());
}

TEST_CASE("front matter: fields, quoted values, body, and errors with line numbers") {
  auto doc = content::parse_front_matter("---\ntitle: \"ก: ข\"\ntags: a, b\n---\n\n# หัวข้อ\n", "a.md");
  REQUIRE(doc.ok());
  CHECK(*doc->find("title") == "ก: ข");
  CHECK(*doc->find("tags") == "a, b");
  CHECK(doc->body == "# หัวข้อ\n");
  auto back = content::parse_front_matter(content::write_front_matter(doc.value()), "b.md");
  REQUIRE(back.ok());
  CHECK(back->fields == doc->fields);
  CHECK(back->body == doc->body);
  auto bad = content::parse_front_matter("---\ntitle x\n---\n", "articles/x.md");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message.find("articles/x.md line 2") != std::string::npos);
  CHECK_FALSE(content::parse_front_matter("no front matter", "c.md").ok());
  CHECK_FALSE(content::parse_front_matter("---\na: 1\n", "d.md").ok());
}

TEST_CASE("a content folder with mistakes: each error names the file, the line and the column") {
  BundleFixture f;
  const std::filesystem::path dir = f.write_folder(1, 2);
  auto expect_error = [&](const std::string& file, const std::string& text, const std::string& message) {
    test::write_file((dir / file).string(), text);
    auto set = content::load_content_folder(dir.string());
    REQUIRE_FALSE(set.ok());
    INFO(set.error().message);
    CHECK(set.error().message.find(message) != std::string::npos);
    std::filesystem::remove(dir / file);
  };
  expect_error("people.csv", "id,name_th,nickname\np1,สมชาย,ชาย\n", "people.csv line 2: unknown column 'nickname'");
  expect_error("people.csv", "id,position\np1,ปลัด\n", "people.csv line 2: 'name_th' is required");
  expect_error("plans.csv", "id,title,fiscal_year_from,fiscal_year_to\nx,แผน,๒๕๖๔,2566\n",
               "plans.csv line 2: 'fiscal_year_from' must be a number, not '๒๕๖๔'");
  expect_error("articles/bad.md", "---\ntitle: t\ncategory_id: nowhere\npublished_on: 2025-01-01\nupdated_on: 2025-01-01\n---\nx\n",
               "articles/bad.md: article 'bad' has category_id 'nowhere', which is not in categories.csv");
  expect_error("activities.csv", "id,plan_id,seq,activity\na1,no-plan,1,x\n", "activities.csv");
  expect_error("categories.csv", "id,title_th\nkm,ก\nkm,ข\n", "categories.csv: 'km' appears twice");
  test::write_file((dir / "categories.csv").string(), "id,title_th\nkm,ความรู้\n");
  CHECK(content::load_content_folder(dir.string()).ok());
  CHECK_FALSE(content::load_content_folder((dir / "nope").string()).ok());
}

TEST_CASE("export, pack, import gives the same content") {
  BundleFixture f;
  REQUIRE(bundle::import_bundle(f.db, f.pack(1, 5, "main", 2)).ok());
  const std::string before = f.content_fingerprint();
  auto kiosk = store::open_kiosk_db(f.db);
  auto set = content::read_content(kiosk.value());
  REQUIRE(set.ok());
  set->tables.erase("bundle_info");
  const std::string out = (f.dir / "exported").string();
  REQUIRE(content::write_content_folder(set.value(), out).ok());
  auto reloaded = content::load_content_folder(out);
  REQUIRE_MESSAGE(reloaded.ok(), (reloaded ? "" : reloaded.error().message));
  const std::string b = (f.dir / "re.khb").string();
  REQUIRE(bundle::pack_bundle(reloaded.value(), {"เทศบาลทดสอบ", "main", 2, "2026-01-01T00:00:00Z"}, f.key.secret, b).ok());
  REQUIRE(bundle::import_bundle(f.db, b).ok());
  // Everything but bundle_info (new sequence number and date) is the same, images included.
  auto strip_info = [](const std::string& fp) { return fp.substr(fp.find("category:")); };
  CHECK(strip_info(f.content_fingerprint()) == strip_info(before));
}

TEST_CASE("the demo content: both plans with their six activities, sample progress, imported on first run") {
  BundleFixture f;
  const std::string demo_db = (f.dir / "first-run.db").string();
  auto imported = bundle::import_demo_if_empty(demo_db, KHLANG_DEMO_DIR);
  REQUIRE_MESSAGE(imported.ok(), (imported ? "" : imported.error().message));
  CHECK(imported.value());
  auto again = bundle::import_demo_if_empty(demo_db, KHLANG_DEMO_DIR);
  REQUIRE(again.ok());
  CHECK_FALSE(again.value());  // content is there: nothing to do

  auto db = store::open_kiosk_db(demo_db);
  CHECK(db->query_int("SELECT count(*) FROM plan").value() == 2);
  CHECK(db->query_int("SELECT count(*) FROM plan_activity GROUP BY plan_id HAVING count(*) = 6").ok());
  CHECK(db->query_int("SELECT count(*) FROM (SELECT plan_id FROM plan_activity GROUP BY plan_id HAVING count(*) = 6)").value() == 2);
  CHECK(db->query_int("SELECT count(DISTINCT fiscal_year) FROM progress WHERE fiscal_year BETWEEN 2564 AND 2566").value() == 3);
  CHECK(db->query_int("SELECT count(*) FROM progress WHERE is_sample = 0").value() == 0);
  CHECK(db->query_int("SELECT count(*) FROM person WHERE km_role = 'cko'").value() >= 1);
  CHECK(db->query_int("SELECT count(*) FROM person WHERE km_role = 'committee' OR km_duty LIKE '%กรรมการ%'").value() >= 1);
  CHECK(db->query_int("SELECT count(*) FROM article").value() >= 10);
  CHECK(db->query_int("SELECT count(*) FROM announcement").value() >= 3);
  CHECK(db->query_int("SELECT count(*) FROM import_log WHERE result = 'imported'").value() == 1);
  auto keys = bundle::trusted_keys(db.value());
  REQUIRE(keys.ok());
  REQUIRE(keys->size() == 1);
  CHECK(keys->front().comment == "built-in demo content");
  auto org = store::load_organization(db.value());
  REQUIRE(org.ok());
  CHECK(org.value()->name_th == "เทศบาลตำบลศรีโพธิ์เงิน");
  auto categories = store::load_categories(db.value());
  REQUIRE(categories.ok());
  CHECK(categories->size() >= 5);
  auto articles = store::load_articles(db.value(), "km-process");
  REQUIRE(articles.ok());
  REQUIRE_FALSE(articles->empty());
  auto article = store::load_article(db.value(), articles->front().id);
  REQUIRE(article.ok());
  CHECK(article.value()->body_md.find("การบ่งชี้ความรู้") != std::string::npos);
}

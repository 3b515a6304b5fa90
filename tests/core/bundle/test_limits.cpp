// Content limits (util/limits.h), checked by pack with the file and line, and again by the import
// after the signature: the rows of issue 17's table, each refused with a reason; the content of a
// kiosk unchanged by a refused bundle; content at the limits accepted.
#include <doctest/doctest.h>
#include <sqlite3.h>
#include <zlib.h>

#include <filesystem>

#include "bundle/importer.h"
#include "bundle_fixture.h"
#include "content/content_folder.h"
#include "image/image.h"
#include "util/limits.h"

using namespace khlang;
using khlang::test::BundleFixture;

namespace {

// Runs `sql` on a bundle file as an attacker with an ordinary connection would; ?1 is `blob`.
void alter(const std::string& path, const std::string& sql, const std::string& blob = {}) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  const char* tail = sql.c_str();
  while (tail && *tail) {
    REQUIRE(sqlite3_prepare_v2(db, tail, -1, &stmt, &tail) == SQLITE_OK);
    if (!stmt) break;
    if (sqlite3_bind_parameter_count(stmt) > 0) sqlite3_bind_blob(stmt, 1, blob.data(), static_cast<int>(blob.size()), SQLITE_TRANSIENT);
    const int rc = sqlite3_step(stmt);
    INFO(sqlite3_errmsg(db));
    CHECK((rc == SQLITE_DONE || rc == SQLITE_ROW));
    sqlite3_finalize(stmt);
  }
  sqlite3_close(db);
}

// A good first import, then `bundle` (seq 2, altered, signed again) must be refused with `reason`.
void expect_refused(BundleFixture& f, const std::string& bundle, const std::string& reason) {
  f.resign(bundle, "khlang seq=2 channel=main");
  const std::string before = f.content_fingerprint();
  const int64_t refused = f.import_log_count("refused");
  auto result = bundle::import_bundle(f.db, bundle);
  REQUIRE_FALSE(result.ok());
  INFO("message: " << result.error().message);
  CHECK(result.error().message.find(reason) != std::string::npos);
  CHECK(result.error().message.find('\n') == std::string::npos);
  CHECK(f.content_fingerprint() == before);
  CHECK(f.import_log_count("refused") == refused + 1);
}

std::string png_bytes(int w, int h) {
  const std::string path = (std::filesystem::temp_directory_path() / ("khlang-limits-" + std::to_string(::getpid()) + ".png")).string();
  REQUIRE(image::write_png(path, image::Image(w, h, 3, 128)));
  std::string bytes = test::read_file(path);
  std::filesystem::remove(path);
  return bytes;
}

// A real PNG with its IHDR rewritten to claim w x h (CRC fixed): the "388 KB PNG declaring 20000x20000".
std::string png_claiming(uint32_t w, uint32_t h) {
  std::string s = png_bytes(8, 8);
  for (int i = 0; i < 4; ++i) {
    s[16 + static_cast<size_t>(i)] = static_cast<char>(w >> (24 - 8 * i));
    s[20 + static_cast<size_t>(i)] = static_cast<char>(h >> (24 - 8 * i));
  }
  const auto crc = static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(s.data() + 12), 17));
  for (int i = 0; i < 4; ++i) s[29 + static_cast<size_t>(i)] = static_cast<char>(crc >> (24 - 8 * i));
  s.append(380 * 1024, '\0');  // as large as the file; nothing reads that far
  return s;
}

// The 114-byte Radiance HDR blob that made stb_image loop forever.
std::string hdr_blob() {
  std::string hdr = "#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n-Y 30000 +X 30000\n";
  hdr.resize(114, '\x02');
  return hdr;
}

std::string load_error(const std::string& folder) {
  auto set = content::load_content_folder(folder);
  REQUIRE_FALSE(set.ok());
  return set.error().message;
}

struct ImportedFixture : BundleFixture {
  ImportedFixture() {
    auto first = bundle::import_bundle(db, pack(1, 3, "main", 1));
    if (!first) throw std::runtime_error(first.error().message);
  }
};

constexpr const char* kPlanRows =
    "INSERT INTO plan (id, title, fiscal_year_from, fiscal_year_to) VALUES ('p', 'แผน', 2564, 2566);"
    "INSERT INTO plan_activity (id, plan_id, seq, activity) VALUES ('act', 'p', 1, 'กิจกรรม');";

}  // namespace

TEST_CASE("pack refuses content over the limits and names the file and line") {
  BundleFixture f;
  SUBCASE("a 50 MB article title") {
    const std::string folder = f.write_folder(1, 1);
    test::write_file(folder + "/articles/a0.md", "---\ntitle: " + std::string(50u << 20, 'x') +
                                                     "\npublished_on: 2025-01-01\nupdated_on: 2025-01-01\n---\n\nก\n");
    CHECK(load_error(folder).find("a0.md: 52,428,8") != std::string::npos);
    CHECK(load_error(folder).find("bytes is too large (a Markdown file may have at most 16,777,216 bytes)") !=
          std::string::npos);
  }
  SUBCASE("a title over 4 KiB") {
    const std::string folder = f.write_folder(1, 1);
    test::write_file(folder + "/articles/a0.md", "---\ncategory_id: km\ntitle: " + std::string(5000, 'x') +
                                                     "\npublished_on: 2025-01-01\nupdated_on: 2025-01-01\n---\n\nก\n");
    CHECK(load_error(folder) == "articles/a0.md line 3: 'title' is 5,000 bytes; a title or name may have at most "
                                "4,096 bytes (about 1,300 Thai characters)");
  }
  SUBCASE("ก with 100,000 tone marks in an article (the line of the cluster)") {
    const std::string folder = f.write_folder(1, 1);
    std::string marks;
    for (int i = 0; i < 100000; ++i) marks += "\u0E48";
    test::write_file(folder + "/articles/a0.md", "---\ntitle: ท\npublished_on: 2025-01-01\nupdated_on: 2025-01-01\n---\n\n"
                                                 "ย่อหน้าแรก\n\nก" + marks + "\n");
    CHECK(load_error(folder).starts_with("articles/a0.md line 9: 'body_md' has 100,000 marks stacked on one character "
                                         "(at most 8"));
  }
  SUBCASE("a CSV cell over its limit") {
    const std::string folder = f.write_folder(1, 0);
    test::write_file(folder + "/categories.csv", "id,title_th\nkm,ความรู้\n" + std::string(300, 'k') + ",ยาว\n");
    CHECK(load_error(folder).starts_with("categories.csv line 3: 'id' is 300 bytes; an id, reference, file name or "
                                         "date may have at most 255 bytes"));
  }
  SUBCASE("more rows than a bundle holds") {
    const std::string folder = f.write_folder(1, 0);
    std::string people = "id,name_th\n";
    for (int i = 0; i <= 5000; ++i) people += "p" + std::to_string(i) + ",คน\n";
    test::write_file(folder + "/people.csv", people);
    CHECK(load_error(folder) == "people.csv line 5002: 5,001 rows in table 'person'; at most 5,000 fit in one bundle");
  }
  SUBCASE("a PNG declaring 20000 x 20000") {
    const std::string folder = f.write_folder(1, 0, 1);
    test::write_file(folder + "/media/i0.png", png_claiming(20000, 20000));
    CHECK(load_error(folder).starts_with("media/i0.png: 20,000 x 20,000 pixels is too large (at most 8,192 a side and "
                                         "24 megapixels"));
  }
  SUBCASE("an HDR blob named .png") {
    const std::string folder = f.write_folder(1, 0, 1);
    test::write_file(folder + "/media/i0.png", hdr_blob());
    CHECK(load_error(folder) == "media/i0.png: not a PNG or JPEG image (only those two formats are shown)");
  }
}

TEST_CASE("pack takes content exactly at the limits") {
  BundleFixture f;
  const std::string folder = f.write_folder(1, 1);
  std::string eight_marks = "ก";
  for (size_t i = 0; i < limits::kMaxMarksPerCluster; ++i) eight_marks += "\u0E48";
  test::write_file(folder + "/articles/a0.md", "---\ncategory_id: km\ntitle: " + std::string(limits::kMaxLineBytes, 'x') +
                                                   "\npublished_on: 2025-01-01\nupdated_on: 2025-01-01\n---\n\n" +
                                                   eight_marks + "\n");
  auto set = content::load_content_folder(folder);
  REQUIRE(set.ok());
  CHECK(set->count("article") == 1);
}

TEST_CASE("the import refuses, after the signature, a bundle over the limits, the content unchanged") {
  ImportedFixture f;
  const std::string b = f.pack(2, 3, "main", 1);
  SUBCASE("a 50 MB article title") {
    alter(b, "UPDATE article SET title = replace(hex(zeroblob(52428800)), '00', 'x') WHERE id = 'a0'");
    expect_refused(f, b, "the bundle's article 'a0': 'title' is 52,428,800 bytes; a title or name may have at most 4,096");
  }
  SUBCASE("ก + 100,000 tone marks in an article") {
    alter(b, "UPDATE article SET body_md = 'ก' || replace(hex(zeroblob(100000)), '00', char(3656)) WHERE id = 'a1'");
    expect_refused(f, b, "the bundle's article 'a1': 'body_md' has 100,000 marks stacked on one character");
  }
  SUBCASE("2,000,000 progress rows") {
    alter(b, std::string(kPlanRows) +
                 "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000000) "
                 "INSERT INTO progress (id, activity_id, fiscal_year, recorded_on) SELECT i, 'act', 2565, '2025' FROM n");
    expect_refused(f, b, "the bundle has 20,001 rows in table 'progress'; at most 20,000 fit in one bundle");
  }
  SUBCASE("1,000,000 people") {
    alter(b, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000) "
             "INSERT INTO person (id, name_th) SELECT 'p' || i, 'คน' FROM n");
    expect_refused(f, b, "the bundle has 5,001 rows in table 'person'; at most 5,000 fit in one bundle");
  }
  SUBCASE("a PNG declaring 20000 x 20000, with columns that agree") {
    alter(b, "UPDATE media SET data = ?1, width = 20000, height = 20000", png_claiming(20000, 20000));
    expect_refused(f, b, "the bundle's image 'i0.png': 20,000 x 20,000 pixels is too large");
  }
  SUBCASE("a 114-byte HDR blob as an image") {
    alter(b, "UPDATE media SET data = ?1", hdr_blob());
    expect_refused(f, b, "the bundle's image 'i0.png': not a PNG or JPEG image");
  }
  SUBCASE("width and height columns that are not the image's") {
    alter(b, "UPDATE media SET width = 2, height = 3");
    expect_refused(f, b, "its width and height columns (2 x 3) are not the image's own (1 x 1)");
  }
  SUBCASE("a thumbnail larger than any pack makes") {
    alter(b, "UPDATE media SET thumb = ?1, thumb_width = 2000, thumb_height = 10", png_bytes(2000, 10));
    expect_refused(f, b, "its thumbnail is 2000 x 10");
  }
  SUBCASE("an id longer than a file name may be") {
    alter(b, "UPDATE category SET id = replace(hex(zeroblob(300)), '00', 'k'); UPDATE article SET category_id = NULL");
    expect_refused(f, b, "'id' is 300 bytes");
  }
}

TEST_CASE("a bundle at the limits imports") {
  ImportedFixture f;
  const std::string b = f.pack(2, 3, "main", 1);
  alter(b, "UPDATE article SET title = replace(hex(zeroblob(4096)), '00', 'x'), body_md = 'ก' || "
           "replace(hex(zeroblob(8)), '00', char(3656)) WHERE id = 'a0';" + std::string(kPlanRows) +
           "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) "
           "INSERT INTO progress (id, activity_id, fiscal_year, recorded_on) SELECT i, 'act', 2565, '2025' FROM n");
  f.resign(b, "khlang seq=2 channel=main");
  auto result = bundle::import_bundle(f.db, b);
  INFO((result ? "" : result.error().message));
  REQUIRE(result.ok());
  CHECK(result->counts["progress"] == limits::max_rows("progress"));
}

// Thai search: every search expectation of thai-test-strings.tsv, ranking, snippets, and the
// index following the content through imports and rollbacks.
#include <doctest/doctest.h>

#include <filesystem>

#include "bundle/importer.h"
#include "bundle_fixture.h"
#include "content/content_folder.h"
#include "search/search_index.h"
#include "search/tokenizer.h"
#include "store/schema.h"
#include "text/segment.h"
#include "text/utf8.h"

using namespace khlang;
using khlang::test::BundleFixture;

namespace {

struct SearchFixture : BundleFixture {
  SearchFixture() {
    const std::filesystem::path folder = write_folder(1, 0);
    const std::pair<const char*, const char*> articles[] = {
        {"word", "ความรู้คือพลัง การจัดการความรู้ในองค์กร"},
        {"feeling", "ความรู้สึกของประชาชนต่อการบริการ"},
        {"province", "การศึกษาดูงานที่จังหวัดสมุทรปราการ"},
        {"water", "ระบบน้ำประปาหมู่บ้าน"},
        {"year-ascii", "แผนปีงบประมาณ 2569 ของเทศบาล"},
        {"year-thai", "ประกาศ ณ วันที่ ๑ ตุลาคม พ.ศ. ๒๕๖๙"},
        {"edit", "การแก้ไขระเบียบการเงิน"},
    };
    for (const auto& [id, body] : articles) {
      test::write_file((folder / "articles" / (std::string(id) + ".md")).string(),
                       std::string("---\ntitle: บทความ ") + id + "\ncategory_id: km\npublished_on: 2025-01-01\n"
                       "updated_on: 2025-01-01\n---\n\n" + body + "\n");
    }
    auto set = content::load_content_folder(folder.string());
    REQUIRE(set.ok());
    const std::string b = (dir / "search.khb").string();
    REQUIRE(bundle::pack_bundle(set.value(), {"เทศบาลทดสอบ", "main", 1, bundle::now_utc_iso()}, key.secret, b).ok());
    REQUIRE(bundle::import_bundle(db, b).ok());
  }
  std::vector<search::SearchHit> find(const std::string& query) {
    auto kiosk = store::open_kiosk_db(db);
    auto hits = search::search(kiosk.value(), query, 20);
    REQUIRE(hits.ok());
    return hits.value();
  }
  static int rank_of(const std::vector<search::SearchHit>& hits, const std::string& route) {
    for (size_t i = 0; i < hits.size(); ++i) {
      if (hits[i].route == route) return static_cast<int>(i);
    }
    return -1;
  }
};

}  // namespace

TEST_CASE("search: ความรู้ finds the word ความรู้ first, ความรู้สึก after it") {
  SearchFixture f;
  const auto hits = f.find("ความรู้");
  const int word = SearchFixture::rank_of(hits, "article:word");
  const int feeling = SearchFixture::rank_of(hits, "article:feeling");
  REQUIRE(word >= 0);
  REQUIRE(feeling >= 0);
  CHECK(word < feeling);
}

TEST_CASE("search: ปราการ finds สมุทรปราการ (a word inside a compound)") {
  SearchFixture f;
  const auto hits = f.find("ปราการ");
  REQUIRE(SearchFixture::rank_of(hits, "article:province") >= 0);
  CHECK_FALSE(hits[static_cast<size_t>(SearchFixture::rank_of(hits, "article:province"))].whole_word);
}

TEST_CASE("search: น้ํา typed as U+0E49 U+0E4D U+0E32 matches น้ำ") {
  SearchFixture f;
  CHECK(SearchFixture::rank_of(f.find("\u0E19\u0E49\u0E4D\u0E32"), "article:water") >= 0);
}

TEST_CASE("search: ๒๕๖๙ matches 2569, and 2569 matches ๒๕๖๙") {
  SearchFixture f;
  CHECK(SearchFixture::rank_of(f.find("๒๕๖๙"), "article:year-ascii") >= 0);
  CHECK(SearchFixture::rank_of(f.find("2569"), "article:year-thai") >= 0);
}

TEST_CASE("search: เเก้ไข (two sara e) matches แก้ไข") {
  SearchFixture f;
  CHECK(SearchFixture::rank_of(f.find("เเก้ไข"), "article:edit") >= 0);
}

TEST_CASE("search: the last word is a prefix while the visitor types; nonsense finds nothing") {
  SearchFixture f;
  CHECK(SearchFixture::rank_of(f.find("ประชา"), "article:feeling") >= 0);
  CHECK(f.find("กขฃคฅฆงจฉ").empty());
  CHECK(f.find("   ").empty());
  CHECK(f.find("\"*) OR (").empty());  // FTS5 syntax in a query is only text
}

TEST_CASE("search: snippets mark the match and never cut a cluster") {
  SearchFixture f;
  for (const std::string query : {"ความรู้", "ปราการ", "น้ำ", "ประชา", "2569"}) {
    for (const search::SearchHit& h : f.find(query)) {
      INFO(query << " in " << h.route << ": " << h.snippet);
      const std::u32string cps = text::decode_utf8(h.snippet);
      const auto clusters = text::find_cluster_boundaries(cps);
      std::vector<uint32_t> bytes;
      text::decode_utf8(h.snippet, &bytes);
      for (const auto& [b, e] : h.marks) {
        REQUIRE(e <= h.snippet.size());
        const auto at = [&](uint32_t byte) {
          const auto it = std::lower_bound(bytes.begin(), bytes.end(), byte);
          REQUIRE(it != bytes.end());
          REQUIRE(*it == byte);  // on a code point boundary
          return static_cast<size_t>(it - bytes.begin());
        };
        CHECK((clusters[at(b)] & text::kClusterStart));
        CHECK((clusters[at(e)] & text::kClusterStart));
      }
    }
  }
  const auto hits = f.find("ความรู้");
  REQUIRE_FALSE(hits.empty());
  CHECK_FALSE(hits[0].marks.empty());
}

TEST_CASE("search: the index follows imports and rollbacks") {
  SearchFixture f;
  CHECK(SearchFixture::rank_of(f.find("ปราการ"), "article:province") >= 0);
  REQUIRE(bundle::import_bundle(f.db, f.pack(2, 2)).ok());  // a bundle without those articles
  CHECK(f.find("ปราการ").empty());
  REQUIRE(bundle::rollback_import(f.db).ok());
  CHECK(SearchFixture::rank_of(f.find("ปราการ"), "article:province") >= 0);
}

TEST_CASE("search tokens: words from libthai, pairs of clusters, offsets into the source") {
  const auto words = search::tokenize("ความรู้ KM 2569", search::TokenKind::Words);
  REQUIRE(words.size() >= 3);
  CHECK(words.back().text == "2569");
  CHECK(words[words.size() - 2].text == "km");
  CHECK(words.front().begin == 0);
  const auto pairs = search::tokenize("ปราการ", search::TokenKind::ClusterPairs);
  REQUIRE(pairs.size() == 5);  // clusters ป ร า ก า ร: ปร รา าก กา าร
  CHECK(pairs[0].text == "ปร");
  CHECK(pairs[4].end == static_cast<int>(std::string("ปราการ").size()));
  const auto marks = search::tokenize("ที่นี่", search::TokenKind::ClusterPairs);  // a base and its marks stay one
  REQUIRE(marks.size() == 1);
  CHECK(marks[0].text == "ที่นี่");
}

// Thai search: every search expectation of thai-test-strings.tsv, ranking, snippets, and the
// index following the content through imports and rollbacks.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "bundle/importer.h"
#include "bundle_fixture.h"
#include "content/content_folder.h"
#include "search/documents.h"
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
        {"codes", "ไฟล์เข้ารหัส UTF-8 วันที่ตามมาตรฐาน ISO-8601 แพ็กเกจสร้างด้วย dpkg-deb ทุกวันที่ 1-31 ของเดือน"},
        {"utf-space", "ระบบรองรับ UTF 8 แล้ว"},
        {"names", "รายชื่อผู้เข้าร่วมประชุม รายชื่อ รายชื่อ"},
        {"connect", "การเชื่อมต่อ เชื่อม เชื่อม เชื่อม เชื่อม"},
        {"permit", "การขออนุญาตก่อสร้างอาคาร"},
        {"evaluation", "แนวทางการประเมินผลการดำเนินงาน"},
        {"timetable", "ตารางเวลาและตามกำหนดการ"},
        {"crow", "นกกาบินข้ามทุ่ง"},
        {"rule-eight", "ระเบียบข้อ 8 ว่าด้วยพัสดุ"},
        {"cop", "ชุมชนนักปฏิบัติด้านการเกษตร"},
        {"budget-often", "งบประมาณ งบประมาณ งบประมาณ"},
        {"budget-once", "รายงานการประชุมประจำเดือนของเทศบาล มีวาระเรื่องงบประมาณ และเรื่องอื่น ๆ อีกหลายเรื่อง "
                        "ทั้งการพัฒนาชุมชน การศึกษา การสาธารณสุข การท่องเที่ยว และการดูแลผู้สูงอายุในพื้นที่"},
    };
    for (const auto& [id, body] : articles) {
      test::write_file((folder / "articles" / (std::string(id) + ".md")).string(),
                       std::string("---\ntitle: บทความ ") + id + "\ncategory_id: km\npublished_on: 2025-01-01\n"
                       "updated_on: 2025-01-01\n---\n\n" + body + "\n");
    }
    content_folder = folder.string();
    REQUIRE(bundle::import_bundle(db, pack_search_content(1)).ok());
  }
  std::string pack_search_content(int64_t seq) {
    auto set = content::load_content_folder(content_folder);
    REQUIRE(set.ok());
    const std::string b = (dir / ("search-" + std::to_string(seq) + ".khb")).string();
    const bundle::BundleLabel label{"เทศบาลทดสอบ", "main", seq, bundle::now_utc_iso()};
    REQUIRE(bundle::pack_bundle(set.value(), label, key.secret, b).ok());
    return b;
  }
  std::string content_folder;
  search::SearchResults results(const std::string& query, bool submitted = false) {
    auto kiosk = store::open_kiosk_db(db);
    REQUIRE(kiosk.ok());
    search::Searcher searcher(kiosk.value());
    auto found = searcher.search({query, 20, submitted});
    REQUIRE(found.ok());
    return found.value();
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
  CHECK(hits[static_cast<size_t>(SearchFixture::rank_of(hits, "article:province"))].match != search::MatchKind::Word);
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

TEST_CASE("search: the last word is a prefix while the visitor types, and nonsense finds nothing") {
  SearchFixture f;
  CHECK(SearchFixture::rank_of(f.find("ประชา"), "article:feeling") >= 0);
  CHECK(f.find("กขฃคฅฆงจฉ").empty());
  CHECK(f.find("   ").empty());
  CHECK(f.find("\"*) OR NEAR( ฃฅฃ").empty());  // FTS5 syntax in a query is only text: all three words must match
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

TEST_CASE("search: a snippet cut inside a text starts and ends where words do") {
  SearchFixture f;
  auto db = store::open_kiosk_db(f.db);
  REQUIRE(db.ok());
  search::Searcher searcher(db.value());
  int cuts = 0;
  for (const std::string query : {"ความรู้", "ปราการ", "ประชา", "ชุมชน", "อบรม", "น้ำ", "การ", "เทศบาล", "ข้อมูล"}) {
    auto found = searcher.search({query, 20, false, 30});  // short snippets: cut on both sides
    REQUIRE(found.ok());
    for (const search::SearchHit& h : found->hits) {
      INFO(query << " in " << h.route << ": " << h.snippet);
      auto body = search::document_body(db.value(), h.kind, h.id);
      REQUIRE(body.ok());
      std::string flat = body.value();
      for (char& c : flat) {
        if (c == '\n' || c == '\t') c = ' ';
      }
      std::string inner = h.snippet;
      const bool head_cut = inner.starts_with("…"), tail_cut = inner.ends_with("…");
      if (head_cut) inner.erase(0, 3);
      if (tail_cut) inner.erase(inner.size() - 3);
      const size_t at = flat.find(inner);
      REQUIRE(at != std::string::npos);
      const std::u32string cps = text::decode_utf8(flat);
      const std::vector<uint32_t> breaks = text::line_break_offsets(cps);
      const auto word_edge = [&](size_t byte) {
        const uint32_t k = static_cast<uint32_t>(text::decode_utf8(flat.substr(0, byte)).size());
        return k == 0 || k == cps.size() || cps[k] == U' ' || cps[k - 1] == U' ' ||
               std::binary_search(breaks.begin(), breaks.end(), k);
      };
      if (head_cut) {
        ++cuts;
        CHECK(word_edge(at));
      }
      if (tail_cut) {
        ++cuts;
        CHECK(word_edge(at + inner.size()));
      }
    }
  }
  MESSAGE("snippet ends cut inside a text: " << cuts);
  CHECK(cuts >= 6);  // the check saw snippets cut
}

TEST_CASE("search: the index follows imports and rollbacks") {
  SearchFixture f;
  CHECK(SearchFixture::rank_of(f.find("ปราการ"), "article:province") >= 0);
  REQUIRE(bundle::import_bundle(f.db, f.pack(2, 2)).ok());  // a bundle without those articles
  CHECK(f.find("ปราการ").empty());
  REQUIRE(bundle::rollback_import(f.db).ok());
  CHECK(SearchFixture::rank_of(f.find("ปราการ"), "article:province") >= 0);
}

TEST_CASE("search tokens: words from libthai, offsets into the source") {
  const auto words = search::tokenize("ความรู้ KM 2569");
  REQUIRE(words.size() >= 3);
  CHECK(words.back().text == "2569");
  CHECK(words[words.size() - 2].text == "km");
  CHECK(words.front().begin == 0);
  const auto marks = search::tokenize("ที่นี่ น้ํา");  // marks stay with their base; ํา is folded to ำ
  REQUIRE(marks.size() >= 2);
  CHECK(marks.back().text == "น้ำ");
  CHECK(marks.back().end == static_cast<int>(std::string("ที่นี่ น้ํา").size()));
}

namespace {

// Every hit of a few queries, as one string: routes, order, snippets and marks.
std::string results_of(sqlite::Database& kiosk) {
  std::string out;
  for (const char* query : {"ความรู้", "ปราการ", "ความ", "2569", "แก้ไข", "น้ำ", "บทความ"}) {
    auto hits = search::search(kiosk, query, 20);
    REQUIRE(hits.ok());
    out += std::string(query) + ":";
    for (const auto& h : hits.value()) {
      out += " " + h.route + "/" + search::match_kind_name(h.match) + "[" + h.snippet + "]";
      for (const auto& [b, e] : h.marks) out += std::to_string(b) + "-" + std::to_string(e) + ",";
    }
    out += "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("search: the index packed in the bundle answers exactly as one built on the kiosk") {
  SearchFixture f;
  auto kiosk = store::open_kiosk_db(f.db);
  REQUIRE(kiosk.ok());
  const std::string packed = results_of(kiosk.value());
  CHECK(packed.find("article:province/") != std::string::npos);
  REQUIRE(kiosk->exec("BEGIN").ok());
  REQUIRE(search::rebuild_search_index(kiosk.value()).ok());
  REQUIRE(kiosk->exec("COMMIT").ok());
  CHECK(results_of(kiosk.value()) == packed);
  // It travels as plain tables: a bundle's schema holds no virtual table (docs/architecture.md's import pipeline, step 6).
  auto bundle_db = sqlite::Database::open(f.pack_search_content(2), sqlite::Database::Mode::ReadOnly);
  REQUIRE(bundle_db.ok());
  CHECK(bundle_db->query_int("SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%VIRTUAL%'").value() == 0);
  CHECK(bundle_db->query_int("SELECT count(*) FROM packed_words_data").value() > 1);
}

// Packs the search content as `seq`, then empties its packed index and labels it as cut by
// `tokenizer`, and signs it again.
std::string pack_with_empty_index(SearchFixture& f, int64_t seq, const std::string& tokenizer) {
  const std::string b = f.pack_search_content(seq);
  {
    auto bundle_db = sqlite::Database::open(b, sqlite::Database::Mode::ReadWrite);
    REQUIRE(bundle_db.ok());
    REQUIRE(search::register_search_functions(bundle_db->handle()).ok());
    auto label = bundle_db->prepare("UPDATE search_info SET tokenizer = ?");
    REQUIRE(label.ok());
    label->bind(1, std::string_view(tokenizer));
    REQUIRE(label->run().ok());
    // The packed tables of an empty index, made by FTS5 itself.
    REQUIRE(bundle_db->exec("CREATE VIRTUAL TABLE temp.e USING fts5(title, body, content='', tokenize='khlang_words');"
                            "DELETE FROM search_term;"
                            "DELETE FROM packed_words_data; INSERT INTO packed_words_data SELECT * FROM temp.e_data;"
                            "DELETE FROM packed_words_idx; INSERT INTO packed_words_idx SELECT * FROM temp.e_idx;"
                            "DELETE FROM packed_words_docsize; INSERT INTO packed_words_docsize SELECT * FROM temp.e_docsize;"
                            "DELETE FROM packed_words_config; INSERT INTO packed_words_config SELECT * FROM temp.e_config;")
                .ok());
  }
  auto facts = bundle::read_bundle_facts(b, nullptr);
  REQUIRE(facts.ok());
  f.resign(b, facts->trusted_comment);
  return b;
}

TEST_CASE("search: the kiosk takes the bundle's index only when its own tokenizer would cut the same words") {
  SearchFixture f;
  auto found = [&] {
    auto kiosk = store::open_kiosk_db(f.db);
    REQUIRE(kiosk.ok());
    return SearchFixture::rank_of(search::search(kiosk.value(), "ปราการ", 20).value(), "article:province") >= 0;
  };
  REQUIRE(found());
  // Labelled as ours: taken as it is (so an emptied index finds nothing).
  REQUIRE(bundle::import_bundle(f.db, pack_with_empty_index(f, 2, search::tokenizer_fingerprint())).ok());
  CHECK_FALSE(found());
  // Cut with another libthai dictionary, or by an older tokenizer: indexed again on the kiosk.
  REQUIRE(bundle::import_bundle(f.db, pack_with_empty_index(f, 3, "khlang-search-1 dict=0123456789abcdef")).ok());
  CHECK(found());
  REQUIRE(bundle::import_bundle(f.db, pack_with_empty_index(f, 4, "")).ok());
  CHECK(found());
}

namespace {
const search::SearchHit* hit_for(const std::vector<search::SearchHit>& hits, const std::string& route) {
  for (const auto& h : hits) {
    if (h.route == route) return &h;
  }
  return nullptr;
}
}  // namespace

TEST_CASE("search: tokens joined by punctuation are searched as a phrase (UTF-8, dpkg-deb, 1-31, ISO-8601)") {
  SearchFixture f;
  for (const char* query : {"UTF-8", "dpkg-deb", "1-31", "ISO-8601", "iso-8601"}) {
    INFO(query);
    const auto hits = f.find(query);
    const search::SearchHit* codes = hit_for(hits, "article:codes");
    REQUIRE(codes != nullptr);
    CHECK(codes->match == search::MatchKind::Word);
    CHECK_FALSE(codes->marks.empty());
  }
  // UTF-8 also finds "UTF 8", and the tokens must stand together: 8 alone is not UTF-8.
  CHECK(hit_for(f.find("UTF-8"), "article:utf-space") != nullptr);
  CHECK(hit_for(f.find("UTF-8"), "article:rule-eight") == nullptr);
}

TEST_CASE("search: a prefix of the word being typed is flagged as a prefix, never as a word") {
  SearchFixture f;
  const auto ka = f.find("กา");
  REQUIRE_FALSE(ka.empty());
  // นกกา holds the word กา: a word match, first; every การ... is a prefix match after it.
  CHECK(ka.front().route == "article:crow");
  CHECK(ka.front().match == search::MatchKind::Word);
  for (const auto& h : ka) {
    if (h.route != "article:crow") CHECK(h.match != search::MatchKind::Word);
  }
  const search::SearchHit* edit = hit_for(ka, "article:edit");
  REQUIRE(edit != nullptr);
  CHECK(edit->match == search::MatchKind::Prefix);
  const auto ta = f.find("ตา");
  const search::SearchHit* timetable = hit_for(ta, "article:timetable");
  REQUIRE(timetable != nullptr);
  CHECK(timetable->match == search::MatchKind::Prefix);  // ตาราง and ตาม start with ตา; neither is the word ตา
}

TEST_CASE("search: a compound member on syllable boundaries ranks above a match inside a syllable") {
  SearchFixture f;
  const auto hits = f.find("ชื่อ");
  const int names = SearchFixture::rank_of(hits, "article:names");
  const int connect = SearchFixture::rank_of(hits, "article:connect");
  REQUIRE(names >= 0);
  REQUIRE(connect >= 0);
  CHECK(names < connect);  // รายชื่อ ×3 above เชื่อม ×5
  CHECK(hits[static_cast<size_t>(names)].match == search::MatchKind::Compound);
  CHECK(hits[static_cast<size_t>(connect)].match == search::MatchKind::Inside);  // เ|ชื่อม is never a word
}

TEST_CASE("search: within a tier, bm25 puts the document about the word first") {
  SearchFixture f;
  const auto hits = f.find("งบประมาณ");
  const int often = SearchFixture::rank_of(hits, "article:budget-often");
  const int once = SearchFixture::rank_of(hits, "article:budget-once");
  REQUIRE(often >= 0);
  REQUIRE(once >= 0);
  CHECK(often < once);
  CHECK(hits[static_cast<size_t>(often)].score > hits[static_cast<size_t>(once)].score);
  // A title match comes before every body match of its tier.
  const auto titled = f.find("บทความ");
  REQUIRE_FALSE(titled.empty());
  CHECK(titled.front().in_title);
}

TEST_CASE("search: a misspelling finds the nearest word of the index, marked as a correction") {
  SearchFixture f;
  const search::SearchResults r = f.results("อนุญาติ");
  REQUIRE_FALSE(r.hits.empty());
  CHECK(r.corrected_query == "อนุญาต");
  CHECK(r.hits.front().route == "article:permit");
  // A query that finds something is not corrected, and nonsense is not "corrected" into a word.
  CHECK(f.results("อนุญาต").corrected_query.empty());
  const search::SearchResults nonsense = f.results("ฮฮฮฮฮฮฮ");
  CHECK(nonsense.hits.empty());
  CHECK(nonsense.corrected_query.empty());
}

TEST_CASE("search: few results come with the nearest words as suggestions") {
  SearchFixture f;
  const search::SearchResults r = f.results("อนุญาติ");
  CHECK(std::find(r.suggestions.begin(), r.suggestions.end(), "อนุญาต") != r.suggestions.end());
  const search::SearchResults typing = f.results("ประช");  // completions of the word being typed
  CHECK(std::find(typing.suggestions.begin(), typing.suggestions.end(), "ประชาชน") != typing.suggestions.end());
}

TEST_CASE("search: a single digit or letter is searched when the visitor presses search") {
  SearchFixture f;
  CHECK(f.results("8").hits.empty());  // while typing: one letter would match half the index
  const search::SearchResults pressed = f.results("8", true);
  const search::SearchHit* rule = hit_for(pressed.hits, "article:rule-eight");
  REQUIRE(rule != nullptr);
  CHECK(rule->match == search::MatchKind::Word);
  CHECK(hit_for(pressed.hits, "article:codes") != nullptr);  // UTF-8 holds the word 8 too
}

TEST_CASE("search: the query is capped, and only its last word is looked for inside other words") {
  SearchFixture f;
  // Six words: the sixth is past the cap and ignored, so the first five still find the article.
  CHECK(hit_for(f.find("รายชื่อ รายชื่อ รายชื่อ รายชื่อ รายชื่อ กขฃคฅฆงจฉ"), "article:names") != nullptr);
  // 100,000 characters: cut to the first 100, and answered.
  std::string huge;
  while (huge.size() < 300000) huge += "ชื่อ";
  CHECK(f.results(huge).hits.empty());  // one word of 25 ชื่อ: nowhere
  // ปราการ inside สมุทรปราการ is found as the last word, not as an earlier one.
  CHECK(hit_for(f.find("ที่ ปราการ"), "article:province") != nullptr);
  CHECK(hit_for(f.find("ปราการ ที่"), "article:province") == nullptr);
}

TEST_CASE("search: every prefix of a phrase, as typed, finds it (libthai cuts การจัดกา as การ|จัด|กา)") {
  SearchFixture f;
  const std::u32string typed = text::decode_utf8("การจัดการความรู้");
  for (size_t n = 2; n <= typed.size(); ++n) {
    const std::string prefix = text::encode_utf8(typed.substr(0, n));
    INFO(prefix);
    CHECK(SearchFixture::rank_of(f.find(prefix), "article:word") >= 0);
  }
  const auto typing = f.find("การจัดกา");
  const search::SearchHit* hit = hit_for(typing, "article:word");
  REQUIRE(hit != nullptr);
  CHECK(hit->match == search::MatchKind::Prefix);
}

TEST_CASE("search: a misspelt part of a longer word is corrected on its own") {
  SearchFixture f;
  const search::SearchResults r = f.results("ชุมชนนักปฏิบัด");
  CHECK(r.corrected_query == "ชุมชนนักปฏิบัติ");
  CHECK(hit_for(r.hits, "article:cop") != nullptr);
}

TEST_CASE("search: a packed index with its FTS5 blocks damaged is rebuilt at import, logged, and search works") {
  SearchFixture f;
  const std::string b = f.pack_search_content(2);
  {
    // Every block of FTS5's index XORed, as a broken pack (or disk) would leave it; signed again,
    // so only the index check stands between it and the kiosk.
    auto bundle_db = sqlite::Database::open(b, sqlite::Database::Mode::ReadWrite);
    REQUIRE(bundle_db.ok());
    std::vector<std::pair<int64_t, std::vector<uint8_t>>> blocks;
    auto read = bundle_db->prepare("SELECT id, block FROM packed_words_data");
    REQUIRE(read.ok());
    REQUIRE(read->for_each_row([&](const sqlite::Statement& r) { blocks.emplace_back(r.column_int(0), r.column_blob(1)); }).ok());
    REQUIRE(blocks.size() > 1);
    auto write = bundle_db->prepare("UPDATE packed_words_data SET block = ? WHERE id = ?");
    REQUIRE(write.ok());
    for (auto& [id, block] : blocks) {
      for (uint8_t& byte : block) byte ^= 0x5A;
      write->bind_blob(1, block.data(), block.size()).bind(2, id);
      REQUIRE(write->run().ok());
    }
  }
  auto facts = bundle::read_bundle_facts(b, nullptr);
  REQUIRE(facts.ok());
  f.resign(b, facts->trusted_comment);

  auto report = bundle::import_bundle(f.db, b);
  REQUIRE_MESSAGE(report.ok(), (report ? "" : report.error().message));
  CHECK(report->label.seq == 2);
  CHECK(report->note.find("integrity check") != std::string::npos);
  auto kiosk = store::open_kiosk_db(f.db);
  REQUIRE(kiosk.ok());
  CHECK(kiosk->query_text("SELECT result || ': ' || message FROM import_log ORDER BY id DESC LIMIT 1").value().find(
            "imported: the bundle's search index failed FTS5's integrity check") == 0);
  auto hits = search::search(kiosk.value(), "ปราการ", 20);
  REQUIRE(hits.ok());
  CHECK(SearchFixture::rank_of(hits.value(), "article:province") >= 0);
  CHECK(kiosk->exec("INSERT INTO search_words (search_words) VALUES ('integrity-check')").ok());
  // A sound packed index is taken as it is, with nothing to note.
  auto sound = bundle::import_bundle(f.db, f.pack_search_content(3));
  REQUIRE(sound.ok());
  CHECK(sound->note.empty());
}

TEST_CASE("search: a word of several index words with a slipped letter is respelt (ประเมิณผล, กฤษฏีกา)") {
  SearchFixture f;
  const search::SearchResults r = f.results("ประเมิณผล", true);
  CHECK(r.corrected_query == "ประเมินผล");
  CHECK(hit_for(r.hits, "article:evaluation") != nullptr);
  // Nothing to respell into: no correction, no results.
  const search::SearchResults none = f.results("ประเมิณผลฮฮฮ", true);
  CHECK(none.hits.empty());
  CHECK(none.corrected_query.empty());
}

TEST_CASE("search: chips complete the word being typed as the content spells it, never a word after it") {
  SearchFixture f;
  // การจัดกา is การ|จัด|กา to libthai: no index word starts with it, the hits spell การจัดการ.
  const search::SearchResults typing = f.results("การจัดกา");
  CHECK(std::find(typing.suggestions.begin(), typing.suggestions.end(), "การจัดการ") != typing.suggestions.end());
  // ความรู้ is a whole word: what follows it in a text (ความรู้คือ, ความรู้ใน) is no completion.
  for (const std::string& s : f.results("ความรู้").suggestions) {
    INFO(s);
    CHECK(s != "ความรู้คือ");
    CHECK(s != "ความรู้ใน");
    CHECK_FALSE(std::string("ความรู้").starts_with(s));  // a shorter word was typed past, not a correction
  }
}

TEST_CASE("search: the query caps are what a field can check") {
  CHECK(search::fits_query_caps("ความรู้ การจัดการ"));
  CHECK(search::fits_query_caps("ก ข ค ง จ"));
  CHECK_FALSE(search::fits_query_caps("ก ข ค ง จ ฉ"));         // a sixth word
  CHECK(search::fits_query_caps("UTF-8 dpkg-deb 1-31 ISO-8601 ก"));  // words joined by signs are one word each
  CHECK(search::fits_query_caps(std::string(100, 'a')));
  CHECK_FALSE(search::fits_query_caps(std::string(101, 'a')));
}

// What a screen loads is bounded whatever the content holds (store/content_queries.h): lists carry
// cut texts and never a body, a community lists its first members and counts the rest, plans with
// thousands of activities and entries load with every entry on its own activity, and the
// current announcements say when they next change.
#include <doctest/doctest.h>

#include <string>

#include "bundle_fixture.h"
#include "store/content_queries.h"
#include "store/schema.h"
#include "text/utf8.h"

using namespace khlang;
using khlang::test::BundleFixture;

namespace {

// `n` Thai code points ("กขค..." repeated), so cuts are counted in code points, not bytes.
std::string thai_text(size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s += text::encode_utf8(std::u32string(1, U'ก' + static_cast<char32_t>(i % 40)));
  return s;
}
size_t code_points(const std::string& s) { return text::decode_utf8(s).size(); }
bool ends_cut(const std::string& s) { return s.size() >= 3 && s.compare(s.size() - 3, 3, "…") == 0; }

}  // namespace

TEST_CASE("list queries: long titles and summaries are cut for lists, bodies come one at a time") {
  BundleFixture fx;
  auto db = store::open_kiosk_db(fx.db);
  REQUIRE(db.ok());
  const std::string title = thai_text(1300), summary = thai_text(20000), body = thai_text(300000);
  auto insert = db->prepare(
      "INSERT INTO article (id, title, summary, body_md, category_id, published_on, updated_on, is_sample) "
      "VALUES (?, ?, ?, ?, 'c', '2025-01-01', '2025-01-01', ?)");
  REQUIRE(insert.ok());
  REQUIRE(db->exec("INSERT INTO category (id, title_th, title_en) VALUES ('c', '" + thai_text(1300) + "', 'C')").ok());
  for (int i = 0; i < 3; ++i) {
    insert->reset();
    insert->bind_all(std::string_view("a" + std::to_string(i)), std::string_view(title), std::string_view(summary),
                     std::string_view(body), int64_t{i == 2});
    REQUIRE(insert->step().ok());
  }
  auto articles = store::load_articles(db.value(), "c");
  REQUIRE(articles.ok());
  REQUIRE(articles->size() == 3);
  for (const store::ArticleItem& a : articles.value()) {
    CHECK(code_points(a.title) == store::kListTitleChars + 1);  // the ellipsis after 200
    CHECK(ends_cut(a.title));
    CHECK(code_points(a.summary) == store::kListTextChars + 1);
  }
  auto counts = store::count_articles(db.value(), "c");
  REQUIRE(counts.ok());
  CHECK(counts->articles == 3);
  CHECK(counts->samples == 1);
  auto categories = store::load_categories(db.value());
  REQUIRE(categories.ok());
  CHECK(code_points(categories->at(0).title_th) == store::kListTitleChars + 1);
  auto article = store::load_article(db.value(), "a0");  // one article: whole
  REQUIRE(article.ok());
  CHECK(article.value()->title == title);
  CHECK(article.value()->body_md == body);

  REQUIRE(db->exec("INSERT INTO announcement (id, title, body_md, starts_at, ends_at) VALUES "
                   "('n1', '" + title + "', '" + thai_text(5000) + "', '2025-01-01T00:00:00+07:00', '2025-03-01T00:00:00+07:00'),"
                   "('n2', 'สั้น', 'เนื้อหา', '2025-02-01T00:00:00+07:00', '2025-02-10T00:00:00+07:00')").ok());
  auto all = store::load_announcements(db.value());
  REQUIRE(all.ok());
  REQUIRE(all->size() == 2);
  for (const store::Announcement& a : all.value()) CHECK(a.body_md.empty());  // no bodies in the list
  const store::Announcement& long_one = all->at(0).id == "n1" ? all->at(0) : all->at(1);
  CHECK(code_points(long_one.title) == store::kListTitleChars + 1);
  auto one = store::load_announcement(db.value(), "n1");
  REQUIRE(one.ok());
  REQUIRE(one.value().has_value());
  CHECK(one.value()->title == title);
  CHECK(code_points(one.value()->body_md) == 5000);
  CHECK_FALSE(store::load_announcement(db.value(), "none").value().has_value());
  // Between the windows' edges nothing changes; the next change is the next edge.
  const int64_t jan15 = 1736874000;  // 2025-01-15T00:00:00+07:00
  int64_t next = 0;
  auto current = store::current_announcements(all.value(), jan15, &next);
  REQUIRE(current.size() == 1);
  CHECK(current[0].id == "n1");
  CHECK(next == 1738342800);  // 2025-02-01T00:00:00+07:00: n2 opens
  current = store::current_announcements(all.value(), 1738342800, &next);
  CHECK(current.size() == 2);
  CHECK(next == 1739120400);  // 2025-02-10: n2 closes
  store::current_announcements(all.value(), 1740762000, &next);  // 2025-03-01: n1 closes
  CHECK(next == INT64_MAX);
}

TEST_CASE("list queries: a community of 5,000 lists its first 30 members in the people's order and counts them all") {
  BundleFixture fx;
  auto db = store::open_kiosk_db(fx.db);
  REQUIRE(db.ok());
  REQUIRE(db->exec("INSERT INTO community (id, name, topic) VALUES ('big', '" + thai_text(1000) + "', 'หัวข้อ'), ('small', 'เล็ก', 'หัวข้อ');"
                   "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) "
                   "INSERT INTO person (id, name_th, sort_order) SELECT 'p' || i, 'คน ' || i, 5001 - i FROM n;"
                   "INSERT INTO community_member (community_id, person_id, role) SELECT 'big', id, 'สมาชิก' FROM person;"
                   "INSERT INTO community_member (community_id, person_id, role) VALUES ('small', 'p1', 'ประธาน')").ok());
  auto communities = store::load_communities(db.value());
  REQUIRE(communities.ok());
  REQUIRE(communities->size() == 2);
  const store::Community& big = communities->at(0);
  CHECK(big.id == "big");
  CHECK(code_points(big.name) == store::kListTitleChars + 1);
  CHECK(big.member_count == 5000);
  REQUIRE(big.members.size() == store::kCommunityMembersListed);
  CHECK(big.members.front().first == "คน 5000");  // sort_order 1
  CHECK(big.members.back().first == "คน 4971");
  const store::Community& small = communities->at(1);
  CHECK(small.member_count == 1);
  REQUIRE(small.members.size() == 1);
  CHECK(small.members[0] == std::make_pair(std::string("คน 1"), std::string("ประธาน")));
}

TEST_CASE("list queries: a plan of 2,000 activities and 20,000 entries loads each entry onto its own activity, cut for cells") {
  BundleFixture fx;
  auto db = store::open_kiosk_db(fx.db);
  REQUIRE(db.ok());
  REQUIRE(db->exec("INSERT INTO plan (id, title, desired_state, fiscal_year_from, fiscal_year_to) VALUES "
                   "('p', 'แผน', '" + thai_text(5000) + "', 2564, 2569);"
                   "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 1999) "
                   "INSERT INTO plan_activity (id, plan_id, seq, activity, method) SELECT 'a' || i, 'p', i, 'กิจกรรม ' || i, '" +
                   thai_text(3000) + "' FROM n;"
                   "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 19999) "
                   "INSERT INTO progress (id, activity_id, fiscal_year, value, recorded_on) "
                   "SELECT 'e' || i, 'a' || (i % 2000), 2564 + i / 2000 % 5, i, '2025-01-01' FROM n").ok());
  auto cut = store::load_plans(db.value(), store::kCellTextChars);
  REQUIRE(cut.ok());
  REQUIRE(cut->size() == 1);
  const store::Plan& plan = cut->at(0);
  CHECK(code_points(plan.desired_state) == store::kCellTextChars + 1);
  REQUIRE(plan.activities.size() == 2000);
  size_t entries = 0;
  for (const store::PlanActivity& a : plan.activities) {
    CHECK(code_points(a.method) == store::kCellTextChars + 1);
    REQUIRE(a.progress.size() == 10);
    for (const store::ProgressEntry& e : a.progress) {
      CHECK(e.activity_id == a.id);
      ++entries;
    }
  }
  CHECK(entries == 20000);
  auto whole = store::load_plans(db.value());  // the report: texts whole
  REQUIRE(whole.ok());
  CHECK(code_points(whole->at(0).desired_state) == 5000);
  CHECK(code_points(whole->at(0).activities.at(7).method) == 3000);
}

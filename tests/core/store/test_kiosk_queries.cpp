// What the kiosk's screens read through the store's typed queries: the settings snapshot (parsed
// in one place), the admin status (signer, last import), an article's author, media bytes.
#include <doctest/doctest.h>

#include <sqlite3.h>

#include <map>

#include "bundle/demo_content.h"
#include "bundle/importer.h"
#include "bundle_fixture.h"
#include "store/content_queries.h"
#include "store/kiosk_status.h"
#include "store/schema.h"
#include "store/settings.h"

using namespace khlang;
using khlang::test::BundleFixture;

TEST_CASE("settings: the snapshot takes stored values, and defaults for missing or unreadable ones") {
  BundleFixture fx;
  auto db = store::open_kiosk_db(fx.db);
  REQUIRE(db.ok());
  std::vector<std::string> problems;
  const store::KioskSettings defaults = store::load_settings(db.value(), &problems);
  CHECK(defaults == store::KioskSettings{});
  CHECK(problems.empty());
  REQUIRE(store::set_setting(db.value(), "idle_timeout_seconds", "120").ok());
  REQUIRE(store::set_setting(db.value(), "meeting_interval_seconds", "twenty").ok());
  REQUIRE(store::set_setting(db.value(), "default_language", "en").ok());
  REQUIRE(store::set_setting(db.value(), "inbox_folders", "/srv/inbox::/media/sync").ok());
  REQUIRE(store::set_setting(db.value(), "auto_import", "1").ok());
  REQUIRE(store::set_setting(db.value(), "outbox_folder", "/var/lib/khlang/outbox").ok());
  REQUIRE(store::set_setting(db.value(), "high_contrast", "1").ok());
  const store::KioskSettings s = store::load_settings(db.value(), &problems);
  CHECK(s.idle_timeout_seconds == 120);
  CHECK(s.meeting_interval_seconds == 0);  // by hand
  CHECK(s.default_language == "en");
  CHECK(s.inbox_folders == std::vector<std::string>{"/srv/inbox", "/media/sync"});
  CHECK(s.auto_import);
  CHECK(s.outbox_folder == "/var/lib/khlang/outbox");
  CHECK(s.high_contrast);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0] == "setting meeting_interval_seconds is 'twenty', not whole seconds from 0 (by hand) to 3600: the default is used");
  for (const char* bad : {"5", "90s", "", "1e9"}) {
    REQUIRE(store::set_setting(db.value(), "idle_timeout_seconds", bad).ok());
    INFO(bad);
    CHECK(store::load_settings(db.value()).idle_timeout_seconds == 90);
  }
  // Unattended imports stay off unless the setting says exactly 1.
  for (const char* bad : {"yes", "2", "", "on"}) {
    REQUIRE(store::set_setting(db.value(), "auto_import", bad).ok());
    INFO(bad);
    CHECK_FALSE(store::load_settings(db.value()).auto_import);
  }
  // The high-contrast theme likewise: only 1 turns it on, anything else is the default (off).
  for (const char* bad : {"yes", "on", "", "2"}) {
    REQUIRE(store::set_setting(db.value(), "high_contrast", bad).ok());
    INFO(bad);
    CHECK_FALSE(store::load_settings(db.value()).high_contrast);
  }
}

TEST_CASE("settings: saving writes only what changed, and a load gives it back") {
  BundleFixture fx;
  auto db = store::open_kiosk_db(fx.db);
  REQUIRE(db.ok());
  const store::KioskSettings before = store::load_settings(db.value());
  store::KioskSettings after = before;
  after.idle_timeout_seconds = 300;
  after.default_language = "en";
  after.auto_import = true;
  after.high_contrast = true;
  REQUIRE(store::save_settings(db.value(), before, after).ok());
  CHECK(store::load_settings(db.value()) == after);
  CHECK(store::get_setting(db.value(), "idle_timeout_seconds", "") == "300");
  CHECK(store::get_setting(db.value(), "auto_import", "") == "1");
  CHECK(store::get_setting(db.value(), "high_contrast", "") == "1");
  CHECK(store::get_setting(db.value(), "meeting_interval_seconds", "unset") == "unset");  // unchanged: not written
}

TEST_CASE("settings: a checked set refuses an unknown key or a value the kiosk cannot read, and changes nothing") {
  BundleFixture fx;
  auto db = store::open_kiosk_db(fx.db);
  REQUIRE(db.ok());
  REQUIRE(store::set_settings_checked(db.value(), {{"auto_import", "1"}, {"kiosk_name", "ศูนย์บริการ ชั้น 1"},
                                                    {"inbox_folders", "/srv/inbox"}})
              .ok());
  const store::KioskSettings s = store::load_settings(db.value());
  CHECK(s.auto_import);
  CHECK(s.kiosk_name == "ศูนย์บริการ ชั้น 1");
  CHECK(s.inbox_folders == std::vector<std::string>{"/srv/inbox"});

  const auto bad_value = store::set_settings_checked(db.value(), {{"idle_timeout_seconds", "300"}, {"auto_import", "yes"}});
  REQUIRE_FALSE(bad_value.ok());
  CHECK(bad_value.error().message == "setting auto_import cannot be 'yes': it takes 0 or 1");
  const auto unknown = store::set_settings_checked(db.value(), {{"idle_timeout_seconds", "300"}, {"idle_timeout", "300"}});
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().message.rfind("no setting 'idle_timeout' (the settings: kiosk_name, ", 0) == 0);
  const auto two_lines = store::set_settings_checked(db.value(), {{"kiosk_location", "ชั้น 1\nห้อง 2"}});
  CHECK_FALSE(two_lines.ok());
  CHECK(store::load_settings(db.value()) == s);  // the good pair before each bad one was not written either

  for (const store::SettingInfo& info : store::describe_settings(db.value())) {
    INFO(info.key);
    CHECK_FALSE(info.expects.empty());
    if (info.key == "auto_import") CHECK((info.stored == "1" && info.in_use == "1"));
    if (info.key == "idle_timeout_seconds") CHECK((info.stored.empty() && info.in_use == "90"));
    if (info.key == "high_contrast") CHECK((info.stored.empty() && info.in_use == "0"));
  }
}

TEST_CASE("kiosk queries: the signer and the last import for admin mode, media bytes") {
  BundleFixture fx;
  auto empty = store::open_kiosk_db(fx.db);
  REQUIRE(empty.ok());
  CHECK(store::content_signer(empty.value()).value().empty());
  CHECK_FALSE(store::last_import(empty.value()).value().has_value());
  REQUIRE(bundle::import_bundle(fx.db, fx.pack(1, 3, "main", 1)).ok());
  auto db = store::open_kiosk_db(fx.db);
  REQUIRE(db.ok());
  const std::string signer = store::content_signer(db.value()).value();
  CHECK(signer.rfind(bundle::key_id_hex(fx.key.pub.id), 0) == 0);
  auto last = store::last_import(db.value());
  REQUIRE(last.ok());
  REQUIRE(last.value().has_value());
  CHECK(last.value()->result == "imported");
  auto longest = store::longest_article_id(db.value());
  REQUIRE(longest.ok());
  CHECK(longest.value() == std::optional<std::string>("a2"));  // a2 has the most text
  auto image = store::load_media(db.value(), "i0.png", false);
  REQUIRE(image.ok());
  REQUIRE(image.value().has_value());
  CHECK(image.value()->size() > 8);
  CHECK(image.value()->at(1) == 'P');  // a PNG
  auto missing = store::load_media(db.value(), "nothing.png", true);
  REQUIRE(missing.ok());
  CHECK_FALSE(missing.value().has_value());
}

TEST_CASE("kiosk queries: an article carries its author's name, without loading every person") {
  BundleFixture f;
  const std::string demo_db = (f.dir / "demo.db").string();
  REQUIRE(bundle::import_demo_if_empty(demo_db, KHLANG_DEMO_DIR).ok());
  auto db = store::open_kiosk_db(demo_db);
  REQUIRE(db.ok());
  // The demo attributes no text to a named person, so give one article an author here.
  REQUIRE(db.value().exec("UPDATE article SET author_id = 'p09' WHERE id = 'km-team'").ok());
  auto article = store::load_article(db.value(), "km-team");
  REQUIRE(article.ok());
  REQUIRE(article.value().has_value());
  REQUIRE(article.value()->author_id.has_value());
  auto people = store::load_people(db.value());
  REQUIRE(people.ok());
  std::string expected;
  for (const store::Person& p : people.value()) {
    if (p.id == *article.value()->author_id) expected = p.name_th;
  }
  CHECK_FALSE(expected.empty());
  CHECK(article.value()->author_name == expected);
  auto anonymous = store::load_article(db.value(), "what-is-km");  // no author_id
  REQUIRE(anonymous.ok());
  CHECK(anonymous.value()->author_name.empty());
}

namespace {
// The sorts SQLite ran for the statements a connection finished while it lives (its own counter,
// read as each statement ends), so a test sees whether a query was answered from an index.
class SortCounter {
 public:
  explicit SortCounter(sqlite::Database& db) : db_(db) {
    sqlite3_trace_v2(db_.handle(), SQLITE_TRACE_PROFILE, &SortCounter::on_profile, this);
  }
  ~SortCounter() { sqlite3_trace_v2(db_.handle(), 0, nullptr, nullptr); }
  SortCounter(const SortCounter&) = delete;
  SortCounter& operator=(const SortCounter&) = delete;
  int sorts = 0;

 private:
  static int on_profile(unsigned, void* self, void* stmt, void*) {
    static_cast<SortCounter*>(self)->sorts += sqlite3_stmt_status(static_cast<sqlite3_stmt*>(stmt), SQLITE_STMTSTATUS_SORT, 0);
    return 0;
  }
  sqlite::Database& db_;
};
}  // namespace

TEST_CASE("kiosk queries: a category's page of articles is read in order from the index, with no sort") {
  BundleFixture f;
  const std::string demo_db = (f.dir / "demo.db").string();
  REQUIRE(bundle::import_demo_if_empty(demo_db, KHLANG_DEMO_DIR).ok());
  auto db = store::open_kiosk_db(demo_db);
  REQUIRE(db.ok());
  auto categories = store::load_categories(db.value());
  REQUIRE(categories.ok());
  std::string category;
  for (const store::CategoryItem& c : categories.value()) {
    if (c.articles > 1) category = c.id;
  }
  REQUIRE_FALSE(category.empty());
  int64_t listed = 0;
  {
    SortCounter counter(db.value());
    auto page = store::load_articles(db.value(), category, 0, 50);
    REQUIRE(page.ok());
    listed = static_cast<int64_t>(page.value().size());
    CHECK(counter.sorts == 0);
  }
  CHECK(listed > 1);
  // The counter sees a sort when there is one: without the index the same page is sorted.
  REQUIRE(db.value().exec("DROP INDEX article_by_category").ok());
  SortCounter counter(db.value());
  auto page = store::load_articles(db.value(), category, 0, 50);
  REQUIRE(page.ok());
  CHECK(static_cast<int64_t>(page.value().size()) == listed);
  CHECK(counter.sorts > 0);
}

TEST_CASE("kiosk queries: the demo's monitoring committee has its six seats, a chair and a secretary among them") {
  BundleFixture f;
  const std::string demo_db = (f.dir / "demo.db").string();
  REQUIRE(bundle::import_demo_if_empty(demo_db, KHLANG_DEMO_DIR).ok());
  auto db = store::open_kiosk_db(demo_db);
  REQUIRE(db.ok());
  auto people = store::load_people(db.value());
  REQUIRE(people.ok());
  std::map<std::string, int> seats;
  for (const store::Person& p : people.value()) {
    if (!p.committee_role.empty()) ++seats[p.committee_role];
  }
  CHECK(seats["chair"] == 1);
  CHECK(seats["secretary"] == 1);
  CHECK(seats["member"] == 4);
  CHECK(seats.size() == 3);
}

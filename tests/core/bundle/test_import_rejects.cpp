// Bad input and faults at the import boundary (what the import pipeline of docs/architecture.md
// stands against). Each case must be rejected with a message a person can act on, logged, and
// leave the kiosk's content exactly as it was.
#include <doctest/doctest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "bundle/importer.h"
#include "bundle_fixture.h"
#include "store/schema.h"
#include "store/settings.h"

using namespace khlang;
using khlang::test::BundleFixture;

namespace {

// Imports a first good bundle, then expects `bundle` to be rejected with `reason`, logged as
// refused (the bundle's fault, not the kiosk's), and the content to stay byte-for-byte the same.
void expect_rejected(BundleFixture& f, const std::string& bundle, const std::string& reason,
                     const bundle::ImportOptions& options = {}) {
  const std::string before = f.content_fingerprint();
  const int64_t refused_before = f.import_log_count("refused");
  auto result = bundle::import_bundle(f.db, bundle, options);
  REQUIRE_FALSE(result.ok());
  INFO("message: " << result.error().message);
  CHECK(result.error().message.find(reason) != std::string::npos);
  CHECK(result.error().message.find('\n') == std::string::npos);  // one line
  CHECK(f.content_fingerprint() == before);
  CHECK(f.import_log_count("refused") == refused_before + 1);
  CHECK((result.error().kind == ErrorKind::InvalidInput || result.error().kind == ErrorKind::NotFound));
}

struct ImportedFixture : BundleFixture {
  ImportedFixture() {
    auto first = bundle::import_bundle(db, pack(1));
    if (!first) throw std::runtime_error(first.error().message);
  }
};

// Alters a bundle's SQLite content with an ordinary connection (as an attacker would).
void alter(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  char* err = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
  INFO((err ? err : ""));
  CHECK(rc == SQLITE_OK);
  sqlite3_free(err);
  sqlite3_close(db);
}

std::string copy_bundle(BundleFixture& f, const std::string& from, const std::string& name) {
  const std::string to = (f.dir / name).string();
  std::filesystem::copy_file(from, to, std::filesystem::copy_options::overwrite_existing);
  return to;
}

int probe_calls = 0;
void probe(sqlite3_context* ctx, int, sqlite3_value**) {
  ++probe_calls;
  sqlite3_result_text(ctx, "probe", -1, SQLITE_STATIC);
}
int register_probe(sqlite3* db, const char**, const void*) {
  return sqlite3_create_function(db, "khlang_probe", 0, SQLITE_UTF8, nullptr, probe, nullptr, nullptr);
}

}  // namespace

TEST_CASE("a good bundle imports, and its sequence number is recorded") {
  BundleFixture f;
  auto report = bundle::import_bundle(f.db, f.pack(1, 5));
  REQUIRE(report.ok());
  CHECK(report->counts["article"] == 5);
  CHECK(report->label.seq == 1);
  CHECK(f.import_log_count("imported") == 1);
  CHECK(f.content_fingerprint().find("เทศบาลทดสอบ #1") != std::string::npos);
  auto next = bundle::import_bundle(f.db, f.pack(2, 4));
  REQUIRE(next.ok());
  CHECK(f.content_fingerprint().find("เทศบาลทดสอบ #2") != std::string::npos);
}

TEST_CASE("rejected: unsigned bundle") {
  ImportedFixture f;
  const std::string b = f.pack(2);
  std::filesystem::remove(bundle::signature_path(b));
  expect_rejected(f, b, "unsigned bundle");
}

TEST_CASE("rejected: one byte flipped") {
  ImportedFixture f;
  const std::string b = f.pack(2);
  std::string data = test::read_file(b);
  data[data.size() / 2] ^= 0x01;
  test::write_file(b, data);
  expect_rejected(f, b, "does not match the file");
}

TEST_CASE("rejected: signed by a key the kiosk does not trust") {
  ImportedFixture f;
  const std::string b = f.pack(2);
  f.key = bundle::generate_keypair();  // a stranger's key
  f.resign(b, "khlang seq=2 channel=main");
  expect_rejected(f, b, "does not trust");
}

TEST_CASE("rejected: trusted comment edited") {
  ImportedFixture f;
  const std::string b = f.pack(2);
  std::string sig = test::read_file(bundle::signature_path(b));
  const size_t at = sig.find("seq=2");
  REQUIRE(at != std::string::npos);
  sig.replace(at, 5, "seq=9");
  test::write_file(bundle::signature_path(b), sig);
  expect_rejected(f, b, "trusted comment was altered");
}

TEST_CASE("rejected: sequence number equal or lower") {
  ImportedFixture f;
  REQUIRE(bundle::import_bundle(f.db, f.pack(5)).ok());
  expect_rejected(f, f.pack(5, 2), "not above the last one imported (5)");
  expect_rejected(f, f.pack(3, 2), "not above");
}

TEST_CASE("rejected: wrong channel") {
  ImportedFixture f;
  expect_rejected(f, f.pack(2, 3, "beta"), "channel 'beta'");
}

TEST_CASE("rejected: a table replaced by a view, whose functions never run") {
  ImportedFixture f;
  sqlite3_auto_extension(reinterpret_cast<void (*)()>(register_probe));
  const std::string b = copy_bundle(f, f.pack(2), "view.khb");
  alter(b, "DROP TABLE article; CREATE VIEW article AS SELECT khlang_probe() AS id, khlang_probe() AS title");
  probe_calls = 0;
  f.resign(b, "khlang seq=2 channel=main");
  expect_rejected(f, b, "unexpected view 'article'");
  CHECK(probe_calls == 0);
  sqlite3_cancel_auto_extension(reinterpret_cast<void (*)()>(register_probe));
}

TEST_CASE("rejected: an extra trigger, view or virtual table") {
  ImportedFixture f;
  const std::pair<const char*, const char*> cases[] = {
      {"CREATE TRIGGER t AFTER INSERT ON category BEGIN DELETE FROM article; END", "unexpected trigger 't'"},
      {"CREATE VIEW extra AS SELECT 1", "unexpected view 'extra'"},
      {"CREATE VIRTUAL TABLE v USING fts5(a)", "unexpected table 'v'"},
      {"CREATE TABLE extra (x)", "unexpected table 'extra'"},
      {"CREATE INDEX i ON article (title)", "unexpected index 'i'"},
  };
  int seq = 2;
  for (const auto& [sql, reason] : cases) {
    const std::string b = copy_bundle(f, f.pack(seq), "extra.khb");
    alter(b, sql);
    f.resign(b, "khlang seq=" + std::to_string(seq) + " channel=main");
    expect_rejected(f, b, reason);
    ++seq;
  }
}

TEST_CASE("rejected: WAL-mode header") {
  ImportedFixture f;
  const std::string b = copy_bundle(f, f.pack(2), "wal.khb");
  alter(b, "PRAGMA journal_mode=WAL");
  f.resign(b, "khlang seq=2 channel=main");
  expect_rejected(f, b, "WAL mode");
}

TEST_CASE("rejected: size not matching the page count") {
  ImportedFixture f;
  const std::string b = f.pack(2);
  test::write_file(b, test::read_file(b) + std::string(4096, '\0'));
  f.resign(b, "khlang seq=2 channel=main");
  expect_rejected(f, b, "does not match its page count");
}

TEST_CASE("rejected: a symlink, a FIFO or a directory given as the bundle") {
  ImportedFixture f;
  const std::string good = f.pack(2);
  const std::string link = (f.dir / "link.khb").string();
  std::filesystem::create_symlink(good, link);
  std::filesystem::copy_file(bundle::signature_path(good), bundle::signature_path(link));
  expect_rejected(f, link, "is a symbolic link");

  const std::string fifo = (f.dir / "fifo.khb").string();
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  std::filesystem::copy_file(bundle::signature_path(good), bundle::signature_path(fifo));
  expect_rejected(f, fifo, "is a FIFO");

  const std::string dir = (f.dir / "dir.khb").string();
  std::filesystem::create_directory(dir);
  std::filesystem::copy_file(bundle::signature_path(good), bundle::signature_path(dir));
  expect_rejected(f, dir, "is a directory");
}

TEST_CASE("rejected: a bundle over the size cap") {
  ImportedFixture f;
  bundle::ImportOptions small;
  small.max_bundle_bytes = 16 * 1024;
  expect_rejected(f, f.pack(2, 40), "over the limit", small);
}

TEST_CASE("rejected: truncated file, signed or not") {
  ImportedFixture f;
  const std::string b = f.pack(2);
  const std::string data = test::read_file(b);
  test::write_file(b, data.substr(0, data.size() / 2));
  expect_rejected(f, b, "does not match the file");
  f.resign(b, "khlang seq=2 channel=main");
  expect_rejected(f, b, "does not match its page count");
}

TEST_CASE("rejected: random bytes") {
  ImportedFixture f;
  const std::string b = (f.dir / "random.khb").string();
  std::string noise(64 * 1024, '\0');
  uint32_t x = 7;
  for (char& c : noise) c = static_cast<char>((x = x * 1664525u + 1013904223u) >> 24);
  test::write_file(b, noise);
  f.resign(b, "khlang seq=2 channel=main");
  expect_rejected(f, b, "not an SQLite bundle");
}

TEST_CASE("rejected: a bundle of an older schema version, with a clear message") {
  ImportedFixture f;
  const std::string b = copy_bundle(f, f.pack(2), "old.khb");
  alter(b, "PRAGMA user_version=0");
  f.resign(b, "khlang seq=2 channel=main");
  expect_rejected(f, b, "older than this kiosk reads");
}

TEST_CASE("rejected: a file that is not a Khlang bundle (another SQLite database)") {
  ImportedFixture f;
  const std::string b = copy_bundle(f, f.pack(2), "other.khb");
  alter(b, "PRAGMA application_id=1");
  f.resign(b, "khlang seq=2 channel=main");
  expect_rejected(f, b, "not a Khlang bundle");
}

TEST_CASE("rollback puts the previous content back, once") {
  BundleFixture f;
  REQUIRE(bundle::import_bundle(f.db, f.pack(1, 3)).ok());
  const std::string first = f.content_fingerprint();
  REQUIRE(bundle::import_bundle(f.db, f.pack(2, 6)).ok());
  CHECK(f.content_fingerprint() != first);
  REQUIRE(bundle::rollback_import(f.db).ok());
  CHECK(f.content_fingerprint() == first);
  auto again = bundle::rollback_import(f.db);
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().message.find("no previous content") != std::string::npos);
  // The rolled-back bundle is still not importable again: its sequence number was used.
  CHECK_FALSE(bundle::import_bundle(f.db, f.pack(2, 6)).ok());
}

TEST_CASE("diff shows what an import would add, change and remove") {
  BundleFixture f;
  REQUIRE(bundle::import_bundle(f.db, f.pack(1, 3)).ok());
  auto diff = bundle::diff_bundle(f.db, f.pack(2, 5));
  REQUIRE(diff.ok());
  CHECK(diff->tables["article"].added == 2);
  CHECK(diff->tables["article"].changed == 3);  // titles name the set
  CHECK(diff->tables["article"].removed == 0);
  auto fewer = bundle::diff_bundle(f.db, f.pack(3, 1));
  REQUIRE(fewer.ok());
  CHECK(fewer->tables["article"].removed == 2);
}

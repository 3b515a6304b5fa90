// The inbox of unattended imports: what is looked at, when a pair has settled, the newest taken,
// a refused bundle remembered (tried and logged once, the content unchanged), and the kiosk's
// own failures told apart from the bundle's.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "bundle/importer.h"
#include "bundle_fixture.h"
#include "fleet/inbox.h"
#include "store/schema.h"
#include "store/settings.h"

using namespace khlang;
namespace fs = std::filesystem;
using Kind = fleet::AutoImportOutcome::Kind;

namespace {

struct InboxFixture : test::BundleFixture {
  InboxFixture() { fs::create_directories(inbox); }
  // Puts the bundle (and its signature) into the inbox as `name`.
  std::string deliver(const std::string& bundle_path, const std::string& name) {
    const fs::path to = inbox / name;
    fs::copy_file(bundle_path, to, fs::copy_options::overwrite_existing);
    fs::copy_file(bundle::signature_path(bundle_path), bundle::signature_path(to.string()),
                  fs::copy_options::overwrite_existing);
    return to.string();
  }
  fleet::InboxLook look(fleet::InboxScanner& scanner, double wall, double steady) {
    auto kiosk = store::open_kiosk_db(db);
    REQUIRE(kiosk.ok());
    auto l = scanner.look(kiosk.value(), {inbox.string()}, wall, steady);
    REQUIRE(l.ok());
    return l.value();
  }
  int64_t content_seq() {
    auto kiosk = store::open_kiosk_db(db);
    return kiosk->query_int("SELECT coalesce(max(last_seq), 0) FROM import_state").value();
  }
  fs::path inbox = dir / "inbox";
};

// A time well after every file here changed: everything has settled by the wall clock.
double later() { return fleet::wall_clock_now() + 3600; }

}  // namespace

TEST_CASE("only a settled pair of bundle and signature is taken, temporary and lone files never") {
  InboxFixture f;
  const std::string b = f.pack(2, 1);
  fs::copy_file(b, f.inbox / ".syncthing.khlang-main-2.khb.tmp");
  fs::copy_file(b, f.inbox / "~syncthing~khlang-main-2.khb.tmp");
  fs::copy_file(b, f.inbox / ".khlang-publish-x.khb");
  fs::copy_file(b, f.inbox / "lonely.khb");  // no signature
  fs::copy_file(bundle::signature_path(b), f.inbox / "unsigned.khb.minisig");  // no bundle
  fs::create_symlink(b, f.inbox / "link.khb");
  fs::copy_file(bundle::signature_path(b), f.inbox / "link.khb.minisig");
  fleet::InboxScanner scanner(10);
  CHECK(f.look(scanner, later(), 0).ready.empty());

  f.deliver(b, "khlang-main-00000002.khb");
  // Just written: waiting, by either clock, until it has been unchanged for 10 s.
  const double now = fleet::wall_clock_now();
  fleet::InboxLook first = f.look(scanner, now, 100);
  CHECK(first.ready.empty());
  CHECK(first.waiting == 1);
  CHECK(f.look(scanner, now + 1, 105).waiting == 1);
  fleet::InboxLook settled = f.look(scanner, now + 1, 110);  // 10 s unchanged by the monotonic clock
  REQUIRE(settled.ready.size() == 1);
  CHECK(settled.ready[0].path == (f.inbox / "khlang-main-00000002.khb").string());
  CHECK(settled.ready[0].seq == 2);
  CHECK(settled.ready[0].key_id == bundle::key_id_hex(f.key.pub.id));
  CHECK(settled.ready[0].hash.size() == 128);
  // Or: last changed 10 s ago by the wall clock (a kiosk that starts with the file already there).
  fleet::InboxScanner fresh(10);
  CHECK(f.look(fresh, now + 11, 0).ready.size() == 1);
}

TEST_CASE("a file that changes while it settles starts settling again") {
  InboxFixture f;
  const std::string in = f.deliver(f.pack(2, 1), "b.khb");
  fleet::InboxScanner scanner(10);
  const double now = fleet::wall_clock_now();
  CHECK(f.look(scanner, now, 100).waiting == 1);
  // Still being written: it grew.
  { std::ofstream(in, std::ios::app) << "more"; }
  CHECK(f.look(scanner, now, 108).waiting == 1);
  CHECK(f.look(scanner, now, 112).waiting == 1);  // 12 s after the first look, 4 s after the change
  CHECK(f.look(scanner, now, 118).ready.size() == 1);
}

TEST_CASE("the newest bundle is imported, and what is not newer is skipped quietly") {
  InboxFixture f;
  f.deliver(f.pack(2, 1), "khlang-main-00000002.khb");
  f.deliver(f.pack(3, 2), "khlang-main-00000003.khb");
  fleet::AutoImporter importer(f.db, {f.inbox.string()}, {10, 600});
  const fleet::AutoImportOutcome out = importer.run_once(later(), 0);
  CHECK(out.kind == Kind::Imported);
  CHECK(out.seq == 3);
  CHECK(f.content_seq() == 3);
  // Seq 2 and 3 stay in the folder; neither is above what the kiosk has.
  const fleet::AutoImportOutcome again = importer.run_once(later(), 1);
  CHECK(again.kind == Kind::Nothing);
  CHECK(f.import_log_count("imported") == 1);
  CHECK(f.import_log_count("refused") == 0);
}

TEST_CASE("a tampered bundle is refused, logged once, not tried again, and the content stays") {
  InboxFixture f;
  REQUIRE(bundle::import_bundle(f.db, f.pack(1, 2)).ok());
  const std::string before = f.content_fingerprint();
  const std::string in = f.deliver(f.pack(5, 3), "khlang-main-00000005.khb");
  {
    std::fstream file(in, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(5000);
    file.put('\x5A');
  }
  fleet::AutoImporter importer(f.db, {f.inbox.string()}, {10, 600});
  const fleet::AutoImportOutcome out = importer.run_once(later(), 0);
  CHECK(out.kind == Kind::Refused);
  CHECK(out.message.find("rejected") != std::string::npos);
  for (int i = 1; i <= 5; ++i) CHECK(importer.run_once(later(), i * 1000).kind == Kind::Nothing);
  // A kiosk restarted (a new importer) remembers it too.
  fleet::AutoImporter restarted(f.db, {f.inbox.string()}, {10, 600});
  CHECK(restarted.run_once(later(), 0).kind == Kind::Nothing);
  CHECK(f.import_log_count("refused") == 1);
  CHECK(f.content_fingerprint() == before);

  // The office sends a good one under the same name: new bytes, a new try, imported.
  f.deliver(f.pack(5, 3), "khlang-main-00000005.khb");
  const fleet::AutoImportOutcome good = restarted.run_once(later(), 1);
  CHECK(good.kind == Kind::Imported);
  CHECK(f.content_seq() == 5);
}

TEST_CASE("a bundle of another channel or an untrusted key is refused once and an older good one is taken after") {
  InboxFixture f;
  f.deliver(f.pack(4, 1, "school"), "khlang-school-00000004.khb");
  fleet::AutoImporter importer(f.db, {f.inbox.string()}, {10, 600});
  const fleet::AutoImportOutcome wrong_channel = importer.run_once(later(), 0);
  CHECK(wrong_channel.kind == Kind::Refused);
  CHECK(wrong_channel.message.find("channel 'school'") != std::string::npos);

  test::BundleFixture stranger;
  f.deliver(stranger.pack(9, 1), "khlang-main-00000009.khb");
  const fleet::AutoImportOutcome untrusted = importer.run_once(later(), 1);
  CHECK(untrusted.kind == Kind::Refused);
  CHECK(untrusted.message.find("does not trust") != std::string::npos);

  // Both refused: a good, lower-numbered bundle beside them is taken next.
  f.deliver(f.pack(2, 1), "khlang-main-00000002.khb");
  const fleet::AutoImportOutcome good = importer.run_once(later(), 2);
  CHECK(good.kind == Kind::Imported);
  CHECK(good.seq == 2);
  CHECK(importer.run_once(later(), 3).kind == Kind::Nothing);
  CHECK(f.import_log_count("refused") == 2);
}

TEST_CASE("the kiosk's own failures are told apart from the bundle's by the error's kind") {
  CHECK_FALSE(bundle::is_refusal(Error{ErrorKind::Io, "import failed, the content is unchanged: the disk is full"}));
  CHECK_FALSE(bundle::is_refusal(Error{ErrorKind::Busy, "database is locked"}));
  CHECK_FALSE(bundle::is_refusal(Error{ErrorKind::Internal, "SQL failed"}));
  CHECK(bundle::is_refusal(Error{"rejected: the signature does not match the file"}));
  CHECK(bundle::is_refusal(Error{ErrorKind::NotFound, "signed by key 0123456789ABCDEF, which this kiosk does not trust"}));
}

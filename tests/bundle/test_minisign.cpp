// Our keys and signatures are minisign's: stock minisign (Debian's package) verifies what we
// sign, and we accept what it signs.
#include <doctest/doctest.h>
#include <spawn.h>
#include <sys/wait.h>

#include <filesystem>

#include "bundle/importer.h"
#include "bundle/minisign.h"
#include "bundle_fixture.h"

extern char** environ;

using namespace khlang;
using khlang::test::BundleFixture;

namespace {

int run(std::vector<std::string> argv) {
  std::vector<char*> args;
  for (auto& a : argv) args.push_back(a.data());
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", 0, 0);  // never wait for a password
  pid_t pid = 0;
  if (posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ) != 0) return -1;
  posix_spawn_file_actions_destroy(&actions);
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

bundle::Hash hash_of(const std::string& data) {
  bundle::Hasher h;
  h.update(data.data(), data.size());
  return h.finish();
}

}  // namespace

TEST_CASE("sign and verify, and any change to the file or the trusted comment fails") {
  const bundle::KeyPair kp = bundle::generate_keypair();
  const bundle::Signature sig = bundle::sign_hash(kp.secret, hash_of("hello"), "khlang seq=1 channel=main");
  CHECK(bundle::verify_hash(sig, kp.pub, hash_of("hello")).ok());
  CHECK_FALSE(bundle::verify_hash(sig, kp.pub, hash_of("hellO")).ok());
  bundle::Signature edited = sig;
  edited.trusted_comment = "khlang seq=2 channel=main";
  CHECK_FALSE(bundle::verify_hash(edited, kp.pub, hash_of("hello")).ok());
  const bundle::KeyPair other = bundle::generate_keypair();
  CHECK_FALSE(bundle::verify_hash(sig, other.pub, hash_of("hello")).ok());
}

TEST_CASE("key and signature files round-trip, and damage is named") {
  const bundle::KeyPair kp = bundle::generate_keypair();
  auto pub = bundle::parse_public_key(bundle::format_public_key_file(kp.pub), "k.pub");
  REQUIRE(pub.ok());
  CHECK(pub->key == kp.pub.key);
  CHECK(pub->id == kp.pub.id);
  CHECK(bundle::parse_public_key(kp.pub.base64(), "line").ok());  // the bare key line works too
  auto sec = bundle::parse_secret_key(bundle::format_secret_key_file(kp.secret), "k.sec");
  REQUIRE(sec.ok());
  CHECK(sec->key == kp.secret.key);
  std::string damaged = bundle::format_secret_key_file(kp.secret);
  damaged[damaged.size() - 10] = damaged[damaged.size() - 10] == 'A' ? 'B' : 'A';
  auto bad = bundle::parse_secret_key(damaged, "k.sec");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message.find("k.sec") != std::string::npos);
  CHECK_FALSE(bundle::parse_public_key("untrusted comment: x\nnot base64!!\n", "x.pub").ok());
  const bundle::Signature sig = bundle::sign_hash(kp.secret, hash_of("x"), "c");
  auto parsed = bundle::parse_signature(bundle::format_signature_file(sig), "x.minisig");
  REQUIRE(parsed.ok());
  CHECK(parsed->trusted_comment == "c");
  CHECK(parsed->signature == sig.signature);
  CHECK_FALSE(bundle::parse_signature("garbage", "x.minisig").ok());
}

TEST_CASE("stock minisign verifies our bundle signature with our public key file") {
  BundleFixture f;
  const std::string b = f.pack(1);
  const std::string pub = (f.dir / "k.pub").string();
  test::write_file(pub, bundle::format_public_key_file(f.key.pub));
  REQUIRE_MESSAGE(run({"minisign", "-Q", "-V", "-m", b, "-p", pub}) == 0, "install minisign (tools/install-deps.sh)");
  // And refuses it once a byte changes: the check above is a real check.
  std::string data = test::read_file(b);
  data[100] ^= 1;
  test::write_file(b, data);
  CHECK(run({"minisign", "-Q", "-V", "-m", b, "-p", pub}) != 0);
}

TEST_CASE("a bundle signed with stock minisign -S is accepted when its key is trusted") {
  BundleFixture f;
  const std::string b = f.pack(1);
  std::filesystem::remove(bundle::signature_path(b));
  const std::string sec = (f.dir / "k.sec").string();
  test::write_file(sec, bundle::format_secret_key_file(f.key.secret));
  REQUIRE(run({"minisign", "-S", "-s", sec, "-m", b, "-t", "signed at the office with minisign"}) == 0);
  auto report = bundle::import_bundle(f.db, b);
  REQUIRE_MESSAGE(report.ok(), (report ? "" : report.error().message));
  CHECK(report->label.seq == 1);  // from the signed bundle_info: this comment has no seq
}

TEST_CASE("a key made by stock minisign -G -W signs bundles that we verify") {
  BundleFixture f;
  const std::string pub = (f.dir / "stock.pub").string(), sec = (f.dir / "stock.sec").string();
  REQUIRE(run({"minisign", "-G", "-W", "-p", pub, "-s", sec}) == 0);
  auto secret = bundle::parse_secret_key(test::read_file(sec), sec);
  REQUIRE_MESSAGE(secret.ok(), (secret ? "" : secret.error().message));
  auto public_key = bundle::parse_public_key(test::read_file(pub), pub);
  REQUIRE(public_key.ok());
  const bundle::Signature sig = bundle::sign_hash(secret.value(), hash_of("data"), "t");
  CHECK(bundle::verify_hash(sig, public_key.value(), hash_of("data")).ok());
}

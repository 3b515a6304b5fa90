// Our keys and signatures are minisign's: stock minisign (Debian's package) verifies what we
// sign, and we accept what it signs.
#include <doctest/doctest.h>
#include <spawn.h>
#include <sys/wait.h>

#include <filesystem>
#include <random>

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
  // The trusted comment alone (what a stick's .minisig claims, before its bundle is read).
  CHECK(bundle::verify_trusted_comment(sig, kp.pub).ok());
  CHECK_FALSE(bundle::verify_trusted_comment(edited, kp.pub).ok());
  bundle::PublicKey same_id = other.pub;
  same_id.id = kp.pub.id;
  CHECK_FALSE(bundle::verify_trusted_comment(sig, same_id).ok());
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

TEST_CASE("key and signature parsers: empty lines, huge lines and NUL bytes from a stick are refused, with a reason") {
  const bundle::KeyPair kp = bundle::generate_keypair();
  const std::string sig_file = bundle::format_signature_file(bundle::sign_hash(kp.secret, hash_of("x"), "khlang seq=1"));
  std::vector<std::string> lines;
  for (size_t a = 0; a < sig_file.size();) {
    const size_t b = sig_file.find('\n', a);
    lines.push_back(sig_file.substr(a, b - a));
    a = b + 1;
  }
  REQUIRE(lines.size() == 4);
  auto signature_with = [&](size_t index, const std::string& line) {
    std::vector<std::string> l = lines;
    l[index] = line;
    return l[0] + "\n" + l[1] + "\n" + l[2] + "\n" + l[3] + "\n";
  };
  const std::string huge(1 << 20, 'A');
  struct Bad {
    std::string text, reason;
  };
  const std::vector<Bad> bad_signatures = {
      {"", "not a minisign signature file"},
      {"\n\n\n\n", "not a minisign signature file"},
      {signature_with(1, ""), "an empty line"},                                   // was a null pointer to libsodium
      {signature_with(3, ""), "an empty line"},
      {signature_with(1, huge), "a line of 1048576 characters"},
      {signature_with(3, huge), "a line of 1048576 characters"},
      {signature_with(1, lines[1].substr(0, 10) + std::string(1, '\0') + lines[1].substr(11)), "NUL"},
      {signature_with(2, "trusted comment: khlang seq=1" + std::string(1, '\0') + "seq=99"), "NUL"},
      {signature_with(2, "trusted comment: " + std::string(9000, 'x')), "over minisign's 8192"},
      {signature_with(1, lines[1].substr(0, 20)), "not a minisign signature"},  // short but valid base64
      {std::string(4, '\0'), "not a minisign signature file"},
  };
  for (const Bad& b : bad_signatures) {
    INFO(b.reason);
    auto parsed = bundle::parse_signature(b.text, "x.minisig");
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error().message.find("x.minisig") == 0);
    CHECK(parsed.error().message.find(b.reason) != std::string::npos);
  }
  CHECK(bundle::parse_signature(sig_file, "x.minisig").ok());  // the lines themselves were good

  const std::string key_line = kp.pub.base64();
  const std::vector<Bad> bad_keys = {
      {"", "empty key file"},
      {"\n", "empty key file"},
      {"untrusted comment: minisign public key\n", "the key line is missing"},
      {"untrusted comment: minisign public key\n\n", "empty key file"},
      {"untrusted comment: minisign public key\n" + huge + "\n", "a line of 1048576 characters"},
      {huge, "a line of 1048576 characters"},
      {"untrusted comment: x\n" + key_line.substr(0, 8) + std::string(1, '\0') + key_line.substr(9), "NUL"},
      {std::string(3, '\0'), "NUL"},
      {"untrusted comment: x\n" + key_line.substr(0, 40) + "\n", "not a minisign public key"},
  };
  for (const Bad& b : bad_keys) {
    INFO(b.reason);
    auto parsed = bundle::parse_public_key(b.text, "k.pub");
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error().message.find(b.reason) != std::string::npos);
    CHECK_FALSE(bundle::parse_secret_key(b.text, "k.sec").ok());
  }
  // Random bytes and random lines between the markers: refused, never a crash.
  std::mt19937 random(16);
  for (int i = 0; i < 2000; ++i) {
    std::string noise(random() % 300, '\0');
    for (char& c : noise) c = static_cast<char>(random() % 4 == 0 ? "AQW=+/\n\0"[random() % 8] : random());
    CHECK_FALSE(bundle::parse_signature(noise, "n").ok());
    CHECK_FALSE(bundle::parse_signature(signature_with(i % 2 ? 1 : 3, noise), "n").ok());
    (void)bundle::parse_public_key("untrusted comment: x\n" + noise, "n");
  }
}

TEST_CASE("the trusted comment's fields: numbers that are not, or too big, give no sequence number") {
  CHECK(bundle::parse_trusted_comment("khlang seq=12 channel=main created=2026-01-01T00:00:00Z org=เทศบาล ก").seq == 12);
  CHECK(bundle::parse_trusted_comment("khlang seq=12 channel=main org=เทศบาล ก").organization == "เทศบาล ก");
  for (const char* comment : {"seq=", "seq=x1", "seq=1x", "seq=99999999999999999999999", "seq= 5", "", "=", "org="}) {
    INFO(comment);
    CHECK_FALSE(bundle::parse_trusted_comment(comment).seq.has_value());
  }
  CHECK(bundle::parse_trusted_comment(std::string("seq=7") + std::string(1, '\0')).seq == std::nullopt);
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

// keygen and trust: the signing key pair (office) and the keys a kiosk trusts.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "bundle/minisign.h"
#include "bundle/trust_store.h"
#include "commands.h"
#include "store/schema.h"
#include "util/safe_file.h"

namespace khlang::admin {

const CommandSpec kKeygenSpec{
    "keygen", "keygen --secret FILE --public FILE",
    "Makes a signing key pair in minisign's format. Keep the secret key on the office PC.",
    {{"--secret", "FILE", "where to write the secret key (not overwritten)"},
     {"--public", "FILE", "where to write the public key (give it to the kiosks)"}}};

const CommandSpec kTrustSpec{
    "trust",
    "trust add PUBLIC_KEY_FILE --db DB [--comment TEXT] [--fingerprint FP] | trust list --db DB | trust remove KEY_ID "
    "--db DB",
    "Manages the public keys whose bundles the kiosk database accepts. 'add' shows the key's fingerprint first and, "
    "on a terminal, asks before trusting it; a key with a trusted key's id but other bytes is refused.",
    {{"--db", "DB", "the kiosk database"},
     {"--comment", "TEXT", "a note kept with the key (who signs with it)"},
     {"--fingerprint", "FP", "trust the key only if this is its fingerprint (as keygen printed it; no question asked)"}}};

namespace {

Status write_new_file(const std::string& path, const std::string& text, bool secret) {
  KHLANG_TRY_AS(const bool made, safe_file::write_new(path, text, secret ? 0600 : 0644));
  if (!made) return Error{path + " already exists (a file or a link); not overwriting a key"};
  return Ok{};
}

}  // namespace

int run_keygen(const Args& args) {
  const auto secret = args.get("--secret"), pub = args.get("--public");
  if (!secret || !pub) return fail("keygen", "--secret FILE and --public FILE are both required");
  const bundle::KeyPair kp = bundle::generate_keypair();
  if (auto s = write_new_file(*secret, bundle::format_secret_key_file(kp.secret), true); !s) return fail("keygen", s.error().message);
  if (auto s = write_new_file(*pub, bundle::format_public_key_file(kp.pub), false); !s) return fail("keygen", s.error().message);
  std::printf("key %s\nfingerprint %s (compare it when a kiosk trusts the key)\nsecret key: %s (keep it on the office "
              "PC)\npublic key: %s\n",
              bundle::key_id_hex(kp.pub.id).c_str(), bundle::key_fingerprint(kp.pub).c_str(), secret->c_str(), pub->c_str());
  return 0;
}

int run_trust(const Args& args) {
  const auto& pos = args.positional();
  const auto db_path = args.get("--db");
  if (pos.empty() || !db_path) return fail("trust", "usage: " + kTrustSpec.usage);
  auto db = store::open_kiosk_db(*db_path);
  if (!db) return fail("trust", db.error().message);
  const std::string& action = pos[0];
  if (action == "add" && pos.size() == 2) {
    auto text = read_text_file(pos[1]);
    if (!text) return fail("trust", text.error().message);
    auto key = bundle::parse_public_key(text.value(), pos[1]);
    if (!key) return fail("trust", key.error().message);
    // What is about to be trusted, before it is.
    const std::string fingerprint = bundle::key_fingerprint(key.value());
    std::printf("key %s\nfingerprint %s\n", bundle::key_id_hex(key->id).c_str(), fingerprint.c_str());
    std::fflush(stdout);
    if (const auto expected = args.get("--fingerprint")) {
      if (bundle::normalize_fingerprint(*expected) != bundle::normalize_fingerprint(fingerprint)) {
        return fail("trust", pos[1] + " has the fingerprint " + fingerprint + ", not " + *expected + ": not trusted");
      }
    } else if (::isatty(STDIN_FILENO) && ::isatty(STDOUT_FILENO)) {
      std::printf("Is this the fingerprint 'khlang-admin keygen' showed at the office? Trust the key [y/N]: ");
      std::fflush(stdout);
      std::string answer;
      if (!std::getline(std::cin, answer) || (answer != "y" && answer != "Y" && answer != "yes")) {
        return fail("trust", "not trusted");
      }
    }
    if (auto s = bundle::trust_key(db.value(), key.value(), args.get_or("--comment", "")); !s) return fail("trust", s.error().message);
    std::printf("trusted key %s\n", bundle::key_id_hex(key->id).c_str());
    return 0;
  }
  if (action == "list" && pos.size() == 1) {
    auto keys = bundle::trusted_keys(db.value());
    if (!keys) return fail("trust", keys.error().message);
    for (const auto& k : keys.value()) {
      std::printf("%s\t%s\t%s\t%s\n", k.key_id.c_str(), k.fingerprint.c_str(), k.added_at.c_str(), k.comment.c_str());
    }
    return 0;
  }
  if (action == "remove" && pos.size() == 2) {
    if (auto s = bundle::distrust_key(db.value(), pos[1]); !s) return fail("trust", s.error().message);
    std::printf("removed key %s\n", pos[1].c_str());
    return 0;
  }
  return fail("trust", "usage: " + kTrustSpec.usage);
}

}  // namespace khlang::admin

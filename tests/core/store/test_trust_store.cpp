// Trust is the whole key: a stick's key that borrows a trusted key's id is refused, fingerprints
// tell keys apart, and databases from before keep their keys.
#include <doctest/doctest.h>

#include <regex>

#include "bundle/importer.h"
#include "bundle/trust_store.h"
#include "bundle_fixture.h"
#include "store/schema.h"
#include "store/settings.h"

using namespace khlang;
using khlang::test::BundleFixture;

TEST_CASE("fingerprint: 8 groups of 4 hex digits over the key bytes, the id not included") {
  const bundle::KeyPair kp = bundle::generate_keypair();
  const std::string fp = bundle::key_fingerprint(kp.pub);
  CHECK(std::regex_match(fp, std::regex("[0-9a-f]{4}( [0-9a-f]{4}){7}")));
  CHECK(bundle::key_fingerprint(kp.pub) == fp);  // the same key, the same fingerprint
  bundle::PublicKey relabelled = kp.pub;
  relabelled.id[0] ^= 1;
  CHECK(bundle::key_fingerprint(relabelled) == fp);
  bundle::PublicKey other = kp.pub;
  other.key[31] ^= 1;
  CHECK(bundle::key_fingerprint(other) != fp);
  CHECK(bundle::normalize_fingerprint("3F2A-91c0 7D11:0b6e") == "3f2a91c07d110b6e");
}

TEST_CASE("trust: a key with a trusted key's id but other bytes is refused, and the office's bundles keep importing") {
  BundleFixture f;  // trusts the office's key, f.key
  REQUIRE(bundle::import_bundle(f.db, f.pack(1)).ok());
  // The attacker's key pair, given the office key's id (8 bytes anyone may choose).
  bundle::KeyPair attacker = bundle::generate_keypair();
  attacker.pub.id = attacker.secret.id = f.key.pub.id;
  {
    auto db = store::open_kiosk_db(f.db);
    REQUIRE(db.ok());
    const Status s = bundle::trust_key(db.value(), attacker.pub, "from a stick");
    REQUIRE_FALSE(s.ok());
    const std::string& m = s.error().message;
    CHECK(m.find("already has the id " + bundle::key_id_hex(f.key.pub.id)) != std::string::npos);
    CHECK(m.find(bundle::key_fingerprint(f.key.pub)) != std::string::npos);
    CHECK(m.find(bundle::key_fingerprint(attacker.pub)) != std::string::npos);
    auto keys = bundle::trusted_keys(db.value());
    REQUIRE(keys.ok());
    REQUIRE(keys->size() == 1);
    CHECK(keys->front().key.key == f.key.pub.key);
    CHECK(keys->front().comment == "test key");
    CHECK(keys->front().fingerprint == bundle::key_fingerprint(f.key.pub));
  }
  // The attacker's bundle is refused, the office's next one imports.
  const bundle::KeyPair office = f.key;
  f.key = attacker;
  const std::string hacked = f.pack(2);
  f.key = office;
  const std::string before = f.content_fingerprint();
  CHECK_FALSE(bundle::import_bundle(f.db, hacked).ok());
  CHECK(f.content_fingerprint() == before);
  CHECK(bundle::import_bundle(f.db, f.pack(3)).ok());
}

TEST_CASE("trust: the same key again only updates its comment, and its bytes under another id are refused") {
  BundleFixture f;
  auto db = store::open_kiosk_db(f.db);
  REQUIRE(db.ok());
  REQUIRE(bundle::trust_key(db.value(), f.key.pub, "office PC").ok());
  REQUIRE(bundle::trust_key(db.value(), f.key.pub, "").ok());  // an empty comment keeps the old one
  auto keys = bundle::trusted_keys(db.value());
  REQUIRE(keys.ok());
  REQUIRE(keys->size() == 1);
  CHECK(keys->front().comment == "office PC");

  bundle::PublicKey relabelled = f.key.pub;
  relabelled.id[0] ^= 0xFF;
  const Status s = bundle::trust_key(db.value(), relabelled, "");
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().message.find("already trusted under the id " + bundle::key_id_hex(f.key.pub.id)) != std::string::npos);

  const bundle::KeyPair second = bundle::generate_keypair();
  // Where each stands, as the kiosk's screen shows it before offering to trust it.
  bundle::PublicKey same_id = second.pub;
  same_id.id = f.key.pub.id;
  const std::pair<bundle::PublicKey, bundle::KeyStanding> standings[] = {
      {f.key.pub, bundle::KeyStanding::Trusted},
      {second.pub, bundle::KeyStanding::New},
      {same_id, bundle::KeyStanding::SameIdOtherKey},
      {relabelled, bundle::KeyStanding::SameKeyOtherId}};
  for (const auto& [key, standing] : standings) {
    auto check = bundle::check_key(db.value(), key);
    REQUIRE(check.ok());
    CHECK(check->standing == standing);
    CHECK(check->trusted.has_value() == (standing != bundle::KeyStanding::New));
    CHECK(bundle::refusal(check.value(), key).empty() ==
          (standing == bundle::KeyStanding::New || standing == bundle::KeyStanding::Trusted));
  }
  REQUIRE(bundle::trust_key(db.value(), second.pub, "second office").ok());
  CHECK(bundle::trusted_keys(db.value())->size() == 2);
  REQUIRE(bundle::distrust_key(db.value(), bundle::key_id_hex(f.key.pub.id)).ok());
  // With the old key removed, a new key may take its id (the office made one on purpose).
  bundle::KeyPair successor = bundle::generate_keypair();
  successor.pub.id = f.key.pub.id;
  CHECK(bundle::trust_key(db.value(), successor.pub, "new office key").ok());
}

TEST_CASE("trust: a database from before keys were keyed by their bytes keeps its keys") {
  BundleFixture f;
  const bundle::KeyPair second = bundle::generate_keypair();
  bundle::PublicKey relabelled = f.key.pub;
  relabelled.id[0] ^= 0xFF;
  {
    // The table before migration 5: keyed by id, and an upsert could put one key under two ids.
    auto db = store::open_kiosk_db(f.db);
    REQUIRE(db.ok());
    REQUIRE(db->exec("DROP TABLE trusted_key; CREATE TABLE trusted_key (key_id TEXT PRIMARY KEY, public_key TEXT NOT "
                     "NULL, comment TEXT NOT NULL DEFAULT '', added_at TEXT NOT NULL); PRAGMA user_version=4;")
                .ok());
    auto insert = db->prepare("INSERT INTO trusted_key VALUES (?, ?, ?, ?)");
    REQUIRE(insert.ok());
    REQUIRE(insert->bind_all(bundle::key_id_hex(f.key.pub.id), f.key.pub.base64(), "office", "2026-01-01T00:00:00Z").run().ok());
    REQUIRE(insert->bind_all(bundle::key_id_hex(second.pub.id), second.pub.base64(), "second", "2026-01-02T00:00:00Z").run().ok());
    REQUIRE(insert->bind_all(bundle::key_id_hex(relabelled.id), relabelled.base64(), "relabel", "2026-01-03T00:00:00Z").run().ok());
    REQUIRE(insert->bind_all("BADBADBADBADBAD0", "not base64 !", "broken", "2026-01-04T00:00:00Z").run().ok());
  }
  auto db = store::open_kiosk_db(f.db);
  REQUIRE(db.ok());
  CHECK(db->query_int("PRAGMA user_version").value() == store::kKioskSchemaVersion);
  auto keys = bundle::trusted_keys(db.value());
  REQUIRE(keys.ok());
  REQUIRE(keys->size() == 2);  // the older label of the same key bytes, the second key; the broken row never verified anything
  CHECK(keys->at(0).comment == "office");
  CHECK(keys->at(0).key.id == f.key.pub.id);
  CHECK(keys->at(1).comment == "second");
  CHECK(db->query_int("SELECT count(*) FROM trusted_key WHERE length(key_bytes) = 32").value() == 2);
  // The migrated store refuses what the old one took.
  bundle::KeyPair attacker = bundle::generate_keypair();
  attacker.pub.id = f.key.pub.id;
  CHECK_FALSE(bundle::trust_key(db.value(), attacker.pub, "").ok());
  CHECK(bundle::import_bundle(f.db, f.pack(1)).ok());
}

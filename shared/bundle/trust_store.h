// [SECTION] The public keys a kiosk trusts (pinned in its database, never taken from a stick
// without the admin saying so).
// Trust is the whole key: the store is keyed by the key's 32 bytes. The 8-byte key id, which
// whoever makes a key chooses, is a label: unique among trusted keys (a signature names its key
// by id), but never enough to replace one. A key with a trusted key's id and other bytes is
// refused, not taken as an update, and so is a trusted key's bytes under another id. A person
// tells keys apart by their fingerprint (key_fingerprint), shown before trusting and in lists.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "bundle/minisign.h"
#include "sqlite/database.h"

namespace khlang::bundle {

struct TrustedKey {
  PublicKey key;
  std::string key_id;  // hex, as minisign prints it
  std::string fingerprint;
  std::string comment;
  std::string added_at;
};

// Where a key stands against the trusted ones: what a screen shows before it offers to trust it.
enum class KeyStanding {
  New,             // may be trusted
  Trusted,         // this very key (bytes and id) is trusted
  SameIdOtherKey,  // a trusted key has its id but other bytes: refused (not the trusted key)
  SameKeyOtherId,  // its bytes are trusted under another id: refused (the same key relabelled)
};
struct KeyCheck {
  KeyStanding standing = KeyStanding::New;
  std::optional<TrustedKey> trusted;  // the trusted key it matches or clashes with
};
Expected<KeyCheck> check_key(sqlite::Database& db, const PublicKey& key);
// Why a key with this standing cannot be trusted, naming both fingerprints (empty for New and
// Trusted).
std::string refusal(const KeyCheck& check, const PublicKey& key);

// Trusts `key`. The same key again only replaces its comment (when `comment` is not empty). A key
// whose id or bytes a trusted key already has is refused with refusal()'s message.
Status trust_key(sqlite::Database& db, const PublicKey& key, const std::string& comment);
Expected<std::vector<TrustedKey>> trusted_keys(sqlite::Database& db);
// Removes the key whose id is `key_id` (hex, any case); an error if there is none.
Status distrust_key(sqlite::Database& db, const std::string& key_id);
Expected<TrustedKey> find_trusted_key(sqlite::Database& db, const KeyId& id);

}  // namespace khlang::bundle

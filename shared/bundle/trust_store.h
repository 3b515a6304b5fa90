// [SECTION] The public keys a kiosk trusts (pinned in its database, never taken from a stick
// without the admin saying so).
#pragma once

#include <string>
#include <vector>

#include "bundle/minisign.h"
#include "sqlite/database.h"

namespace khlang::bundle {

struct TrustedKey {
  PublicKey key;
  std::string key_id;  // hex, as minisign prints it
  std::string comment;
  std::string added_at;
};

Status trust_key(sqlite::Database& db, const PublicKey& key, const std::string& comment);
Expected<std::vector<TrustedKey>> trusted_keys(sqlite::Database& db);
// Removes the key whose id is `key_id` (hex, any case); an error if there is none.
Status distrust_key(sqlite::Database& db, const std::string& key_id);
Expected<TrustedKey> find_trusted_key(sqlite::Database& db, const KeyId& id);

}  // namespace khlang::bundle

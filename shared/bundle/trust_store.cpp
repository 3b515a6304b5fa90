#include "bundle/trust_store.h"

#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <optional>

#include "bundle/bundle_file.h"

namespace khlang::bundle {

Expected<KeyCheck> check_key(sqlite::Database& db, const PublicKey& key) {
  auto stmt = db.prepare(
      "SELECT key_id, public_key, comment, added_at FROM trusted_key WHERE key_id = ? OR key_bytes = ? "
      "ORDER BY key_bytes = ?3 DESC LIMIT 1");
  if (!stmt) return stmt.error();
  stmt->bind(1, key_id_hex(key.id)).bind_blob(2, key.key.data(), key.key.size()).bind_blob(3, key.key.data(), key.key.size());
  KeyCheck check;
  std::optional<Error> bad;
  auto read = stmt->for_each_row([&](const sqlite::Statement& row) {
    auto parsed = parse_public_key(row.column_text(1), "trusted key " + row.column_text(0));
    if (!parsed) bad = parsed.error();
    else check.trusted = TrustedKey{parsed.value(), row.column_text(0), key_fingerprint(parsed.value()), row.column_text(2), row.column_text(3)};
  });
  if (!read) return read.error();
  if (bad) return *bad;
  if (check.trusted) {
    const bool same_bytes = sodium_memcmp(check.trusted->key.key.data(), key.key.data(), key.key.size()) == 0;
    check.standing = !same_bytes                      ? KeyStanding::SameIdOtherKey
                     : check.trusted->key.id == key.id ? KeyStanding::Trusted
                                                       : KeyStanding::SameKeyOtherId;
  }
  return check;
}

std::string refusal(const KeyCheck& check, const PublicKey& key) {
  const std::string id = key_id_hex(key.id), fingerprint = key_fingerprint(key);
  switch (check.standing) {
    case KeyStanding::SameIdOtherKey:
      return "refused: a trusted key already has the id " + id + " but other key bytes (trusted: fingerprint " +
             check.trusted->fingerprint + "; this file: fingerprint " + fingerprint +
             "). Anyone can give a key any id, so this is not the trusted key. If the office really made a new "
             "key with this id, remove the old one first ('trust remove " + id + "')";
    case KeyStanding::SameKeyOtherId:
      return "this key (fingerprint " + fingerprint + ") is already trusted under the id " + check.trusted->key_id +
             ", not " + id + ": refused (it is the same key with another label)";
    case KeyStanding::New:
    case KeyStanding::Trusted: break;
  }
  return "";
}

Status trust_key(sqlite::Database& db, const PublicKey& key, const std::string& comment) {
  KHLANG_TRY_AS(sqlite::Transaction tx, sqlite::Transaction::begin(db));
  KHLANG_TRY_AS(const KeyCheck check, check_key(db, key));
  switch (check.standing) {
    case KeyStanding::Trusted:
      if (!comment.empty()) {
        KHLANG_TRY_AS(sqlite::Statement update, db.prepare("UPDATE trusted_key SET comment = ? WHERE key_bytes = ?"));
        KHLANG_TRY(update.bind(1, std::string_view(comment)).bind_blob(2, key.key.data(), key.key.size()).run());
      }
      break;
    case KeyStanding::New: {
      KHLANG_TRY_AS(sqlite::Statement insert,
                    db.prepare("INSERT INTO trusted_key (key_bytes, key_id, public_key, comment, added_at) "
                               "VALUES (?, ?, ?, ?, ?)"));
      insert.bind_blob(1, key.key.data(), key.key.size());
      KHLANG_TRY(insert.bind(2, key_id_hex(key.id)).bind(3, key.base64()).bind(4, std::string_view(comment))
                     .bind(5, now_utc_iso())
                     .run());
      break;
    }
    case KeyStanding::SameIdOtherKey:
    case KeyStanding::SameKeyOtherId:
      return Error{ErrorKind::InvalidInput, refusal(check, key)};
  }
  return tx.commit();
}

Expected<std::vector<TrustedKey>> trusted_keys(sqlite::Database& db) {
  KHLANG_TRY_AS(auto stmt, db.prepare("SELECT key_id, public_key, comment, added_at FROM trusted_key ORDER BY added_at, key_id"));
  std::vector<TrustedKey> out;
  std::optional<Error> bad;
  auto read = stmt.for_each_row([&](const sqlite::Statement& row) {
    auto key = parse_public_key(row.column_text(1), "trusted key " + row.column_text(0));
    if (!key) bad = key.error();
    else out.push_back({key.value(), row.column_text(0), key_fingerprint(key.value()), row.column_text(2), row.column_text(3)});
  });
  if (!read) return read.error();
  if (bad) return *bad;
  return out;
}

Status distrust_key(sqlite::Database& db, const std::string& key_id) {
  std::string upper = key_id;
  std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
  KHLANG_TRY_AS(auto stmt, db.prepare("DELETE FROM trusted_key WHERE key_id = ?"));
  stmt.bind(1, std::string_view(upper));
  KHLANG_TRY(stmt.run());
  if (db.changes() == 0) return Error{"no trusted key has the id " + key_id + " (see 'trust list')"};
  return Ok{};
}

Expected<TrustedKey> find_trusted_key(sqlite::Database& db, const KeyId& id) {
  KHLANG_TRY_AS(auto keys, trusted_keys(db));
  for (const TrustedKey& k : keys) {
    if (k.key.id == id) return k;
  }
  return Error{"signed by key " + key_id_hex(id) + ", which this kiosk does not trust"};
}

}  // namespace khlang::bundle

#include "bundle/trust_store.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "bundle/bundle_file.h"

namespace khlang::bundle {

Status trust_key(sqlite::Database& db, const PublicKey& key, const std::string& comment) {
  auto stmt = db.prepare(
      "INSERT INTO trusted_key (key_id, public_key, comment, added_at) VALUES (?, ?, ?, ?) "
      "ON CONFLICT (key_id) DO UPDATE SET public_key = excluded.public_key, comment = excluded.comment");
  if (!stmt) return stmt.error();
  stmt->bind_all(key_id_hex(key.id), key.base64(), std::string_view(comment), now_utc_iso());
  return stmt->run();
}

Expected<std::vector<TrustedKey>> trusted_keys(sqlite::Database& db) {
  auto stmt = db.prepare("SELECT key_id, public_key, comment, added_at FROM trusted_key ORDER BY added_at, key_id");
  if (!stmt) return stmt.error();
  std::vector<TrustedKey> out;
  std::optional<Error> bad;
  auto read = stmt->for_each_row([&](const sqlite::Statement& row) {
    auto key = parse_public_key(row.column_text(1), "trusted key " + row.column_text(0));
    if (!key) bad = key.error();
    else out.push_back({key.value(), row.column_text(0), row.column_text(2), row.column_text(3)});
  });
  if (!read) return read.error();
  if (bad) return *bad;
  return out;
}

Status distrust_key(sqlite::Database& db, const std::string& key_id) {
  std::string upper = key_id;
  std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
  auto stmt = db.prepare("DELETE FROM trusted_key WHERE key_id = ?");
  if (!stmt) return stmt.error();
  stmt->bind(1, std::string_view(upper));
  if (auto s = stmt->run(); !s) return s;
  if (db.changes() == 0) return Error{"no trusted key has the id " + key_id + " (see 'trust list')"};
  return Ok{};
}

Expected<TrustedKey> find_trusted_key(sqlite::Database& db, const KeyId& id) {
  auto keys = trusted_keys(db);
  if (!keys) return keys.error();
  for (const TrustedKey& k : keys.value()) {
    if (k.key.id == id) return k;
  }
  return Error{"signed by key " + key_id_hex(id) + ", which this kiosk does not trust"};
}

}  // namespace khlang::bundle

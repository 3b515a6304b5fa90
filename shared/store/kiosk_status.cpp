#include "store/kiosk_status.h"

namespace khlang::store {

Expected<std::optional<ImportLogEntry>> last_import(sqlite::Database& db) {
  KHLANG_TRY_AS(auto stmt, db.prepare("SELECT at, bundle, key_id, result, message FROM import_log ORDER BY id DESC LIMIT 1"));
  KHLANG_TRY_AS(auto row, stmt.step());
  if (!row) return std::optional<ImportLogEntry>();
  return std::optional<ImportLogEntry>(ImportLogEntry{stmt.column_text(0), stmt.column_text(1), stmt.column_text(2),
                                                      stmt.column_text(3), stmt.column_text(4)});
}

Expected<std::string> content_signer(sqlite::Database& db) {
  auto stmt = db.prepare(
      "SELECT c.key_id, coalesce(k.comment, '') FROM content_state c LEFT JOIN trusted_key k ON k.key_id = c.key_id "
      "WHERE c.id = 1");
  if (!stmt) return stmt.error();
  KHLANG_TRY_AS(auto row, stmt->step());
  if (!row) return std::string();
  const std::string comment = stmt->column_text(1);
  return stmt->column_text(0) + (comment.empty() ? "" : " (" + comment + ")");
}

}  // namespace khlang::store

#include "store/settings.h"

namespace khlang::store {

std::string get_setting(sqlite::Database& db, const std::string& key, const std::string& fallback) {
  auto stmt = db.prepare("SELECT value FROM settings WHERE key = ?");
  if (!stmt) return fallback;
  stmt->bind(1, std::string_view(key));
  auto row = stmt->step();
  return row && row.value() ? stmt->column_text(0) : fallback;
}

Status set_setting(sqlite::Database& db, const std::string& key, const std::string& value) {
  auto stmt = db.prepare("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  if (!stmt) return stmt.error();
  stmt->bind_all(std::string_view(key), std::string_view(value));
  return stmt->run();
}

}  // namespace khlang::store

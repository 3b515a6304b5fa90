// [SECTION] Typed queries on the kiosk's own state (not its content) that admin mode shows: who
// signed the content on screen, and the last import and its result.
#pragma once

#include <optional>
#include <string>

#include "sqlite/database.h"

namespace khlang::store {

struct ImportLogEntry {
  std::string at, bundle, key_id, result, message;
};

// The last line of the import log, or nullopt before the first import.
Expected<std::optional<ImportLogEntry>> last_import(sqlite::Database& db);

// The key that signed the content now shown ("0123ABCD (office PC)"), or empty before any import.
Expected<std::string> content_signer(sqlite::Database& db);

}  // namespace khlang::store

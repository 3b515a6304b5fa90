// [SECTION] The kiosk's local settings (a key/value table no bundle touches).
#pragma once

#include <string>

#include "sqlite/database.h"

namespace khlang::store {

// The value of `key`, or `fallback` when unset or unreadable.
std::string get_setting(sqlite::Database& db, const std::string& key, const std::string& fallback);
Status set_setting(sqlite::Database& db, const std::string& key, const std::string& value);

}  // namespace khlang::store

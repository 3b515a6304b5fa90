// [SECTION] The kiosk's local settings (a key/value table no bundle touches).
#pragma once

#include <string>

#include "store/sqlite.h"

namespace khlang::store {

// The value of `key`, or `fallback` when unset or unreadable.
std::string get_setting(Database& db, const std::string& key, const std::string& fallback);
Status set_setting(Database& db, const std::string& key, const std::string& value);

}  // namespace khlang::store

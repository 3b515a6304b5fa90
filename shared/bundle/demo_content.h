// [SECTION] The built-in demo content: on a kiosk's first run (an empty database) the demo
// bundle built with the program is imported through the same pipeline as any bundle.
#pragma once

#include <string>

#include "util/error.h"

namespace khlang::bundle {

// ../share/khlang/demo next to the running program ($KHLANG_DEMO_DIR overrides).
std::string default_demo_dir();

// If the database holds no content yet, trusts the demo key and imports the demo bundle.
// Returns true when it imported, false when there was content already.
Expected<bool> import_demo_if_empty(const std::string& db_path, const std::string& demo_dir = default_demo_dir());

// The kiosk's database when --db is not given: $XDG_DATA_HOME/khlang/kiosk.db, else
// ~/.local/share/khlang/kiosk.db (the directory is created).
Expected<std::string> default_kiosk_db_path();

}  // namespace khlang::bundle

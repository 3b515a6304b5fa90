// [SECTION] The import's second look at util/limits.h: after the signature and the schema check,
// before the merge, a bundle's content is measured the way pack measured its folder (rows per
// table, text per column, marks per cluster, images by their own headers). A bundle that pack
// would have refused is refused here with the same reason, so a signed bundle from a compromised
// office PC cannot hand the kiosk more than it can show.
#pragma once

#include "sqlite/database.h"
#include "util/error.h"

namespace khlang::bundle {

// `bundle` is the hardened read-only connection to the verified copy (schema "main").
Status check_bundle_limits(sqlite::Database& bundle);

}  // namespace khlang::bundle

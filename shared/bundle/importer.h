// [SECTION] Importing a bundle into the kiosk's database: the import pipeline (docs/architecture.md), in order.
//   1. open the bundle with O_NOFOLLOW, regular files only, size cap; copy it off the stick into
//      a private file with read(), hashing while copying;
//   2. verify the signature over the copy with a pinned key, before SQLite opens it;
//   3. check the header (magic, not WAL, size = pages x page size);
//   4. open it hardened; quick_check; the schema must be exactly ours; versions;
//   5. channel and sequence number (above the last one imported for that key);
//   6. merge in one BEGIN IMMEDIATE transaction with explicit column lists, keeping the old
//      content in prev_ tables for a one-step rollback, the sequence number recorded with it;
//   7. log, remove the copy.
// A reader of the kiosk database (WAL) keeps reading the old content until the commit.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "bundle/bundle_file.h"
#include "util/error.h"

namespace khlang::bundle {

struct ImportOptions {
  uint64_t max_bundle_bytes = 4ull << 30;  // 4 GiB
  std::function<void(double)> progress;     // 0..1, from the importing thread
};

struct ImportReport {
  BundleLabel label;
  std::string key_id;
  std::map<std::string, int64_t> counts;  // rows per content table
  std::string note;  // something the import log and the admin should know (a search index built here)
};

struct TableDiff {
  int64_t added = 0, changed = 0, removed = 0;
  std::vector<std::string> examples;  // a few "+id", "~id", "-id"
};
struct BundleDiff {
  BundleLabel label;
  std::string key_id;
  std::map<std::string, TableDiff> tables;
};

// Whether an import's error refuses the bundle (its fault: a bad signature, schema, sequence
// number...; trying the same bytes again is pointless) rather than a failure of the kiosk's own
// (its disk, a lock: worth another try). The import log says "refused" or "failed" by it.
bool is_refusal(const Error& e);

// The whole pipeline; on any failure the kiosk's content is exactly as it was, and the failure
// is in the import log. The error message is one line a person can act on.
Expected<ImportReport> import_bundle(const std::string& db_path, const std::string& bundle_path,
                                     const ImportOptions& options = {});
// What importing `bundle_path` would add, change and remove (verified like an import).
Expected<BundleDiff> diff_bundle(const std::string& db_path, const std::string& bundle_path,
                                 const ImportOptions& options = {});
// Puts back the content from before the last import (once).
Status rollback_import(const std::string& db_path);

// A bundle's label and row counts after verifying it against `public_key` (office side: the
// CLI's verify and inspect). With no key the signature is not checked and `key_id` is empty.
struct BundleFacts {
  BundleLabel label;
  std::string key_id;
  std::string trusted_comment;
  std::map<std::string, int64_t> counts;
};
Expected<BundleFacts> read_bundle_facts(const std::string& bundle_path, const PublicKey* public_key);

}  // namespace khlang::bundle

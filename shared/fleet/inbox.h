// [SECTION] The inbox of unattended imports: a folder a sync tool fills with the office's bundles
// (docs/fleet.md). The kiosk looks at it now and then and imports, through the same verified
// pipeline as a USB stick (bundle/importer.h), the newest bundle it may take.
//
// What it takes, and when:
// - a bundle `NAME.khb` and its signature `NAME.khb.minisig` as a pair, both regular files in the
//   folder itself; hidden names (Syncthing's `.syncthing.NAME.tmp`, Khlang's `.khlang-*`), `~`
//   names and anything else are never looked at;
// - only once both have settled: unchanged (device, inode, size, modification and status-change
//   times) for `settle_seconds` by the monotonic clock, or last changed (ctime, which no writer
//   can set back) that long ago by the wall clock. A sync tool renames a finished file into
//   place, but a person copying by hand writes in place: settling covers both;
// - only a bundle whose signed comment claims a sequence number above the last one imported
//   with its key (older ones, like the one imported last, stay in the folder and are skipped
//   quietly); the import then checks the key, the channel and the number for real;
// - a bundle the import refused is remembered by the hash of its bytes and its signature's
//   (table inbox_refused), so it is tried, and logged, once; a failure of the kiosk's own (full
//   disk, I/O error, a lock) is not the bundle's fault and is tried again after a pause.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "bundle/importer.h"
#include "sqlite/database.h"
#include "util/error.h"

namespace khlang::fleet {

struct InboxBundle {
  std::string path;            // .../NAME.khb (its signature beside it)
  std::string hash;            // BLAKE2b-512 of the bundle then its signature, hex
  std::optional<int64_t> seq;  // what its signed comment claims (verified only by the import)
  std::string key_id;          // the signature's key id, hex ("" when the signature cannot be read)
};

struct InboxLook {
  std::vector<InboxBundle> ready;  // settled, newer and not refused before: highest number first
  int waiting = 0;                 // pairs still being written, or changed too recently
  int refused_before = 0;          // pairs skipped because they were refused before
  int older = 0;                   // pairs not above the last imported number of their key
};

class InboxScanner {
 public:
  explicit InboxScanner(double settle_seconds) : settle_seconds_(settle_seconds) {}
  // One look at `folders`. `wall_now` is Unix time, `steady_now` monotonic seconds.
  Expected<InboxLook> look(sqlite::Database& kiosk, const std::vector<std::string>& folders, double wall_now,
                           double steady_now);

 private:
  struct Seen {
    std::string fingerprint;
    double since = 0;  // monotonic time the fingerprint was first seen
    std::string hash;
  };
  double settle_seconds_;
  std::map<std::string, Seen> seen_;  // by bundle path
};

struct AutoImportOptions {
  double settle_seconds = 10;
  double retry_after_seconds = 600;  // after a failure of the kiosk's own
};

struct AutoImportOutcome {
  enum class Kind { Nothing, Waiting, Imported, Refused, Failed };
  Kind kind = Kind::Nothing;
  std::string bundle;          // the bundle tried
  std::optional<int64_t> seq;  // its sequence number (imported, or claimed)
  std::string message;         // why it was refused or failed
};

// The unattended import of one kiosk database: each run_once looks at the folders and imports
// at most one bundle (the newest it may take). Runs on the kiosk's worker thread: it opens its
// own connection to the database.
class AutoImporter {
 public:
  AutoImporter(std::string db_path, std::vector<std::string> folders, AutoImportOptions options = {});
  AutoImportOutcome run_once(double wall_now, double steady_now, const bundle::ImportOptions& import = {});

 private:
  std::string db_path_;
  std::vector<std::string> folders_;
  AutoImportOptions options_;
  InboxScanner scanner_;
  std::map<std::string, double> retry_at_;  // by hash: failures of the kiosk's own
};

// The clocks run_once takes, read now.
double wall_clock_now();
double steady_clock_now();

}  // namespace khlang::fleet

// [SECTION] Statistics files: what a kiosk's usage events become when they leave it (on a USB
// stick, to the office). One SQLite file, the events keyed by (kiosk id, event id) so exporting
// again adds only what is new and merging the same export twice counts it once; with the names
// of what was viewed and the plan's progress as of the export, so a report needs nothing else.
// Each export also writes its events as CSV beside it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/sqlite.h"
#include "util/error.h"

namespace khlang::stats {

struct ExportResult {
  std::string kiosk_id;
  int64_t added = 0;   // events new to the file
  int64_t total = 0;   // events of this kiosk in the file
  std::string csv_path;
};

// The kiosk's id (made once, at random, and kept in its settings).
Expected<std::string> kiosk_id(store::Database& kiosk);

// Exports the kiosk database's events (and names and progress) into `out` (made or added to).
Expected<ExportResult> export_stats(store::Database& kiosk, const std::string& out);

// Merges statistics files into `out` (made or added to); returns the number of events added.
Expected<int64_t> merge_stats(const std::vector<std::string>& inputs, const std::string& out);

// Opens a statistics file to read (a clear error for anything else).
Expected<store::Database> open_stats(const std::string& path);

}  // namespace khlang::stats

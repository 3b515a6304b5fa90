// [SECTION] Statistics files: what a kiosk's usage events become when they leave it (on a USB
// stick, to the office). One SQLite file, the events keyed by (kiosk id, event id) so exporting
// again adds only what is new and merging the same export twice counts it once; with the names
// of what was viewed (and whether it is sample content), the plans with their indicators and
// every year's progress, and who signs the report, as of the newest export, so a report needs
// nothing else. Version 2; a version 1 file is upgraded by exporting or merging into it.
// Each export also writes its events as CSV beside it (cells neutralised for a spreadsheet).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sqlite/database.h"
#include "util/error.h"

namespace khlang::stats {

struct ExportResult {
  std::string kiosk_id;
  int64_t added = 0;   // events new to the file
  int64_t total = 0;   // events of this kiosk in the file
  std::string path;    // the statistics file written
  std::string csv_path;
};

// What a kiosk's statistics files are called: khlang-stats-<kiosk id>.sqlite and .csv.
std::string stats_file_name(const std::string& kiosk_id);
std::string stats_csv_name(const std::string& kiosk_id);

// The kiosk's id (made once, at random, and kept in its settings).
Expected<std::string> kiosk_id(sqlite::Database& kiosk);

// Exports the kiosk database's events (and names and progress) into `out` (made or added to), a
// file the caller chose (the office CLI), with its CSV beside it. The file is built in a private
// folder (an existing one copied in first, if a regular file) and copied to `out` through
// safe_file: a link, FIFO or directory at `out` or at its CSV is refused and left alone.
Expected<ExportResult> export_stats(sqlite::Database& kiosk, const std::string& out);

// Exports into `folder`, a USB stick or a sync tool's outbox, which is not trusted: nothing there
// is opened. The kiosk's statistics file lives in `private_dir` (its own storage, made if
// missing), is brought up to date there, and it and its CSV are copied into `folder` through
// safe_file. A link, FIFO or directory at either name in `folder` refuses the whole export.
Expected<ExportResult> export_stats_to_folder(sqlite::Database& kiosk, const std::string& private_dir,
                                              const std::string& folder);

// Brings the statistics file at `path`, in the kiosk's own storage, up to date with its events
// (no CSV, nothing copied): the fleet's outbox copies it out itself (fleet/outbox.h).
Expected<ExportResult> update_stats_file(sqlite::Database& kiosk, const std::string& path);

// Merges statistics files into `out` (made or added to); returns the number of events added.
// Built privately and copied out as export_stats does; on any failure `out` is unchanged.
Expected<int64_t> merge_stats(const std::vector<std::string>& inputs, const std::string& out);

// The same into `path`, a file in a private folder of ours (a report's scratch file), in place
// and without waiting for the disk: what is merged before a failing input stays.
Expected<int64_t> merge_stats_private(const std::vector<std::string>& inputs, const std::string& path);

// Opens a statistics file to read (a clear error for anything else).
Expected<sqlite::Database> open_stats(const std::string& path);

}  // namespace khlang::stats

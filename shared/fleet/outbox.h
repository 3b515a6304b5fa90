// [SECTION] The kiosk's outbox: a folder a sync tool carries to the office (docs/fleet.md). The
// kiosk writes into it, every few minutes and after each import, its statistics and its health
// record, statistics first so a health record never announces events the office has not got.
// Both go through util/safe_file.h: a temporary file in the folder renamed over the name, so a
// file is there whole or not at all, and a link, FIFO or directory at a name is refused.
//
// The statistics file is the USB export's (stats_file.h): built in private storage beside the
// kiosk's database, where each export adds only the events that are new, and copied into the
// outbox when it gained events (or the outbox lost its copy). The office merges every kiosk's
// file; an event is keyed by (kiosk id, event id), so it counts once however often it arrives.
// No CSV goes into the outbox: the office makes its own from the merged file.
#pragma once

#include <cstdint>
#include <string>

#include "fleet/health_record.h"
#include "sqlite/database.h"
#include "util/error.h"

namespace khlang::fleet {

std::string health_file_name(const std::string& kiosk_id);  // khlang-health-<id>.txt (statistics: stats_file.h)

struct OutboxResult {
  std::string health_path, stats_path;
  int64_t new_events = 0;     // events the statistics gained with this write
  bool stats_copied = false;  // whether the outbox got a new statistics file
  std::string stats_error;    // why the statistics could not be written (the health record says it too)
};

// Writes the outbox of the kiosk whose database is `kiosk` into `outbox_dir` (which must exist).
// A statistics failure is reported in the health record and the result; only a health record
// that cannot be written is an error.
Expected<OutboxResult> write_outbox(sqlite::Database& kiosk, const std::string& outbox_dir, HealthInputs inputs);

// Where the kiosk builds its statistics before they go out: beside its database.
std::string private_stats_path(const std::string& kiosk_db_path);

}  // namespace khlang::fleet

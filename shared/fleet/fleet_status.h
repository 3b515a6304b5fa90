// [SECTION] The office's view of the fleet: every kiosk's health record and statistics file,
// found in the folders Syncthing fills from the kiosks' outboxes, and what needs attention.
//
// Times: "last seen" is when a kiosk's newest health record arrived at the office, by the
// office's clock: the record file's status-change time (ctime), which the sync tool sets when it
// renames the finished file into place and which no one can set back (the modification time is
// the kiosk's, carried over by Syncthing). The kiosk's clock is the record's written_at; their
// difference is the kiosk's clock skew, within the sync delay. A kiosk writes every few minutes,
// so a skew behind by more than that interval plus the allowance is its clock, not the network.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fleet/health_record.h"
#include "util/error.h"

namespace khlang::fleet {

// The files of the kiosks' outboxes in `folders` and, one level down, in their subfolders (one
// folder per kiosk, or a folder holding them all).
struct OutboxFiles {
  std::vector<std::string> health, stats;
};
OutboxFiles find_outbox_files(const std::vector<std::string>& folders);

struct Thresholds {
  double offline_after_seconds = 30 * 60;
  double max_skew_seconds = 5 * 60;
  uint64_t low_disk_bytes = 200ull << 20;  // as the kiosk's own admin screen warns
};

struct KioskStatus {
  std::string health_path;
  std::optional<HealthRecord> record;  // nothing: the file could not be read (read_error says why)
  std::string read_error;
  double arrived_at = 0;               // office clock, Unix seconds
  double seen_seconds_ago = 0;
  std::optional<double> clock_skew_seconds;  // the kiosk's clock minus the office's
  int64_t newest_seq = 0;                    // the newest content for its channel
  bool offline = false, stale_content = false, low_disk = false, clock_skewed = false, error = false;
  bool needs_attention() const { return offline || stale_content || low_disk || clock_skewed || error; }
};

struct FleetStatus {
  std::vector<KioskStatus> kiosks;          // by name, then id
  std::map<std::string, int64_t> newest;   // newest content sequence number per channel
};

// The newest sequence number per channel among the bundles in a publish folder (their signed
// comments; the office's own files).
std::map<std::string, int64_t> newest_published(const std::string& publish_folder);

// Reads the records in `health_paths` as of `now` (Unix seconds). `published` is what the office
// packed last, per channel; a kiosk is also measured against the newest any kiosk of its channel has.
FleetStatus read_fleet_status(const std::vector<std::string>& health_paths,
                              const std::map<std::string, int64_t>& published, const Thresholds& thresholds,
                              double now);

}  // namespace khlang::fleet

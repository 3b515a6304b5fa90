#include "fleet/fleet_status.h"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>

#include "bundle/bundle_file.h"
#include "bundle/minisign.h"
#include "thai/thai_date.h"

namespace khlang::fleet {
namespace {

constexpr uint64_t kMaxHealthBytes = 64 << 10;

bool is_outbox_file(const std::string& name, const char* prefix, const char* suffix) {
  return name.starts_with(prefix) && name.ends_with(suffix) && name.size() > std::strlen(prefix) + std::strlen(suffix);
}

void collect(const std::filesystem::path& folder, OutboxFiles& files, bool descend) {
  std::error_code ec;
  std::vector<std::filesystem::path> entries;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) entries.push_back(entry.path());
  std::sort(entries.begin(), entries.end());
  for (const auto& path : entries) {
    const std::string name = path.filename().string();
    if (name.empty() || name[0] == '.') continue;  // .stfolder, temporary files
    std::error_code kind_ec;
    const auto status = std::filesystem::symlink_status(path, kind_ec);
    if (std::filesystem::is_directory(status)) {
      if (descend) collect(path, files, false);
    } else if (std::filesystem::is_regular_file(status)) {
      if (is_outbox_file(name, "khlang-health-", ".txt")) files.health.push_back(path.string());
      if (is_outbox_file(name, "khlang-stats-", ".sqlite")) files.stats.push_back(path.string());
    }
  }
}

// "ตู้ที่ 4" before "ตู้ที่ 39": runs of digits compare as numbers.
bool natural_less(const std::string& a, const std::string& b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (std::isdigit(static_cast<unsigned char>(a[i])) && std::isdigit(static_cast<unsigned char>(b[j]))) {
      size_t ie = i, je = j;
      while (ie < a.size() && std::isdigit(static_cast<unsigned char>(a[ie]))) ++ie;
      while (je < b.size() && std::isdigit(static_cast<unsigned char>(b[je]))) ++je;
      const std::string_view na = std::string_view(a).substr(i, ie - i), nb = std::string_view(b).substr(j, je - j);
      if (na.size() != nb.size()) return na.size() < nb.size();  // (numbers written without leading zeros)
      if (na != nb) return na < nb;
      i = ie;
      j = je;
    } else {
      if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
      ++i;
      ++j;
    }
  }
  return a.size() - i < b.size() - j;
}

}  // namespace

OutboxFiles find_outbox_files(const std::vector<std::string>& folders) {
  OutboxFiles files;
  for (const std::string& folder : folders) collect(folder, files, true);
  return files;
}

std::map<std::string, int64_t> newest_published(const std::string& publish_folder) {
  std::map<std::string, int64_t> newest;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(publish_folder, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || name[0] == '.' || !name.ends_with(".khb.minisig")) continue;
    auto text = bundle::read_untrusted(entry.path().string(), kMaxHealthBytes, "signature");
    if (!text) continue;
    auto sig = bundle::parse_signature(text.value(), entry.path().string());
    if (!sig) continue;
    const bundle::TrustedFields f = bundle::parse_trusted_comment(sig->trusted_comment);
    if (!f.seq) continue;
    int64_t& n = newest[f.channel.value_or("main")];
    n = std::max(n, *f.seq);
  }
  return newest;
}

FleetStatus read_fleet_status(const std::vector<std::string>& health_paths,
                              const std::map<std::string, int64_t>& published, const Thresholds& thresholds,
                              double now) {
  FleetStatus fleet;
  fleet.newest = published;
  std::map<std::string, size_t> by_id;  // a kiosk found twice counts once: its newest record
  for (const std::string& path : health_paths) {
    KioskStatus k;
    k.health_path = path;
    struct stat st{};
    if (::lstat(path.c_str(), &st) == 0) {
      k.arrived_at = static_cast<double>(st.st_ctim.tv_sec) + static_cast<double>(st.st_ctim.tv_nsec) * 1e-9;
    }
    auto text = bundle::read_untrusted(path, kMaxHealthBytes, "health record");
    auto record = text ? parse_health(text.value(), path) : Expected<HealthRecord>(text.error());
    if (!record) {
      k.read_error = record.error().message;
      k.error = true;
      fleet.kiosks.push_back(std::move(k));
      continue;
    }
    k.record = std::move(record.value());
    if (auto it = by_id.find(k.record->kiosk_id); it != by_id.end()) {
      if (fleet.kiosks[it->second].arrived_at >= k.arrived_at) continue;
      fleet.kiosks[it->second] = std::move(k);
      continue;
    }
    by_id[k.record->kiosk_id] = fleet.kiosks.size();
    fleet.kiosks.push_back(std::move(k));
  }
  for (const KioskStatus& k : fleet.kiosks) {
    if (!k.record) continue;
    int64_t& newest = fleet.newest[k.record->channel];
    newest = std::max(newest, k.record->content_seq);
  }
  for (KioskStatus& k : fleet.kiosks) {
    k.seen_seconds_ago = now - k.arrived_at;
    k.offline = k.seen_seconds_ago > thresholds.offline_after_seconds;
    if (!k.record) continue;
    const HealthRecord& r = *k.record;
    k.newest_seq = fleet.newest[r.channel];
    k.stale_content = r.content_seq < k.newest_seq;
    k.low_disk = r.disk_free_bytes && *r.disk_free_bytes < thresholds.low_disk_bytes;
    if (auto written = thai::parse_iso_utc_seconds(r.written_at)) {
      k.clock_skew_seconds = static_cast<double>(*written) - k.arrived_at;
      const double behind_allowance = thresholds.max_skew_seconds + static_cast<double>(r.write_interval_seconds);
      k.clock_skewed = *k.clock_skew_seconds > thresholds.max_skew_seconds || *k.clock_skew_seconds < -behind_allowance;
    } else {
      k.clock_skewed = true;  // a clock the record cannot even state
    }
    k.error = r.last_import_result == "refused" || r.last_import_result == "failed" || !r.last_error.empty();
  }
  std::sort(fleet.kiosks.begin(), fleet.kiosks.end(), [](const KioskStatus& a, const KioskStatus& b) {
    const std::string an = a.record ? a.record->name : "", bn = b.record ? b.record->name : "";
    if (an != bn) return natural_less(an, bn);
    const std::string ai = a.record ? a.record->kiosk_id : a.health_path, bi = b.record ? b.record->kiosk_id : b.health_path;
    return ai < bi;
  });
  return fleet;
}

}  // namespace khlang::fleet

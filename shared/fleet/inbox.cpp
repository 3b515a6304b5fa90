#include "fleet/inbox.h"

#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <filesystem>

#include "bundle/bundle_file.h"
#include "bundle/minisign.h"
#include "store/schema.h"

namespace khlang::fleet {
namespace {

constexpr uint64_t kMaxSignatureBytes = 64 << 10;
constexpr uint64_t kMaxBundleBytes = 4ull << 30;

struct FileState {
  bool regular = false;
  std::string fingerprint;
  double ctime = 0;
};

FileState stat_file(const std::string& path) {
  struct stat st{};
  if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return {};
  const auto ns = [](const timespec& t) { return std::to_string(t.tv_sec) + "." + std::to_string(t.tv_nsec); };
  return {true,
          std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino) + ":" + std::to_string(st.st_size) + ":" +
              ns(st.st_mtim) + ":" + ns(st.st_ctim),
          static_cast<double>(st.st_ctim.tv_sec) + static_cast<double>(st.st_ctim.tv_nsec) * 1e-9};
}

// The pair's fingerprint and when it last changed (wall clock), or nothing if it is not a pair.
std::optional<std::pair<std::string, double>> stat_pair(const std::string& bundle_path) {
  const FileState bundle = stat_file(bundle_path);
  const FileState sig = stat_file(bundle::signature_path(bundle_path));
  if (!bundle.regular || !sig.regular) return std::nullopt;
  return std::make_pair(bundle.fingerprint + "|" + sig.fingerprint, std::max(bundle.ctime, sig.ctime));
}

Expected<std::string> hash_pair(const std::string& bundle_path) {
  bundle::Hasher hasher;
  for (const std::string& path : {bundle_path, bundle::signature_path(bundle_path)}) {
    KHLANG_TRY_AS(auto file, bundle::open_untrusted(path, kMaxBundleBytes, "bundle"));
    std::vector<char> buf(1 << 20);
    for (;;) {
      const ssize_t n = ::read(file.fd, buf.data(), buf.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        ::close(file.fd);
        if (n < 0) return Error{"cannot read " + path};
        break;
      }
      hasher.update(buf.data(), static_cast<size_t>(n));
    }
  }
  const bundle::Hash hash = hasher.finish();
  std::string hex(hash.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), hash.data(), hash.size());
  hex.pop_back();
  return hex;
}

// What the signature claims (not verified: the import verifies).
void read_claims(InboxBundle& b) {
  auto text = bundle::read_untrusted(bundle::signature_path(b.path), kMaxSignatureBytes, "signature");
  if (!text) return;
  auto sig = bundle::parse_signature(text.value(), bundle::signature_path(b.path));
  if (!sig) return;
  b.key_id = bundle::key_id_hex(sig->id);
  b.seq = bundle::parse_trusted_comment(sig->trusted_comment).seq;
}

std::optional<int64_t> last_imported(sqlite::Database& kiosk, const std::string& key_id) {
  auto stmt = kiosk.prepare("SELECT last_seq FROM import_state WHERE key_id = ?");
  if (!stmt) return std::nullopt;
  stmt->bind(1, std::string_view(key_id));
  auto row = stmt->step();
  if (!row || !row.value()) return std::nullopt;
  return stmt->column_int(0);
}

bool refused_before(sqlite::Database& kiosk, const std::string& hash) {
  auto stmt = kiosk.prepare("SELECT 1 FROM inbox_refused WHERE hash = ?");
  if (!stmt) return false;
  stmt->bind(1, std::string_view(hash));
  auto row = stmt->step();
  return row && row.value();
}

}  // namespace

double wall_clock_now() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}
double steady_clock_now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

Expected<InboxLook> InboxScanner::look(sqlite::Database& kiosk, const std::vector<std::string>& folders, double wall_now,
                                       double steady_now) {
  InboxLook look;
  std::map<std::string, Seen> still_there;
  for (const std::string& folder : folders) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
      const std::string name = entry.path().filename().string();
      if (name.empty() || name[0] == '.' || name[0] == '~' || !name.ends_with(".khb")) continue;
      const std::string path = entry.path().string();
      const auto pair = stat_pair(path);
      if (!pair) continue;  // no signature (yet), or not regular files
      Seen seen = seen_.count(path) ? seen_[path] : Seen{};
      if (seen.fingerprint != pair->first) seen = Seen{pair->first, steady_now, ""};
      const bool settled = wall_now - pair->second >= settle_seconds_ || steady_now - seen.since >= settle_seconds_;
      if (settled && seen.hash.empty()) {
        auto hash = hash_pair(path);
        const auto after = stat_pair(path);
        if (hash && after && after->first == seen.fingerprint) seen.hash = hash.value();
      }
      still_there[path] = seen;
      if (seen.hash.empty()) {
        ++look.waiting;
        continue;
      }
      InboxBundle b{path, seen.hash, std::nullopt, ""};
      read_claims(b);
      if (b.seq && !b.key_id.empty()) {
        const auto last = last_imported(kiosk, b.key_id);
        if (last && *b.seq <= *last) {
          ++look.older;
          continue;
        }
      }
      if (refused_before(kiosk, b.hash)) {
        ++look.refused_before;
        continue;
      }
      look.ready.push_back(std::move(b));
    }
  }
  seen_ = std::move(still_there);  // forget what left the folders
  std::sort(look.ready.begin(), look.ready.end(), [](const InboxBundle& a, const InboxBundle& b) {
    if (a.seq.value_or(-1) != b.seq.value_or(-1)) return a.seq.value_or(-1) > b.seq.value_or(-1);
    return a.path < b.path;
  });
  return look;
}

AutoImporter::AutoImporter(std::string db_path, std::vector<std::string> folders, AutoImportOptions options)
    : db_path_(std::move(db_path)), folders_(std::move(folders)), options_(options), scanner_(options.settle_seconds) {}

AutoImportOutcome AutoImporter::run_once(double wall_now, double steady_now, const bundle::ImportOptions& import) {
  using Kind = AutoImportOutcome::Kind;
  auto kiosk = store::open_kiosk_db(db_path_);
  if (!kiosk) return {Kind::Failed, "", std::nullopt, kiosk.error().message};
  auto look = scanner_.look(kiosk.value(), folders_, wall_now, steady_now);
  if (!look) return {Kind::Failed, "", std::nullopt, look.error().message};
  for (const InboxBundle& b : look->ready) {
    if (auto it = retry_at_.find(b.hash); it != retry_at_.end() && steady_now < it->second) continue;
    auto report = bundle::import_bundle(db_path_, b.path, import);
    if (report) {
      retry_at_.erase(b.hash);
      return {Kind::Imported, b.path, report->label.seq, ""};
    }
    const std::string& message = report.error().message;
    if (!bundle::is_refusal(report.error())) {
      retry_at_[b.hash] = steady_now + options_.retry_after_seconds;
      return {Kind::Failed, b.path, b.seq, message};
    }
    // Remember the refusal only for the bytes that were refused (the folder may have changed since).
    if (auto now = hash_pair(b.path); now && now.value() == b.hash) {
      auto remember = kiosk->prepare(
          "INSERT OR REPLACE INTO inbox_refused (hash, bundle, refused_at, reason) VALUES (?, ?, ?, ?)");
      if (remember) {
        remember->bind_all(std::string_view(b.hash), std::string_view(b.path), bundle::now_utc_iso(),
                           std::string_view(message));
        (void)remember->run();
      }
      // Bounded: the oldest refusals go (a bundle that came back after them would be tried once more).
      (void)kiosk->exec("DELETE FROM inbox_refused WHERE hash NOT IN "
                        "(SELECT hash FROM inbox_refused ORDER BY refused_at DESC LIMIT 500)");
    }
    return {Kind::Refused, b.path, b.seq, message};
  }
  return {look->waiting > 0 ? Kind::Waiting : Kind::Nothing, "", std::nullopt, ""};
}

}  // namespace khlang::fleet

#include "bundle/importer.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <utility>

#include "bundle/bundle_limits.h"
#include "bundle/trust_store.h"
#include "content/content_tables.h"
#include "search/search_index.h"
#include "store/schema.h"
#include "store/settings.h"
#include "util/system_error.h"

namespace khlang::bundle {
namespace {

constexpr uint64_t kMaxSignatureBytes = 64 << 10;
constexpr int kVerifyTimeoutSeconds = 120;
constexpr int kMergeTimeoutSeconds = 900;

// The private copy of a bundle, deleted when it goes out of scope.
class PrivateCopy {
 public:
  PrivateCopy() = default;
  PrivateCopy(PrivateCopy&& other) noexcept : path(std::exchange(other.path, {})) {}
  PrivateCopy& operator=(PrivateCopy&&) = delete;
  ~PrivateCopy() {
    if (!path.empty()) ::unlink(path.c_str());
  }
  std::string path;
};

// Step 1: copy with read() (never mmap the stick), hashing as we go, into `dir`.
Expected<Hash> copy_and_hash(const std::string& bundle_path, uint64_t max_bytes, const std::string& dir,
                             const std::string& copy_prefix, PrivateCopy& copy,
                             const std::function<void(double)>& progress) {
  auto source = open_untrusted(bundle_path, max_bytes, "bundle");
  if (!source) return source.error();
  std::string templ = dir + "/" + copy_prefix + "XXXXXX";
  const int out = ::mkstemp(templ.data());
  if (out < 0) {
    ::close(source->fd);
    return system_error("cannot make a private copy in " + dir, errno);
  }
  copy.path = templ;
  Hasher hasher;
  std::vector<char> buf(1 << 20);
  uint64_t done = 0;
  std::optional<Error> failure;
  while (!failure) {
    const ssize_t n = ::read(source->fd, buf.data(), buf.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      failure = Error{ErrorKind::Io, "reading the bundle failed (" + system_reason(errno) +
                      "): was the USB stick removed? Nothing was changed"};
      break;
    }
    if (n == 0) break;
    hasher.update(buf.data(), static_cast<size_t>(n));
    for (ssize_t w = 0; w < n && !failure;) {
      const ssize_t k = ::write(out, buf.data() + w, static_cast<size_t>(n - w));
      if (k < 0 && errno == EINTR) continue;
      if (k < 0) failure = system_error("cannot copy the bundle", errno);
      else w += k;
    }
    done += static_cast<uint64_t>(n);
    if (done > max_bytes) failure = Error{"the bundle grew past the size limit while it was read"};
    if (progress && source->size) progress(0.3 * static_cast<double>(done) / static_cast<double>(source->size));
  }
  ::close(source->fd);
  if (!failure && done != source->size) {
    failure = Error{ErrorKind::Io, "the bundle changed size while it was read (" + std::to_string(done) + " of " +
                    std::to_string(source->size) + " bytes): was the USB stick removed?"};
  }
  if (!failure && ::fsync(out) != 0) failure = system_error("cannot save the private copy", errno);
  ::close(out);
  if (failure) return *failure;
  return hasher.finish();
}

// Steps 1-5 done: a verified, checked, open copy of the bundle.
struct VerifiedBundle {
  PrivateCopy copy;
  sqlite::Database db;  // hardened, read-only
  BundleLabel label;
  std::string key_id;
  std::string trusted_comment;
};

std::string directory_of(const std::string& path) {
  const std::filesystem::path p = std::filesystem::absolute(path).parent_path();
  return p.empty() ? "." : p.string();
}

// Private copies are named after their database, so imports into two databases of one
// directory never touch each other's.
std::string copy_prefix_for(const std::string& db_path) {
  return "." + std::filesystem::path(db_path).filename().string() + ".import-";
}

// Steps 3-4 and the label: checks on a copy whose signature is already verified (or, for the
// CLI's inspect, on the office's own file).
Status check_and_label(VerifiedBundle& vb, uint64_t size, const std::optional<Signature>& sig) {
  if (auto s = check_sqlite_header(vb.copy.path, size); !s) return s;
  auto db = open_bundle_readonly(vb.copy.path, kVerifyTimeoutSeconds);
  if (!db) return db.error();
  vb.db = std::move(db.value());
  auto app = vb.db.query_int("PRAGMA application_id");
  auto version = vb.db.query_int("PRAGMA user_version");
  if (!app || !version) return Error{"the bundle cannot be read as SQLite"};
  if (app.value() != store::kBundleApplicationId) return Error{"not a Khlang bundle (wrong application_id)"};
  if (version.value() < store::kBundleSchemaVersion) {
    return Error{"the bundle has schema version " + std::to_string(version.value()) + ", older than this kiosk reads (" +
                 std::to_string(store::kBundleSchemaVersion) + "): pack it again with the current khlang-admin"};
  }
  if (version.value() > store::kBundleSchemaVersion) {
    return Error{"the bundle has schema version " + std::to_string(version.value()) + ", newer than this kiosk reads (" +
                 std::to_string(store::kBundleSchemaVersion) + "): update the kiosk first"};
  }
  auto check = vb.db.query_text("PRAGMA quick_check");
  if (!check || check.value() != "ok") {
    // quick_check's report spans lines ("*** in database main ***\n..."): one line of it is the reason.
    std::string report = check ? check.value() : check.error().message;
    std::replace(report.begin(), report.end(), '\n', ' ');
    return Error{"the bundle is damaged (quick_check: " + report.substr(0, 200) + ")"};
  }
  auto expected = store::expected_bundle_schema();
  auto actual = store::read_schema(vb.db);
  if (!expected || !actual) return Error{"cannot read the bundle's schema"};
  if (expected.value() != actual.value()) {
    for (const auto& object : actual.value()) {
      if (std::find(expected->begin(), expected->end(), object) == expected->end()) {
        return Error{"the bundle's schema is not Khlang's: unexpected " + object.type + " '" + object.name + "'"};
      }
    }
    return Error{"the bundle's schema is not Khlang's: a table is missing"};
  }
  auto info = vb.db.prepare("SELECT organization, channel, seq, created_at FROM bundle_info WHERE id = 1");
  if (!info) return info.error();
  auto row = info->step();
  if (!row || !row.value()) return Error{"the bundle has no bundle_info row"};
  vb.label = {info->column_text(0), info->column_text(1), info->column_int(2), info->column_text(3)};
  if (sig) {
    // The trusted comment and bundle_info are both signed; they must agree where both speak.
    const TrustedFields f = parse_trusted_comment(sig->trusted_comment);
    if ((f.seq && *f.seq != vb.label.seq) || (f.channel && *f.channel != vb.label.channel)) {
      return Error{"the signed comment (seq/channel) disagrees with the bundle's own bundle_info"};
    }
  }
  return Ok{};
}

Expected<VerifiedBundle> verify_for_kiosk(sqlite::Database& kiosk, const std::string& db_path,
                                          const std::string& bundle_path, const ImportOptions& options) {
  VerifiedBundle vb;
  auto sig_text = read_untrusted(signature_path(bundle_path), kMaxSignatureBytes, "signature");
  if (!sig_text) {
    if (!std::filesystem::exists(signature_path(bundle_path)) && std::filesystem::exists(bundle_path)) {
      return Error{"unsigned bundle: " + signature_path(bundle_path) + " not found"};
    }
    return sig_text.error();
  }
  auto sig = parse_signature(sig_text.value(), signature_path(bundle_path));
  if (!sig) return sig.error();
  auto key = find_trusted_key(kiosk, sig->id);
  if (!key) return key.error();
  vb.key_id = key->key_id;
  vb.trusted_comment = sig->trusted_comment;

  auto hash = copy_and_hash(bundle_path, options.max_bundle_bytes, directory_of(db_path), copy_prefix_for(db_path),
                            vb.copy, options.progress);
  if (!hash) return hash.error();
  if (auto s = verify_hash(sig.value(), key->key, hash.value()); !s) return Error{"rejected: " + s.error().message};
  std::error_code ec;
  const uint64_t size = std::filesystem::file_size(vb.copy.path, ec);
  KHLANG_TRY(check_and_label(vb, size, sig.value()));

  const std::string channel = store::get_setting(kiosk, "channel", "main");
  if (vb.label.channel != channel) {
    return Error{"the bundle is for channel '" + vb.label.channel + "', this kiosk takes '" + channel + "'"};
  }
  auto last = kiosk.prepare("SELECT last_seq FROM import_state WHERE key_id = ?");
  if (!last) return last.error();
  last->bind(1, std::string_view(vb.key_id));
  auto row = last->step();
  if (!row) return row.error();
  if (row.value() && vb.label.seq <= last->column_int(0)) {
    return Error{"sequence number " + std::to_string(vb.label.seq) + " is not above the last one imported (" +
                 std::to_string(last->column_int(0)) + "): an old or replayed bundle"};
  }
  // The content itself, measured against the limits (the most expensive check, so the last).
  KHLANG_TRY(check_bundle_limits(vb.db));
  return vb;
}

void log_import(sqlite::Database& kiosk, const std::string& bundle, const std::string& key_id,
                std::optional<int64_t> seq, const std::string& result, const std::string& message) {
  auto stmt = kiosk.prepare("INSERT INTO import_log (at, bundle, key_id, seq, result, message) VALUES (?, ?, ?, ?, ?, ?)");
  if (!stmt) return;
  stmt->bind_all(now_utc_iso(), std::string_view(bundle), std::string_view(key_id));
  stmt->bind(4, seq).bind(5, std::string_view(result)).bind(6, std::string_view(message));
  (void)stmt->run();  // the log is best effort: a full disk must not hide the real error
}

std::string where_differs(const content::TableSpec& t) {
  std::string cond;
  for (const auto& c : t.columns) {
    if (!cond.empty()) cond += " OR ";
    cond += "NOT (b." + std::string(c.name) + " IS m." + c.name + ")";
  }
  return cond;
}

Status attach_bundle(sqlite::Database& kiosk, const std::string& copy_path) {
  auto stmt = kiosk.prepare("ATTACH DATABASE ? AS bundle");
  if (!stmt) return stmt.error();
  stmt->bind(1, "file:" + uri_path(copy_path) + "?mode=ro&immutable=1");
  return stmt->run();
}

// Step 7: the merge, in one transaction that rolls back on any error.
Status merge(sqlite::Database& kiosk, const VerifiedBundle& vb, const ImportOptions& options,
             std::map<std::string, int64_t>& counts, std::string& note) {
  const auto& tables = content::content_tables();
  KHLANG_TRY_AS(sqlite::Transaction tx, sqlite::Transaction::begin(kiosk));
  // Keep what is there as the previous content, then take the bundle's; children are emptied
  // before parents, parents filled before children.
  for (auto it = tables.rbegin(); it != tables.rend(); ++it) {
    const std::string name = it->name, cols = content::column_list(*it);
    KHLANG_TRY(kiosk.exec("DELETE FROM prev_" + name));
    KHLANG_TRY(kiosk.exec("INSERT INTO prev_" + name + " (" + cols + ") SELECT " + cols + " FROM main." + name));
    KHLANG_TRY(kiosk.exec("DELETE FROM main." + name));
  }
  size_t done = 0;
  for (const content::TableSpec& t : tables) {
    const std::string cols = content::column_list(t);
    KHLANG_TRY(kiosk.exec("INSERT INTO main." + std::string(t.name) + " (" + cols + ") SELECT " + cols + " FROM bundle." +
                          t.name));
    counts[t.name] = kiosk.changes();
    if (options.progress) options.progress(0.4 + 0.55 * static_cast<double>(++done) / static_cast<double>(tables.size()));
  }
  KHLANG_TRY_AS(sqlite::Statement dangling, kiosk.prepare("SELECT \"table\", parent FROM pragma_foreign_key_check LIMIT 1"));
  KHLANG_TRY_AS(const bool bad, dangling.step());
  if (bad) return Error{"the bundle's " + dangling.column_text(0) + " refers to a missing " + dangling.column_text(1)};
  // The search index follows the content in the same transaction.
  KHLANG_TRY_AS(const search::TakenIndex taken, search::take_search_index(kiosk, "bundle"));
  note = taken.note;
  if (options.progress) options.progress(0.98);
  KHLANG_TRY_AS(sqlite::Statement state,
                kiosk.prepare("INSERT INTO import_state (key_id, last_seq, imported_at) VALUES (?, ?, ?) "
                              "ON CONFLICT (key_id) DO UPDATE SET last_seq = excluded.last_seq, imported_at = excluded.imported_at"));
  KHLANG_TRY(state.bind_all(std::string_view(vb.key_id), vb.label.seq, now_utc_iso()).run());
  KHLANG_TRY_AS(sqlite::Statement content,
                kiosk.prepare("INSERT INTO content_state (id, key_id, imported_at, has_previous, prev_key_id) VALUES (1, ?, ?, "
                              "(SELECT count(*) > 0 FROM prev_organization), coalesce((SELECT key_id FROM content_state), '')) "
                              "ON CONFLICT (id) DO UPDATE SET key_id = excluded.key_id, imported_at = excluded.imported_at, "
                              "has_previous = excluded.has_previous, prev_key_id = content_state.key_id"));
  KHLANG_TRY(content.bind_all(std::string_view(vb.key_id), now_utc_iso()).run());
  return tx.commit();
}

// The import log's verdict.
const char* verdict(const Error& e) { return is_refusal(e) ? "refused" : "failed"; }

Expected<sqlite::Database> open_hardened_kiosk(const std::string& db_path, int timeout) {
  auto kiosk = store::open_kiosk_db(db_path);
  if (!kiosk) return kiosk.error();
  harden_connection(kiosk.value(), timeout);
  return kiosk;
}

// One import at a time per database (an flock held while it runs); while holding it, private
// copies left by an import that was killed are removed.
class ImportLock {
 public:
  explicit ImportLock(const std::string& db_path) {
    fd_ = ::open((db_path + ".import-lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd_ >= 0 && ::flock(fd_, LOCK_EX) != 0) {
      ::close(fd_);
      fd_ = -1;
    }
    if (fd_ < 0) return;
    std::error_code ec;
    const std::string prefix = copy_prefix_for(db_path);
    for (const auto& entry : std::filesystem::directory_iterator(directory_of(db_path), ec)) {
      if (entry.path().filename().string().starts_with(prefix)) std::filesystem::remove(entry.path(), ec);
    }
  }
  ~ImportLock() {
    if (fd_ >= 0) ::close(fd_);
  }
  ImportLock(const ImportLock&) = delete;
  ImportLock& operator=(const ImportLock&) = delete;
  bool held() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
};

}  // namespace

bool is_refusal(const Error& e) { return e.kind == ErrorKind::InvalidInput || e.kind == ErrorKind::NotFound; }

Expected<ImportReport> import_bundle(const std::string& db_path, const std::string& bundle_path,
                                     const ImportOptions& options) {
  ImportLock lock(db_path);
  if (!lock.held()) return system_error("cannot lock " + db_path + " for the import", errno);
  auto kiosk = open_hardened_kiosk(db_path, kMergeTimeoutSeconds);
  if (!kiosk) return kiosk.error();
  auto vb = verify_for_kiosk(kiosk.value(), db_path, bundle_path, options);
  if (!vb) {
    log_import(kiosk.value(), bundle_path, "", std::nullopt, verdict(vb.error()), vb.error().message);
    return vb.error();
  }
  if (options.progress) options.progress(0.4);
  ImportReport report{vb->label, vb->key_id, {}, ""};
  Status merged = attach_bundle(kiosk.value(), vb->copy.path);
  if (merged) merged = merge(kiosk.value(), vb.value(), options, report.counts, report.note);
  (void)kiosk->exec("DETACH DATABASE bundle");
  if (!merged) {
    const Error& e = merged.error();
    log_import(kiosk.value(), bundle_path, vb->key_id, vb->label.seq, verdict(e), e.message);
    if (e.kind == ErrorKind::Io) {
      return e.within("import failed, the content is unchanged: the kiosk's disk is full or failing: ");
    }
    return e.within("import failed, the content is unchanged: ");
  }
  log_import(kiosk.value(), bundle_path, vb->key_id, vb->label.seq, "imported", report.note);
  if (options.progress) options.progress(1.0);
  return report;
}

Expected<BundleDiff> diff_bundle(const std::string& db_path, const std::string& bundle_path,
                                 const ImportOptions& options) {
  auto kiosk = open_hardened_kiosk(db_path, kMergeTimeoutSeconds);
  if (!kiosk) return kiosk.error();
  auto vb = verify_for_kiosk(kiosk.value(), db_path, bundle_path, options);
  if (!vb) return vb.error();
  KHLANG_TRY(attach_bundle(kiosk.value(), vb->copy.path));
  BundleDiff diff{vb->label, vb->key_id, {}};
  for (const content::TableSpec& t : content::content_tables()) {
    const std::string name = t.name, key = t.key;
    TableDiff& d = diff.tables[name];
    struct Query {
      const char* mark;
      int64_t* count;
      std::string sql;
    };
    const std::string b_key = "(" + std::string(key) + ")";
    const Query queries[] = {
        {"+", &d.added, "SELECT " + key + " FROM bundle." + name + " WHERE " + b_key + " NOT IN (SELECT " + key + " FROM main." + name + ")"},
        {"-", &d.removed, "SELECT " + key + " FROM main." + name + " WHERE " + b_key + " NOT IN (SELECT " + key + " FROM bundle." + name + ")"},
        {"~", &d.changed, "SELECT b." + std::string(t.columns[0].name) + " FROM bundle." + name + " b JOIN main." + name +
                              " m ON " + [&] {
                                std::string on;
                                for (const auto& c : t.columns) {
                                  if (key.find(c.name) == std::string::npos) continue;
                                  on += (on.empty() ? "" : " AND ") + std::string("b.") + c.name + " = m." + c.name;
                                }
                                return on;
                              }() + " WHERE " + where_differs(t)},
    };
    for (const Query& q : queries) {
      auto stmt = kiosk->prepare(q.sql);
      if (!stmt) return stmt.error();
      for (;;) {
        auto row = stmt->step();
        if (!row) return row.error();
        if (!row.value()) break;
        ++*q.count;
        if (d.examples.size() < 5) d.examples.push_back(q.mark + stmt->column_text(0));
      }
    }
  }
  (void)kiosk->exec("DETACH DATABASE bundle");
  return diff;
}

namespace {

// The previous content back in place of the current, in one transaction.
Status restore_previous(sqlite::Database& kiosk) {
  const auto& tables = content::content_tables();
  KHLANG_TRY_AS(sqlite::Transaction tx, sqlite::Transaction::begin(kiosk));
  for (auto it = tables.rbegin(); it != tables.rend(); ++it) KHLANG_TRY(kiosk.exec("DELETE FROM main." + std::string(it->name)));
  for (const content::TableSpec& t : tables) {
    const std::string cols = content::column_list(t);
    KHLANG_TRY(kiosk.exec("INSERT INTO main." + std::string(t.name) + " (" + cols + ") SELECT " + cols + " FROM prev_" + t.name));
    KHLANG_TRY(kiosk.exec("DELETE FROM prev_" + std::string(t.name)));
  }
  KHLANG_TRY(search::rebuild_search_index(kiosk));
  KHLANG_TRY(kiosk.exec("UPDATE content_state SET has_previous = 0, key_id = prev_key_id, prev_key_id = ''"));
  return tx.commit();
}

}  // namespace

Status rollback_import(const std::string& db_path) {
  auto kiosk = open_hardened_kiosk(db_path, kMergeTimeoutSeconds);
  if (!kiosk) return kiosk.error();
  auto has = kiosk->query_int("SELECT coalesce((SELECT has_previous FROM content_state WHERE id = 1), 0)");
  if (!has) return has.error();
  if (!has.value()) return Error{"there is no previous content to roll back to (one step back is kept, once)"};
  if (auto s = restore_previous(kiosk.value()); !s) return s.error().within("rollback failed, the content is unchanged: ");
  log_import(kiosk.value(), "(rollback)", "", std::nullopt, "rolled back", "");
  return Ok{};
}

Expected<BundleFacts> read_bundle_facts(const std::string& bundle_path, const PublicKey* public_key) {
  VerifiedBundle vb;
  std::optional<Signature> sig;
  auto sig_text = read_untrusted(signature_path(bundle_path), kMaxSignatureBytes, "signature");
  if (sig_text) {
    auto parsed = parse_signature(sig_text.value(), signature_path(bundle_path));
    if (!parsed) return parsed.error();
    sig = parsed.value();
  } else if (public_key) {
    return Error{"unsigned bundle: " + signature_path(bundle_path) + " not found"};
  }
  auto hash = copy_and_hash(bundle_path, 4ull << 30, std::filesystem::temp_directory_path().string(),
                            ".khlang-inspect-", vb.copy, {});
  if (!hash) return hash.error();
  BundleFacts facts;
  if (public_key) {
    if (auto s = verify_hash(sig.value(), *public_key, hash.value()); !s) return Error{"rejected: " + s.error().message};
  }
  if (sig) {
    facts.key_id = key_id_hex(sig->id);
    facts.trusted_comment = sig->trusted_comment;
  }
  std::error_code ec;
  if (auto s = check_and_label(vb, std::filesystem::file_size(vb.copy.path, ec), public_key ? sig : std::nullopt); !s) {
    return s.error();
  }
  facts.label = vb.label;
  for (const content::TableSpec& t : content::content_tables()) {
    auto n = vb.db.query_int("SELECT count(*) FROM " + std::string(t.name));
    if (!n) return n.error();
    facts.counts[t.name] = n.value();
  }
  return facts;
}

}  // namespace khlang::bundle

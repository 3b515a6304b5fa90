#include "bundle/bundle_file.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "search/search_index.h"
#include "store/schema.h"
#include "util/system_error.h"
#include "util/limits.h"

namespace khlang::bundle {

std::string now_utc_iso() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string signature_path(const std::string& bundle_path) { return bundle_path + ".minisig"; }

std::string format_trusted_comment(const BundleLabel& label) {
  std::string org = label.organization;
  for (char& c : org) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return "khlang seq=" + std::to_string(label.seq) + " channel=" + label.channel + " created=" + label.created_at +
         " org=" + org;
}

TrustedFields parse_trusted_comment(const std::string& comment) {
  TrustedFields f;
  std::istringstream in(comment);
  std::string word;
  while (in >> word) {
    const size_t eq = word.find('=');
    if (eq == std::string::npos) continue;
    const std::string key = word.substr(0, eq);
    std::string value = word.substr(eq + 1);
    if (key == "org") {  // the rest of the line: an organization's name has spaces
      std::string rest;
      std::getline(in, rest);
      f.organization = value + rest;
      break;
    }
    if (key == "seq") {
      int64_t n = 0;  // not a whole number (or out of range): no sequence number in this comment
      const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
      if (ec == std::errc() && end == value.data() + value.size()) f.seq = n;
    } else if (key == "channel") {
      f.channel = value;
    } else if (key == "created") {
      f.created_at = value;
    }
  }
  return f;
}

namespace {

// Writes the bundle file at `path`: the rows `feed` hands over, bundle_info from `label` (with the
// content's organization when it names none), the search index; one transaction, so memory holds no more
// than SQLite's cache and the feed's batches.
Status write_bundle_file(const std::function<Status(const content::RowSink&)>& feed, BundleLabel& label,
                         const std::string& path, PackCounts& counts) {
  KHLANG_TRY_AS(sqlite::Database db, sqlite::Database::open(path, sqlite::Database::Mode::ReadWriteCreate));
  KHLANG_TRY(store::create_bundle_schema(db));
  KHLANG_TRY_AS(sqlite::Transaction tx, sqlite::Transaction::begin(db, sqlite::Transaction::Kind::Deferred));
  content::RowInserter inserter(db);
  KHLANG_TRY(feed([&](const content::TableSpec& table, content::ContentRow&& row) -> Status {
    const std::string_view name = table.name;
    if (name == "organization" && label.organization.empty()) label.organization = row.cells[1].value_or("");
    if (name == "article") ++counts.articles;
    if (name == "announcement") ++counts.announcements;
    if (name == "media") ++counts.images;
    return inserter.insert(table, row);
  }));
  KHLANG_TRY_AS(sqlite::Statement info, db.prepare("INSERT INTO bundle_info (id, organization, channel, seq, created_at, "
                                                   "generator) VALUES (1, ?, ?, ?, ?, 'khlang-admin')"));
  KHLANG_TRY(info.bind_all(std::string_view(label.organization), std::string_view(label.channel), label.seq,
                           std::string_view(label.created_at))
                 .run());
  KHLANG_TRY(search::pack_search_index(db));
  return tx.commit();
}

// Writes BUNDLE.partial through `feed`, signs what was written, read back from disk, and renames
// both into place.
Expected<PackCounts> write_and_sign(const std::function<Status(const content::RowSink&)>& feed, BundleLabel label,
                                    const SecretKey& key, const std::string& out_path) {
  const std::string tmp = out_path + ".partial";
  std::filesystem::remove(tmp);
  PackCounts counts;
  if (auto s = write_bundle_file(feed, label, tmp, counts); !s) {
    std::filesystem::remove(tmp);
    return s.error();
  }
  std::ifstream in(tmp, std::ios::binary);
  Hasher hasher;
  std::vector<char> buf(1 << 16);
  while (in.read(buf.data(), static_cast<std::streamsize>(buf.size())) || in.gcount() > 0) {
    hasher.update(buf.data(), static_cast<size_t>(in.gcount()));
  }
  const Signature sig = sign_hash(key, hasher.finish(), format_trusted_comment(label));
  const std::string sig_tmp = signature_path(out_path) + ".partial";
  {
    std::ofstream out(sig_tmp, std::ios::trunc);
    out << format_signature_file(sig);
    if (!out.flush()) return Error{ErrorKind::Io, "cannot write " + signature_path(out_path)};
  }
  std::error_code ec;
  std::filesystem::rename(tmp, out_path, ec);
  if (!ec) std::filesystem::rename(sig_tmp, signature_path(out_path), ec);
  if (ec) return system_error("cannot write " + out_path, ec);
  counts.organization = label.organization;
  return counts;
}

}  // namespace

Status pack_bundle(const content::ContentSet& set, const BundleLabel& label, const SecretKey& key,
                   const std::string& out_path) {
  auto feed = [&](const content::RowSink& sink) -> Status {
    for (const content::TableSpec& spec : content::content_tables()) {
      auto it = set.tables.find(spec.name);
      if (it == set.tables.end()) continue;
      for (content::ContentRow row : it->second) KHLANG_TRY(sink(spec, std::move(row)));
    }
    return Ok{};
  };
  BundleLabel given = label;
  auto packed = write_and_sign(feed, given, key, out_path);
  if (!packed) return packed.error();
  return Ok{};
}

Expected<PackCounts> pack_content_folder(const std::string& dir, const BundleLabel& label, const SecretKey& key,
                                         const std::string& out_path) {
  WorkerPool pool;
  BundleLabel from_content = label;
  from_content.organization.clear();
  return write_and_sign([&](const content::RowSink& sink) { return content::read_content_folder(dir, pool, sink); },
                        from_content, key, out_path);
}

Expected<OpenedFile> open_untrusted(const std::string& path, uint64_t max_bytes, const std::string& what) {
  // O_NONBLOCK: opening a FIFO must not hang the kiosk waiting for a writer.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    if (errno == ELOOP) return Error{what + " " + path + " is a symbolic link; give the file itself"};
    if (errno == ENOENT) return Error{ErrorKind::NotFound, what + " " + path + " not found"};
    return system_error(what + " " + path + ": cannot open", errno);
  }
  struct stat st{};
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    const char* kind = S_ISDIR(st.st_mode) ? "a directory" : S_ISFIFO(st.st_mode) ? "a FIFO" : "not a regular file";
    return Error{what + " " + path + " is " + kind + ", not a regular file"};
  }
  if (static_cast<uint64_t>(st.st_size) > max_bytes) {
    ::close(fd);
    return Error{what + " " + path + " is " + std::to_string(st.st_size / (1 << 20)) + " MiB, over the limit of " +
                 std::to_string(max_bytes / (1 << 20)) + " MiB"};
  }
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  return OpenedFile{fd, static_cast<uint64_t>(st.st_size)};
}

Expected<std::string> read_untrusted(const std::string& path, uint64_t max_bytes, const std::string& what) {
  auto file = open_untrusted(path, max_bytes, what);
  if (!file) return file.error();
  std::string data(file->size, '\0');
  size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::read(file->fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(file->fd);
      if (n < 0) return system_error(what + " " + path + ": read failed", errno);
      return Error{ErrorKind::Io, what + " " + path + ": read failed (the file shrank while it was read)"};
    }
    done += static_cast<size_t>(n);
  }
  ::close(file->fd);
  return data;
}

Status check_sqlite_header(const std::string& path, uint64_t file_size) {
  unsigned char h[100] = {};
  std::ifstream in(path, std::ios::binary);
  if (file_size < 100 || !in.read(reinterpret_cast<char*>(h), 100)) {
    return Error{"not an SQLite bundle (too short to be one)"};
  }
  if (std::memcmp(h, "SQLite format 3\0", 16) != 0) return Error{"not an SQLite bundle (wrong header)"};
  if (h[18] != 1 || h[19] != 1) return Error{"the bundle is in WAL mode; bundles must use a rollback journal"};
  uint32_t page_size = (h[16] << 8) | h[17];
  if (page_size == 1) page_size = 65536;
  const uint32_t pages = (uint32_t{h[28]} << 24) | (h[29] << 16) | (h[30] << 8) | h[31];
  if (page_size < 512 || (page_size & (page_size - 1)) != 0) return Error{"the bundle's page size is invalid"};
  if (static_cast<uint64_t>(page_size) * pages != file_size) {
    return Error{"the bundle's size (" + std::to_string(file_size) + " bytes) does not match its page count (" +
                 std::to_string(pages) + " x " + std::to_string(page_size) + "): truncated or padded"};
  }
  return Ok{};
}

std::string uri_path(const std::string& path) {
  std::string out;
  for (char c : path) {
    if (c == '%' || c == '?' || c == '#') {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", static_cast<unsigned char>(c));
      out += buf;
    } else {
      out += c;
    }
  }
  return out;
}

namespace {
int progress_deadline(void* context) {
  const auto* deadline = static_cast<const std::chrono::steady_clock::time_point*>(context);
  return std::chrono::steady_clock::now() > *deadline ? 1 : 0;
}
}  // namespace

void harden_connection(sqlite::Database& db, int timeout_seconds) {
  sqlite3* h = db.handle();
  sqlite3_db_config(h, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
  sqlite3_db_config(h, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
  sqlite3_db_config(h, SQLITE_DBCONFIG_ENABLE_VIEW, 0, nullptr);
  sqlite3_db_config(h, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr);
  sqlite3_db_config(h, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
  static_assert(limits::kMaxImageBytes <= (64u << 20) / 2, "SQLite's length limit must stay above any value allowed");
  sqlite3_limit(h, SQLITE_LIMIT_LENGTH, 64 << 20);
  sqlite3_limit(h, SQLITE_LIMIT_SQL_LENGTH, 1 << 16);
  sqlite3_limit(h, SQLITE_LIMIT_COLUMN, 64);
  sqlite3_limit(h, SQLITE_LIMIT_EXPR_DEPTH, 64);
  sqlite3_limit(h, SQLITE_LIMIT_COMPOUND_SELECT, 4);
  sqlite3_limit(h, SQLITE_LIMIT_VDBE_OP, 50000);
  sqlite3_limit(h, SQLITE_LIMIT_FUNCTION_ARG, 8);
  sqlite3_limit(h, SQLITE_LIMIT_ATTACHED, 1);
  sqlite3_limit(h, SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 256);
  sqlite3_limit(h, SQLITE_LIMIT_VARIABLE_NUMBER, 64);
  sqlite3_limit(h, SQLITE_LIMIT_TRIGGER_DEPTH, 1);
  (void)db.exec("PRAGMA cell_size_check=ON; PRAGMA mmap_size=0; PRAGMA trusted_schema=OFF;");
  auto deadline = std::make_shared<std::chrono::steady_clock::time_point>(std::chrono::steady_clock::now() +
                                                                          std::chrono::seconds(timeout_seconds));
  sqlite3_progress_handler(h, 10000, progress_deadline, deadline.get());
  db.keep_alive(deadline);
}

Expected<sqlite::Database> open_bundle_readonly(const std::string& path, int timeout_seconds) {
  auto db = sqlite::Database::open("file:" + uri_path(path) + "?mode=ro&immutable=1", sqlite::Database::Mode::ReadOnly);
  if (!db) return db.error();
  harden_connection(db.value(), timeout_seconds);
  return db;
}

}  // namespace khlang::bundle

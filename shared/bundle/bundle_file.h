// [SECTION] Bundle files: packing a content folder into a signed SQLite file, the trusted
// comment that carries organization, channel and sequence number, and the checks that come
// before SQLite may open a file from a stick (regular file, size, header).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "bundle/minisign.h"
#include "content/content_folder.h"
#include "sqlite/database.h"
#include "util/error.h"

namespace khlang::bundle {

struct BundleLabel {
  std::string organization;
  std::string channel = "main";
  int64_t seq = 0;
  std::string created_at;  // UTC, ISO 8601
};

// "khlang seq=12 channel=main created=2026-11-24T13:00:00Z org=<organization>"
std::string format_trusted_comment(const BundleLabel& label);
// The fields found in a trusted comment (one signed by stock minisign may have none of them).
struct TrustedFields {
  std::optional<int64_t> seq;
  std::optional<std::string> channel, organization, created_at;
};
TrustedFields parse_trusted_comment(const std::string& comment);

// Writes BUNDLE (the content and bundle_info, rollback-journal mode) and BUNDLE.minisig.
Status pack_bundle(const content::ContentSet& set, const BundleLabel& label, const SecretKey& key,
                   const std::string& out_path);

// What pack_content_folder packed.
struct PackCounts {
  std::string organization;  // the content's, which the bundle's label carries
  size_t articles = 0, announcements = 0, images = 0;
};
// The same from a content folder, streamed: its rows go into the bundle as they are read and
// checked (files parsed and images thumbnailed on every core), then the search index is cut on
// every core, so memory stays bounded whatever the folder's size. `label.organization` is
// taken from the content. A folder that fails a check leaves no bundle.
Expected<PackCounts> pack_content_folder(const std::string& dir, const BundleLabel& label, const SecretKey& key,
                                         const std::string& out_path);

std::string signature_path(const std::string& bundle_path);
std::string now_utc_iso();

// Opens a file from untrusted media: no symlink (O_NOFOLLOW), no FIFO or device, at most
// `max_bytes`. Returns the file descriptor and its size.
struct OpenedFile {
  int fd = -1;
  uint64_t size = 0;
};
Expected<OpenedFile> open_untrusted(const std::string& path, uint64_t max_bytes, const std::string& what);
Expected<std::string> read_untrusted(const std::string& path, uint64_t max_bytes, const std::string& what);

// SQLite header facts: magic, not WAL, page size x page count equals the file size.
Status check_sqlite_header(const std::string& path, uint64_t file_size);

// A connection for reading a bundle that is not trusted yet: defensive mode, no views or
// triggers, untrusted schema, cell size checks, no mmap, tight limits, and a time limit.
Expected<sqlite::Database> open_bundle_readonly(const std::string& path, int timeout_seconds = 120);
// `path` escaped for an SQLite file: URI.
std::string uri_path(const std::string& path);
// The same hardening on an existing connection (the import's writer, which attaches a bundle).
void harden_connection(sqlite::Database& db, int timeout_seconds);

}  // namespace khlang::bundle

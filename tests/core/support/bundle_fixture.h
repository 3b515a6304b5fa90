// A scratch directory with a signing key, a small content folder, signed bundles and a kiosk
// database that trusts the key: what every bundle test starts from.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "bundle/bundle_file.h"
#include "bundle/minisign.h"

namespace khlang::test {

struct BundleFixture {
  BundleFixture();
  ~BundleFixture();

  // Writes a content folder whose organization is named "...#seq" with `articles` articles.
  std::string write_folder(int64_t seq, int articles, int images = 0);
  // Packs (and signs with `key`) a bundle of that content with sequence number `seq`.
  std::string pack(int64_t seq, int articles = 3, const std::string& channel = "main", int images = 0);
  // Signs `path` again as it is now (after a test altered it).
  void resign(const std::string& path, const std::string& trusted_comment);
  // Everything the live content tables hold, as one string (to prove nothing changed).
  std::string content_fingerprint();
  int64_t import_log_count(const std::string& result);

  std::filesystem::path dir;
  std::string db;
  bundle::KeyPair key;
};

std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& data);

}  // namespace khlang::test

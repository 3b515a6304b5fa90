// Bundle import after the signature. Each input is taken as a bundle file and signed with a key the
// kiosk trusts, so the fuzzer gets past the signature to what a compromised office PC could send:
// the header checks, the hardened open, the schema whitelist, the limits, the merge and the search
// index it carries. Any input is imported or refused with one line, and a refused one leaves the
// content as it was; after an import the kiosk's own reads and a search still work.
#include <filesystem>

#include "bundle/bundle_file.h"
#include "bundle/importer.h"
#include "bundle/trust_store.h"
#include "content/content_folder.h"
#include "fuzz_support.h"
#include "search/search_index.h"
#include "store/content_queries.h"
#include "store/schema.h"

using namespace khlang;
namespace fs = std::filesystem;

namespace {

struct Setup {
  bundle::KeyPair key = bundle::generate_keypair();
  fs::path template_db = fuzz::scratch_dir() / "template.db";
  std::string db = (fuzz::scratch_dir() / "kiosk.db").string();
  std::string bundle = (fuzz::scratch_dir() / "input.khb").string();
  std::string before;  // the template's content, fingerprinted

  // A kiosk that trusts the key and already holds content (so a merge has something to keep).
  Setup() {
    auto set = content::load_content_folder(KHLANG_SOURCE_DIR "/tests/fuzz/bundle_content");
    FUZZ_CHECK(set, set ? "" : set.error().message);
    const std::string first = (fuzz::scratch_dir() / "first.khb").string();
    auto packed = bundle::pack_bundle(set.value(), {"fuzz", "main", 1, bundle::now_utc_iso()}, key.secret, first);
    FUZZ_CHECK(packed, packed ? "" : packed.error().message);
    {
      auto k = store::open_kiosk_db(template_db.string());
      FUZZ_CHECK(k && bundle::trust_key(k.value(), key.pub, "fuzz"), "cannot make the kiosk database");
    }
    auto imported = bundle::import_bundle(template_db.string(), first);
    FUZZ_CHECK(imported, imported ? "" : imported.error().message);
    // Forget the sequence number, so any input's is above it.
    auto k = store::open_kiosk_db(template_db.string());
    FUZZ_CHECK(k && k->exec("DELETE FROM import_state; PRAGMA wal_checkpoint(TRUNCATE)"), "cannot reset the template");
    before = fingerprint(k.value());
  }

  static std::string fingerprint(sqlite::Database& db) {
    auto set = content::read_content(db);
    FUZZ_CHECK(set, set ? "" : set.error().message);
    std::string out;
    for (const auto& [table, rows] : set->tables) {
      out += table + ":" + std::to_string(rows.size()) + "\n";
      for (const auto& row : rows) {
        for (const auto& cell : row.cells) out += (cell ? *cell : "<null>") + "\x1F";
      }
    }
    return out;
  }
};

void write(const std::string& path, std::string_view data) {
  FILE* f = std::fopen(path.c_str(), "wb");
  FUZZ_CHECK(f, "cannot write " + path);
  if (!data.empty()) std::fwrite(data.data(), 1, data.size(), f);
  std::fclose(f);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Setup setup;
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(setup.db + suffix);
  fs::copy_file(setup.template_db, setup.db);
  write(setup.bundle, fuzz::as_text(data, size));
  bundle::Hasher hasher;
  hasher.update(data, size);
  write(bundle::signature_path(setup.bundle),
        bundle::format_signature_file(bundle::sign_hash(setup.key.secret, hasher.finish(), "fuzz")));

  auto result = bundle::import_bundle(setup.db, setup.bundle);
  auto kiosk = store::open_kiosk_db(setup.db);
  FUZZ_CHECK(kiosk, "the kiosk database does not open after an import");
  if (!result) {
    const std::string& m = result.error().message;
    FUZZ_CHECK(!m.empty() && m.find('\n') == std::string::npos, "not one line: " + m);
    FUZZ_CHECK(Setup::fingerprint(kiosk.value()) == setup.before, "a refused bundle changed the content: " + m);
    return 0;
  }
  // Imported: what the screens read, and a search, must work on it.
  FUZZ_CHECK(store::load_summary(kiosk.value()) && store::load_organization(kiosk.value()) &&
                 store::load_categories(kiosk.value()) && store::load_plans(kiosk.value()) &&
                 store::load_people(kiosk.value()) && store::load_announcements(kiosk.value()),
             "the screens' queries fail on imported content");
  auto hits = search::search(kiosk.value(), "ความรู้", 5);
  FUZZ_CHECK(hits, "search fails on imported content: " + (hits ? std::string() : hits.error().message));
  return 0;
}

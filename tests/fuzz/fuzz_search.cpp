// Search queries as a visitor types them, over the demo content: any text gives hits or none,
// never an error, at most the limit, with snippet marks inside their snippets.
#include "bundle/bundle_file.h"
#include "bundle/importer.h"
#include "bundle/trust_store.h"
#include "content/content_folder.h"
#include "fuzz_support.h"
#include "search/search_index.h"
#include "store/schema.h"

using namespace khlang;

namespace {

// A kiosk database with the demo content imported through the real pipeline, once per process.
sqlite::Database& kiosk() {
  static sqlite::Database db = [] {
    const std::string path = (fuzz::scratch_dir() / "search.db").string();
    const std::string bundle_path = (fuzz::scratch_dir() / "demo.khb").string();
    const bundle::KeyPair key = bundle::generate_keypair();
    auto set = content::load_content_folder(KHLANG_SOURCE_DIR "/content/demo");
    FUZZ_CHECK(set, set ? "" : set.error().message);
    auto packed = bundle::pack_bundle(set.value(), {"demo", "main", 1, bundle::now_utc_iso()}, key.secret, bundle_path);
    FUZZ_CHECK(packed, packed ? "" : packed.error().message);
    {
      auto k = store::open_kiosk_db(path);
      FUZZ_CHECK(k && bundle::trust_key(k.value(), key.pub, "fuzz"), "cannot make the kiosk database");
    }
    auto imported = bundle::import_bundle(path, bundle_path);
    FUZZ_CHECK(imported, imported ? "" : imported.error().message);
    auto opened = store::open_kiosk_db(path);
    FUZZ_CHECK(opened, "cannot open the kiosk database");
    return std::move(opened.value());
  }();
  return db;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view query = fuzz::as_text(data, size);
  constexpr int kLimit = 10;
  auto hits = search::search(kiosk(), query, kLimit);
  FUZZ_CHECK(hits, "search failed: " + (hits ? std::string() : hits.error().message));
  FUZZ_CHECK(hits->size() <= static_cast<size_t>(kLimit), "more hits than the limit");
  for (const search::SearchHit& h : hits.value()) {
    for (const auto& [begin, end] : h.marks) {
      FUZZ_CHECK(begin < end && end <= h.snippet.size(), "a mark outside its snippet");
    }
  }
  // As the kiosk asks once the visitor presses search: a single letter searched, a correction and
  // chips for the last word.
  static search::Searcher searcher(kiosk());
  auto pressed = searcher.search({query, kLimit, true});
  FUZZ_CHECK(pressed, "search failed: " + (pressed ? std::string() : pressed.error().message));
  FUZZ_CHECK(pressed->hits.size() <= static_cast<size_t>(kLimit), "more hits than the limit");
  FUZZ_CHECK(pressed->suggestions.size() <= 6, "more chips than the search offers");
  return 0;
}

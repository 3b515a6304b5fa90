#include "bundle/demo_content.h"

#include <cstdlib>
#include <filesystem>

#include "bundle/importer.h"
#include "bundle/trust_store.h"
#include "store/schema.h"
#include "util/system_error.h"

namespace khlang::bundle {

std::string default_demo_dir() {
  if (const char* env = std::getenv("KHLANG_DEMO_DIR"); env && *env) return env;
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return "share/khlang/demo";
  return (exe.parent_path().parent_path() / "share" / "khlang" / "demo").string();
}

Expected<bool> import_demo_if_empty(const std::string& db_path, const std::string& demo_dir) {
  {
    KHLANG_TRY_AS(auto db, store::open_kiosk_db(db_path));
    KHLANG_TRY_AS(auto has, db.query_int("SELECT count(*) FROM organization"));
    if (has > 0) return false;
    auto key_text = read_untrusted(demo_dir + "/demo-key.pub", 4096, "demo key");
    if (!key_text) return Error{"the demo content is missing (" + key_text.error().message + "): build the project"};
    KHLANG_TRY_AS(auto key, parse_public_key(key_text.value(), demo_dir + "/demo-key.pub"));
    KHLANG_TRY(trust_key(db, key, "built-in demo content"));
  }
  auto imported = import_bundle(db_path, demo_dir + "/demo.khb");
  if (!imported) return Error{"importing the demo content failed: " + imported.error().message};
  return true;
}

Expected<std::string> default_kiosk_db_path() {
  std::filesystem::path dir;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
    dir = xdg;
  } else if (const char* home = std::getenv("HOME"); home && *home) {
    dir = std::filesystem::path(home) / ".local" / "share";
  } else {
    return Error{"neither XDG_DATA_HOME nor HOME is set: give the database with --db FILE"};
  }
  dir /= "khlang";
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return system_error("cannot create " + dir.string(), ec);
  return (dir / "kiosk.db").string();
}

}  // namespace khlang::bundle

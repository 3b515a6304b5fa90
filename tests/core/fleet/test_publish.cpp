// publish: the next number for the key, kept beside the key; the pair written under its final
// names only when whole; older bundles of the channel leave the folder; a kiosk imports it.
#include <doctest/doctest.h>

#include <filesystem>

#include "bundle/importer.h"
#include "bundle_fixture.h"
#include "fleet/publish.h"

using namespace khlang;
namespace fs = std::filesystem;

namespace {

struct PublishFixture : test::BundleFixture {
  PublishFixture() {
    fs::create_directories(folder);
    fs::create_directories(dir / "keys");
    test::write_file(secret, bundle::format_secret_key_file(key.secret));
  }
  fleet::PublishRequest request(int64_t content = 1) {
    return {write_folder(content, 2), folder.string(), secret, "main", std::nullopt};
  }
  std::vector<std::string> names() {
    std::vector<std::string> n;
    for (const auto& e : fs::directory_iterator(folder)) n.push_back(e.path().filename().string());
    std::sort(n.begin(), n.end());
    return n;
  }
  fs::path folder = dir / "publish";
  std::string secret = (dir / "keys" / "office.sec").string();
};

}  // namespace

TEST_CASE("publish numbers bundles one above the last, keeps the number beside the key, and replaces the older one") {
  PublishFixture f;
  auto first = fleet::publish(f.request());
  REQUIRE(first.ok());
  CHECK(first->seq == 1);
  CHECK(first->state_path == (f.dir / "keys" / "office.publish").string());
  CHECK(f.names() == std::vector<std::string>{"khlang-main-00000001.khb", "khlang-main-00000001.khb.minisig"});
  auto second = fleet::publish(f.request(2));
  REQUIRE(second.ok());
  CHECK(second->seq == 2);
  CHECK(second->removed == std::vector<std::string>{(f.folder / "khlang-main-00000001.khb").string()});
  CHECK(f.names() == std::vector<std::string>{"khlang-main-00000002.khb", "khlang-main-00000002.khb.minisig"});
  CHECK(fleet::last_published_seq(f.secret, second->key_id).value() == 2);
  // The kiosk takes it through the usual pipeline.
  auto imported = bundle::import_bundle(f.db, second->bundle_path);
  REQUIRE(imported.ok());
  CHECK(imported->label.seq == 2);
  CHECK(imported->label.organization == "เทศบาลทดสอบ #2");
}

TEST_CASE("a lost publish folder or a lost state file never sends the numbers back") {
  PublishFixture f;
  REQUIRE(fleet::publish(f.request()).ok());
  REQUIRE(fleet::publish(f.request()).ok());
  // The folder is emptied (a new disk, a new Syncthing folder): the state beside the key goes on.
  fs::remove_all(f.folder);
  fs::create_directories(f.folder);
  CHECK(fleet::publish(f.request()).value().seq == 3);
  // The state file is lost: the folder's own bundles go on.
  fs::remove(fleet::publish_state_path(f.secret));
  CHECK(fleet::publish(f.request()).value().seq == 4);
  // A number asked for must be above the last.
  auto r = f.request();
  r.seq = 4;
  auto refused = fleet::publish(r);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().message.find("--seq 4 is not above the last number used with this key (4)") != std::string::npos);
  r.seq = 100;
  CHECK(fleet::publish(r).value().seq == 100);
  CHECK(fleet::publish(f.request()).value().seq == 101);
}

TEST_CASE("publish refuses bad input before it uses a number") {
  PublishFixture f;
  REQUIRE(fleet::publish(f.request()).ok());
  auto missing = f.request();
  missing.content_folder = (f.dir / "nope").string();
  CHECK(fleet::publish(missing).error().message.find("not a content folder") != std::string::npos);
  auto broken = f.request();
  fs::remove(fs::path(broken.content_folder) / "organization.md");
  CHECK_FALSE(fleet::publish(broken).ok());
  auto no_folder = f.request();
  no_folder.publish_folder = (f.dir / "nowhere").string();
  CHECK(fleet::publish(no_folder).error().message.find("publish folder") != std::string::npos);
  CHECK(fleet::last_published_seq(f.secret, bundle::key_id_hex(f.key.secret.id)).value() == 1);
  // A damaged state file is named, with what to do.
  test::write_file(fleet::publish_state_path(f.secret), "khlang-publish 1\nlast_seq=\n");
  auto damaged = fleet::publish(f.request());
  REQUIRE_FALSE(damaged.ok());
  CHECK(damaged.error().message.find("is damaged") != std::string::npos);
  // Nothing temporary is left in the folder after any of it.
  for (const std::string& name : f.names()) CHECK_FALSE(name.starts_with("."));
}

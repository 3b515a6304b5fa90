#include "bundle_fixture.h"

#include <unistd.h>

#include <fstream>
#include <random>
#include <sstream>

#include "bundle/trust_store.h"
#include "content/content_folder.h"
#include "store/schema.h"

namespace khlang::test {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_file(const std::string& path, const std::string& data) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << data;
}

BundleFixture::BundleFixture() {
  std::random_device rd;
  dir = std::filesystem::temp_directory_path() / ("khlang-test-" + std::to_string(getpid()) + "-" + std::to_string(rd()));
  std::filesystem::create_directories(dir);
  db = (dir / "kiosk.db").string();
  key = bundle::generate_keypair();
  auto kiosk = store::open_kiosk_db(db);
  if (!kiosk) throw std::runtime_error(kiosk.error().message);
  auto trusted = bundle::trust_key(kiosk.value(), key.pub, "test key");
  if (!trusted) throw std::runtime_error(trusted.error().message);
}

BundleFixture::~BundleFixture() {
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
}

std::string BundleFixture::write_folder(int64_t seq, int articles, int images) {
  const auto folder = dir / ("content-" + std::to_string(seq));
  std::filesystem::create_directories(folder / "articles");
  write_file((folder / "organization.md").string(),
             "---\nname_th: เทศบาลทดสอบ #" + std::to_string(seq) + "\nname_en: Test\n---\n\nเกี่ยวกับเรา\n");
  write_file((folder / "categories.csv").string(), "id,title_th\nkm,ความรู้\n");
  for (int a = 0; a < articles; ++a) {
    write_file((folder / "articles" / ("a" + std::to_string(a) + ".md")).string(),
               "---\ntitle: บทความที่ " + std::to_string(a) + " ของชุด " + std::to_string(seq) +
                   "\ncategory_id: km\npublished_on: 2025-01-01\nupdated_on: 2025-01-02\n---\n\n## หัวข้อ\n\nเนื้อหา " +
                   std::string(static_cast<size_t>(200 + a % 7 * 50), 'x') + "\n");
  }
  if (images > 0) {
    std::filesystem::create_directories(folder / "media");
    // A 1x1 PNG is enough for the format; size comes from the repeats of articles.
    static const unsigned char png[] = {0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49,
                                        0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06,
                                        0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44,
                                        0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0, 0x1F, 0x00, 0x05, 0x00,
                                        0x01, 0xFF, 0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E,
                                        0x44, 0xAE, 0x42, 0x60, 0x82};
    for (int i = 0; i < images; ++i) {
      write_file((folder / "media" / ("i" + std::to_string(i) + ".png")).string(),
                 std::string(reinterpret_cast<const char*>(png), sizeof png));
    }
  }
  return folder.string();
}

std::string BundleFixture::pack(int64_t seq, int articles, const std::string& channel, int images) {
  auto set = content::load_content_folder(write_folder(seq, articles, images));
  if (!set) throw std::runtime_error(set.error().message);
  const std::string out = (dir / ("bundle-" + std::to_string(seq) + "-" + channel + ".khb")).string();
  bundle::BundleLabel label{"เทศบาลทดสอบ", channel, seq, bundle::now_utc_iso()};
  auto packed = bundle::pack_bundle(set.value(), label, key.secret, out);
  if (!packed) throw std::runtime_error(packed.error().message);
  return out;
}

void BundleFixture::resign(const std::string& path, const std::string& trusted_comment) {
  const std::string data = read_file(path);
  bundle::Hasher h;
  h.update(data.data(), data.size());
  write_file(bundle::signature_path(path),
             bundle::format_signature_file(bundle::sign_hash(key.secret, h.finish(), trusted_comment)));
}

std::string BundleFixture::content_fingerprint() {
  auto kiosk = store::open_kiosk_db(db);
  if (!kiosk) throw std::runtime_error(kiosk.error().message);
  auto set = content::read_content(kiosk.value());
  if (!set) throw std::runtime_error(set.error().message);
  std::string out;
  for (const auto& [table, rows] : set->tables) {
    out += table + ":" + std::to_string(rows.size()) + "\n";
    for (const auto& row : rows) {
      for (const auto& cell : row.cells) out += (cell ? *cell : "<null>") + "\x1F";
      out += "\n";
    }
  }
  return out;
}

int64_t BundleFixture::import_log_count(const std::string& result) {
  auto kiosk = store::open_kiosk_db(db);
  auto stmt = kiosk->prepare("SELECT count(*) FROM import_log WHERE result = ?");
  stmt->bind(1, std::string_view(result));
  (void)stmt->step();
  return stmt->column_int(0);
}

}  // namespace khlang::test

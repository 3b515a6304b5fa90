// The font manifest: a file beside the manifest wins (the build tree's copies), else the path
// where its Debian package installs it (an installed Khlang ships only the manifest).
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "text/font_set.h"

using khlang::text::FontSet;
namespace fs = std::filesystem;

namespace {

const char* kNotoThai = "/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf";

struct ManifestDir {
  ManifestDir() {
    char pattern[] = "/tmp/khlang-font-manifest-XXXXXX";
    REQUIRE(mkdtemp(pattern) != nullptr);
    dir = pattern;
  }
  ~ManifestDir() { fs::remove_all(dir); }
  // One line per role, every role naming the same system font (all four roles must be present).
  void write(const std::string& system_path) const {
    std::ofstream out(dir / "manifest.tsv");
    out << "# role\tfile\tpackage\tsystem path\n";
    for (const char* role : {"thai-regular", "thai-bold", "latin-regular", "latin-bold"}) {
      out << role << "\tNotoSansThai-Regular.ttf\tfonts-noto-core\t" << system_path << "\n";
    }
  }
  fs::path dir;
};

}  // namespace

TEST_CASE("font manifest: without a copy beside it, the manifest's system path is used") {
  ManifestDir m;
  m.write(kNotoThai);
  auto paths = FontSet::paths_from_manifest(m.dir.string());
  REQUIRE(paths.ok());
  CHECK(paths->thai_regular == kNotoThai);
  CHECK(paths->latin_bold == kNotoThai);
  CHECK(FontSet::load(paths.value()).ok());
}

TEST_CASE("font manifest: a copy beside the manifest wins over the system path") {
  ManifestDir m;
  m.write(kNotoThai);
  fs::copy_file(kNotoThai, m.dir / "NotoSansThai-Regular.ttf");
  auto paths = FontSet::paths_from_manifest(m.dir.string());
  REQUIRE(paths.ok());
  CHECK(paths->thai_regular == (m.dir / "NotoSansThai-Regular.ttf").string());
}

TEST_CASE("font manifest: a font found nowhere names the Debian package to install") {
  ManifestDir m;
  m.write("/usr/share/fonts/truetype/none/Missing.ttf");
  auto paths = FontSet::paths_from_manifest(m.dir.string());
  REQUIRE_FALSE(paths.ok());
  CHECK(paths.error().message.find("apt-get install fonts-noto-core") != std::string::npos);
}

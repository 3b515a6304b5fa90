// Where bundles may appear: removable media read from a mountinfo text (a fake one here), then
// the inbox folders that exist; and the files found on them. Mount points carry a stick's label
// (escaped by the kernel), so odd lines (empty, huge, NUL bytes, cut short) must read safely.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "platform/removable_media.h"

using namespace khlang::kiosk;
namespace fs = std::filesystem;

namespace {

constexpr const char* kMountinfo =
    "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n"
    "25 22 0:22 / /proc rw,nosuid - proc proc rw\n"
    "40 22 8:17 / /media/kiosk/STICK rw,nosuid,nodev shared:40 - vfat /dev/sdb1 rw,uid=1000\n"
    "41 22 8:33 / /run/media/kiosk/MY\\040STICK rw,nosuid - exfat /dev/sdc1 rw\n"
    "42 22 179:1 / /mnt/card rw - vfat /dev/mmcblk0p1 rw\n"
    "43 22 0:50 / /media/ram rw - tmpfs tmpfs rw\n"            // not a block device
    "44 22 8:17 /sub /media/kiosk/STICK rw - vfat /dev/sdb1 rw\n"  // the same mount point again
    "45 22 8:49 / /home/kiosk/disk rw - ext4 /dev/sdd1 rw\n"    // not where sticks are mounted
    "garbage line\n";

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("khlang-media-" + std::to_string(::getpid()));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
};

void touch_file(const fs::path& p) {
  fs::create_directories(p.parent_path());
  std::ofstream(p) << "x";
}

}  // namespace

TEST_CASE("media roots: block devices mounted under /media, /run/media and /mnt, once each, names unescaped") {
  const auto roots = media_roots(kMountinfo, {});
  REQUIRE(roots.size() == 3);
  CHECK(roots[0] == "/media/kiosk/STICK");
  CHECK(roots[1] == "/run/media/kiosk/MY STICK");
  CHECK(roots[2] == "/mnt/card");
}

TEST_CASE("media roots: inbox folders that exist follow the sticks") {
  TempDir tmp;
  const std::string inbox = (tmp.path / "inbox").string();
  fs::create_directories(inbox);
  const auto roots = media_roots("", {inbox, (tmp.path / "missing").string(), ""});
  REQUIRE(roots.size() == 1);
  CHECK(roots[0] == inbox);
  CHECK(media_roots(kMountinfo, {inbox}).back() == inbox);
}

TEST_CASE("media roots: files with the extension at the top and one folder down, sorted, no hidden ones") {
  TempDir tmp;
  touch_file(tmp.path / "b.khb");
  touch_file(tmp.path / "a.khb");
  touch_file(tmp.path / "a.khb.minisig");
  touch_file(tmp.path / ".hidden.khb");
  touch_file(tmp.path / "bundles" / "c.khb");
  touch_file(tmp.path / "deep" / "er" / "d.khb");
  fs::create_directories(tmp.path / "folder.khb");
  const auto found = find_files({tmp.path.string()}, ".khb");
  REQUIRE(found.size() == 3);
  CHECK(found[0].name == "a.khb");
  CHECK(found[1].name == "b.khb");
  CHECK(found[2].name == "bundles/c.khb");
  CHECK(found[2].path == (tmp.path / "bundles" / "c.khb").string());
  CHECK(find_files({(tmp.path / "nowhere").string()}, ".khb").empty());  // a stick pulled out
}

TEST_CASE("mountinfo: sticks under /media, labels unescaped, odd lines skipped") {
  const std::string good =
      "36 35 98:0 / /mnt1 rw,noatime master:1 - ext3 /dev/root rw\n"
      "40 29 8:17 / /media/admin/KM\\040STICK rw,nosuid - vfat /dev/sdb1 rw\n"
      "41 29 0:50 / /media/admin/tmp rw - tmpfs tmpfs rw\n";
  CHECK(media_roots(good, {}) == std::vector<std::string>{"/media/admin/KM STICK"});
  const std::string huge(1 << 20, 'x');
  const std::string odd[] = {
      "",
      "\n\n\n",
      std::string(1, '\0'),
      huge,
      "40 29 8:17 / /media/" + huge + " rw - vfat /dev/sdb1 rw\n",
      "40 29 8:17 / /media/a\\0",       // an escape cut short at the end
      "40 29 8:17 / /media/a\\",
      "40 29 8:17 / /media/a\\999 rw - vfat /dev/sdb1 rw",  // not octal: kept as it is
      "40 29 8:17 / /media/a\\777 rw - vfat /dev/sdb1 rw",  // octal above a byte
      std::string("40 29 8:17 / /media/n\0ul rw - vfat /dev/sdb1 rw", 47),
      "40 29 8:17 / /media/no-dash rw vfat /dev/sdb1 rw",
      "40 29",
  };
  for (const std::string& line : odd) {
    const auto roots = media_roots(line + "\n" + good, {});
    CHECK(roots.size() >= 1);
    CHECK(roots.back() == "/media/admin/KM STICK");
  }
  CHECK(media_roots("40 29 8:17 / /media/a\\999 rw - vfat /dev/sdb1 rw", {}) ==
        std::vector<std::string>{"/media/a\\999"});
}

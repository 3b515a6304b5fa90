// [SECTION] Where bundles and key files may appear: mounted removable media (USB sticks, found in
// /proc/self/mountinfo under /media, /run/media and /mnt) and configured inbox folders (a folder
// that a sync tool fills works the same as a stick).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace khlang::kiosk {

// Mount points of removable media in `mountinfo` (the text of /proc/self/mountinfo), then the
// inbox folders that exist.
std::vector<std::string> media_roots(std::string_view mountinfo, const std::vector<std::string>& inbox_folders);
// The same, reading /proc/self/mountinfo.
std::vector<std::string> current_media_roots(const std::vector<std::string>& inbox_folders);

struct FoundFile {
  std::string path;  // full path
  std::string name;  // relative to its root, for display
};
// Regular files ending in `extension` in each root and one folder level below, sorted by path.
std::vector<FoundFile> find_files(const std::vector<std::string>& roots, std::string_view extension);

}  // namespace khlang::kiosk

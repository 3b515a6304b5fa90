#include "platform/removable_media.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace khlang::kiosk {
namespace {

// mountinfo escapes space, tab, newline and backslash as \ooo.
std::string unescape(const std::string& field) {
  std::string out;
  for (size_t i = 0; i < field.size(); ++i) {
    if (field[i] == '\\' && i + 3 < field.size()) {
      const std::string oct = field.substr(i + 1, 3);
      if (oct.size() == 3 && std::all_of(oct.begin(), oct.end(), [](char c) { return c >= '0' && c <= '7'; })) {
        out += static_cast<char>(std::stoi(oct, nullptr, 8));
        i += 3;
        continue;
      }
    }
    out += field[i];
  }
  return out;
}

bool removable_mount_point(const std::string& p) {
  for (const char* prefix : {"/media/", "/run/media/", "/mnt/"}) {
    if (p.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

}  // namespace

std::vector<std::string> media_roots(std::string_view mountinfo, const std::vector<std::string>& inbox_folders) {
  std::vector<std::string> roots;
  std::istringstream in{std::string(mountinfo)};
  std::string line;
  while (std::getline(in, line)) {
    // id parent major:minor root mount-point options [optional fields] - fstype source super-options
    std::istringstream fields(line);
    std::string id, parent, dev, root, mount_point;
    if (!(fields >> id >> parent >> dev >> root >> mount_point)) continue;
    const size_t dash = line.find(" - ");
    if (dash == std::string::npos) continue;
    std::istringstream tail(line.substr(dash + 3));
    std::string fstype, source;
    tail >> fstype >> source;
    mount_point = unescape(mount_point);
    // A stick is a block device (/dev/sdb1, /dev/mmcblk0p1); tmpfs, overlays and binds are not.
    if (source.rfind("/dev/", 0) == 0 && removable_mount_point(mount_point) &&
        std::find(roots.begin(), roots.end(), mount_point) == roots.end()) {
      roots.push_back(mount_point);
    }
  }
  std::error_code ec;
  for (const std::string& inbox : inbox_folders) {
    if (!inbox.empty() && std::filesystem::is_directory(inbox, ec)) roots.push_back(inbox);
  }
  return roots;
}

std::vector<std::string> current_media_roots(const std::vector<std::string>& inbox_folders) {
  std::ifstream in("/proc/self/mountinfo");
  std::stringstream text;
  text << in.rdbuf();
  return media_roots(text.str(), inbox_folders);
}

std::vector<FoundFile> find_files(const std::vector<std::string>& roots, std::string_view extension) {
  std::vector<FoundFile> found;
  for (const std::string& root : roots) {
    std::error_code ec;
    // A stick pulled out while we look only ends the listing of that stick.
    auto it = std::filesystem::recursive_directory_iterator(root, std::filesystem::directory_options::skip_permission_denied, ec);
    for (; !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      if (it.depth() >= 1) it.disable_recursion_pending();
      const auto& entry = *it;
      const std::string name = entry.path().filename().string();
      if (name.empty() || name[0] == '.' || !entry.is_regular_file(ec) || entry.is_symlink(ec)) continue;
      if (name.size() > extension.size() && name.compare(name.size() - extension.size(), extension.size(), extension) == 0) {
        found.push_back({entry.path().string(), std::filesystem::relative(entry.path(), root, ec).string()});
      }
    }
  }
  std::sort(found.begin(), found.end(), [](const FoundFile& a, const FoundFile& b) { return a.path < b.path; });
  return found;
}

}  // namespace khlang::kiosk

#include "text/font_set.h"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "text/thai_chars.h"

namespace khlang::text {

std::string FontSet::default_font_dir() {
  if (const char* env = std::getenv("KHLANG_FONT_DIR"); env && *env) return env;
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return "share/khlang/fonts";
  return (exe.parent_path().parent_path() / "share" / "khlang" / "fonts").string();
}

Expected<FontSetPaths> FontSet::paths_from_manifest(const std::string& dir, ThaiFace thai) {
  const std::string manifest = dir + "/manifest.tsv";
  std::ifstream in(manifest);
  if (!in) {
    return Error{"font manifest " + manifest +
                 " not found: build the project (it copies the fonts there), install the khlang-admin package, or set "
                 "KHLANG_FONT_DIR"};
  }
  // Each role names its file; the file beside the manifest wins (the build tree's copy, or a
  // KHLANG_FONT_DIR of one's own), else the path the Debian package installs it to (an installed
  // Khlang ships only the manifest and depends on the font packages).
  std::map<std::string, std::string> files;
  std::map<std::string, std::string> packages;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string role, file, package, system_path;
    std::getline(fields, role, '\t');
    std::getline(fields, file, '\t');
    std::getline(fields, package, '\t');
    std::getline(fields, system_path, '\t');
    if (role.empty() || file.empty()) continue;
    std::error_code ec;
    const std::string beside = dir + "/" + file;
    files[role] = std::filesystem::exists(beside, ec) || system_path.empty() ? beside : system_path;
    packages[role] = package;
  }
  const std::string thai_prefix = thai == ThaiFace::Alternative ? "thai-alt-" : "thai-";
  const std::string roles[] = {thai_prefix + "regular", thai_prefix + "bold", "latin-regular", "latin-bold"};
  for (const std::string& role : roles) {
    if (files[role].empty()) return Error{"font manifest " + manifest + " lacks a thai/latin regular/bold entry"};
    std::error_code ec;
    if (!std::filesystem::exists(files[role], ec)) {
      return Error{"font " + files[role] + " (" + role + ") is missing: install the Debian package " +
                   packages[role] + " (sudo apt-get install " + packages[role] + ")"};
    }
  }
  return FontSetPaths{files[roles[0]], files[roles[1]], files[roles[2]], files[roles[3]]};
}

Expected<std::unique_ptr<FontSet>> FontSet::load(const FontSetPaths& paths) {
  std::unique_ptr<FontSet> set(new FontSet());
  if (FT_Init_FreeType(&set->library_)) return Error{"FreeType failed to initialize"};
  // The same file may fill two roles (e.g. --font without a bold face): load it once.
  std::map<std::string, FontId> loaded;
  auto add = [&](const std::string& path) -> Expected<FontId> {
    if (auto it = loaded.find(path); it != loaded.end()) return it->second;
    KHLANG_TRY_AS(auto face, FontFace::load(set->library_, path));
    set->faces_.push_back(std::move(face));
    const auto id = static_cast<FontId>(set->faces_.size() - 1);
    loaded[path] = id;
    return id;
  };
  const std::pair<const std::string*, FontId*> roles[] = {
      {&paths.thai_regular, &set->thai_[0]},
      {&paths.thai_bold, &set->thai_[1]},
      {&paths.latin_regular, &set->latin_[0]},
      {&paths.latin_bold, &set->latin_[1]},
  };
  for (const auto& [path, id] : roles) {
    KHLANG_TRY_AS(auto result, add(*path));
    *id = result;
  }
  for (auto& cache : set->pick_cache_) {
    cache.reset(new std::atomic<int16_t>[kPickCacheSize]);
    for (char32_t c = 0; c < kPickCacheSize; ++c) cache[c].store(-1, std::memory_order_relaxed);
  }
  return set;
}

Expected<std::unique_ptr<FontSet>> FontSet::load_default(ThaiFace thai) {
  KHLANG_TRY_AS(auto paths, paths_from_manifest(default_font_dir(), thai));
  return load(paths);
}

FontSet::~FontSet() {
  faces_.clear();  // faces must go before the library that made them
  if (library_) FT_Done_FreeType(library_);
}

FontId FontSet::pick(char32_t cp, Weight w, int previous, char32_t next) const {
  if (is_thai_mark(next) && !is_thai(cp) && faces_[thai(w)]->has_char(cp)) return thai(w);
  if (is_breakable_space(cp) || cp == kZeroWidthSpace || cp == kNoBreakSpace || cp == kZeroWidthJoiner ||
      cp == kZeroWidthNonJoiner) {
    const bool same_weight = previous == thai(w) || previous == latin(w);
    if (previous >= 0 && same_weight && faces_[static_cast<size_t>(previous)]->has_char(cp)) {
      return static_cast<FontId>(previous);
    }
  }
  if (cp >= kPickCacheSize) return pick_uncached(cp, w);
  std::atomic<int16_t>& slot = pick_cache_[static_cast<int>(w)][cp];
  int16_t id = slot.load(std::memory_order_relaxed);
  if (id < 0) {
    id = static_cast<int16_t>(pick_uncached(cp, w));
    slot.store(id, std::memory_order_relaxed);
  }
  return static_cast<FontId>(id);
}

FontId FontSet::pick_uncached(char32_t cp, Weight w) const {
  const FontId thai_font = thai(w);
  const FontId latin_font = latin(w);
  if (is_thai(cp) && faces_[thai_font]->has_char(cp)) return thai_font;
  if (faces_[latin_font]->has_char(cp)) return latin_font;
  if (faces_[thai_font]->has_char(cp)) return thai_font;
  return latin_font;  // no face has it: the shaper substitutes U+FFFD from this font
}

VerticalMetrics FontSet::line_metrics(float size_px, Weight w) const {
  const VerticalMetrics a = faces_[thai(w)]->metrics(size_px);
  const VerticalMetrics b = faces_[latin(w)]->metrics(size_px);
  return {std::max(a.ascender, b.ascender), std::max(a.descender, b.descender)};
}

}  // namespace khlang::text

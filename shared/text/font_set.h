// [SECTION] The font set: a Thai font and the Latin font paired with it, regular and bold.
// Thai fonts carry no Latin letters or digits, so each cluster of text is given the font that
// covers it (Thai to the Thai font; Latin, digits and symbols to the Latin font). Which files
// make the set is declared once, in fonts/manifest.tsv, installed beside the programs; the files
// come from Debian's font packages (copied into the build tree, read in place once installed).
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "text/font_face.h"
#include "util/error.h"

namespace khlang::text {

enum class Weight : uint8_t { Regular, Bold };
using FontId = uint16_t;

struct FontSetPaths {
  std::string thai_regular;
  std::string thai_bold;
  std::string latin_regular;
  std::string latin_bold;
};

// Which Thai face of the manifest to use: the UI/body face (Noto Sans Thai) or the Sarabun-style
// alternative (Laksaman).
enum class ThaiFace : uint8_t { Default, Alternative };

class FontSet {
 public:
  // The installed fonts directory: $KHLANG_FONT_DIR if set, else ../share/khlang/fonts next to
  // the running program (the same in the build tree and once installed).
  static std::string default_font_dir();
  // Reads manifest.tsv in `dir` and names the files of the set: a file beside the manifest if it
  // is there, else the system path the manifest gives (where its Debian package installs it).
  static Expected<FontSetPaths> paths_from_manifest(const std::string& dir, ThaiFace thai = ThaiFace::Default);
  static Expected<std::unique_ptr<FontSet>> load(const FontSetPaths& paths);
  // default_font_dir() + paths_from_manifest() + load().
  static Expected<std::unique_ptr<FontSet>> load_default(ThaiFace thai = ThaiFace::Default);

  ~FontSet();
  FontSet(const FontSet&) = delete;
  FontSet& operator=(const FontSet&) = delete;

  FontFace& face(FontId id) const { return *faces_[id]; }
  size_t face_count() const { return faces_.size(); }
  FontId thai(Weight w) const { return thai_[static_cast<int>(w)]; }
  FontId latin(Weight w) const { return latin_[static_cast<int>(w)]; }

  // The font for a cluster that starts with `cp` (`next` is the code point after it, 0 at the
  // end). White space stays in the font of the text before it (`previous`, or -1 at the start) so
  // a run is not cut at every space; a base carrying Thai marks (the dotted circle a keyboard shows
  // them on) goes to the Thai font when it has the base, as the marks must come from the same font.
  FontId pick(char32_t cp, Weight w, int previous, char32_t next = 0) const;

  // Room a line needs above and below its baseline: the largest of the Thai and Latin fonts.
  VerticalMetrics line_metrics(float size_px, Weight w) const;

 private:
  FontSet() = default;
  // Which font each code point below kPickCacheSize goes to, per weight (-1: not looked up yet).
  // Filled lazily; racing threads write the same value, so relaxed atomics suffice.
  static constexpr char32_t kPickCacheSize = 0x3000;
  mutable std::unique_ptr<std::atomic<int16_t>[]> pick_cache_[2];
  FontId pick_uncached(char32_t cp, Weight w) const;

  FT_LibraryRec_* library_ = nullptr;
  std::vector<std::unique_ptr<FontFace>> faces_;
  FontId thai_[2] = {0, 0};
  FontId latin_[2] = {0, 0};
};

}  // namespace khlang::text

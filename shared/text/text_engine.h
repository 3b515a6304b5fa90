// [SECTION] TextEngine: the one object screens and tools ask for laid-out text.
// It owns the font set, the glyph atlas and two caches: shaped text by (text, size, weight) and
// laid-out text by (shaped text, width, alignment, line height). A frame that shows the same
// text again costs a hash and a compare, no shaping or breaking.
#pragma once

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/glyph_atlas.h"
#include "text/layout.h"

namespace khlang::text {

struct TextStyle {
  float size_px = 24;
  Weight weight = Weight::Regular;
  float line_height = 1.5f;  // em
};

struct TextCacheStats {
  uint64_t hits = 0, misses = 0;
  size_t entries = 0, bytes = 0;
};

class TextEngine {
 public:
  explicit TextEngine(std::unique_ptr<FontSet> fonts, size_t cache_budget_bytes = 64u << 20);
  // Loads the installed font set (FontSet::load_default) and makes an engine on it.
  static Expected<std::unique_ptr<TextEngine>> create_default(ThaiFace thai = ThaiFace::Default);

  // The layout of `utf8` in `style`, wrapped at `wrap_width` px (0 = no wrapping).
  std::shared_ptr<const TextLayout> layout(std::string_view utf8, const TextStyle& style, float wrap_width = 0,
                                           Align align = Align::Left);
  // The same with inline formatting (bold, italic, links) by byte ranges of `utf8`.
  std::shared_ptr<const TextLayout> layout_rich(std::string_view utf8, const std::vector<TextSpan>& spans,
                                                const TextStyle& style, float wrap_width = 0, Align align = Align::Left);

  FontSet& fonts() { return *fonts_; }
  GlyphAtlas& atlas() { return atlas_; }
  TextCacheStats cache_stats() const;
  // Forgets every shaped text, layout and shaped word (the glyph atlas stays).
  void clear_cache();
  // Words no line breaks inside from now on (segment.h, WholeWords: the content's proper names);
  // what was laid out before is forgotten when they change.
  void set_whole_words(const std::vector<std::string>& words);
  std::vector<std::string> whole_words() const;

 private:
  // One shaped text and the few wrap widths it was laid out at (a screen rarely needs more).
  struct Entry {
    struct Laid {
      LayoutOptions options;
      std::shared_ptr<const TextLayout> layout;
    };
    uint64_t hash;
    std::string text;
    int size;
    Weight weight;
    std::vector<TextSpan> spans;
    std::shared_ptr<const ShapedText> shaped;
    std::vector<Laid> layouts;
    size_t bytes = 0;
  };
  void evict_over_budget();

  std::unique_ptr<FontSet> fonts_;
  GlyphAtlas atlas_;
  ShapeCache words_;
  WorkerPool pool_;
  std::vector<std::string> whole_source_;  // as given, to tell when they change
  WholeWords whole_;
  size_t budget_;
  mutable std::mutex mutex_;
  std::list<Entry> lru_;  // most recent first
  std::unordered_multimap<uint64_t, std::list<Entry>::iterator> index_;
  size_t bytes_ = 0;
  TextCacheStats stats_;
};

}  // namespace khlang::text

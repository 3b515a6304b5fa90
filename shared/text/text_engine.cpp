#include "text/text_engine.h"

#include <xxhash.h>

#include <vector>

namespace khlang::text {

namespace {
constexpr size_t kLayoutsPerText = 4;

bool same_options(const LayoutOptions& a, const LayoutOptions& b) {
  return size_key(a.wrap_width) == size_key(b.wrap_width) && a.align == b.align && a.line_height == b.line_height;
}
}  // namespace

TextEngine::TextEngine(std::unique_ptr<FontSet> fonts, size_t cache_budget_bytes)
    : fonts_(std::move(fonts)), atlas_(*fonts_), budget_(cache_budget_bytes) {}

Expected<std::unique_ptr<TextEngine>> TextEngine::create_default(ThaiFace thai) {
  KHLANG_TRY_AS(auto fonts, FontSet::load_default(thai));
  return std::make_unique<TextEngine>(std::move(fonts));
}

std::shared_ptr<const TextLayout> TextEngine::layout(std::string_view utf8, const TextStyle& style, float wrap_width,
                                                     Align align) {
  static const std::vector<TextSpan> no_spans;
  return layout_rich(utf8, no_spans, style, wrap_width, align);
}

std::shared_ptr<const TextLayout> TextEngine::layout_rich(std::string_view utf8, const std::vector<TextSpan>& spans,
                                                          const TextStyle& style, float wrap_width, Align align) {
  const LayoutOptions options{wrap_width, align, style.line_height};
  const int size = size_key(style.size_px);
  uint64_t hash = XXH3_64bits_withSeed(utf8.data(), utf8.size(),
                                       static_cast<uint64_t>(size) * 2 + static_cast<uint64_t>(style.weight));
  for (const TextSpan& span : spans) {  // field by field: the struct has padding
    const uint64_t packed[2] = {(uint64_t{span.begin} << 32) | span.end, (uint64_t{span.bold} << 8) | span.flags};
    hash = XXH3_64bits_withSeed(packed, sizeof packed, hash);
  }
  std::lock_guard lock(mutex_);
  auto [first, last] = index_.equal_range(hash);
  for (auto it = first; it != last; ++it) {
    Entry& e = *it->second;
    if (e.size != size || e.weight != style.weight || e.text != utf8 || e.spans != spans) continue;
    lru_.splice(lru_.begin(), lru_, it->second);
    for (const Entry::Laid& laid : e.layouts) {
      if (same_options(laid.options, options)) {
        ++stats_.hits;
        return laid.layout;
      }
    }
    ++stats_.misses;  // shaped already; only the line breaking is new
    auto laid_out = layout_text(e.shaped, options);
    if (e.layouts.size() >= kLayoutsPerText) {
      const size_t dropped = e.layouts.back().layout->memory_bytes();
      bytes_ -= dropped;
      e.bytes -= dropped;
      e.layouts.pop_back();
    }
    e.layouts.insert(e.layouts.begin(), {options, laid_out});
    bytes_ += laid_out->memory_bytes();
    e.bytes += laid_out->memory_bytes();
    evict_over_budget();
    return laid_out;
  }

  ++stats_.misses;
  auto shaped = shape_text(*fonts_, utf8, style.size_px, style.weight, &words_, &pool_, spans, &whole_);
  auto laid_out = layout_text(shaped, options);
  Entry entry{hash, std::string(utf8), size, style.weight, spans, shaped, {{options, laid_out}}, 0};
  entry.bytes = shaped->memory_bytes() + laid_out->memory_bytes() + utf8.size() + sizeof(Entry);
  bytes_ += entry.bytes;
  lru_.push_front(std::move(entry));
  index_.emplace(hash, lru_.begin());
  evict_over_budget();
  return laid_out;
}

void TextEngine::evict_over_budget() {
  // The newest entry always stays, however large: it is on screen.
  while (bytes_ > budget_ && lru_.size() > 1) {
    Entry& victim = lru_.back();
    auto [first, last] = index_.equal_range(victim.hash);
    for (auto it = first; it != last; ++it) {
      if (&*it->second == &victim) {
        index_.erase(it);
        break;
      }
    }
    bytes_ -= victim.bytes;
    lru_.pop_back();
  }
}

TextCacheStats TextEngine::cache_stats() const {
  std::lock_guard lock(mutex_);
  TextCacheStats s = stats_;
  s.entries = lru_.size();
  s.bytes = bytes_;
  return s;
}

void TextEngine::clear_cache() {
  std::lock_guard lock(mutex_);
  lru_.clear();
  index_.clear();
  bytes_ = 0;
  words_.clear();
}

std::vector<std::string> TextEngine::whole_words() const {
  std::lock_guard lock(mutex_);
  return whole_source_;
}

void TextEngine::set_whole_words(const std::vector<std::string>& words) {
  {
    std::lock_guard lock(mutex_);
    if (words == whole_source_) return;
    whole_source_ = words;
    whole_ = WholeWords(words);
  }
  clear_cache();
}

}  // namespace khlang::text

#include "render/image_cache.h"

#include "image/image_decoder.h"
#include "platform/gl.h"
#include "store/content_queries.h"
#include "util/limits.h"

namespace khlang::kiosk {
namespace {
// Full images are shown at most screen-sized; thumbnails (320 px from pack) at most list-sized.
constexpr int kFullImageMaxSide = 2048;
}  // namespace

ImageCache::ImageCache(std::string db_path, std::function<void()> wake, size_t max_bytes)
    : db_path_(std::move(db_path)), wake_(std::move(wake)), max_bytes_(max_bytes), worker_([this] { worker_main(); }) {}

ImageCache::~ImageCache() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  work_.notify_all();
  worker_.join();
  for (auto& [key, e] : entries_) {
    if (e.texture.id) glDeleteTextures(1, &e.texture.id);
  }
}

std::optional<Texture> ImageCache::get(const std::string& media_id, bool thumbnail) {
  const std::string key = (thumbnail ? "t:" : "f:") + media_id;
  auto it = entries_.find(key);
  if (it != entries_.end()) {
    lru_.splice(lru_.begin(), lru_, it->second.lru);
    if (it->second.failed || !it->second.texture.id) return std::nullopt;
    return it->second.texture;
  }
  Entry& e = entries_[key];  // a placeholder until the worker's result arrives
  lru_.push_front(key);
  e.lru = lru_.begin();
  {
    std::lock_guard lock(mutex_);
    requests_.push_back(key);
    ++in_flight_;
  }
  work_.notify_one();
  return std::nullopt;
}

bool ImageCache::pending() const {
  std::lock_guard lock(mutex_);
  return in_flight_ > 0 || !ready_.empty();
}

void ImageCache::worker_main() {
  std::optional<sqlite::Database> db;
  for (;;) {
    std::string key;
    {
      std::unique_lock lock(mutex_);
      work_.wait(lock, [&] { return stop_ || !requests_.empty(); });
      if (stop_) return;
      key = std::move(requests_.front());
      requests_.pop_front();
    }
    Decoded out{key, 0, 0, {}};
    if (!db) {
      if (auto opened = sqlite::Database::open(db_path_, sqlite::Database::Mode::ReadOnly); opened) db = std::move(opened.value());
    }
    if (db) {
      const bool thumb = key[0] == 't';
      auto blob = store::load_media(*db, key.substr(2), thumb);
      if (blob && blob.value()) {
        const std::vector<uint8_t>& data = *blob.value();
        const std::string_view bytes(reinterpret_cast<const char*>(data.data()), data.size());
        image::DecodeOptions options;
        options.max_side = thumb ? limits::kMaxThumbnailSide : kFullImageMaxSide;
        options.cancel = &stop_;
        // A broken image stays failed (the screens draw their placeholder); why is not a visitor's concern.
        if (auto decoded = image::decode_image(bytes, key, options)) {
          out.width = decoded->width;
          out.height = decoded->height;
          out.rgba = std::move(decoded->pixels);
        }
      }
    }
    {
      std::lock_guard lock(mutex_);
      ready_.push_back(std::move(out));
      --in_flight_;
    }
    if (wake_) wake_();
  }
}

bool ImageCache::upload_ready() {
  std::vector<Decoded> ready;
  {
    std::lock_guard lock(mutex_);
    ready.swap(ready_);
  }
  for (Decoded& d : ready) {
    auto it = entries_.find(d.key);
    if (it == entries_.end()) continue;  // evicted while it was decoded
    Entry& e = it->second;
    if (d.rgba.empty()) {
      e.failed = true;
      continue;
    }
    glGenTextures(1, &e.texture.id);
    glBindTexture(GL_TEXTURE_2D, e.texture.id);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, d.width, d.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, d.rgba.data());
    e.texture.width = d.width;
    e.texture.height = d.height;
    e.bytes = d.rgba.size();
    bytes_ += e.bytes;
  }
  evict();
  return !ready.empty();
}

void ImageCache::clear() {
  for (auto& [key, entry] : entries_) {
    if (entry.texture.id) glDeleteTextures(1, &entry.texture.id);
  }
  entries_.clear();
  lru_.clear();
  bytes_ = 0;
}

void ImageCache::evict() {
  while (bytes_ > max_bytes_ && lru_.size() > 1) {
    const std::string key = lru_.back();
    auto it = entries_.find(key);
    if (it != entries_.end()) {
      if (it->second.texture.id) glDeleteTextures(1, &it->second.texture.id);
      bytes_ -= it->second.bytes;
      entries_.erase(it);
    }
    lru_.pop_back();
  }
}

}  // namespace khlang::kiosk

// [SECTION] Content images (covers, posters, photos, article images) as GL textures. A worker
// thread reads the blob from the database (its own connection) and decodes it off the frame path
// with the core's decoder (PNG and JPEG only, size capped before any pixel, shrunk to what a
// screen shows); the GL thread uploads what is ready at the start of a frame. The cache is
// bounded in bytes and drops the least recently drawn image first. Destroying the cache cancels
// a decode in progress, so a SIGTERM never waits on an image.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace khlang::kiosk {

struct Texture {
  unsigned id = 0;
  int width = 0, height = 0;
};

class ImageCache {
 public:
  // `wake` is called from the worker when an image is ready (to wake an idle event loop).
  ImageCache(std::string db_path, std::function<void()> wake, size_t max_bytes = 128u << 20);
  ~ImageCache();
  ImageCache(const ImageCache&) = delete;
  ImageCache& operator=(const ImageCache&) = delete;

  // The texture of a media row (its thumbnail or the full image), or nothing yet: the first ask
  // queues it for the worker. A missing or broken image stays nothing, without asking again.
  std::optional<Texture> get(const std::string& media_id, bool thumbnail);
  // Uploads decoded images; call on the GL thread before building a frame. True if any arrived.
  bool upload_ready();
  // Forgets every image (new content may reuse a media id); on the GL thread.
  void clear();
  // Images asked for and not uploaded yet.
  bool pending() const;

 private:
  struct Decoded {
    std::string key;
    int width = 0, height = 0;
    std::vector<unsigned char> rgba;  // empty: failed
  };
  struct Entry {
    Texture texture;
    size_t bytes = 0;
    bool failed = false;
    std::list<std::string>::iterator lru;
  };
  void worker_main();
  void evict();

  std::string db_path_;
  std::function<void()> wake_;
  size_t max_bytes_, bytes_ = 0;
  std::unordered_map<std::string, Entry> entries_;
  std::list<std::string> lru_;  // most recent first
  mutable std::mutex mutex_;
  std::condition_variable work_;
  std::deque<std::string> requests_;  // keys: "t:" or "f:" + media id
  std::vector<Decoded> ready_;
  size_t in_flight_ = 0;
  std::atomic<bool> stop_{false};  // also cancels the decode in progress
  std::thread worker_;
};

}  // namespace khlang::kiosk

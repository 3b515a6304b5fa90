// Helpers shared by the libFuzzer targets: a property that fails aborts (libFuzzer saves the input
// as a crash), and a scratch directory per process.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

namespace khlang::fuzz {

inline std::string_view as_text(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// A property of the code under test that must hold for every input.
#define FUZZ_CHECK(cond, what)                                                        \
  do {                                                                                \
    if (!(cond)) {                                                                    \
      std::fprintf(stderr, "property failed: %s (%s:%d): %s\n", #cond, __FILE__, __LINE__, \
                   std::string(what).c_str());                                        \
      std::abort();                                                                   \
    }                                                                                 \
  } while (0)

// A directory of this process's own, removed at exit: in /dev/shm when there is one (the import
// syncs every file it writes; on tmpfs that costs nothing), else under TMPDIR.
inline const std::filesystem::path& scratch_dir() {
  struct Dir {
    std::filesystem::path path;
    Dir() {
      std::error_code ec;
      const bool shm = std::filesystem::is_directory("/dev/shm", ec) && ::access("/dev/shm", W_OK) == 0;
      path = (shm ? std::filesystem::path("/dev/shm") : std::filesystem::temp_directory_path()) /
             ("khlang-fuzz-" + std::to_string(getpid()));
      std::filesystem::create_directories(path);
    }
    ~Dir() {
      std::error_code ec;
      std::filesystem::remove_all(path, ec);
    }
  };
  static Dir dir;
  return dir.path;
}

}  // namespace khlang::fuzz

// [SECTION] Writing into a folder we do not trust: a USB stick, an inbox or outbox a sync tool
// fills. Whoever had the stick may have left a symbolic link, a FIFO or a directory where our
// file goes; opening the name with open(O_TRUNC) or SQLite would follow the link and rewrite
// whatever it points to. So a file is never opened by its final name:
//   1. the folder is opened O_DIRECTORY|O_NOFOLLOW (a folder that is itself a link is refused);
//   2. what stands at the name is looked at without following it: a link, FIFO, directory or
//      device there is refused with a message a person can act on (and left alone);
//   3. the bytes go into a new temporary file beside it (openat O_CREAT|O_EXCL|O_NOFOLLOW), are
//      fsynced, and the temporary file is renamed over the name (rename replaces a link that
//      appears meanwhile, never follows it); the folder is fsynced;
//   4. on any failure the temporary file is removed and the name keeps what it had.
// A file to be updated (a statistics file the office adds to) is read the same careful way:
// opened O_NOFOLLOW|O_NONBLOCK in the folder opened as above, taken only if it is a regular
// file, copied into a private folder of ours, updated there, and copied back as above.
#pragma once

#include <string>
#include <string_view>

#include "util/error.h"

namespace khlang::safe_file {

// Whether write_into/copy_into may put `name` in `dir` (the folder opens, nothing but a regular
// file stands at the name): lets a caller writing several files refuse before writing any.
Status check_replaceable(const std::string& dir, const std::string& name);

// Writes `data` as the file `name` (a plain file name, no '/') in the folder `dir`.
Status write_into(const std::string& dir, const std::string& name, std::string_view data);

// Copies the regular file `source` (a private file of ours; not followed if a link) as `name`
// in `dir`, streamed, so a file of any size costs a fixed buffer.
Status copy_into(const std::string& dir, const std::string& name, const std::string& source);

// Copies the file `name` in `dir` to `destination` (a new file in a private folder of ours;
// refused if anything is there). Returns false, copying nothing, if nothing stands at the name;
// a link, FIFO, directory or device there is refused as by check_replaceable.
Expected<bool> copy_from(const std::string& dir, const std::string& name, const std::string& destination);

// Writes `data` as a new file at `path` (O_CREAT|O_EXCL|O_NOFOLLOW), with `mode` from its first
// byte, so a secret is never readable by others and a link at the path is never followed.
// Returns false, writing nothing, if anything (a file, a link) stands there.
Expected<bool> write_new(const std::string& path, std::string_view data, unsigned mode);

// A folder only this user may enter (mode 0700, made by mkdtemp under the temporary directory,
// $TMPDIR or /tmp), removed with all it holds when this goes out of scope: where a file is
// built before it is copied out through copy_into.
class PrivateFolder {
 public:
  // `prefix` names what it is for in the folder's name ("khlang-stats").
  static Expected<PrivateFolder> make(const std::string& prefix);
  PrivateFolder(PrivateFolder&& other) noexcept : path_(std::move(other.path_)) { other.path_.clear(); }
  PrivateFolder& operator=(PrivateFolder&&) = delete;
  PrivateFolder(const PrivateFolder&) = delete;
  ~PrivateFolder();
  const std::string& path() const { return path_; }
  // The path of `name` in the folder.
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  explicit PrivateFolder(std::string path) : path_(std::move(path)) {}
  std::string path_;
};

}  // namespace khlang::safe_file

#include "util/safe_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <vector>

#include "util/system_error.h"

namespace khlang::safe_file {
namespace {

// Closes a descriptor when it goes out of scope.
struct Fd {
  int fd = -1;
  explicit Fd(int f) : fd(f) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

Status check_name(const std::string& name) {
  if (name.empty() || name == "." || name == ".." || name.find('/') != std::string::npos ||
      name.find('\0') != std::string::npos) {
    return Error{"'" + name + "' is not a plain file name"};
  }
  return Ok{};
}

Expected<int> open_folder(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd >= 0) return fd;
  const int err = errno;
  struct stat st{};
  if (::lstat(dir.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
    return Error{"folder " + dir + " is a symbolic link: not written to (give the folder's real path)"};
  }
  if (err == ENOENT) return Error{ErrorKind::NotFound, "folder " + dir + " not found"};
  if (err == ENOTDIR) return Error{dir + " is not a folder"};
  return system_error("cannot open folder " + dir, err);
}

// Why what stands at the name (of mode `mode`, not a regular file) is left alone.
Error not_a_regular_file(const std::string& dir, const std::string& name, mode_t mode) {
  const char* kind = S_ISLNK(mode)    ? "a symbolic link"
                     : S_ISFIFO(mode) ? "a FIFO (named pipe)"
                     : S_ISDIR(mode)  ? "a directory"
                     : S_ISSOCK(mode) ? "a socket"
                                      : "a device";
  return Error{dir + "/" + name + " is " + kind + ", not a regular file: nothing was written (remove it from " +
               dir + " and try again)"};
}

// What stands at the name may be replaced only if it is a regular file (or nothing).
Status check_target(int dirfd, const std::string& dir, const std::string& name) {
  struct stat st{};
  if (::fstatat(dirfd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
    if (errno == ENOENT) return Ok{};
    return system_error("cannot look at " + dir + "/" + name, errno);
  }
  if (S_ISREG(st.st_mode)) return Ok{};
  return not_a_regular_file(dir, name, st.st_mode);
}

// Writes all of `size` bytes, through short writes and signals.
bool write_all(int fd, const char* data, size_t size) {
  while (size > 0) {
    const ssize_t n = ::write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

// Copies what is left to read of `in` into `out` (the names for messages), through a fixed buffer.
Status copy_all(int in, const std::string& in_name, int out, const std::string& out_name) {
  std::vector<char> buffer(1 << 16);
  for (;;) {
    const ssize_t n = ::read(in, buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return system_error("cannot read " + in_name, errno);
    if (n == 0) return Ok{};
    if (!write_all(out, buffer.data(), static_cast<size_t>(n))) return system_error("cannot write " + out_name, errno);
  }
}

// Makes the temporary file, lets `fill` write it, then renames it over `name`.
template <typename Fill>
Status replace_atomically(const std::string& dir, const std::string& name, Fill&& fill) {
  KHLANG_TRY(check_name(name));
  KHLANG_TRY_AS(auto opened, open_folder(dir));
  const Fd folder(opened);
  KHLANG_TRY(check_target(folder.fd, dir, name));

  std::random_device random;
  std::string tmp;
  int fd = -1;
  for (int attempt = 0; attempt < 16 && fd < 0; ++attempt) {
    tmp = "." + name + ".tmp-" + std::to_string(random());
    fd = ::openat(folder.fd, tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY, 0644);
    if (fd < 0 && errno != EEXIST) return system_error("cannot write into " + dir, errno);
  }
  if (fd < 0) return Error{ErrorKind::Io, "cannot make a temporary file in " + dir + " (too many left over?)"};
  const Fd file(fd);
  Status s = fill(file.fd);
  if (s && ::fsync(file.fd) != 0) s = system_error("cannot write " + dir + "/" + name, errno);
  if (s && ::renameat(folder.fd, tmp.c_str(), folder.fd, name.c_str()) != 0) {
    s = system_error("cannot replace " + dir + "/" + name, errno);
  }
  if (!s) {
    (void)::unlinkat(folder.fd, tmp.c_str(), 0);
    return s;
  }
  (void)::fsync(folder.fd);  // the rename itself on disk (a FAT stick may not support it: best effort)
  return Ok{};
}

}  // namespace

Status check_replaceable(const std::string& dir, const std::string& name) {
  KHLANG_TRY(check_name(name));
  KHLANG_TRY_AS(auto opened, open_folder(dir));
  const Fd folder(opened);
  return check_target(folder.fd, dir, name);
}

Status write_into(const std::string& dir, const std::string& name, std::string_view data) {
  return replace_atomically(dir, name, [&](int fd) -> Status {
    if (!write_all(fd, data.data(), data.size())) return system_error("cannot write " + dir + "/" + name, errno);
    return Ok{};
  });
}

Expected<bool> write_new(const std::string& path, std::string_view data, unsigned mode) {
  Fd file(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, static_cast<mode_t>(mode)));
  if (file.fd < 0) {
    if (errno == EEXIST) return false;
    return system_error("cannot create " + path, errno);
  }
  if (!write_all(file.fd, data.data(), data.size()) || ::fsync(file.fd) != 0) {
    const Error error = system_error("cannot write " + path, errno);
    ::unlink(path.c_str());
    return error;
  }
  return true;
}

Status copy_into(const std::string& dir, const std::string& name, const std::string& source) {
  const Fd in(::open(source.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY));
  if (in.fd < 0) return system_error("cannot open " + source, errno);
  struct stat st{};
  if (::fstat(in.fd, &st) != 0 || !S_ISREG(st.st_mode)) return Error{source + " is not a regular file"};
  return replace_atomically(dir, name, [&](int fd) { return copy_all(in.fd, source, fd, dir + "/" + name); });
}

Expected<bool> copy_from(const std::string& dir, const std::string& name, const std::string& destination) {
  KHLANG_TRY(check_name(name));
  KHLANG_TRY_AS(auto opened, open_folder(dir));
  const Fd folder(opened);
  // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just after.
  const Fd in(::openat(folder.fd, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
  if (in.fd < 0) {
    const int err = errno;
    if (err == ENOENT) return false;
    struct stat st{};
    if (::fstatat(folder.fd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && !S_ISREG(st.st_mode)) {
      return not_a_regular_file(dir, name, st.st_mode);
    }
    return system_error("cannot open " + dir + "/" + name, err);
  }
  struct stat st{};
  if (::fstat(in.fd, &st) != 0) return system_error("cannot look at " + dir + "/" + name, errno);
  if (!S_ISREG(st.st_mode)) return not_a_regular_file(dir, name, st.st_mode);
  const Fd out(::open(destination.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY, 0600));
  if (out.fd < 0) return system_error("cannot make " + destination, errno);
  KHLANG_TRY(copy_all(in.fd, dir + "/" + name, out.fd, destination));
  return true;
}

Expected<PrivateFolder> PrivateFolder::make(const std::string& prefix) {
  std::error_code ec;
  const std::filesystem::path tmp = std::filesystem::temp_directory_path(ec);
  if (ec) return system_error("cannot find the temporary folder", ec);
  std::string path = (tmp / (prefix + "-XXXXXX")).string();
  if (!::mkdtemp(path.data())) return system_error("cannot make a private folder in " + tmp.string(), errno);
  return PrivateFolder(std::move(path));
}

PrivateFolder::~PrivateFolder() {
  if (path_.empty()) return;
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

}  // namespace khlang::safe_file

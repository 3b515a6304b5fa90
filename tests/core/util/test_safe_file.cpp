// Writing into a folder we do not trust (a stick, a sync folder): what stands at the name is never
// followed, a failed write leaves the name as it was, and nothing outside the folder changes.
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <set>

#include "bundle_fixture.h"
#include "util/safe_file.h"
#include "util/system_error.h"

using namespace khlang;
using khlang::test::read_file;
using khlang::test::write_file;
namespace fs = std::filesystem;

namespace {

// A folder standing in for a stick, and a file outside it that a planted link points to.
struct Folders {
  Folders() : base(fs::temp_directory_path() / ("khlang-safe-" + std::to_string(getpid()))) {
    fs::remove_all(base);
    fs::create_directories(base / "stick");
    stick = (base / "stick").string();
    victim = (base / "victim.sh").string();
    write_file(victim, "#!/bin/sh\necho office script\n");
  }
  ~Folders() { fs::remove_all(base); }
  std::set<std::string> names() const {
    std::set<std::string> out;
    for (const auto& e : fs::directory_iterator(stick)) out.insert(e.path().filename().string());
    return out;
  }
  fs::path base;
  std::string stick, victim;
};

}  // namespace

TEST_CASE("safe_file: writes a new file and replaces a regular one, leaving no temporary file") {
  Folders f;
  REQUIRE(safe_file::write_into(f.stick, "a.csv", "one\n").ok());
  CHECK(read_file(f.stick + "/a.csv") == "one\n");
  REQUIRE(safe_file::write_into(f.stick, "a.csv", "two\n").ok());
  CHECK(read_file(f.stick + "/a.csv") == "two\n");
  REQUIRE(safe_file::write_into(f.stick, "empty", "").ok());
  CHECK(fs::file_size(f.stick + "/empty") == 0);
  CHECK(f.names() == std::set<std::string>{"a.csv", "empty"});

  // A file of some size, streamed by copy_into.
  std::string big(3 << 20, '\0');
  for (size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>(i * 7 + i / 4096);
  write_file((f.base / "private.sqlite").string(), big);
  REQUIRE(safe_file::copy_into(f.stick, "s.sqlite", (f.base / "private.sqlite").string()).ok());
  CHECK(read_file(f.stick + "/s.sqlite") == big);
  CHECK(f.names() == std::set<std::string>{"a.csv", "empty", "s.sqlite"});
}

TEST_CASE("safe_file: a symbolic link, FIFO or directory at the name is refused and left alone") {
  Folders f;
  const std::string before = read_file(f.victim);
  // A link to a file outside the folder (the stick's "khlang-stats.csv -> the office's script").
  fs::create_symlink(f.victim, f.stick + "/link.csv");
  // A dangling link: following it would create a file wherever it points.
  fs::create_symlink((f.base / "created-through-link").string(), f.stick + "/dangling.csv");
  REQUIRE(mkfifo((f.stick + "/fifo.csv").c_str(), 0644) == 0);
  fs::create_directories(f.stick + "/dir.csv/inside");
  const auto names = f.names();
  for (const auto& pair : {std::pair<std::string, std::string>{"link.csv", "a symbolic link"},
                           {"dangling.csv", "a symbolic link"},
                           {"fifo.csv", "a FIFO"},
                           {"dir.csv", "a directory"}}) {
    const std::string& name = pair.first;  // not a structured binding: INFO's lambda captures it,
    const std::string& kind = pair.second;  // which clang 14 (the sanitizer tree) cannot do
    INFO(name);
    for (const bool copy : {false, true}) {
      write_file((f.base / "private").string(), "visitor text");
      const Status s = copy ? safe_file::copy_into(f.stick, name, (f.base / "private").string())
                            : safe_file::write_into(f.stick, name, "x & touch FILE #\n");
      REQUIRE_FALSE(s.ok());
      CHECK(s.error().message.find(kind) != std::string::npos);
      CHECK(s.error().message.find("remove it") != std::string::npos);
      CHECK_FALSE(safe_file::check_replaceable(f.stick, name).ok());
    }
  }
  CHECK(read_file(f.victim) == before);
  CHECK_FALSE(fs::exists(f.base / "created-through-link"));
  CHECK(fs::is_symlink(f.stick + "/link.csv"));
  CHECK(fs::is_fifo(f.stick + "/fifo.csv"));
  CHECK(fs::is_directory(f.stick + "/dir.csv/inside"));
  CHECK(f.names() == names);  // no temporary file left behind
  std::set<std::string> outside;  // nothing new beside the folder either
  for (const auto& e : fs::directory_iterator(f.base)) outside.insert(e.path().filename().string());
  CHECK(outside == std::set<std::string>{"private", "stick", "victim.sh"});
}

TEST_CASE("safe_file: a hard link at the name keeps its other name's content, and a folder that is a link is refused") {
  Folders f;
  const std::string before = read_file(f.victim);
  fs::create_hard_link(f.victim, f.stick + "/hard.csv");
  REQUIRE(safe_file::write_into(f.stick, "hard.csv", "new\n").ok());
  CHECK(read_file(f.stick + "/hard.csv") == "new\n");
  CHECK(read_file(f.victim) == before);  // the rename replaced the name, not the file it named

  fs::create_directory_symlink(f.stick, (f.base / "linked-folder").string());
  const Status s = safe_file::write_into((f.base / "linked-folder").string(), "a.csv", "x");
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().message.find("is a symbolic link") != std::string::npos);
  CHECK_FALSE(safe_file::write_into((f.base / "missing").string(), "a.csv", "x").ok());
  for (const char* bad : {"", ".", "..", "../escape.csv", "a/b.csv"}) {
    INFO(bad);
    const Status named = safe_file::write_into(f.stick, bad, "x");
    REQUIRE_FALSE(named.ok());
    CHECK(named.error().message.find("not a plain file name") != std::string::npos);
  }
  CHECK_FALSE(fs::exists(f.base / "escape.csv"));
  CHECK_FALSE(safe_file::copy_into(f.stick, "c.csv", f.stick + "/hard.csv.missing").ok());
  fs::create_symlink(f.victim, (f.base / "source-link").string());
  CHECK_FALSE(safe_file::copy_into(f.stick, "c.csv", (f.base / "source-link").string()).ok());
}

TEST_CASE("safe_file: a full disk mid-write leaves the old file and no temporary file") {
  Folders f;
  REQUIRE(safe_file::write_into(f.stick, "s.csv", "old\n").ok());
  const std::string big(1 << 20, 'x');
  // A file-size limit stands in for a full stick.
  const pid_t pid = fork();
  if (pid == 0) {
    signal(SIGXFSZ, SIG_IGN);
    const rlimit rl{64 << 10, 64 << 10};
    setrlimit(RLIMIT_FSIZE, &rl);
    const Status s = safe_file::write_into(f.stick, "s.csv", big);
    _exit(s ? 0 : (s.error().message.find("cannot write") != std::string::npos && s.error().kind == ErrorKind::Io ? 1 : 2));
  }
  int status = 0;
  waitpid(pid, &status, 0);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 1);
  CHECK(read_file(f.stick + "/s.csv") == "old\n");
  CHECK(f.names() == std::set<std::string>{"s.csv"});
}

TEST_CASE("safe_file: an error's kind says who must act: a missing folder or source, a refused target, the system") {
  Folders f;
  const Status no_folder = safe_file::write_into(f.stick + "/gone", "s.csv", "x");
  REQUIRE_FALSE(no_folder.ok());
  CHECK(no_folder.error().kind == ErrorKind::NotFound);
  const Status no_source = safe_file::copy_into(f.stick, "c.csv", f.stick + "/missing.csv");
  REQUIRE_FALSE(no_source.ok());
  CHECK(no_source.error().kind == ErrorKind::NotFound);
  CHECK(no_source.error().message.find(f.stick + "/missing.csv") != std::string::npos);
  fs::create_directory(f.stick + "/d.csv");
  const Status dir_target = safe_file::write_into(f.stick, "d.csv", "x");
  REQUIRE_FALSE(dir_target.ok());
  CHECK(dir_target.error().kind == ErrorKind::InvalidInput);

  const Error full = system_error("cannot write /media/stick/s.csv", ENOSPC);
  CHECK(full.kind == ErrorKind::Io);
  CHECK(full.message == "cannot write /media/stick/s.csv: the disk is full");
  CHECK(system_error("x", EROFS).message.find("write-protected") != std::string::npos);
  std::error_code ec;
  (void)fs::file_size(f.stick + "/missing.csv", ec);
  CHECK(system_error("size", ec).kind == ErrorKind::NotFound);
}

TEST_CASE("safe_file: copy_from takes only a regular file out of the folder, and a private folder is the user's alone and goes with its files") {
  Folders f;
  const std::string before = read_file(f.victim);
  auto folder = safe_file::PrivateFolder::make("khlang-safe-test");
  REQUIRE(folder.ok());
  const std::string private_path = folder->path();
  struct stat st{};
  REQUIRE(::lstat(private_path.c_str(), &st) == 0);
  CHECK(S_ISDIR(st.st_mode));
  CHECK((st.st_mode & 0777) == 0700);

  write_file(f.stick + "/s.sqlite", "statistics");
  auto taken = safe_file::copy_from(f.stick, "s.sqlite", folder->file("s.sqlite"));
  REQUIRE(taken.ok());
  CHECK(taken.value());
  CHECK(read_file(folder->file("s.sqlite")) == "statistics");
  // Nothing at the name: nothing copied, not an error.
  auto none = safe_file::copy_from(f.stick, "new.sqlite", folder->file("new.sqlite"));
  REQUIRE(none.ok());
  CHECK_FALSE(none.value());
  CHECK_FALSE(fs::exists(folder->file("new.sqlite")));
  // The destination is made new: what is already there is not written through.
  fs::create_symlink(f.victim, folder->file("planted"));
  CHECK_FALSE(safe_file::copy_from(f.stick, "s.sqlite", folder->file("planted")).ok());

  fs::create_symlink(f.victim, f.stick + "/link.sqlite");
  REQUIRE(mkfifo((f.stick + "/fifo.sqlite").c_str(), 0644) == 0);  // opening it must not wait for a writer
  fs::create_directory(f.stick + "/dir.sqlite");
  for (const auto& pair : {std::pair<std::string, std::string>{"link.sqlite", "a symbolic link"},
                           {"fifo.sqlite", "a FIFO"},
                           {"dir.sqlite", "a directory"}}) {
    const std::string& name = pair.first;  // named members: see above (clang 14)
    const std::string& kind = pair.second;
    INFO(name);
    auto refused = safe_file::copy_from(f.stick, name, folder->file(name));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.find(kind) != std::string::npos);
    CHECK_FALSE(fs::exists(folder->file(name)));
  }
  CHECK(read_file(f.victim) == before);

  { auto moved = std::move(folder.value()); }  // the folder goes with what it holds
  CHECK_FALSE(fs::exists(private_path));
}

// Faults during an import: the process killed at random points, the disk full. The kiosk
// database must pass integrity_check afterwards and hold entirely the old or entirely the new
// content.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <random>
#include <thread>

#include "bundle/importer.h"
#include "bundle_fixture.h"
#include "store/schema.h"

extern char** environ;

using namespace khlang;
using khlang::test::BundleFixture;

namespace {

// Articles in the bundle of sequence number `seq`: differs between neighbours, so old and new
// content are told apart by their counts as well as by the organization's name.
int articles_for(int64_t seq) { return 800 + static_cast<int>(seq % 3) * 100; }

struct LiveState {
  std::string integrity;
  int64_t seq = -1;
  std::string organization;
  int64_t articles = -1;
};

LiveState live_state(const std::string& db_path) {
  LiveState s;
  auto db = store::open_kiosk_db(db_path);
  REQUIRE(db.ok());
  s.integrity = db->query_text("PRAGMA integrity_check").value();
  s.seq = db->query_int("SELECT coalesce((SELECT seq FROM bundle_info), -1)").value();
  s.organization = db->query_text("SELECT coalesce((SELECT name_th FROM organization), '')").value();
  s.articles = db->query_int("SELECT count(*) FROM article").value();
  return s;
}

void check_whole(const LiveState& s) {
  CHECK(s.integrity == "ok");
  CHECK(s.organization == "เทศบาลทดสอบ #" + std::to_string(s.seq));
  CHECK(s.articles == articles_for(s.seq));
}

pid_t spawn_import(const std::string& bundle, const std::string& db) {
  std::vector<std::string> argv = {KHLANG_ADMIN_BIN, "import", bundle, "--db", db};
  std::vector<char*> args;
  for (auto& a : argv) args.push_back(a.data());
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

}  // namespace

TEST_CASE("kill -9 at random points during an import, 50 times: old or new content, never a mix") {
  BundleFixture f;
  REQUIRE(bundle::import_bundle(f.db, f.pack(1, articles_for(1), "main", 30)).ok());

  // How long one import takes, to spread the kills over it.
  const std::string timed = f.pack(2, articles_for(2), "main", 30);
  const auto t0 = std::chrono::steady_clock::now();
  int status = 0;
  waitpid(spawn_import(timed, f.db), &status, 0);
  const auto duration = std::chrono::steady_clock::now() - t0;
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(duration).count();
  MESSAGE("one import takes " << micros / 1000 << " ms");

  std::mt19937 rng(42);
  std::uniform_int_distribution<long> delay(0, micros * 12 / 10);
  int64_t live = 2;
  int interrupted = 0, completed = 0;
  for (int round = 0; round < 50; ++round) {
    const int64_t seq = 3 + round;
    const std::string b = f.pack(seq, articles_for(seq), "main", 30);
    const pid_t pid = spawn_import(b, f.db);
    std::this_thread::sleep_for(std::chrono::microseconds(delay(rng)));
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    const LiveState s = live_state(f.db);
    INFO("round " << round << ", seq " << seq);
    check_whole(s);
    CHECK((s.seq == live || s.seq == seq));
    (s.seq == seq ? completed : interrupted) += 1;
    live = s.seq;
    std::filesystem::remove(b);
    std::filesystem::remove(bundle::signature_path(b));
  }
  MESSAGE(interrupted << " imports were cut off, " << completed << " finished");
  CHECK(interrupted > 0);  // the kills did land inside imports
  // The next import clears private copies that killed imports left behind, and succeeds.
  REQUIRE(bundle::import_bundle(f.db, f.pack(100, articles_for(100))).ok());
  int leftovers = 0;
  for (const auto& e : std::filesystem::directory_iterator(f.dir)) {
    leftovers += e.path().filename().string().starts_with(".kiosk.db.import-") ? 1 : 0;
  }
  CHECK(leftovers == 0);
  check_whole(live_state(f.db));
}

TEST_CASE("disk full during an import: a clean error, the old content intact") {
  BundleFixture f;
  REQUIRE(bundle::import_bundle(f.db, f.pack(1, articles_for(1))).ok());
  const std::string before = f.content_fingerprint();
  const std::string b = f.pack(2, articles_for(2), "main", 20);
  const auto bundle_size = static_cast<rlim_t>(std::filesystem::file_size(b));
  // A file-size limit stands in for a full disk: first too small for the private copy, then
  // enough for the copy but not for the database's growth during the merge.
  for (const rlim_t limit : {bundle_size / 2, bundle_size + 8192}) {
    int pipe_fds[2];
    REQUIRE(pipe(pipe_fds) == 0);
    const pid_t pid = fork();
    if (pid == 0) {
      signal(SIGXFSZ, SIG_IGN);
      const rlimit rl{limit, limit};
      setrlimit(RLIMIT_FSIZE, &rl);
      auto result = bundle::import_bundle(f.db, b);
      // The error's kind first: a full disk is the kiosk's failure, not the bundle's fault.
      const std::string message =
          result ? "imported" : std::string(error_kind_name(result.error().kind)) + "|" + result.error().message;
      (void)!write(pipe_fds[1], message.data(), message.size());
      _exit(result ? 0 : 1);
    }
    close(pipe_fds[1]);
    char buf[512] = {};
    const ssize_t n = read(pipe_fds[0], buf, sizeof buf - 1);
    close(pipe_fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    const std::string message(buf, n > 0 ? static_cast<size_t>(n) : 0);
    INFO("limit " << limit << ": " << message);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 1);
    CHECK(message.find('\n') == std::string::npos);
    CHECK(message.size() > 10);
    CHECK(message.starts_with("I/O error|"));
    CHECK(f.content_fingerprint() == before);
    CHECK(live_state(f.db).integrity == "ok");
  }
  CHECK(f.import_log_count("refused") == 0);  // whatever the log could record, it never blames the bundle
  // With room again, the same bundle imports.
  REQUIRE(bundle::import_bundle(f.db, b).ok());
  CHECK(live_state(f.db).seq == 2);
}

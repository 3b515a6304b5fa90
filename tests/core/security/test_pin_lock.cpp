// The admin PIN's lockout: counted in one transaction before the Argon2id check (parallel
// checkers lose no failure), measured on a clock no one sets (a wall clock behind the bundle's
// time does not stop it), surviving a restart, and cleared by the office's reset.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <ctime>
#include <vector>

#include "bundle/importer.h"
#include "bundle_fixture.h"
#include "security/pin_lock.h"
#include "store/schema.h"
#include "store/settings.h"
#include "thai/thai_date.h"

using namespace khlang;
using khlang::test::BundleFixture;
using Outcome = security::PinLock::Outcome;

namespace {

constexpr const char* kPin = "246810";

// A machine's clocks, moved by hand: the monotonic clock and the wall clock apart.
struct FakeClock {
  security::LockClock now{"boot-1", 5'000'000, 1'800'000'000};
  void pass(int64_t seconds) {  // time passes: both clocks move
    now.since_boot_ms += seconds * 1000;
    now.wall_utc += seconds;
  }
  void restart(const std::string& boot, int64_t wall_moved) {  // a new boot, its monotonic clock from 0
    now.boot_id = boot;
    now.since_boot_ms = 3000;
    now.wall_utc += wall_moved;
  }
};

// A kiosk database with the PIN set.
struct PinFixture : BundleFixture {
  PinFixture() {
    auto kiosk = store::open_kiosk_db(db);
    REQUIRE(kiosk.ok());
    REQUIRE(security::PinLock(kiosk.value()).set_pin(kPin).ok());
  }
};

}  // namespace

TEST_CASE("admin PIN: at least 6 digits, Argon2id, 5 free failures, then a lock that doubles to an hour") {
  BundleFixture f;
  auto db = store::open_kiosk_db(f.db);
  REQUIRE(db.ok());
  security::PinLock lock(db.value());
  CHECK_FALSE(lock.has_pin());
  CHECK_FALSE(lock.set_pin("12345").ok());
  CHECK_FALSE(lock.set_pin("12a456").ok());
  REQUIRE(lock.set_pin(kPin).ok());
  CHECK(lock.has_pin());
  CHECK(store::get_setting(db.value(), "admin_pin_hash", "").rfind("$argon2id$", 0) == 0);

  FakeClock clock;
  CHECK(lock.check(kPin, clock.now).outcome == Outcome::Accepted);
  for (int i = 1; i <= 4; ++i) {
    const auto c = lock.check("000000", clock.now);
    CHECK(c.outcome == Outcome::Wrong);
    CHECK(c.locked_seconds == 0);
    CHECK(c.failures == i);
  }
  const auto fifth = lock.check("000000", clock.now);
  CHECK(fifth.outcome == Outcome::Wrong);
  CHECK(fifth.locked_seconds == 30);
  clock.pass(10);
  // Locked: even the right PIN is not checked, and the attempt is not counted.
  const auto locked = lock.check(kPin, clock.now);
  CHECK(locked.outcome == Outcome::Locked);
  CHECK(locked.locked_seconds == 20);
  CHECK(lock.failures() == 5);
  clock.pass(21);
  CHECK(lock.check("000000", clock.now).locked_seconds == 60);
  clock.pass(61);
  CHECK(lock.check("000000", clock.now).locked_seconds == 120);
  // The doubling stops at an hour.
  for (int i = 0; i < 6; ++i) {
    clock.pass(3601);
    (void)lock.check("000000", clock.now);
  }
  clock.pass(3601);
  CHECK(lock.check("000000", clock.now).locked_seconds == 3600);
  clock.pass(3601);
  CHECK(lock.check(kPin, clock.now).outcome == Outcome::Accepted);
  CHECK(lock.failures() == 0);
  CHECK(lock.check("000000", clock.now).locked_seconds == 0);  // the count starts again
}

TEST_CASE("admin PIN: the lock ends after its time while the wall clock stands behind the bundle's time") {
  PinFixture f;
  REQUIRE(bundle::import_bundle(f.db, f.pack(1)).ok());
  auto db = store::open_kiosk_db(f.db);
  REQUIRE(db.ok());
  const auto created = thai::parse_iso_utc_seconds(db->query_text("SELECT created_at FROM bundle_info").value());
  REQUIRE(created);
  // A kiosk whose clock was reset: a day behind the content it shows. The app holds its own clock
  // at the bundle's time then; the lock does not care, its time is the monotonic clock's.
  FakeClock clock;
  clock.now.wall_utc = *created - 86400;
  security::PinLock lock(db.value());
  for (int i = 0; i < 5; ++i) (void)lock.check("000000", clock.now);
  CHECK(lock.locked_for(clock.now) == 30);
  clock.now.since_boot_ms += 29'000;  // 29 s pass; the wall clock stands still
  CHECK(lock.locked_for(clock.now) == 1);
  CHECK(lock.check(kPin, clock.now).outcome == Outcome::Locked);
  clock.now.wall_utc += 7200;  // setting the wall clock on the same boot neither ends a lock...
  CHECK(lock.locked_for(clock.now) == 1);
  clock.now.wall_utc -= 86400;  // ...nor lengthens it
  CHECK(lock.locked_for(clock.now) == 1);
  clock.now.since_boot_ms += 1'000;
  CHECK(lock.locked_for(clock.now) == 0);
  CHECK(lock.check(kPin, clock.now).outcome == Outcome::Accepted);
}

TEST_CASE("admin PIN: the lock survives a restart and ends later, never sooner, when the clock went back") {
  PinFixture f;
  FakeClock clock;
  {
    auto db = store::open_kiosk_db(f.db);
    REQUIRE(db.ok());
    security::PinLock lock(db.value());
    for (int i = 0; i < 5; ++i) (void)lock.check("000000", clock.now);
    clock.pass(10);
    CHECK(lock.locked_for(clock.now) == 20);
  }
  // Restart with a clock a flat battery set back: what was left at the last mark (the fifth
  // check's 30 s; reading the lock marks nothing on the same boot) starts again.
  clock.restart("boot-2", -1'000'000);
  auto db = store::open_kiosk_db(f.db);
  REQUIRE(db.ok());
  security::PinLock lock(db.value());
  CHECK(lock.locked_for(clock.now) == 30);
  CHECK(lock.check(kPin, clock.now).outcome == Outcome::Locked);  // marked on this boot
  clock.pass(12);
  CHECK(lock.locked_for(clock.now) == 18);  // counted on this boot's monotonic clock from its mark
  // Another restart, 10 s off: the wall clock moved forward by 22 s since the last mark, and counts.
  clock.restart("boot-3", 10);
  CHECK(lock.locked_for(clock.now) == 8);
  // And a restart a day later: the lock is over.
  clock.restart("boot-4", 86400);
  CHECK(lock.locked_for(clock.now) == 0);
  CHECK(lock.check(kPin, clock.now).outcome == Outcome::Accepted);
}

TEST_CASE("admin PIN: eight checker processes in parallel record eight failures, and the lock stops the rest") {
  struct Case {
    int free_failures;
    int wrong, locked;
  };
  for (const Case c : {Case{10, 8, 0}, Case{5, 5, 3}}) {
    INFO("free failures: " << c.free_failures);
    PinFixture f;
    const security::LockPolicy policy{c.free_failures, 30, 3600};
    int go[2];
    REQUIRE(pipe(go) == 0);
    std::vector<pid_t> children;
    for (int i = 0; i < 8; ++i) {
      const pid_t pid = fork();
      if (pid == 0) {
        close(go[1]);
        char byte;
        (void)!read(go[0], &byte, 1);  // all start together, when the parent closes the pipe
        auto db = store::open_kiosk_db(f.db);
        if (!db) _exit(9);
        const auto check = security::PinLock(db.value(), policy).check("000000", security::system_lock_clock());
        _exit(check.outcome == Outcome::Wrong ? 1 : check.outcome == Outcome::Locked ? 2 : 0);
      }
      children.push_back(pid);
    }
    close(go[0]);
    close(go[1]);
    int wrong = 0, locked = 0;
    for (const pid_t pid : children) {
      int status = 0;
      waitpid(pid, &status, 0);
      REQUIRE(WIFEXITED(status));
      wrong += WEXITSTATUS(status) == 1;
      locked += WEXITSTATUS(status) == 2;
    }
    CHECK(wrong == c.wrong);
    CHECK(locked == c.locked);
    auto db = store::open_kiosk_db(f.db);
    REQUIRE(db.ok());
    security::PinLock lock(db.value(), policy);
    CHECK(lock.failures() == c.wrong);  // every checked guess was counted
    CHECK((lock.locked_for(security::system_lock_clock()) > 0) == (c.locked > 0));
  }
}

TEST_CASE("admin PIN: reset clears the failures and the lock, and keeps the PIN") {
  PinFixture f;
  auto db = store::open_kiosk_db(f.db);
  REQUIRE(db.ok());
  security::PinLock lock(db.value());
  FakeClock clock;
  for (int i = 0; i < 5; ++i) (void)lock.check("000000", clock.now);
  clock.pass(31);
  (void)lock.check("000000", clock.now);
  CHECK(lock.locked_for(clock.now) == 60);
  CHECK(lock.failures() == 6);
  REQUIRE(lock.reset().ok());
  CHECK(lock.failures() == 0);
  CHECK(lock.locked_for(clock.now) == 0);
  CHECK(lock.has_pin());
  CHECK(lock.check("000000", clock.now).outcome == Outcome::Wrong);
  CHECK(lock.check(kPin, clock.now).outcome == Outcome::Accepted);
}

TEST_CASE("admin PIN: a lock running in a database from before keeps what is left of it") {
  PinFixture f;
  const int64_t now = static_cast<int64_t>(std::time(nullptr));
  {
    auto db = store::open_kiosk_db(f.db);
    REQUIRE(db.ok());
    REQUIRE(store::set_setting(db.value(), "admin_pin_failures", "5").ok());
    REQUIRE(store::set_setting(db.value(), "admin_locked_until", std::to_string(now + 100)).ok());
    // The trusted_key table from before migration 5, so that it finds what it moves.
    REQUIRE(db->exec("DROP TABLE trusted_key; CREATE TABLE trusted_key (key_id TEXT PRIMARY KEY, public_key TEXT NOT "
                     "NULL, comment TEXT NOT NULL DEFAULT '', added_at TEXT NOT NULL); PRAGMA user_version=4;")
                .ok());
  }
  auto db = store::open_kiosk_db(f.db);
  REQUIRE(db.ok());
  CHECK(store::get_setting(db.value(), "admin_locked_until", "gone") == "gone");
  security::PinLock lock(db.value());
  security::LockClock clock = security::system_lock_clock();
  const int64_t left = lock.locked_for(clock);
  CHECK(left <= 100);
  CHECK(left >= 90);
  CHECK(lock.failures() == 5);
}

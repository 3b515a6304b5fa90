// The systemd watchdog module against a real notification socket: the datagrams systemd would
// receive, when they are sent, and when nothing must be sent.
#include <doctest/doctest.h>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <string>

#include "platform/watchdog.h"

using khlang::kiosk::Watchdog;

namespace {

// A datagram socket standing in for systemd's NOTIFY_SOCKET, with the environment systemd sets.
struct NotifySocket {
  explicit NotifySocket(const char* watchdog_usec, pid_t watchdog_pid = getpid()) {
    path = "/tmp/khlang-notify-" + std::to_string(getpid());
    unlink(path.c_str());
    fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    REQUIRE(fd >= 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    path.copy(addr.sun_path, sizeof addr.sun_path - 1);
    REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    setenv("NOTIFY_SOCKET", path.c_str(), 1);
    setenv("WATCHDOG_USEC", watchdog_usec, 1);
    setenv("WATCHDOG_PID", std::to_string(watchdog_pid).c_str(), 1);
  }
  ~NotifySocket() {
    close(fd);
    unlink(path.c_str());
    unsetenv("NOTIFY_SOCKET");
    unsetenv("WATCHDOG_USEC");
    unsetenv("WATCHDOG_PID");
  }
  // The next datagram, or "" when none is waiting.
  std::string next() const {
    char buf[256];
    const ssize_t n = recv(fd, buf, sizeof buf, 0);
    return n > 0 ? std::string(buf, static_cast<size_t>(n)) : std::string();
  }
  std::string path;
  int fd = -1;
};

}  // namespace

TEST_CASE("watchdog: READY=1, then WATCHDOG=1 at half the timeout, never more often") {
  NotifySocket systemd("4000000");  // WatchdogSec=4
  Watchdog w = Watchdog::from_environment();
  REQUIRE(w.enabled());
  CHECK(w.ping_interval() == doctest::Approx(2.0));
  w.ready();
  CHECK(systemd.next() == "READY=1");
  CHECK(w.ping_if_due(100.0));
  CHECK(systemd.next() == "WATCHDOG=1");
  CHECK(w.seconds_until_due(100.5) == doctest::Approx(1.5));
  CHECK_FALSE(w.ping_if_due(101.9));
  CHECK(systemd.next().empty());
  CHECK(w.seconds_until_due(103.0) == 0.0);  // overdue: the loop must not sleep
  CHECK(w.ping_if_due(103.0));
  CHECK(systemd.next() == "WATCHDOG=1");
  w.stopping();
  CHECK(systemd.next() == "STOPPING=1");
}

TEST_CASE("watchdog: a timeout meant for another process (WATCHDOG_PID) is not ours") {
  NotifySocket systemd("4000000", getppid());
  Watchdog w = Watchdog::from_environment();
  CHECK_FALSE(w.enabled());
  CHECK_FALSE(w.ping_if_due(100.0));
  CHECK(systemd.next().empty());
}

TEST_CASE("watchdog: without systemd nothing is due and the loop may sleep as long as it likes") {
  unsetenv("NOTIFY_SOCKET");
  unsetenv("WATCHDOG_USEC");
  Watchdog w = Watchdog::from_environment();
  CHECK_FALSE(w.enabled());
  CHECK(std::isinf(w.seconds_until_due(0)));
  CHECK_FALSE(w.ping_if_due(0));
}

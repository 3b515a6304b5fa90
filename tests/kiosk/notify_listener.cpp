// Stands in for systemd's notification socket (NOTIFY_SOCKET) in tests: binds a datagram socket
// and writes each message it receives, one a line, with the time it was SENT on the system clock
// (the kernel stamps a datagram when it is queued, SO_TIMESTAMPNS), so a listener that the
// machine's load keeps waiting still reports when the kiosk spoke. Ends when STOPPING=1 arrives
// (status 0) or after `seconds` (status 1).
// usage: notify_listener SOCKET_PATH OUT_FILE SECONDS
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: notify_listener SOCKET_PATH OUT_FILE SECONDS\n");
    return 2;
  }
  const std::string path = argv[1];
  const double limit = std::atof(argv[3]);
  unlink(path.c_str());
  const int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  if (fd < 0 || path.size() >= sizeof addr.sun_path) {
    std::fprintf(stderr, "notify_listener: cannot make a socket at %s\n", path.c_str());
    return 1;
  }
  const int on = 1;
  if (setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPNS, &on, sizeof on) != 0) {
    std::perror("notify_listener: SO_TIMESTAMPNS");
    return 1;
  }
  path.copy(addr.sun_path, sizeof addr.sun_path - 1);
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    std::perror("notify_listener: bind");
    return 1;
  }
  std::FILE* out = std::fopen(argv[2], "w");
  if (!out) {
    std::perror("notify_listener: output");
    return 1;
  }
  const auto start = std::chrono::steady_clock::now();
  const auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  int status = 1;  // until STOPPING=1
  while (elapsed() < limit) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, 200) <= 0) continue;
    char buf[4096];
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(timespec))];
    iovec iov{buf, sizeof buf - 1};
    msghdr msg{};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control;
    msg.msg_controllen = sizeof control;
    const ssize_t n = recvmsg(fd, &msg, 0);
    if (n <= 0) continue;
    timespec sent{};
    for (cmsghdr* c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
      if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_TIMESTAMPNS) {
        std::memcpy(&sent, CMSG_DATA(c), sizeof sent);
      }
    }
    if (sent.tv_sec == 0) {
      std::fprintf(stderr, "notify_listener: a message without its send time\n");
      return 1;
    }
    std::string message(buf, static_cast<size_t>(n));
    while (!message.empty() && message.back() == '\n') message.pop_back();
    std::fprintf(out, "%lld.%06ld\t%s\n", static_cast<long long>(sent.tv_sec), sent.tv_nsec / 1000, message.c_str());
    std::fflush(out);
    if (message.find("STOPPING=1") != std::string::npos) {
      status = 0;
      break;
    }
  }
  std::fclose(out);
  close(fd);
  unlink(path.c_str());
  return status;
}

// Benchmark: importing large bundles, and what a reader (the kiosk's UI) sees meanwhile.
// For each bundle: the import runs in a child process (its peak RSS comes from wait4), while
// this process queries the same database as the kiosk's list screens do and times each query.
//   bench_import DB PUBLIC_KEY BUNDLE...   (tests/bench/bench_import.sh prepares them)
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <vector>

#include "bundle/bundle_file.h"
#include "bundle/bundle_limits.h"
#include "bundle/importer.h"
#include "bundle/trust_store.h"
#include "store/schema.h"

using namespace khlang;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: bench_import DB PUBLIC_KEY BUNDLE...\n");
    return 2;
  }
  const std::string db_path = argv[1];
  {
    std::ifstream in(argv[2]);
    std::stringstream ss;
    ss << in.rdbuf();
    auto key = bundle::parse_public_key(ss.str(), argv[2]);
    auto db = store::open_kiosk_db(db_path);
    if (!key || !db || !bundle::trust_key(db.value(), key.value(), "bench")) {
      std::fprintf(stderr, "cannot set up %s\n", db_path.c_str());
      return 1;
    }
  }
  for (int b = 3; b < argc; ++b) {
    const auto t0 = Clock::now();
    const pid_t child = fork();
    if (child == 0) {
      auto result = bundle::import_bundle(db_path, argv[b]);
      if (!result) std::fprintf(stderr, "import failed: %s\n", result.error().message.c_str());
      _exit(result ? 0 : 1);
    }
    auto reader = store::open_kiosk_db(db_path);
    if (!reader) return 1;
    std::vector<double> latencies;
    int status = 0;
    rusage usage{};
    for (;;) {
      const auto q0 = Clock::now();
      auto page = reader->prepare("SELECT id, title, summary FROM article ORDER BY published_on DESC LIMIT 50");
      if (page) {
        for (auto row = page->step(); row && row.value(); row = page->step()) {
        }
      }
      (void)reader->query_int("SELECT count(*) FROM article");
      latencies.push_back(std::chrono::duration<double, std::milli>(Clock::now() - q0).count());
      if (wait4(child, &status, WNOHANG, &usage) == child) break;
      usleep(2000);
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    std::sort(latencies.begin(), latencies.end());
    const auto secs = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    std::printf("%s: import %s in %.2f s (%.2f s of CPU), importer peak RSS %.1f MB; reader: %zu queries, p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
                argv[b], WIFEXITED(status) && WEXITSTATUS(status) == 0 ? "ok" : "FAILED", seconds,
                secs(usage.ru_utime) + secs(usage.ru_stime), static_cast<double>(usage.ru_maxrss) / 1024.0, latencies.size(), latencies[latencies.size() / 2],
                latencies[latencies.size() * 99 / 100], latencies.back());
    // The share of the import spent measuring the bundle against the limits (bundle_limits.h).
    auto opened = bundle::open_bundle_readonly(argv[b]);
    if (!opened) return 1;
    const auto l0 = Clock::now();
    const Status within = bundle::check_bundle_limits(opened.value());
    std::printf("  of which the limits check: %.2f s (%s)\n", std::chrono::duration<double>(Clock::now() - l0).count(),
                within ? "within the limits" : within.error().message.c_str());
  }
  return 0;
}

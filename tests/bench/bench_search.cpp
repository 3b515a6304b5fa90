// Benchmark: search latency over a kiosk database (tests/bench/bench_import.sh fills one with
// the synthetic content). Each query is timed as the kiosk runs it (one Searcher kept across
// queries), once per prefix as a visitor types it letter by letter; the first query, which loads
// the index's vocabulary, is reported apart.
//   bench_search DB
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "search/search_index.h"
#include "store/schema.h"
#include "text/utf8.h"

using namespace khlang;

namespace {
double thread_cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}
}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: bench_search DB\n");
    return 2;
  }
  auto db = store::open_kiosk_db(argv[1]);
  if (!db) {
    std::fprintf(stderr, "%s\n", db.error().message.c_str());
    return 1;
  }
  const char* queries[] = {"ความรู้", "การจัดการความรู้", "ชุมชนนักปฏิบัติ", "ปราการ", "เทศบาล", "สาธารณสุข",
                           "ผู้สูงอายุ", "ไข้เลือดออก", "KM", "2567", "การแลกเปลี่ยนเรียนรู้", "ภาษี"};
  search::Searcher searcher(db.value());
  const auto first0 = std::chrono::steady_clock::now();
  if (auto first = searcher.search({"ความรู้", 20, false}); !first) {
    std::fprintf(stderr, "%s\n", first.error().message.c_str());
    return 1;
  }
  std::printf("first query (loads the vocabulary): %.2f ms\n",
              std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - first0).count());
  std::vector<double> ms, cpu_ms;
  std::vector<std::pair<double, std::string>> slowest;
  size_t results = 0;
  for (int round = 0; round < 3; ++round) {
    for (const char* q : queries) {
      // Every prefix, by code point, as typed.
      const std::u32string full = text::decode_utf8(q);
      for (size_t n = 1; n <= full.size(); ++n) {
        const std::string typed = text::encode_utf8(full.substr(0, n));
        const auto t0 = std::chrono::steady_clock::now();
        const double c0 = thread_cpu_ms();
        auto found = searcher.search({typed, 20, false});
        cpu_ms.push_back(thread_cpu_ms() - c0);
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
        if (round == 0) slowest.emplace_back(ms.back(), typed);
        if (found) results += found->hits.size();
      }
    }
  }
  std::sort(ms.begin(), ms.end());
  std::sort(cpu_ms.begin(), cpu_ms.end());
  std::sort(slowest.rbegin(), slowest.rend());
  std::printf("slowest:");
  for (size_t i = 0; i < 6 && i < slowest.size(); ++i) std::printf(" %s (%.1f ms)", slowest[i].second.c_str(), slowest[i].first);
  std::printf("\n");
  std::printf("%zu queries (every prefix of %zu words, 3 rounds), %zu results: p50 %.2f ms, p95 %.2f ms, max %.2f ms\n",
              ms.size(), std::size(queries), results, ms[ms.size() / 2], ms[ms.size() * 95 / 100], ms.back());
  std::printf("the same queries' CPU time: p50 %.2f ms, p95 %.2f ms, max %.2f ms\n", cpu_ms[cpu_ms.size() / 2],
              cpu_ms[cpu_ms.size() * 95 / 100], cpu_ms.back());
  return 0;
}

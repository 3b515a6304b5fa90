// Benchmark: the text engine's layout speed (figures in README.md).
//  - a 20,000-character Thai article at 1000 px, cold (normalize + break + shape + wrap);
//  - the same again through the engine's cache;
//  - a 1 MB string with no break opportunity (no quadratic behaviour).
// Prints median and best of several runs. Run: build/bin/bench_layout [path/to/seed.txt]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "text/text_engine.h"

using namespace khlang::text;
using Clock = std::chrono::steady_clock;

namespace {

std::string thai_article(const std::string& seed_path, size_t chars) {
  std::ifstream in(seed_path);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string seed = ss.str();
  if (seed.empty()) {
    seed = "การจัดการความรู้ คือ การรวบรวมองค์ความรู้ที่มีอยู่ในส่วนราชการซึ่งกระจัดกระจายอยู่ในตัวบุคคล "
           "หรือเอกสาร มาพัฒนาให้เป็นระบบ เพื่อให้ทุกคนในองค์กรสามารถเข้าถึงความรู้\n";
  }
  // Take whole code points until `chars` of them.
  std::string out;
  size_t count = 0;
  size_t i = 0;
  while (count < chars) {
    if (i >= seed.size()) i = 0;
    const unsigned char c = static_cast<unsigned char>(seed[i]);
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    out.append(seed, i, len);
    i += len;
    ++count;
  }
  return out;
}

double ms_since(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

struct Stats {
  double median, best;
};
Stats stats(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return {v[v.size() / 2], v.front()};
}

}  // namespace

int main(int argc, char** argv) {
  const std::string seed = argc > 1 ? argv[1] : "../shared/seed/km-action-plan-sri-pho-ngoen.txt";
  const std::string only = argc > 2 ? argv[2] : "";  // "article" or "long": one part (for profiling)
  auto created = TextEngine::create_default();
  if (!created) {
    std::fprintf(stderr, "%s\n", created.error().message.c_str());
    return 1;
  }
  TextEngine& engine = *created.value();
  const TextStyle style{32, Weight::Regular, 1.5f};

  const std::string article = thai_article(seed, 20000);
  std::vector<double> cold, cached;
  size_t lines = 0;
  for (int run = 0; run < (only == "long" ? 0 : 40); ++run) {
    engine.clear_cache();
    auto t0 = Clock::now();
    auto layout = engine.layout(article, style, 1000);
    cold.push_back(ms_since(t0));
    lines = layout->lines.size();
    for (int i = 0; i < 100; ++i) {
      t0 = Clock::now();
      auto again = engine.layout(article, style, 1000);
      cached.push_back(ms_since(t0));
    }
  }
  if (only == "article") {
    std::printf("cold median %.3f ms\n", stats(cold).median);
    for (int run = 0; run < 200; ++run) {
      engine.clear_cache();
      engine.layout(article, style, 1000);
    }
    return 0;
  }
  const Stats c = only == "long" ? Stats{0, 0} : stats(cold), h = only == "long" ? Stats{0, 0} : stats(cached);
  std::printf("20k-char Thai article at 1000 px, cold:   median %.3f ms, best %.3f ms (%zu lines)\n", c.median,
              c.best, lines);
  std::printf("20k-char Thai article at 1000 px, cached: median %.4f ms, best %.4f ms\n", h.median, h.best);

  struct Case {
    const char* name;
    std::string text;
  };
  std::string thai_run;
  while (thai_run.size() < (1u << 20)) thai_run += "ก";
  std::vector<Case> cases = {{"1 MB Latin, no break opportunity", std::string(1u << 20, 'a')},
                             {"1 MB Thai consonants, no word boundary", thai_run}};
  for (const Case& k : cases) {
    std::vector<double> times;
    for (int run = 0; run < 3; ++run) {
      engine.clear_cache();
      auto t0 = Clock::now();
      auto layout = engine.layout(k.text, style, 1000);
      times.push_back(ms_since(t0));
      lines = layout->lines.size();
    }
    const Stats s = stats(times);
    std::printf("%s at 1000 px: median %.1f ms, best %.1f ms (%zu lines)\n", k.name, s.median, s.best, lines);
  }
  return 0;
}

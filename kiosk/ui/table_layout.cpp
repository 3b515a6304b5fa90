#include "ui/table_layout.h"

#include <algorithm>
#include <numeric>

namespace khlang::kiosk {

TableColumns auto_table_widths(const std::vector<float>& min_widths, const std::vector<float>& max_widths, float room) {
  TableColumns t;
  const size_t n = std::min(min_widths.size(), max_widths.size());
  std::vector<float> lo(min_widths.begin(), min_widths.begin() + static_cast<long>(n)), hi(n);
  for (size_t i = 0; i < n; ++i) hi[i] = std::max(lo[i], max_widths[i]);
  const float sum_lo = std::accumulate(lo.begin(), lo.end(), 0.0f), sum_hi = std::accumulate(hi.begin(), hi.end(), 0.0f);
  t.widths.resize(n);
  if (n == 0) return t;
  if (sum_lo > room) {
    t.widths = lo;
    t.scrolls = true;
  } else if (sum_hi <= room) {
    for (size_t i = 0; i < n; ++i) t.widths[i] = sum_hi > 0 ? hi[i] * room / sum_hi : room / static_cast<float>(n);
  } else {
    const float share = (room - sum_lo) / (sum_hi - sum_lo);
    for (size_t i = 0; i < n; ++i) t.widths[i] = lo[i] + (hi[i] - lo[i]) * share;
  }
  t.total = std::accumulate(t.widths.begin(), t.widths.end(), 0.0f);
  return t;
}

}  // namespace khlang::kiosk

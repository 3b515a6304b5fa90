// Column widths of Markdown tables: browsers' automatic table layout (ui/table_layout.h).
#include <doctest/doctest.h>

#include <cstddef>
#include <numeric>
#include <vector>

#include "ui/table_layout.h"

using namespace khlang::kiosk;

namespace {
float sum(const std::vector<float>& v) { return std::accumulate(v.begin(), v.end(), 0.0f); }
}  // namespace

TEST_CASE("table columns: preferred widths that fit are kept in proportion, filling the room") {
  const TableColumns t = auto_table_widths({40, 100}, {100, 300}, 800);
  CHECK_FALSE(t.scrolls);
  REQUIRE(t.widths.size() == 2);
  CHECK(t.widths[0] == doctest::Approx(200));
  CHECK(t.widths[1] == doctest::Approx(600));
  CHECK(t.total == doctest::Approx(800));
}

TEST_CASE("table columns: a short column stays narrow while long ones share the room") {
  // "ลำดับ" (a number column) against three long Thai cells: equal columns would give it a quarter.
  const TableColumns t = auto_table_widths({90, 200, 180, 150}, {110, 900, 700, 400}, 1000);
  CHECK_FALSE(t.scrolls);
  CHECK(t.total == doctest::Approx(1000));
  CHECK(t.widths[0] < 110);
  CHECK(t.widths[0] >= 90);
  for (std::size_t i = 0; i < 4; ++i) CHECK(t.widths[i] >= std::vector<float>{90, 200, 180, 150}[i]);
  CHECK(t.widths[1] > t.widths[2]);
  CHECK(t.widths[2] > t.widths[3]);
  // Each column gets the same share of what it would still like.
  const float share = (t.widths[1] - 200) / (900 - 200);
  CHECK((t.widths[3] - 150) / (400 - 150) == doctest::Approx(share));
}

TEST_CASE("table columns: when even the minimum widths do not fit, the table scrolls at its minimum") {
  const TableColumns t = auto_table_widths({300, 400, 500}, {600, 800, 900}, 1000);
  CHECK(t.scrolls);
  CHECK(t.widths == std::vector<float>{300, 400, 500});
  CHECK(t.total == doctest::Approx(1200));
  CHECK(sum(t.widths) == doctest::Approx(t.total));
}

TEST_CASE("table columns: a preferred width below the minimum counts as the minimum") {
  const TableColumns t = auto_table_widths({100, 100}, {50, 100}, 400);
  CHECK(t.widths[0] == doctest::Approx(200));
  CHECK(t.widths[1] == doctest::Approx(200));
}

// [SECTION] Column widths of a table, as browsers' automatic table layout sets them (CSS 2.1
// 17.5.2.2 and what browsers do with it): each column has a minimum width (its widest word, which
// no line can be narrower than) and a preferred width (its longest cell on one line), padding
// included.
//   - Preferred widths fit: each column gets its preferred width, and the room left is shared in
//     proportion to them (the table fills its width, as width: 100% does).
//   - Only minimum widths fit: each column gets its minimum plus a share of the room left in
//     proportion to what it would still like (preferred minus minimum). A short "ลำดับ" column
//     stays narrow; long Thai cells get the width and wrap at word boundaries.
//   - Not even the minimum widths fit: the columns take their minimum widths and the table is
//     wider than its place (the caller scrolls it sideways).
#pragma once

#include <vector>

namespace khlang::kiosk {

struct TableColumns {
  std::vector<float> widths;
  float total = 0;       // their sum
  bool scrolls = false;  // wider than the room: only the minimum widths, scrolled sideways
};

TableColumns auto_table_widths(const std::vector<float>& min_widths, const std::vector<float>& max_widths, float room);

}  // namespace khlang::kiosk

// [SECTION] A scrolling column of many rows of different heights, measured when the view first
// reaches them instead of all at once. Drag scrolling reaches row k only through the rows above
// it, so each frame measures at most the rows down to the view's bottom (and a screenful more):
// a list of thousands costs a frame what a screenful costs, and the first frame of a screen what
// its first screenful costs. Rows not yet measured count with the mean height so far, for the
// scroll range; the range grows truer as the visitor scrolls.
//
// A screen keeps one per list, calls reset() when the rows or the width change, measure() each
// frame with the view's bottom (measure_through() to jump to a row), then draws the rows from visible_from() while their tops are in
// the view.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace khlang::kiosk {

class LazyColumn {
 public:
  // `count` rows, none measured; `width` and `scale` say what they are measured for, and a reset()
  // with the same three keeps the heights. `list` names the rows' version (a new list: again).
  void reset(size_t count, float width, float scale, uint64_t list = 0) {
    if (count == count_ && width == width_ && scale == scale_ && list == list_) return;
    count_ = count;
    width_ = width;
    scale_ = scale;
    list_ = list;
    tops_.assign(1, 0.0f);
  }

  // Measures rows, in order, until a row's top is past `until` (in the column's coordinates) or
  // every row is measured; `height(i)` is row i's height with its gap below.
  template <typename Height>
  void measure(float until, Height height) {
    while (measured() < count_ && tops_.back() <= until) tops_.push_back(tops_.back() + height(measured()));
  }

  // Measures rows, in order, until row `last` is measured (a row the screen scrolls to).
  template <typename Height>
  void measure_through(size_t last, Height height) {
    while (measured() <= last && measured() < count_) tops_.push_back(tops_.back() + height(measured()));
  }

  size_t size() const { return count_; }
  size_t measured() const { return tops_.size() - 1; }
  float top(size_t i) const { return tops_[i]; }
  float height(size_t i) const { return tops_[i + 1] - tops_[i]; }
  // The measured rows' height, and the rest at their mean.
  float total() const {
    const size_t n = measured();
    if (n == 0 || n == count_) return tops_.back();
    return tops_.back() + tops_.back() / static_cast<float>(n) * static_cast<float>(count_ - n);
  }
  // The first measured row whose bottom is below `y`.
  size_t visible_from(float y) const {
    const auto it = std::upper_bound(tops_.begin() + 1, tops_.end(), y);
    return static_cast<size_t>(it - tops_.begin()) - 1;
  }

 private:
  size_t count_ = 0;
  float width_ = -1, scale_ = -1;
  uint64_t list_ = 0;
  std::vector<float> tops_{0.0f};  // tops_[i]: row i's top; one more than the measured rows
};

}  // namespace khlang::kiosk

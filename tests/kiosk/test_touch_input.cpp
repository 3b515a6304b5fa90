// Touch input and the scroll view without a window: taps on release inside the slop, a finger
// that slides off cancels, drags and their release velocity, a glide with friction, clamping.
#include <doctest/doctest.h>

#include "ui/scroll_view.h"
#include "ui/touch_input.h"

using namespace khlang::kiosk;

TEST_CASE("touch input: a tap fires on release, inside what it started and ended in") {
  TouchInput t;
  t.set_slop(12);
  const ImRect button(100, 100, 300, 200);
  t.press(ImVec2(150, 150), 0.0);
  CHECK(t.pressing_in(button));
  CHECK_FALSE(t.tapped_in(button));  // not yet: a tap acts on release
  t.end_frame();
  t.move(ImVec2(155, 152), 0.02);  // within the slop: still a tap
  t.release(ImVec2(155, 152), 0.05);
  CHECK(t.tapped_in(button));
  CHECK_FALSE(t.tapped_in(ImRect(400, 100, 500, 200)));
  CHECK(t.had_input());
  t.end_frame();
  CHECK_FALSE(t.tapped_in(button));  // a tap lasts one frame
  CHECK_FALSE(t.had_input());
}

TEST_CASE("touch input: a finger that slides off a button cancels the tap") {
  TouchInput t;
  const ImRect button(100, 100, 300, 200);
  t.press(ImVec2(150, 150), 0.0);
  t.move(ImVec2(150, 400), 0.1);
  CHECK(t.dragging());
  CHECK_FALSE(t.pressing_in(button));
  t.release(ImVec2(150, 400), 0.2);
  CHECK_FALSE(t.tapped_in(button));
  CHECK(t.drag_released());
}

TEST_CASE("touch input: a cancelled press (the touch that woke the kiosk) neither taps nor drags") {
  TouchInput t;
  const ImRect button(0, 0, 500, 500);
  t.press(ImVec2(10, 10), 0.0);
  t.cancel();
  t.end_frame();
  t.move(ImVec2(10, 300), 0.1);
  CHECK_FALSE(t.dragging());
  t.release(ImVec2(10, 300), 0.2);
  CHECK_FALSE(t.tapped_in(button));
  CHECK_FALSE(t.drag_released());
}

TEST_CASE("touch input: a drag reports its movement per frame and its velocity at release") {
  TouchInput t;
  t.set_slop(12);
  t.press(ImVec2(500, 800), 0.0);
  t.move(ImVec2(500, 790), 1.0 / 60);  // inside the slop: no drag yet
  CHECK_FALSE(t.dragging());
  t.move(ImVec2(500, 700), 2.0 / 60);
  CHECK(t.dragging());
  CHECK(t.drag_dy() == doctest::Approx(-90));
  t.end_frame();
  t.move(ImVec2(500, 600), 3.0 / 60);
  CHECK(t.drag_dy() == doctest::Approx(-100));
  t.release(ImVec2(500, 500), 4.0 / 60);
  CHECK(t.drag_released());
  CHECK(t.release_velocity_y() < -4000);  // about -6000 px/s over the last 80 ms
}

TEST_CASE("touch input: holding still counts the seconds held in a rectangle") {
  TouchInput t;
  const ImRect logo(0, 0, 400, 100);
  t.press(ImVec2(50, 50), 10.0);
  CHECK(t.held_in(logo, 13.2) == doctest::Approx(3.2));
  CHECK(t.held_in(ImRect(500, 0, 600, 100), 13.2) == 0);
}

TEST_CASE("scroll view: the content follows the finger and stays within its ends") {
  TouchInput t;
  ScrollView s;
  const ImRect view(0, 100, 1000, 1100);
  t.press(ImVec2(500, 900), 0.0);
  t.move(ImVec2(500, 600), 0.1);
  CHECK(s.update(t, view, 3000, 1.0f / 60, 160));
  CHECK(s.offset() == doctest::Approx(300));
  t.end_frame();
  t.move(ImVec2(500, 2000), 0.2);  // far past the top
  s.update(t, view, 3000, 1.0f / 60, 160);
  CHECK(s.offset() == 0);
  t.end_frame();
  t.move(ImVec2(500, -5000), 0.3);  // far past the end: 3000 - 1000 at most
  s.update(t, view, 3000, 1.0f / 60, 160);
  CHECK(s.offset() == doctest::Approx(2000));
}

namespace {
// An upward flick of 360 px in 0.1 s on `view`, released on the last call.
void flick(TouchInput& t, ScrollView& s, const ImRect& view, double start) {
  t.press(ImVec2(500, 900), start);
  for (int i = 1; i <= 6; ++i) {
    t.move(ImVec2(500, 900 - 60.0f * static_cast<float>(i)), start + i / 60.0);
    s.update(t, view, 100000, 1.0f / 60, 160);
    t.end_frame();
  }
  t.release(ImVec2(500, 480), start + 7 / 60.0);
  s.update(t, view, 100000, 1.0f / 60, 160);
  t.end_frame();
}
}  // namespace

TEST_CASE("scroll view: a flick glides on, slows down and stops, and a finger stops it") {
  TouchInput t;
  ScrollView s;
  const ImRect view(0, 0, 1000, 1000);
  flick(t, s, view, 0.0);
  const float released_at = s.offset();
  bool moving = true;
  int frames = 0;
  float last_step = 1e9f;
  while (moving && frames < 600) {
    const float before = s.offset();
    moving = s.update(t, view, 100000, 1.0f / 60, 160);
    const float step = s.offset() - before;
    if (moving) CHECK(step <= last_step + 0.01f);  // friction: each step no longer than the last
    last_step = step;
    ++frames;
  }
  CHECK_FALSE(moving);
  CHECK(frames > 20);  // it glided for a while
  CHECK(s.offset() > released_at + 500);
  // Another flick, then a finger on the content while it glides: it stops at once.
  flick(t, s, view, 20.0);
  CHECK(s.update(t, view, 100000, 1.0f / 60, 160));
  t.press(ImVec2(500, 500), 21.0);
  const float held_at = s.offset();
  CHECK_FALSE(s.update(t, view, 100000, 1.0f / 60, 160));
  CHECK(s.offset() == held_at);
}

TEST_CASE("scroll view: the mouse wheel scrolls by a step where the pointer is") {
  TouchInput t;
  ScrollView s;
  t.move(ImVec2(500, 500), 0.0);
  t.wheel(-2);
  s.update(t, ImRect(0, 0, 1000, 1000), 5000, 1.0f / 60, 160);
  CHECK(s.offset() == doctest::Approx(320));
  t.end_frame();
  t.wheel(-2);
  s.update(t, ImRect(0, 0, 100, 100), 5000, 1.0f / 60, 160);  // the pointer is not over it
  CHECK(s.offset() == doctest::Approx(320));
}

// The script runner on a driver of the test's own: items are found by label (whole first, then
// a part), taps land in the middle of what shows, checks fail with the file and line, waiting
// jumps to the next timer instead of drawing every frame.
#include <doctest/doctest.h>

#include "script/script_runner.h"

using namespace khlang;
using namespace khlang::kiosk;

namespace {

struct FakeDriver final : ScriptDriver {
  InputDispatch in;
  double clock = 0;
  int frames = 0;
  double next_event = 1e9;
  std::vector<DrawnItem> items;
  ScriptView state;
  std::vector<ImVec2> presses;

  InputDispatch& input() override { return in; }
  double now() const override { return clock; }
  void advance(double seconds) override { clock += seconds; }
  bool frame() override {
    ++frames;
    if (in.touch().down() && (presses.empty() || in.touch().had_input())) presses.push_back(in.touch().position());
    in.touch().end_frame();
    return false;
  }
  double seconds_until_next_event() const override { return next_event; }
  std::vector<DrawnItem> drawn_items() override { return items; }
  Status screenshot(const std::string&) override { return Ok{}; }
  ScriptView view() const override { return state; }
  ImVec2 key_center(char32_t) const override { return ImVec2(-1, -1); }
  std::vector<double> frame_times() const override { return {}; }
  void clear_frame_times() override {}
};

DrawnItem item(ItemKind kind, const std::string& label, ItemBox box, bool tappable) {
  DrawnItem it;
  it.kind = kind;
  it.label = label;
  it.box = box;
  it.clip = {0, 100, 1920, 1080};
  it.size = 30;
  it.tappable = tappable;
  return it;
}

}  // namespace

TEST_CASE("script runner: tap-item taps the tappable item with that label, in the middle of what shows") {
  FakeDriver d;
  d.items = {item(ItemKind::Text, "Import from USB", {0, 0, 100, 40}, false),
             item(ItemKind::Button, "นำเข้าเนื้อหาจาก USB · Import from USB", {100, 200, 500, 300}, true),
             item(ItemKind::Card, "Import", {0, 50, 400, 250}, true)};
  REQUIRE(run_script_text("tap-item Import\n", "t.script", d, false).ok());
  REQUIRE(d.presses.size() == 1);
  // The whole label wins; the card's top is clipped away, so its visible middle is lower.
  CHECK(d.presses[0].x == doctest::Approx(200));
  CHECK(d.presses[0].y == doctest::Approx(175));
  d.presses.clear();
  REQUIRE(run_script_text("tap-item Import from USB\n", "t.script", d, false).ok());
  REQUIRE(d.presses.size() == 1);
  CHECK(d.presses[0].x == doctest::Approx(300));  // the button, not the text block (not tappable)
  CHECK(d.presses[0].y == doctest::Approx(250));
}

TEST_CASE("script runner: a failed check says where and what the screen offers") {
  FakeDriver d;
  d.state.route = "home";
  d.items = {item(ItemKind::Tile, "คลังความรู้", {0, 300, 300, 600}, true)};
  auto missing = run_script_text("# a comment\n\ntap-item ประกาศ\n", "x.script", d, false);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().message ==
        "x.script line 3: no item 'ประกาศ' to tap on the screen home (it shows: คลังความรู้)");
  CHECK(run_script_text("expect-item คลังความรู้\nexpect-no-item ประกาศ\nexpect-screen home\n", "x", d, false).ok());
  CHECK(run_script_text("expect-no-item คลัง\n", "x", d, false).error().message ==
        "x line 1: unexpected item 'คลัง' on the screen home");
  CHECK(run_script_text("expect-text คลังความรู้\n", "x", d, false).error().message ==
        "x line 1: expected text 'คลังความรู้' on the screen home");
  CHECK(run_script_text("expect-screen about\n", "x", d, false).error().message ==
        "x line 1: expected screen about, but it is home");
  CHECK(run_script_text("frobnicate\n", "x", d, false).error().message == "x line 1: unknown command 'frobnicate'");
  CHECK(run_script_text("tap 1\n", "x", d, false).error().message == "x line 1: tap X Y");
}

TEST_CASE("script runner: a wait jumps to the next timer instead of drawing every frame") {
  FakeDriver d;
  d.next_event = 5;
  REQUIRE(run_script_text("wait 20000\n", "x", d, false).ok());
  CHECK(d.clock >= 20.0);
  CHECK(d.frames < 20);  // about one frame per timer, not 1,200
  FakeDriver busy;
  busy.next_event = 0;
  REQUIRE(run_script_text("advance-clock 90\n", "x", busy, false).ok());
  CHECK(busy.clock == doctest::Approx(90 + 2.0 / 60));
}

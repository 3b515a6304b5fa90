// The script runner on a driver of the test's own: items are found by label (whole first, then
// a part), taps land in the middle of what shows, checks fail with the file and line, waiting
// jumps to the next timer instead of drawing every frame.
#include <doctest/doctest.h>

#include <functional>

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
  mutable ScriptView state;
  mutable int job_looks_left = 0;  // a job on the worker ends after this many looks at it
  std::vector<ImVec2> presses;
  std::function<void(FakeDriver&)> on_frame;  // what the kiosk would do in a frame

  InputDispatch& input() override { return in; }
  double now() const override { return clock; }
  void advance(double seconds) override { clock += seconds; }
  int64_t wall = 1'700'000'000;
  int64_t wall_utc() const override { return wall + static_cast<int64_t>(clock); }
  void set_wall_utc(int64_t utc) override { wall = utc - static_cast<int64_t>(clock); }
  bool frame() override {
    ++frames;
    if (in.touch().down() && (presses.empty() || in.touch().had_input())) presses.push_back(in.touch().position());
    in.touch().end_frame();
    if (on_frame) on_frame(*this);
    return false;
  }
  double seconds_until_next_event() const override { return next_event; }
  std::vector<DrawnItem> drawn_items() override { return items; }
  Status screenshot(const std::string&) override { return Ok{}; }
  ScriptView view() const override {
    if (state.job_running && --job_looks_left <= 0) state.job_running = false;
    return state;
  }
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

TEST_CASE("script runner: run-clock lives through the kiosk's timers, waiting for the worker's jobs") {
  FakeDriver d;
  d.next_event = 5;
  int jobs = 0;
  double clock_when_job_ended = -1;
  d.on_frame = [&](FakeDriver& k) {
    // At 30 s the kiosk starts a job, which its worker ends after a few looks.
    if (k.clock >= 30 && jobs == 0) {
      jobs = 1;
      k.state.job_running = true;
      k.job_looks_left = 5;
    } else if (jobs == 1 && clock_when_job_ended < 0) {
      clock_when_job_ended = k.clock;
    }
  };
  REQUIRE(run_script_text("run-clock 100\n", "x", d, false).ok());
  CHECK(d.clock >= 100.0);
  CHECK(d.clock < 101.0);
  CHECK(d.frames < 40);  // a frame per timer, not per 1/60 s
  CHECK(jobs == 1);
  CHECK(clock_when_job_ended < 31);  // the clock waited for the job (a frame took its result)
  CHECK(run_script_text("run-clock\n", "x", d, false).error().message == "x line 1: run-clock SECONDS");
}

TEST_CASE("script runner: wait-import waits for an unattended import and checks its result, expect-imports counts") {
  FakeDriver d;
  d.next_event = 10;
  d.on_frame = [](FakeDriver& k) {
    // The kiosk's import finishes at 60 s of its time; its outbox write a frame later.
    if (k.clock >= 60 && k.state.unattended_imports == 0) {
      k.state.unattended_imports = 1;
      k.state.last_unattended = "refused";
      k.state.fleet_busy = true;
    } else if (k.state.fleet_busy) {
      k.state.fleet_busy = false;
    }
  };
  CHECK(run_script_text("expect-imports 0\n", "x", d, false).ok());
  REQUIRE(run_script_text("wait-import 10 refused\nexpect-imports 1\n", "x", d, false).ok());
  CHECK(d.clock >= 60.0);
  CHECK(d.state.fleet_busy == false);  // it waited for the outbox too
  CHECK(run_script_text("expect-imports 2\n", "x", d, false).error().message ==
        "x line 1: expected 2 unattended imports, but there were 1 (the last refused)");
  // None comes: it says so, in real time (a second here).
  CHECK(run_script_text("wait-import 1\n", "x", d, false).error().message ==
        "x line 1: no unattended import finished within 1 s");
  d.state.unattended_imports = 0;
  d.clock = 0;
  CHECK(run_script_text("wait-import 10 imported\n", "x", d, false).error().message ==
        "x line 1: expected the unattended import imported, but it refused");
}

TEST_CASE("script runner: wall-clock sets the next such Thai weekday and time, at least a day ahead") {
  FakeDriver d;
  d.wall = 1'795'971'600 + 10 * 3600;  // Monday 2026-11-30 10:00 in Bangkok
  REQUIRE(run_script_text("wall-clock mon 20:30\n", "t.script", d, false).ok());
  CHECK(d.wall_utc() == 1'795'971'600 + 7 * 86400 + 20 * 3600 + 30 * 60);  // not today: next Monday
  REQUIRE(run_script_text("wall-clock wed 07:00\n", "t.script", d, false).ok());
  CHECK(d.wall_utc() == 1'795'971'600 + 9 * 86400 + 7 * 3600);  // the Wednesday after that Monday
  CHECK_FALSE(run_script_text("wall-clock someday 07:00\n", "t.script", d, false).ok());
  CHECK_FALSE(run_script_text("wall-clock mon 7\n", "t.script", d, false).ok());
}

TEST_CASE("script runner: rss-mark and expect-rss-growth hold resident memory to a bound") {
  FakeDriver d;
  CHECK(run_script_text("rss-mark\nexpect-rss-growth 1000\n", "x", d, false).ok());
  CHECK(run_script_text("expect-rss-growth 5\n", "x", d, false).error().message ==
        "x line 1: expect-rss-growth before rss-mark");
  CHECK(run_script_text("rss-mark\nexpect-rss-growth\n", "x", d, false).error().message ==
        "x line 2: expect-rss-growth MB");
  // A bound below nothing fails: the check compares the growth, whatever it is, with its bound.
  const auto over = run_script_text("rss-mark\nexpect-rss-growth -1000\n", "x", d, false);
  REQUIRE_FALSE(over.ok());
  CHECK(over.error().message.find("x line 2: resident memory grew by ") == 0);
}

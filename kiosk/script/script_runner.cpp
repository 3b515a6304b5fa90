#include "script/script_runner.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>
#include <thread>

#include "store/opening_hours.h"
#include "text/utf8.h"
#include "ui/onscreen_keyboard.h"

namespace khlang::kiosk {
namespace {

constexpr double kFrameSeconds = 1.0 / 60.0;

// The first `day` (mon..sun) at `time` (HH:MM), Thai time, at least a day after `from` (UTC).
std::optional<int64_t> next_thai_time(int64_t from, const std::string& day, const std::string& time) {
  static const char* const kDays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  const auto it = std::find(std::begin(kDays), std::end(kDays), day);
  const auto hours = store::parse_opening_hours(time + "-24:00,-,-,-,-,-,-");
  if (it == std::end(kDays) || !hours || time == "24:00") return std::nullopt;
  const int weekday = static_cast<int>(it - std::begin(kDays));
  const int64_t local = from + store::kThaiUtcOffsetSeconds;
  int64_t midnight = (local / 86400 + 1) * 86400 - store::kThaiUtcOffsetSeconds;  // tomorrow, Thai time
  while (store::thai_weekday_index(midnight) != weekday) midnight += 86400;
  return midnight + hours->days[0].open_minute * 60;
}

std::optional<Key> key_named(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
  if (name == "pagedown" || name == "right" || name == "down" || name == "space") return Key::Next;
  if (name == "pageup" || name == "left" || name == "up") return Key::Previous;
  if (name == "backspace") return Key::Backspace;
  if (name == "enter") return Key::Enter;
  if (name == "escape") return Key::Escape;
  if (name == "home") return Key::Home;
  if (name == "alt+f4" || name == "ctrl+q" || name == "ctrl+w" || name == "tab") return Key::Other;
  return std::nullopt;
}

// The rest of the line after the command, without its first space.
std::string rest_of(std::istringstream& words) {
  std::string rest;
  std::getline(words, rest);
  if (!rest.empty() && rest[0] == ' ') rest.erase(0, 1);
  return rest;
}

// The item labelled `label` (whole, else holding it) among those `wanted` accepts.
template <typename Wanted>
const DrawnItem* find_item(const std::vector<DrawnItem>& items, const std::string& label, Wanted wanted) {
  for (const DrawnItem& it : items) {
    if (wanted(it) && it.label == label) return &it;
  }
  for (const DrawnItem& it : items) {
    if (wanted(it) && it.label.find(label) != std::string::npos) return &it;
  }
  return nullptr;
}

bool tappable(const DrawnItem& it) { return it.tappable; }
bool any_item(const DrawnItem&) { return true; }
bool text_block(const DrawnItem& it) { return it.kind == ItemKind::Text; }

ImVec2 middle(const DrawnItem& it) {
  const ItemBox v = it.visible();
  return ImVec2((v.x0 + v.x1) * 0.5f, (v.y0 + v.y1) * 0.5f);
}

// What the screen offers to tap, for an error message.
std::string tappable_labels(const std::vector<DrawnItem>& items) {
  std::string out;
  for (const DrawnItem& it : items) {
    if (it.tappable && !it.label.empty() && out.size() < 600) out += (out.empty() ? "" : " | ") + it.label;
  }
  return out.empty() ? "nothing" : out;
}

// The process's resident memory now, MB (Linux: /proc/self/statm's second field, in pages).
double resident_mb() {
  std::ifstream statm("/proc/self/statm");
  long pages_total = 0, pages_resident = 0;
  statm >> pages_total >> pages_resident;
  return static_cast<double>(pages_resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

class Runner {
 public:
  explicit Runner(ScriptDriver& driver) : d_(driver) {}
  Status line(const std::string& line, const std::string& where);

 private:
  void frame() {
    d_.advance(kFrameSeconds);
    moving_ = d_.frame();
  }
  // Frames for `seconds` of script time; while nothing moves, straight to the next timer.
  void settle(double seconds) {
    const double until = d_.now() + seconds;
    while (d_.now() < until) {
      frame();
      if (!moving_) {
        const double next = std::min(until, d_.now() + std::max(kFrameSeconds, d_.seconds_until_next_event()));
        if (next - kFrameSeconds > d_.now()) d_.advance(next - kFrameSeconds - d_.now());
      }
    }
  }
  void tap_at(ImVec2 at) {
    d_.input().touch().press(at, d_.now());
    frame();
    d_.advance(0.05);
    d_.input().touch().release(at, d_.now());
    frame();
    frame();  // the frame after shows what the tap changed (a keyboard's other layer)
  }
  void hold_at(ImVec2 at, double seconds) {
    d_.input().touch().press(at, d_.now());
    const double until = d_.now() + seconds;
    while (d_.now() < until) frame();
    d_.input().touch().release(at, d_.now());
    frame();
    settle(0.2);
  }

  // Lets kiosk time pass as the kiosk would live it: straight to its next timer while nothing
  // moves (at most kMaxStep at a time), and, while the worker runs a job (admin mode's or the
  // fleet's), waiting for it in real time before the clock moves on. `pace`: real seconds slept
  // per kiosk second, so files other processes write in real time can arrive (0: none). Returns
  // true once `done()` holds; false after `seconds` of kiosk time or `real_limit` real seconds.
  template <typename Done>
  bool live(double seconds, double pace, double real_limit, Done done) {
    constexpr double kMaxStep = 10;
    const double until = d_.now() + seconds;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(real_limit);
    bool job_ended = false;
    for (;;) {
      if (done()) return true;
      if (std::chrono::steady_clock::now() > deadline) return false;
      if (d_.view().job_running) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        job_ended = true;
        continue;
      }
      if (job_ended) {  // a frame takes the job's result before time moves on
        job_ended = false;
        moving_ = d_.frame();
        continue;
      }
      if (d_.now() >= until) return false;
      const double step = moving_ ? kFrameSeconds
                                  : std::clamp(d_.seconds_until_next_event(), kFrameSeconds,
                                               std::max(kFrameSeconds, std::min(kMaxStep, until - d_.now())));
      d_.advance(step);
      moving_ = d_.frame();
      if (pace > 0) std::this_thread::sleep_for(std::chrono::duration<double>(step * pace));
    }
  }

  ScriptDriver& d_;
  bool moving_ = false;
  std::optional<double> rss_mark_mb_;  // rss-mark's reading
};

Status Runner::line(const std::string& line, const std::string& where) {
  std::istringstream words(line);
  std::string command;
  if (!(words >> command) || command[0] == '#') return Ok{};
  const auto fail = [&](const std::string& why) { return Error{where + why}; };
  const std::string route = d_.view().route;
  if (command == "tap") {
    float x = 0, y = 0;
    if (!(words >> x >> y)) return fail("tap X Y");
    d_.input().touch().press(ImVec2(x, y), d_.now());
    frame();
    d_.advance(0.05);
    d_.input().touch().release(ImVec2(x, y), d_.now());
    frame();
    settle(0.2);
  } else if (command == "tap-item" || command == "tap-text") {
    const std::string wanted = rest_of(words);
    const auto items = d_.drawn_items();
    const DrawnItem* it = find_item(items, wanted, command == "tap-item" ? tappable : text_block);
    if (!it) {
      return fail("no " + std::string(command == "tap-item" ? "item" : "text") + " '" + wanted + "' to tap on the screen " +
                  route + " (it shows: " + tappable_labels(items) + ")");
    }
    // A text block is tapped in the middle of its first line (a button's label).
    const ImVec2 at = command == "tap-item" ? middle(*it)
                                            : ImVec2(middle(*it).x, std::max(it->visible().y0, it->box.y0 + it->size * 0.7f));
    tap_at(at);
    settle(0.2);
  } else if (command == "hold" || command == "hold-item") {
    double seconds = 0;
    ImVec2 at;
    if (command == "hold") {
      if (!(words >> at.x >> at.y >> seconds)) return fail("hold X Y SECONDS");
    } else {
      std::string rest = rest_of(words);
      const size_t space = rest.rfind(' ');
      if (space == std::string::npos || !(std::istringstream(rest.substr(space + 1)) >> seconds)) {
        return fail("hold-item LABEL SECONDS");
      }
      const auto items = d_.drawn_items();
      const DrawnItem* it = find_item(items, rest.substr(0, space), any_item);
      if (!it) return fail("no item '" + rest.substr(0, space) + "' to hold on the screen " + route);
      at = middle(*it);
    }
    hold_at(at, seconds);
  } else if (command == "expect-item" || command == "expect-no-item" || command == "expect-text" ||
             command == "expect-no-text") {
    const std::string wanted = rest_of(words);
    const bool text = command.find("text") != std::string::npos;
    const bool expected = command.find("-no-") == std::string::npos;
    const auto items = d_.drawn_items();
    const bool found = find_item(items, wanted, text ? text_block : any_item) != nullptr;
    if (found != expected) {
      return fail(std::string(found ? "unexpected" : "expected") + (text ? " text '" : " item '") + wanted +
                  "' on the screen " + route);
    }
  } else if (command == "expect-order") {
    // FIRST | SECOND: both are on the screen, FIRST above SECOND (results ranked as they should).
    const std::string both = rest_of(words);
    const size_t bar = both.find(" | ");
    if (bar == std::string::npos) return fail("expect-order FIRST | SECOND");
    const auto items = d_.drawn_items();
    const DrawnItem* first = find_item(items, both.substr(0, bar), any_item);
    const DrawnItem* second = find_item(items, both.substr(bar + 3), any_item);
    if (!first || !second) return fail("expected both '" + both.substr(0, bar) + "' and '" + both.substr(bar + 3) + "' on the screen " + route);
    if (first->box.y0 >= second->box.y0) {
      return fail("expected '" + both.substr(0, bar) + "' above '" + both.substr(bar + 3) + "' on the screen " + route);
    }
  } else if (command == "expect-cards") {
    // At least N cards that can be tapped show whole (not cut by the edge of their view).
    int wanted = 0;
    if (!(words >> wanted)) return fail("expect-cards N");
    int whole = 0;
    for (const DrawnItem& it : d_.drawn_items()) {
      if (it.kind == ItemKind::Card && it.tappable && it.visible() == it.box) ++whole;
    }
    if (whole < wanted) {
      return fail("expected at least " + std::to_string(wanted) + " whole cards on the screen " + route + ", but " +
                  std::to_string(whole) + " show whole");
    }
  } else if (command == "wait-job") {
    // Admin mode's job runs on a real thread: wait for it in real time (at most a minute).
    for (int i = 0; i < 6000 && d_.view().job_running; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      frame();
    }
    if (d_.view().job_running) return fail("the admin job still runs after a minute");
    settle(0.2);
  } else if (command == "run-clock") {
    double seconds = 0;
    if (!(words >> seconds) || seconds < 0) return fail("run-clock SECONDS");
    if (!live(seconds, 0, 120, [] { return false; }) && d_.view().job_running) {
      return fail("a job still runs on the worker after two minutes");
    }
  } else if (command == "wait-import") {
    // An unattended import (and the outbox write that tells of it) finishing, in real time: the
    // kiosk's clock runs 20 times as fast meanwhile, so its quiet moments, looks at the inbox and
    // settling pass quickly while a sync tool fills the inbox at its own pace.
    double limit = 0;
    std::string wanted;
    if (!(words >> limit) || limit <= 0) return fail("wait-import SECONDS [imported|refused|failed]");
    words >> wanted;
    const int before = d_.view().unattended_imports;
    const bool finished = live(limit * 20, 0.05, limit, [&] {
      const ScriptView v = d_.view();
      return v.unattended_imports > before && !v.fleet_busy;
    });
    if (!finished) return fail("no unattended import finished within " + std::to_string(static_cast<int>(limit)) + " s");
    const std::string result = d_.view().last_unattended;
    if (!wanted.empty() && result != wanted) return fail("expected the unattended import " + wanted + ", but it " + result);
  } else if (command == "expect-imports") {
    int wanted = -1;
    if (!(words >> wanted)) return fail("expect-imports N");
    const int now = d_.view().unattended_imports;
    if (now != wanted) {
      return fail("expected " + std::to_string(wanted) + " unattended imports, but there were " + std::to_string(now) +
                  (now > 0 ? " (the last " + d_.view().last_unattended + ")" : ""));
    }
  } else if (command == "drag") {
    float x1 = 0, y1 = 0, x2 = 0, y2 = 0, ms = 0;
    if (!(words >> x1 >> y1 >> x2 >> y2 >> ms)) return fail("drag X1 Y1 X2 Y2 MS");
    d_.input().touch().press(ImVec2(x1, y1), d_.now());
    frame();
    const int steps = std::max(1, static_cast<int>(ms / 1000.0 / kFrameSeconds));
    for (int i = 1; i <= steps; ++i) {
      const float t = static_cast<float>(i) / static_cast<float>(steps);
      d_.input().touch().move(ImVec2(x1 + (x2 - x1) * t, y1 + (y2 - y1) * t), d_.now());
      frame();
    }
    d_.input().touch().release(ImVec2(x2, y2), d_.now());
    frame();
  } else if (command == "key") {
    std::string name;
    words >> name;
    const auto key = key_named(name);
    if (!key) return fail("unknown key '" + name + "'");
    d_.input().key(*key);
    frame();
  } else if (command == "type") {
    // Types TEXT on the on-screen keyboard by tapping its keys (shift or the language key first
    // when the other layer has the character); a character no key has comes as from a keyboard.
    for (char32_t c : text::decode_utf8(rest_of(words))) {
      ImVec2 at = d_.key_center(c);
      for (int attempt = 0; attempt < 4 && at.x < 0; ++attempt) {
        const ImVec2 toggle = d_.key_center(attempt % 2 == 0 ? kShiftKey : kLanguageKey);
        if (toggle.x < 0) break;
        tap_at(toggle);
        at = d_.key_center(c);
      }
      if (at.x >= 0) {
        tap_at(at);
      } else {
        d_.input().text(c);
        frame();
      }
    }
  } else if (command == "wait") {
    double ms = 0;
    if (!(words >> ms)) return fail("wait MS");
    settle(ms / 1000.0);
  } else if (command == "advance-clock") {
    double seconds = 0;
    if (!(words >> seconds)) return fail("advance-clock SECONDS");
    // Both clocks move: the wall clock (announcement windows) and the idle timer.
    d_.advance(seconds);
    frame();
  } else if (command == "wall-clock") {
    std::string day, time;
    words >> day >> time;
    const auto at = next_thai_time(d_.wall_utc(), day, time);
    if (!at) return fail("wall-clock WEEKDAY HH:MM (mon..sun, Thai time)");
    d_.set_wall_utc(*at);
    frame();
  } else if (command == "screenshot") {
    std::string file;
    if (!(words >> file)) return fail("screenshot FILE");
    if (auto s = d_.screenshot(file); !s) return fail(s.error().message);
  } else if (command == "expect-screen") {
    std::string wanted;
    words >> wanted;
    if (route != wanted) return fail("expected screen " + wanted + ", but it is " + route);
  } else if (command == "expect-lang") {
    std::string lang;
    words >> lang;
    const std::string now = d_.view().lang == Lang::Th ? "th" : "en";
    if (lang != now) return fail("expected language " + lang + ", but it is " + now);
  } else if (command == "rss-mark") {
    rss_mark_mb_ = resident_mb();
    std::printf("rss-mark: %.1f MB resident\n", *rss_mark_mb_);
  } else if (command == "expect-rss-growth") {
    double limit = 0;
    if (!(words >> limit)) return fail("expect-rss-growth MB");
    if (!rss_mark_mb_) return fail("expect-rss-growth before rss-mark");
    const double now = resident_mb(), growth = now - *rss_mark_mb_;
    std::printf("rss: %.1f MB resident, %+.1f MB since rss-mark (at most %.0f)\n", now, growth, limit);
    if (growth > limit) {
      return fail("resident memory grew by " + std::to_string(growth) + " MB since rss-mark, more than " +
                  std::to_string(limit) + " MB");
    }
  } else if (command == "expect-theme") {
    std::string theme;
    words >> theme;
    if (theme != "standard" && theme != "high-contrast") return fail("expect-theme standard|high-contrast");
    const std::string now = d_.view().high_contrast ? "high-contrast" : "standard";
    if (theme != now) return fail("expected the " + theme + " theme, but it is " + now);
  } else if (command == "bench-start") {
    d_.clear_frame_times();  // what came before (start-up, first layouts) is not measured
  } else if (command == "expect-page") {
    int page = 0;
    words >> page;
    if (d_.view().page != page) {
      return fail("expected page " + std::to_string(page) + ", but it is " + std::to_string(d_.view().page));
    }
  } else if (command == "expect-scrolled" || command == "expect-top") {
    const float offset = d_.view().scroll_offset;
    if ((command == "expect-scrolled") != (offset > 0.5f)) {
      return fail(command + " failed: the scroll offset is " + std::to_string(offset));
    }
  } else {
    return fail("unknown command '" + command + "'");
  }
  return Ok{};
}

void print_bench(const std::vector<double>& frames) {
  std::vector<double> t = frames;
  std::sort(t.begin(), t.end());
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("frames %zu  frame CPU time: p50 %.3f ms  p99 %.3f ms  max %.3f ms  peak RSS %.1f MB\n", t.size(),
              t[t.size() / 2], t[std::min(t.size() - 1, t.size() * 99 / 100)], t.back(),
              static_cast<double>(usage.ru_maxrss) / 1024.0);
}

}  // namespace

Status run_script_text(const std::string& text, const std::string& name, ScriptDriver& driver, bool bench) {
  driver.clear_frame_times();
  Runner runner(driver);
  driver.advance(kFrameSeconds);
  driver.frame();
  std::istringstream in(text);
  std::string line;
  int number = 0;
  while (!driver.view().quit_requested && std::getline(in, line)) {
    ++number;
    if (auto s = runner.line(line, name + " line " + std::to_string(number) + ": "); !s) return s;
  }
  if (bench && !driver.frame_times().empty()) print_bench(driver.frame_times());
  return Ok{};
}

Status run_script(const std::string& path, ScriptDriver& driver, bool bench) {
  std::ifstream in(path);
  if (!in) return Error{"cannot read the script " + path};
  std::stringstream text;
  text << in.rdbuf();
  return run_script_text(text.str(), path, driver, bench);
}

}  // namespace khlang::kiosk

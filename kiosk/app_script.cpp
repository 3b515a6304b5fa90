// App::run_script: replays input from a file, off-screen, so tests and benchmarks drive the real
// app. One command a line:
//   tap X Y | tap-text TEXT | hold X Y SECONDS | drag X1 Y1 X2 Y2 MS | key NAME | type TEXT |
//   wait MS | wait-job | screenshot FILE | advance-clock SECONDS | expect-screen ROUTE | expect-text TEXT |
//   expect-scrolled | expect-top | expect-page N | expect-lang th|en | bench-start | # comment
// tap-text and expect-text look at the text blocks the last frame drew.
#include <sys/resource.h>

#include <chrono>
#include <cstdlib>
#include <thread>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "app.h"
#include "text/utf8.h"
#include "ui/onscreen_keyboard.h"

namespace khlang::kiosk {
namespace {

constexpr double kFrameSeconds = 1.0 / 60.0;


std::optional<Key> key_named(const std::string& name) {
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

// A drawn text block: where it is and what it says (a line of --dump-text's format).
struct DrawnText {
  float x = 0, y = 0, wrap = 0, size = 0;
  std::string text;
};

// The text blocks of a --dump-text dump.
std::vector<DrawnText> parse_dump(const std::string& dump) {
  std::vector<DrawnText> out;
  std::istringstream lines(dump);
  std::string line;
  while (std::getline(lines, line)) {
    DrawnText t;
    std::istringstream fields(line);
    std::string field;
    std::vector<std::string> parts;
    while (std::getline(fields, field, '\t')) parts.push_back(field);
    if (parts.size() < 12) continue;
    t.x = std::stof(parts[0]), t.y = std::stof(parts[1]), t.wrap = std::stof(parts[2]), t.size = std::stof(parts[3]);
    t.text = parts[11];
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace

Status App::run_script(const std::string& path, bool bench) {
  std::ifstream in(path);
  if (!in) return Error{"cannot read the script " + path};
  frame_ms_.clear();
  // One frame, and then more while something moves (a glide, a pressed button).
  auto frame = [&] {
    script_time_ += kFrameSeconds;
    render_frame(size_);
  };
  auto settle = [&](double seconds) {
    const double until = script_time_ + seconds;
    while (script_time_ < until) {
      frame();
      if (!animating_) {
        // Nothing moves: jump to the next timer (a slide change, the idle timeout) or the end.
        const double next = std::min(until, script_time_ + std::max(kFrameSeconds, seconds_until_next_event()));
        script_time_ = std::max(script_time_, next - kFrameSeconds);
      }
    }
  };
  auto tap_at = [&](ImVec2 at) {
    on_press(at.x, at.y);
    frame();
    script_time_ += 0.05;
    on_release(at.x, at.y);
    frame();
    frame();  // the frame after shows what the tap changed (a keyboard's other layer)
  };
  auto drawn_texts = [&] {
    char* buffer = nullptr;
    size_t size = 0;
    std::FILE* dump = open_memstream(&buffer, &size);
    text_->set_dump(dump);
    frame();
    text_->set_dump(nullptr);
    std::fclose(dump);
    const std::string text(buffer, size);
    std::free(buffer);
    return parse_dump(text);
  };
  frame();
  std::string line;
  int number = 0;
  while (!admin_->quit_requested() && std::getline(in, line)) {
    ++number;
    std::istringstream words(line);
    std::string command;
    if (!(words >> command) || command[0] == '#') continue;
    const std::string where = path + " line " + std::to_string(number) + ": ";
    if (command == "tap") {
      float x = 0, y = 0;
      if (!(words >> x >> y)) return Error{where + "tap X Y"};
      on_press(x, y);
      frame();
      script_time_ += 0.05;
      on_release(x, y);
      frame();
      settle(0.2);
    } else if (command == "tap-text") {
      // Taps the first drawn block holding TEXT, in the middle of its line (a button's label).
      const std::string wanted = rest_of(words);
      bool tapped = false;
      for (const DrawnText& t : drawn_texts()) {
        if (t.text.find(wanted) == std::string::npos) continue;
        tap_at(ImVec2(t.x + (t.wrap > 0 ? t.wrap * 0.5f : t.size), t.y + t.size * 0.7f));
        settle(0.2);
        tapped = true;
        break;
      }
      if (!tapped) return Error{where + "no text '" + wanted + "' on the screen " + nav_.route()};
    } else if (command == "expect-text" || command == "expect-no-text") {
      const std::string wanted = rest_of(words);
      bool found = false;
      for (const DrawnText& t : drawn_texts()) found |= t.text.find(wanted) != std::string::npos;
      if (found != (command == "expect-text")) {
        return Error{where + (found ? "unexpected" : "expected") + " text '" + wanted + "' on the screen " + nav_.route()};
      }
    } else if (command == "wait-job") {
      // Admin mode's job runs on a real thread: wait for it in real time (at most a minute).
      for (int i = 0; i < 6000 && admin_->job().running; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        frame();
      }
      if (admin_->job().running) return Error{where + "the admin job still runs after a minute"};
      settle(0.2);
    } else if (command == "hold") {
      float x = 0, y = 0;
      double seconds = 0;
      if (!(words >> x >> y >> seconds)) return Error{where + "hold X Y SECONDS"};
      on_press(x, y);
      const double until = script_time_ + seconds;
      while (script_time_ < until) frame();
      on_release(x, y);
      frame();
      settle(0.2);
    } else if (command == "drag") {
      float x1 = 0, y1 = 0, x2 = 0, y2 = 0, ms = 0;
      if (!(words >> x1 >> y1 >> x2 >> y2 >> ms)) return Error{where + "drag X1 Y1 X2 Y2 MS"};
      on_press(x1, y1);
      frame();
      const int steps = std::max(1, static_cast<int>(ms / 1000.0 / kFrameSeconds));
      for (int i = 1; i <= steps; ++i) {
        const float t = static_cast<float>(i) / static_cast<float>(steps);
        on_move(x1 + (x2 - x1) * t, y1 + (y2 - y1) * t);
        frame();
      }
      on_release(x2, y2);
      frame();
    } else if (command == "key") {
      std::string name;
      words >> name;
      std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
      auto key = key_named(name);
      if (!key) return Error{where + "unknown key '" + name + "'"};
      on_key(*key);
      frame();
    } else if (command == "type") {
      // Types TEXT on the on-screen keyboard by tapping its keys (the language key when the
      // other layer has the character); a character no key has is typed as from a keyboard.
      for (char32_t c : text::decode_utf8(rest_of(words))) {
        ImVec2 at = nav_.current().key_center(c);
        for (int attempt = 0; attempt < 4 && at.x < 0; ++attempt) {
          // Try the shift layer and the other language: tap shift, then the language key.
          const ImVec2 toggle = nav_.current().key_center(attempt % 2 == 0 ? kShiftKey : kLanguageKey);
          if (toggle.x < 0) break;
          tap_at(toggle);
          at = nav_.current().key_center(c);
        }
        if (at.x >= 0) {
          tap_at(at);
        } else {
          on_text(c);
          frame();
        }
      }
    } else if (command == "wait") {
      double ms = 0;
      if (!(words >> ms)) return Error{where + "wait MS"};
      settle(ms / 1000.0);
    } else if (command == "advance-clock") {
      double seconds = 0;
      if (!(words >> seconds)) return Error{where + "advance-clock SECONDS"};
      // Both clocks move: the wall clock (announcement windows) and the idle timer.
      script_time_ += seconds;
      frame();
    } else if (command == "screenshot") {
      std::string file;
      if (!(words >> file)) return Error{where + "screenshot FILE"};
      if (auto s = write_screenshot(file, size_); !s) return Error{where + s.error().message};
    } else if (command == "expect-screen") {
      std::string route;
      words >> route;
      if (nav_.route() != route) return Error{where + "expected screen " + route + ", but it is " + nav_.route()};
    } else if (command == "expect-lang") {
      std::string lang;
      words >> lang;
      const std::string now = ui_.lang == Lang::Th ? "th" : "en";
      if (lang != now) return Error{where + "expected language " + lang + ", but it is " + now};
    } else if (command == "bench-start") {
      frame_ms_.clear();  // what came before (start-up, first layouts) is not measured
    } else if (command == "expect-page") {
      int page = 0;
      words >> page;
      if (nav_.current().page() != page) {
        return Error{where + "expected page " + std::to_string(page) + ", but it is " + std::to_string(nav_.current().page())};
      }
    } else if (command == "expect-scrolled" || command == "expect-top") {
      const float offset = nav_.current().scroll_offset();
      if ((command == "expect-scrolled") != (offset > 0.5f)) {
        return Error{where + command + " failed: the scroll offset is " + std::to_string(offset)};
      }
    } else {
      return Error{where + "unknown command '" + command + "'"};
    }
  }
  if (bench && !frame_ms_.empty()) {
    std::vector<double> t = frame_ms_;
    std::sort(t.begin(), t.end());
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("frames %zu  frame CPU time: p50 %.3f ms  p99 %.3f ms  max %.3f ms  peak RSS %.1f MB\n", t.size(),
                t[t.size() / 2], t[std::min(t.size() - 1, t.size() * 99 / 100)], t.back(),
                static_cast<double>(usage.ru_maxrss) / 1024.0);
  }
  return Ok{};
}

}  // namespace khlang::kiosk

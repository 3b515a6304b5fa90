// [SECTION] Where the visitor is: a stack of screens named by routes ("home", "article:km-7",
// "plan:km-process"). Routes are also what --screenshot --screen takes and what tests drive.
// Changes asked for during a frame take effect after it, so a screen never destroys itself.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "screens/screen.h"
#include "util/error.h"

namespace khlang::kiosk {

class Navigator {
 public:
  using Factory = std::unique_ptr<Screen> (*)(const std::string& route, sqlite::Database& db, std::string* error);
  Navigator(Factory factory, sqlite::Database& db) : factory_(factory), db_(db) {}

  void go(std::string route) { pending_ = Pending{Kind::Push, std::move(route)}; }
  void back() { pending_ = Pending{Kind::Back, {}}; }
  void home() { pending_ = Pending{Kind::Home, {}}; }

  // Applies what was asked during the frame; returns true if the screen changed.
  bool apply();
  // Replaces the whole stack by the route (start-up, --screen); an error if it names nothing.
  Status reset(const std::string& route);

  Screen& current() { return *stack_.back().screen; }
  const Screen& current() const { return *stack_.back().screen; }
  const std::string& route() const { return stack_.back().route; }

 private:
  enum class Kind { None, Push, Back, Home };
  struct Pending {
    Kind kind = Kind::None;
    std::string route;
  };
  struct Entry {
    std::string route;
    std::unique_ptr<Screen> screen;
  };
  Factory factory_;
  sqlite::Database& db_;
  std::vector<Entry> stack_;
  Pending pending_;
};

}  // namespace khlang::kiosk

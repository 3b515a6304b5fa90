// [SECTION] Where the visitor is: a stack of screens named by routes ("home", "article:km-7",
// "plan:km-process"), made from a route list (routes.h). Paths are also what --screen takes and
// what tests drive. Changes asked for during a frame take effect after it, so a screen never
// destroys itself.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "route.h"
#include "util/error.h"

namespace khlang::kiosk {

class Navigator {
 public:
  Navigator(std::span<const Route> routes, ScreenDeps deps);
  ~Navigator();

  // Asks for a change after the frame. A path that names nothing, or a record that is gone,
  // leaves the visitor where they are.
  void go(std::string path) { pending_ = Pending{Kind::Push, std::move(path)}; }
  void go(RouteKey key, std::string_view id = {});
  void back() { pending_ = Pending{Kind::Back, {}}; }
  void home() { pending_ = Pending{Kind::Home, {}}; }

  // Applies what was asked during the frame; returns true if the screen changed.
  bool apply();
  // Replaces the whole stack by home and the route (start-up, --screen, the idle reset); an
  // error if it names nothing.
  Status reset(std::string_view path);
  Status reset(RouteKey key) { return reset(route_path(*find_route(routes_, key))); }

  Screen& current() { return *stack_.back().screen; }
  const Screen& current() const { return *stack_.back().screen; }
  const std::string& path() const { return stack_.back().path; }
  const Route& route() const { return *stack_.back().target.route; }
  size_t depth() const { return stack_.size(); }
  std::span<const Route> routes() const { return routes_; }

 private:
  enum class Kind { None, Push, Back, Home };
  struct Pending {
    Kind kind = Kind::None;
    std::string path;
  };
  struct Entry {
    RouteTarget target;
    std::string path;
    std::unique_ptr<Screen> screen;
  };
  Expected<Entry> make(std::string_view path);

  std::span<const Route> routes_;
  ScreenDeps deps_;
  std::vector<Entry> stack_;
  Pending pending_;
};

}  // namespace khlang::kiosk

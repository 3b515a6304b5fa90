#include "navigator.h"

#include "screens/screen.h"

namespace khlang::kiosk {

Navigator::Navigator(std::span<const Route> routes, ScreenDeps deps) : routes_(routes), deps_(deps) {}
Navigator::~Navigator() = default;

void Navigator::go(RouteKey key, std::string_view id) {
  if (const Route* r = find_route(routes_, key)) go(route_path(*r, id));
}

Expected<Navigator::Entry> Navigator::make(std::string_view path) {
  KHLANG_TRY_AS(auto target, parse_route(routes_, path));
  KHLANG_TRY_AS(auto screen, target.route->make(deps_, target.id));
  return Entry{target, std::string(path), std::move(screen)};
}

Status Navigator::reset(std::string_view path) {
  const std::string home = route_path(*find_route(routes_, RouteKey::Home));
  std::vector<Entry> stack;
  if (path != home) {
    KHLANG_TRY_AS(auto entry, make(home));
    stack.push_back(std::move(entry));
  }
  KHLANG_TRY_AS(auto entry, make(path));
  stack.push_back(std::move(entry));
  stack_ = std::move(stack);
  pending_ = {};
  return Ok{};
}

bool Navigator::apply() {
  const Pending p = std::move(pending_);
  pending_ = {};
  switch (p.kind) {
    case Kind::None: return false;
    case Kind::Back:
      if (stack_.size() <= 1) return false;
      stack_.pop_back();
      return true;
    case Kind::Home:
      if (stack_.size() <= 1 && route().key == RouteKey::Home) return false;
      return reset(route_path(*find_route(routes_, RouteKey::Home))).ok();
    case Kind::Push: {
      auto entry = make(p.path);
      if (!entry) return false;  // a route to something that is gone: stay
      stack_.push_back(std::move(entry.value()));
      return true;
    }
  }
  return false;
}

}  // namespace khlang::kiosk

#include "route.h"

namespace khlang::kiosk {

std::string route_path(const Route& route, std::string_view id) {
  std::string path(route.name);
  if (route.takes_id) path.append(":").append(id);
  return path;
}

std::string RouteTarget::path() const { return route ? route_path(*route, id) : std::string(); }

Expected<RouteTarget> parse_route(std::span<const Route> routes, std::string_view path) {
  const size_t colon = path.find(':');
  const std::string_view name = path.substr(0, colon);
  const bool has_id = colon != std::string_view::npos;
  for (const Route& r : routes) {
    if (r.name != name || r.takes_id != has_id) continue;
    if (has_id && colon + 1 == path.size()) break;  // "article:" names nothing
    return RouteTarget{&r, has_id ? std::string(path.substr(colon + 1)) : std::string()};
  }
  std::string known;
  for (const Route& r : routes) known += (known.empty() ? "" : ", ") + route_path(r, r.takes_id ? "<id>" : "");
  return Error{"unknown screen '" + std::string(path) + "' (" + known + ")"};
}

const Route* find_route(std::span<const Route> routes, RouteKey key) {
  for (const Route& r : routes) {
    if (r.key == key) return &r;
  }
  return nullptr;
}

const char* route_kind_name(RouteKind kind) {
  switch (kind) {
    case RouteKind::Visitor: return "visitor";
    case RouteKind::Admin: return "admin";
    case RouteKind::Attract: return "attract";
    case RouteKind::Meeting: return "meeting";
    case RouteKind::Closed: return "closed";
  }
  return "?";
}

}  // namespace khlang::kiosk

// [SECTION] Routes: what names a screen ("home", "article:what-is-km"). A route has a name, maybe
// an id after a colon, a kind the visit policy acts on, whether showing it counts as a view, and
// the constructor of its screen. The kiosk's one list of routes is routes.cpp; this file is what
// a list is, and reading a path against one (tests use lists of their own).
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "store/settings.h"
#include "sqlite/database.h"
#include "util/error.h"
#include "visit_policy.h"

namespace khlang::kiosk {

class Screen;

// The routes, to name one in code (screens navigating, the app's rules). The table in routes.cpp
// gives each its name and the rest; a route's key never reaches a script or a database.
enum class RouteKey {
  Home, Knowledge, Category, Article, Announcements, Announcement, Plan, PlanDetail, Meeting, People, Person, About,
  Attract, Closed, Search, AdminPin, AdminChangePin, AdminMenu, AdminImport, AdminKeys, AdminHours, AdminSettings,
};

// What a screen gets when it is made: the UI's read connection and the settings snapshot.
struct ScreenDeps {
  sqlite::Database& db;
  const store::KioskSettings& settings;
};

using MakeScreen = Expected<std::unique_ptr<Screen>> (*)(const ScreenDeps& deps, const std::string& id);
// Ids worth showing for a route that takes one (--list-routes: the screenshot tests' routes).
using ExampleIds = std::vector<std::string> (*)(sqlite::Database& db);

struct Route {
  RouteKey key;
  std::string_view name;  // what scripts, --screen and search hits use
  bool takes_id;          // "name:<id>"
  RouteKind kind;         // what the visit policy does while it shows
  bool counts_as_view;    // showing it is a view in the usage statistics
  bool needs_unlock;      // admin screens behind the PIN
  MakeScreen make;
  ExampleIds examples = nullptr;
};

// A route with its id, as a path names it.
struct RouteTarget {
  const Route* route = nullptr;
  std::string id;
  std::string path() const;
};

std::string route_path(const Route& route, std::string_view id = {});
// The route `path` names in `routes` ("plan" and "plan:<id>" are two routes), or an error that
// lists the routes there are.
Expected<RouteTarget> parse_route(std::span<const Route> routes, std::string_view path);
const Route* find_route(std::span<const Route> routes, RouteKey key);
const char* route_kind_name(RouteKind kind);

}  // namespace khlang::kiosk

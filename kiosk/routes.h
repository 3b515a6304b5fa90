// [SECTION] The kiosk's routes: the one list of every screen, with its name (scripts, tests and
// --screen use it), whether it takes an id, its kind, whether it counts as a view, and the
// constructor of its screen. `khlang-kiosk --list-routes` prints it.
//
// Adding a screen: its class in screens/, a key in RouteKey (route.h), and one line in kRoutes
// (routes.cpp). Nothing else keeps a list of routes.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "route.h"

namespace khlang::kiosk {

std::span<const Route> kiosk_routes();

// One line per route the kiosk can show, for --list-routes: "path<TAB>kind<TAB>view|-". A route
// with an id is listed once for each of its example ids in `db` (none if the content has none).
std::vector<std::string> list_routes(sqlite::Database& db);

}  // namespace khlang::kiosk

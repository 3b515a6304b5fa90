// Routes and the navigator on a route list of the test's own, with screens that draw nothing:
// parsing paths, the stack (go, back, home, reset), changes applied after the frame, and a record
// that is gone.
#include <doctest/doctest.h>

#include "navigator.h"
#include "screens/screen.h"

using namespace khlang;
using namespace khlang::kiosk;

namespace {

int screens_alive = 0;

struct FakeScreen final : Screen {
  explicit FakeScreen(std::string record) : id(std::move(record)) { ++screens_alive; }
  ~FakeScreen() override { --screens_alive; }
  std::string title(const FrameContext&) const override { return id; }
  void draw(FrameContext&, const ImRect&) override {}
  std::string id;
};

Expected<std::unique_ptr<Screen>> make_fake(const ScreenDeps&, const std::string& id) {
  if (id == "gone") return Error{"no record 'gone'"};
  return std::unique_ptr<Screen>(std::make_unique<FakeScreen>(id));
}

constexpr Route kTestRoutes[] = {
    {RouteKey::Home, "home", false, RouteKind::Visitor, true, false, make_fake},
    {RouteKey::Plan, "plan", false, RouteKind::Visitor, true, false, make_fake},
    {RouteKey::PlanDetail, "plan", true, RouteKind::Visitor, true, false, make_fake},
    {RouteKey::Attract, "attract", false, RouteKind::Attract, false, false, make_fake},
};

struct Fixture {
  sqlite::Database db;
  store::KioskSettings settings;
  Navigator nav{kTestRoutes, ScreenDeps{db, settings}};
};

std::string shown_id(const Navigator& nav) { return static_cast<const FakeScreen&>(nav.current()).id; }

}  // namespace

TEST_CASE("navigator: a path names a route by its name and whether it has an id") {
  auto plan = parse_route(kTestRoutes, "plan");
  REQUIRE(plan.ok());
  CHECK(plan->route->key == RouteKey::Plan);
  auto detail = parse_route(kTestRoutes, "plan:km-process");
  REQUIRE(detail.ok());
  CHECK(detail->route->key == RouteKey::PlanDetail);
  CHECK(detail->id == "km-process");
  CHECK(detail->path() == "plan:km-process");
  CHECK(route_path(*find_route(kTestRoutes, RouteKey::PlanDetail), "x") == "plan:x");
  for (const char* bad : {"plan:", "home:1", "nowhere", ""}) {
    auto r = parse_route(kTestRoutes, bad);
    INFO(bad);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("home, plan, plan:<id>, attract") != std::string::npos);
  }
}

TEST_CASE("navigator: reset puts home under the route, and changes wait for apply") {
  Fixture fx;
  REQUIRE(fx.nav.reset("plan:a").ok());
  CHECK(fx.nav.path() == "plan:a");
  CHECK(fx.nav.depth() == 2);
  CHECK(fx.nav.route().key == RouteKey::PlanDetail);
  fx.nav.go(RouteKey::PlanDetail, "b");
  CHECK(fx.nav.path() == "plan:a");  // the frame goes on with the screen it started with
  CHECK(fx.nav.apply());
  CHECK(fx.nav.path() == "plan:b");
  CHECK(shown_id(fx.nav) == "b");
  CHECK_FALSE(fx.nav.apply());  // nothing asked
  fx.nav.back();
  CHECK(fx.nav.apply());
  CHECK(fx.nav.path() == "plan:a");
  fx.nav.home();
  CHECK(fx.nav.apply());
  CHECK(fx.nav.path() == "home");
  CHECK(fx.nav.depth() == 1);
  fx.nav.back();
  CHECK_FALSE(fx.nav.apply());  // home is the bottom
  fx.nav.home();
  CHECK_FALSE(fx.nav.apply());
  CHECK(screens_alive == 1);
}

TEST_CASE("navigator: a route to something gone, or to nothing, leaves the visitor where they are") {
  Fixture fx;
  REQUIRE(fx.nav.reset("home").ok());
  fx.nav.go("plan:gone");
  CHECK_FALSE(fx.nav.apply());
  fx.nav.go("nowhere");
  CHECK_FALSE(fx.nav.apply());
  CHECK(fx.nav.path() == "home");
  auto bad = fx.nav.reset("plan:gone");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message == "no record 'gone'");
  CHECK(fx.nav.path() == "home");  // a failed reset keeps the stack
}

TEST_CASE("navigator: a route's kind and whether it counts as a view come from the list") {
  Fixture fx;
  REQUIRE(fx.nav.reset(RouteKey::Attract).ok());
  CHECK(fx.nav.route().kind == RouteKind::Attract);
  CHECK_FALSE(fx.nav.route().counts_as_view);
  CHECK(std::string(route_kind_name(fx.nav.route().kind)) == "attract");
}

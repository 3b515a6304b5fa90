#include "routes.h"

#include <algorithm>

#include "screens/about_screen.h"
#include "screens/admin_hours_screen.h"
#include "screens/admin_import_screen.h"
#include "screens/admin_keys_screen.h"
#include "screens/admin_menu_screen.h"
#include "screens/admin_pin_screen.h"
#include "screens/admin_settings_screen.h"
#include "screens/announcement_screen.h"
#include "screens/announcements_screen.h"
#include "screens/article_screen.h"
#include "screens/attract_screen.h"
#include "screens/category_screen.h"
#include "screens/closed_screen.h"
#include "screens/home_screen.h"
#include "screens/knowledge_screen.h"
#include "screens/meeting_screen.h"
#include "screens/people_screen.h"
#include "screens/person_screen.h"
#include "screens/plan_detail_screen.h"
#include "screens/plan_screen.h"
#include "screens/search_screen.h"
#include "store/content_queries.h"

namespace khlang::kiosk {
namespace {

using Made = Expected<std::unique_ptr<Screen>>;

// A screen made from the database alone.
template <typename T>
Made plain(const ScreenDeps& d, const std::string&) {
  return std::unique_ptr<Screen>(std::make_unique<T>(d.db));
}

// A screen that shows one record: an error when the record is not there.
template <typename T>
Made record(const ScreenDeps& d, const std::string& id) {
  std::string error;
  auto screen = std::make_unique<T>(d.db, id, &error);
  if (!screen->valid()) return Error{error};
  return std::unique_ptr<Screen>(std::move(screen));
}

Made meeting(const ScreenDeps& d, const std::string&) {
  return std::unique_ptr<Screen>(std::make_unique<MeetingScreen>(d.db, d.settings.meeting_interval_seconds));
}
Made pin_pad(const ScreenDeps& d, const std::string&) {
  return std::unique_ptr<Screen>(std::make_unique<AdminPinScreen>(d.db, false));
}
Made change_pin(const ScreenDeps& d, const std::string&) {
  return std::unique_ptr<Screen>(std::make_unique<AdminPinScreen>(d.db, true));
}

// Example ids: the first two categories; the first article of each of them, and the longest
// article (the most Markdown); the first announcement; the first person; every plan.
std::vector<std::string> category_ids(sqlite::Database& db) {
  std::vector<std::string> ids;
  if (auto c = store::load_categories(db); c) {
    for (size_t i = 0; i < std::min<size_t>(2, c->size()); ++i) ids.push_back(c.value()[i].id);
  }
  return ids;
}
std::vector<std::string> article_ids(sqlite::Database& db) {
  std::vector<std::string> ids;
  for (const std::string& category : category_ids(db)) {
    if (auto a = store::load_articles(db, category, 0, 1); a && !a->empty()) ids.push_back(a->front().id);
  }
  if (auto longest = store::longest_article_id(db); longest && longest.value() &&
      std::find(ids.begin(), ids.end(), *longest.value()) == ids.end()) {
    ids.push_back(*longest.value());
  }
  return ids;
}
std::vector<std::string> announcement_ids(sqlite::Database& db) {
  auto a = store::load_announcements(db);
  if (!a || a->empty()) return {};
  return {a->front().id};
}
std::vector<std::string> person_ids(sqlite::Database& db) {
  auto p = store::load_people(db);
  if (!p || p->empty()) return {};
  return {p->front().id};
}
std::vector<std::string> plan_ids(sqlite::Database& db) {
  std::vector<std::string> ids;
  if (auto p = store::load_plans(db, store::kCellTextChars); p) {
    for (const store::Plan& plan : p.value()) ids.push_back(plan.id);
  }
  return ids;
}

constexpr auto V = RouteKind::Visitor, A = RouteKind::Admin;
constexpr bool kView = true, kNoView = false, kUnlock = true, kOpen = false, kId = true, kNoId = false;

// The one list. Admin screens other than the PIN pad need admin mode unlocked, and so does meeting
// mode (staff enter it from admin mode; entering it locks admin mode behind it).
constexpr Route kRoutes[] = {
    // key                       name                id     kind                view     unlock   screen
    {RouteKey::Home,           "home",             kNoId, V,                  kView,   kOpen,   plain<HomeScreen>},
    {RouteKey::Search,         "search",           kNoId, V,                  kView,   kOpen,   plain<SearchScreen>},
    {RouteKey::Knowledge,      "knowledge",        kNoId, V,                  kView,   kOpen,   plain<KnowledgeScreen>},
    {RouteKey::Category,       "category",         kId,   V,                  kView,   kOpen,   record<CategoryScreen>, category_ids},
    {RouteKey::Article,        "article",          kId,   V,                  kView,   kOpen,   record<ArticleScreen>, article_ids},
    {RouteKey::Announcements,  "announcements",    kNoId, V,                  kView,   kOpen,   plain<AnnouncementsScreen>},
    {RouteKey::Announcement,   "announcement",     kId,   V,                  kView,   kOpen,   record<AnnouncementScreen>, announcement_ids},
    {RouteKey::Plan,           "plan",             kNoId, V,                  kView,   kOpen,   plain<PlanScreen>},
    {RouteKey::PlanDetail,     "plan",             kId,   V,                  kView,   kOpen,   record<PlanDetailScreen>, plan_ids},
    {RouteKey::Meeting,        "meeting",          kNoId, RouteKind::Meeting, kView,   kUnlock, meeting},
    {RouteKey::People,         "people",           kNoId, V,                  kView,   kOpen,   plain<PeopleScreen>},
    {RouteKey::Person,         "person",           kId,   V,                  kView,   kOpen,   record<PersonScreen>, person_ids},
    {RouteKey::About,          "about",            kNoId, V,                  kView,   kOpen,   plain<AboutScreen>},
    {RouteKey::Attract,        "attract",          kNoId, RouteKind::Attract, kNoView, kOpen,   plain<AttractScreen>},
    {RouteKey::Closed,         "closed",           kNoId, RouteKind::Closed,  kNoView, kOpen,   plain<ClosedScreen>},
    {RouteKey::AdminPin,       "admin",            kNoId, A,                  kNoView, kOpen,   pin_pad},
    {RouteKey::AdminMenu,      "admin-menu",       kNoId, A,                  kNoView, kUnlock, plain<AdminMenuScreen>},
    {RouteKey::AdminImport,    "admin-import",     kNoId, A,                  kNoView, kUnlock, plain<AdminImportScreen>},
    {RouteKey::AdminKeys,      "admin-keys",       kNoId, A,                  kNoView, kUnlock, plain<AdminKeysScreen>},
    {RouteKey::AdminSettings,  "admin-settings",   kNoId, A,                  kNoView, kUnlock, plain<AdminSettingsScreen>},
    {RouteKey::AdminHours,     "admin-hours",      kNoId, A,                  kNoView, kUnlock, plain<AdminHoursScreen>},
    {RouteKey::AdminChangePin, "admin-change-pin", kNoId, A,                  kNoView, kUnlock, change_pin},
};

// Every key names exactly one route.
constexpr bool each_key_once() {
  for (int k = 0; k <= static_cast<int>(RouteKey::AdminSettings); ++k) {
    int n = 0;
    for (const Route& r : kRoutes) n += static_cast<int>(r.key) == k ? 1 : 0;
    if (n != 1) return false;
  }
  return std::size(kRoutes) == static_cast<size_t>(RouteKey::AdminSettings) + 1;
}
static_assert(each_key_once(), "each RouteKey has exactly one line in kRoutes");

}  // namespace

std::span<const Route> kiosk_routes() { return kRoutes; }

std::vector<std::string> list_routes(sqlite::Database& db) {
  std::vector<std::string> lines;
  for (const Route& r : kRoutes) {
    const std::string tail = std::string("\t") + route_kind_name(r.kind) + "\t" + (r.counts_as_view ? "view" : "-");
    if (!r.takes_id) {
      lines.push_back(route_path(r) + tail);
      continue;
    }
    for (const std::string& id : r.examples(db)) lines.push_back(route_path(r, id) + tail);
  }
  return lines;
}

}  // namespace khlang::kiosk

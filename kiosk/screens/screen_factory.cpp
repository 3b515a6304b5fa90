#include "screens/screen_factory.h"

#include "screens/about_screen.h"
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
#include "screens/home_screen.h"
#include "screens/knowledge_screen.h"
#include "screens/meeting_screen.h"
#include "screens/people_screen.h"
#include "screens/plan_detail_screen.h"
#include "screens/plan_screen.h"
#include "screens/search_screen.h"

namespace khlang::kiosk {
namespace {

ScreenSettings settings;

// Screens that show one record: valid() says whether it was found.
template <typename T>
std::unique_ptr<Screen> record_screen(sqlite::Database& db, const std::string& id, std::string* error) {
  auto screen = std::make_unique<T>(db, id, error);
  return screen->valid() ? std::move(screen) : nullptr;
}

}  // namespace

void set_screen_settings(const ScreenSettings& s) { settings = s; }

std::unique_ptr<Screen> make_screen(const std::string& route, sqlite::Database& db, std::string* error) {
  const size_t colon = route.find(':');
  const std::string name = route.substr(0, colon);
  const std::string id = colon == std::string::npos ? "" : route.substr(colon + 1);
  if (colon == std::string::npos) {
    if (name == "home") return std::make_unique<HomeScreen>(db);
    if (name == "knowledge") return std::make_unique<KnowledgeScreen>(db);
    if (name == "announcements") return std::make_unique<AnnouncementsScreen>(db);
    if (name == "plan") return std::make_unique<PlanScreen>(db);
    if (name == "meeting") return std::make_unique<MeetingScreen>(db, settings.meeting_interval_seconds);
    if (name == "people") return std::make_unique<PeopleScreen>(db);
    if (name == "about") return std::make_unique<AboutScreen>(db);
    if (name == "attract") return std::make_unique<AttractScreen>(db);
    if (name == "search") return std::make_unique<SearchScreen>(db);
    // Admin mode: the PIN pad, and behind it (App only shows them while unlocked) the rest.
    if (name == "admin") return std::make_unique<AdminPinScreen>(db, false);
    if (name == "admin-change-pin") return std::make_unique<AdminPinScreen>(db, true);
    if (name == "admin-menu") return std::make_unique<AdminMenuScreen>(db);
    if (name == "admin-import") return std::make_unique<AdminImportScreen>(db);
    if (name == "admin-keys") return std::make_unique<AdminKeysScreen>(db);
    if (name == "admin-settings") return std::make_unique<AdminSettingsScreen>(db);
  } else {
    if (name == "category") return record_screen<CategoryScreen>(db, id, error);
    if (name == "article") return record_screen<ArticleScreen>(db, id, error);
    if (name == "announcement") return record_screen<AnnouncementScreen>(db, id, error);
    if (name == "plan") return record_screen<PlanDetailScreen>(db, id, error);
  }
  *error = "unknown screen '" + route +
           "' (home, knowledge, category:<id>, article:<id>, announcements, announcement:<id>, plan, plan:<id>, "
           "meeting, people, about, attract, search, admin, admin-menu, admin-import, admin-keys, admin-settings, "
           "admin-change-pin)";
  return nullptr;
}

}  // namespace khlang::kiosk

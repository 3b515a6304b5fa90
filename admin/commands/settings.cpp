// settings show | settings set KEY=VALUE...: the kiosk's own settings (store/settings.h), for the
// office or a maintenance login, e.g. a kiosk joining a fleet (tools/fleet-setup.sh kiosk --db).
// Values are checked as the kiosk reads them, so a typo is refused here rather than silently
// replaced by a default on the kiosk. A running kiosk takes them at its next start.
#include <cstdio>

#include "commands.h"
#include "store/schema.h"
#include "store/settings.h"

namespace khlang::admin {

const CommandSpec kSettingsSpec{
    "settings", "settings show --db DB | settings set KEY=VALUE... --db DB",
    "Shows the kiosk's settings (stored value, value in use, what is valid), or checks and sets some in one "
    "step; a running kiosk takes them when it restarts.",
    {{"--db", "DB", "the kiosk database"}}};

int run_settings(const Args& args) {
  const auto& words = args.positional();
  const auto db_path = args.get("--db");
  const bool show = !words.empty() && words[0] == "show" && words.size() == 1;
  const bool set = !words.empty() && words[0] == "set" && words.size() > 1;
  if (!db_path || (!show && !set)) return fail("settings", "usage: " + kSettingsSpec.usage);
  auto db = store::open_kiosk_db(*db_path);
  if (!db) return fail("settings", db.error().message);
  if (show) {
    // KEY=VALUE as `set` takes it; unset or unreadable values say what the kiosk uses instead.
    for (const store::SettingInfo& s : store::describe_settings(db.value())) {
      std::string note;
      if (s.stored.empty() && s.stored != s.in_use) note = "not set: the kiosk uses '" + s.in_use + "'";
      if (s.stored.empty() && s.in_use.empty()) note = "not set";
      if (!s.stored.empty() && s.stored != s.in_use) note = "NOT VALID: the kiosk uses '" + s.in_use + "'";
      std::printf("%s=%s\n    %s%s%s\n", s.key.c_str(), s.stored.c_str(), note.c_str(), note.empty() ? "" : "; ",
                  ("takes " + s.expects).c_str());
    }
    return 0;
  }
  std::vector<std::pair<std::string, std::string>> values;
  for (size_t i = 1; i < words.size(); ++i) {
    const size_t eq = words[i].find('=');
    if (eq == std::string::npos || eq == 0) {
      return fail("settings", "'" + words[i] + "' is not KEY=VALUE (e.g. auto_import=1); nothing changed");
    }
    values.emplace_back(words[i].substr(0, eq), words[i].substr(eq + 1));
  }
  if (auto s = store::set_settings_checked(db.value(), values); !s) {
    return fail("settings", s.error().message + "; nothing changed");
  }
  for (const auto& [key, value] : values) std::printf("%s=%s\n", key.c_str(), value.c_str());
  return 0;
}

}  // namespace khlang::admin

// [SECTION] The kiosk without its window: its database connection, text and images, the screens
// and their routes, input, the visit policy, admin mode, usage statistics, and one frame's work
// (the visit rules, the screen and its chrome, navigation, admin mode's changes). App gives it a
// window, ImGui and a loop; a script drives it through script/kiosk_driver.h.
//
// A frame: input so far -> the visit policy (wake, warn, reset, lock) -> the screen draws (keys
// and characters first), the top bar, the "Still there?" prompt -> navigation applies -> new
// settings or content (admin mode's, an unattended import's) -> if the route changed, the policy
// hears it once -> the fleet work (fleet_agent.h) takes what finished and starts what is due.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "admin/admin_session.h"
#include "content_reload.h"
#include "fleet_agent.h"
#include "input_dispatch.h"
#include "kiosk_clock.h"
#include "kiosk_options.h"
#include "navigator.h"
#include "render/image_cache.h"
#include "render/item_recorder.h"
#include "render/text_renderer.h"
#include "stats/usage_recorder.h"
#include "store/settings.h"
#include "sqlite/database.h"
#include "text/text_engine.h"
#include "visit_policy.h"

namespace khlang::kiosk {

// The kiosk's database (--db, else the XDG data directory), with the demo content imported on
// the first run (an empty database).
struct KioskDatabase {
  sqlite::Database db;
  std::string path;
};
Expected<KioskDatabase> open_kiosk_database(const KioskOptions& options);

class Kiosk {
 public:
  // Needs a current GL context (the text and image textures). `wake` is called from worker
  // threads when something new is ready to draw.
  static Expected<std::unique_ptr<Kiosk>> create(const KioskOptions& options, KioskClock::Kind clock,
                                                 std::function<void()> wake);
  ~Kiosk();
  Kiosk(const Kiosk&) = delete;
  Kiosk& operator=(const Kiosk&) = delete;

  // Builds one frame of `size` into `list` (between ImGui's NewFrame and Render). Returns true if
  // another frame is wanted soon (something moves, or the screen changed).
  bool frame(ImDrawList* list, ImVec2 size);
  // Brings the glyph texture up to date after a frame; false if the frame must be built again.
  bool upload_text() { return text_->upload(); }
  // Seconds until something is due without input (a policy timer, a screen's timer).
  double seconds_until_next_event() const;
  // Images on their way, or the screen's own work off the UI thread (a script waits for both).
  bool work_pending() const { return images_->pending() || nav_.current().busy(); }
  bool quit_requested() const { return admin_->quit_requested(); }

  InputDispatch& input() { return input_; }
  KioskClock& clock() { return clock_; }
  const Navigator& nav() const { return nav_; }
  Lang lang() const { return ui_.lang; }
  bool high_contrast() const { return ui_.high_contrast; }
  const AdminSession& admin() const { return *admin_; }
  const FleetStatus& fleet() const { return fleet_->status(); }
  // While on, each frame's drawn items are recorded (items()).
  void record_items(bool on);
  const std::vector<DrawnItem>& items() const { return items_.items(); }
  // The words the text engine keeps whole (the content's proper names), for the dump.
  std::vector<std::string> whole_words() const { return engine_->whole_words(); }

 private:
  Kiosk(KioskDatabase db, std::unique_ptr<text::TextEngine> engine, const KioskOptions& options, KioskClock::Kind clock,
        std::function<void()> wake);
  void load_settings();
  void keep_names_whole();
  Lang default_lang() const;
  // What a new visitor starts with: the default language and theme, the normal text size.
  UiState new_visitor() const;
  void apply(const Moment& t, const VisitActions& actions);
  void on_route_change(const Moment& t);
  void admin_changes();
  FleetMoment fleet_moment(const Moment& t) const;

  KioskClock clock_;
  std::unique_ptr<text::TextEngine> engine_;
  sqlite::Database db_;  // the UI's read connection (WAL: never blocked by an import)
  std::string db_path_;
  store::KioskSettings settings_;
  std::string forced_lang_;                // --lang: wins over the setting
  std::vector<std::string> option_inboxes_;  // --inbox
  std::string option_outbox_;                // --outbox
  bool admin_screens_open_ = false;        // --screenshot of an admin screen: shown without the PIN
  std::unique_ptr<TextRenderer> text_;
  std::unique_ptr<ImageCache> images_;
  std::unique_ptr<stats::UsageRecorder> usage_;
  std::unique_ptr<AdminSession> admin_;
  std::unique_ptr<FleetAgent> fleet_;
  InputDispatch input_;
  Navigator nav_;
  VisitPolicy policy_;
  ContentReload reload_;
  UiState ui_;
  ItemRecorder items_;
  bool recording_ = false;
  double last_frame_ = 0;
};

}  // namespace khlang::kiosk

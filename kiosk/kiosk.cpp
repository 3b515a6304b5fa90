#include "kiosk.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "bundle/demo_content.h"
#include "chrome.h"
#include "routes.h"
#include "store/content_queries.h"
#include "store/opening_hours.h"
#include "store/schema.h"
#include "thai/proper_names.h"
#include "theme.h"
#include "ui/widgets.h"

namespace khlang::kiosk {
namespace {

constexpr double kMaxFrameDt = 0.1;

VisitConfig visit_config(const store::KioskSettings& s) {
  VisitConfig c;
  c.idle_seconds = s.idle_timeout_seconds;  // meeting mode keeps its own (VisitConfig: 30 min)
  c.opening_hours = s.opening_hours;
  return c;
}

const char* usage_kind(VisitRecord::Kind kind) {
  switch (kind) {
    case VisitRecord::Kind::Session: return stats::kSession;
    case VisitRecord::Kind::View: return stats::kView;
    case VisitRecord::Kind::Meeting: return stats::kMeeting;
  }
  return "";
}

// "Tue 08:30": when the hours next begin after `wall_utc` (a week with no open day: until they
// are changed).
std::string next_opening(const store::OpeningHours& hours, int64_t wall_utc) {
  const int64_t change = hours.seconds_until_change(wall_utc);
  return change < 0 ? std::string("the opening hours are changed") : store::format_weekday_time(wall_utc + change);
}

}  // namespace

Expected<KioskDatabase> open_kiosk_database(const KioskOptions& options) {
  std::string path = options.db;
  if (path.empty()) {
    auto default_path = bundle::default_kiosk_db_path();
    if (!default_path) return default_path.error();
    path = default_path.value();
  }
  KHLANG_TRY(bundle::import_demo_if_empty(path));
  auto db = store::open_kiosk_db(path);
  if (!db) return db.error();
  return KioskDatabase{std::move(db.value()), path};
}

Expected<std::unique_ptr<Kiosk>> Kiosk::create(const KioskOptions& options, KioskClock::Kind clock,
                                               std::function<void()> wake) {
  auto engine = text::TextEngine::create_default();
  if (!engine) return engine.error();
  auto db = open_kiosk_database(options);
  if (!db) return db.error();
  auto kiosk = std::unique_ptr<Kiosk>(
      new Kiosk(std::move(db.value()), std::move(engine.value()), options, clock, std::move(wake)));
  KHLANG_TRY(kiosk->nav_.reset(options.screen));
  // The start screen takes the same rules as any other (a route behind the PIN asks for it).
  kiosk->on_route_change(kiosk->clock_.moment());
  return kiosk;
}

Kiosk::Kiosk(KioskDatabase db, std::unique_ptr<text::TextEngine> engine, const KioskOptions& options,
             KioskClock::Kind clock, std::function<void()> wake)
    : clock_(clock), engine_(std::move(engine)), db_(std::move(db.db)), db_path_(std::move(db.path)),
      forced_lang_(options.lang), option_inboxes_(options.inbox_folders), option_outbox_(options.outbox),
      admin_screens_open_(!options.screenshot.empty()), nav_(kiosk_routes(), ScreenDeps{db_, settings_}) {
  text_ = std::make_unique<TextRenderer>(*engine_);
  images_ = std::make_unique<ImageCache>(db_path_, std::move(wake));
  usage_ = std::make_unique<stats::UsageRecorder>(db_path_);
  admin_ = std::make_unique<AdminSession>(db_, db_path_, option_inboxes_, clock_.now(),
                                          [this] { return clock_.lock_clock(); });
  fleet_ = std::make_unique<FleetAgent>(*admin_, db_path_, options.screenshot.empty());
  load_settings();
  keep_names_whole();
  ui_ = new_visitor();
  ui_.text_size = options.text_size;
  ui_.high_contrast |= options.high_contrast;
  if (auto summary = store::load_summary(db_); summary) clock_.set_floor(store::content_created_utc(summary.value()));
  last_frame_ = clock_.now();
}

Kiosk::~Kiosk() {
  admin_.reset();  // waits for a running job (admin mode's or the fleet's)
  usage_.reset();  // writes what is queued
}

// The content's proper names (its places, its people) stay whole at a line's end: libthai's
// dictionary does not know them (thai/proper_names.h).
void Kiosk::keep_names_whole() {
  std::vector<std::string> names;
  if (auto o = store::load_organization(db_); o && o.value()) {
    for (const std::string_view text : {o.value()->name_th, o.value()->address_th}) {
      for (std::string& n : thai::place_names(text)) names.push_back(std::move(n));
    }
  }
  if (auto people = store::load_people(db_); people) {
    for (const store::Person& p : people.value()) {
      for (std::string& n : thai::person_names(p.name_th)) names.push_back(std::move(n));
    }
  }
  engine_->set_whole_words(names);
}

void Kiosk::load_settings() {
  std::vector<std::string> problems;
  settings_ = store::load_settings(db_, &problems);
  for (const std::string& p : problems) std::fprintf(stderr, "khlang-kiosk: %s\n", p.c_str());
  policy_.configure(visit_config(settings_));
  std::vector<std::string> inboxes = option_inboxes_;
  inboxes.insert(inboxes.end(), settings_.inbox_folders.begin(), settings_.inbox_folders.end());
  admin_->set_inbox_folders(inboxes);
  fleet_->configure(settings_.auto_import, std::move(inboxes),
                    option_outbox_.empty() ? settings_.outbox_folder : option_outbox_);
}

Lang Kiosk::default_lang() const {
  return (forced_lang_.empty() ? settings_.default_language : forced_lang_) == "en" ? Lang::En : Lang::Th;
}

UiState Kiosk::new_visitor() const {
  UiState ui;
  ui.lang = default_lang();
  ui.high_contrast = settings_.high_contrast;
  return ui;
}

void Kiosk::record_items(bool on) {
  recording_ = on;
  text_->set_recorder(on ? &items_ : nullptr);
  if (on) items_.clear();
}

void Kiosk::apply(const Moment& t, const VisitActions& a) {
  for (const VisitRecord& r : a.records) usage_->record({t.wall_utc, usage_kind(r.kind), r.route, r.seconds, ""});
  if (a.lock_admin) admin_->lock();
  if (a.reset_visitor) ui_ = new_visitor();
  // One journal line when the screen schedule blanks or lights the screen: a black screen must
  // say why to whoever looks at the kiosk's log.
  const bool closed_now = nav_.route().kind == RouteKind::Closed;
  if (a.go == VisitActions::Go::Closed && !closed_now) {
    std::fprintf(stderr, "khlang-kiosk: outside the opening hours: the screen is blank until %s (a touch wakes it)\n",
                 next_opening(settings_.opening_hours, t.wall_utc).c_str());
  }
  if (a.go == VisitActions::Go::Attract && closed_now) std::fprintf(stderr, "khlang-kiosk: the opening hours begin: the screen is on\n");
  if (a.go == VisitActions::Go::Home) (void)nav_.reset(RouteKey::Home);
  if (a.go == VisitActions::Go::Attract) (void)nav_.reset(RouteKey::Attract);
  if (a.go == VisitActions::Go::Closed) (void)nav_.reset(RouteKey::Closed);
  if (a.swallow_touch) {
    input_.touch().end_frame();
    input_.touch().cancel();
  }
}

void Kiosk::on_route_change(const Moment& t) {
  // Admin screens only behind the PIN (a screenshot of one is the developer's, who has a shell).
  if (nav_.route().needs_unlock && !admin_->unlocked() && !admin_screens_open_) (void)nav_.reset(RouteKey::AdminPin);
  apply(t, policy_.on_route(t, {nav_.path(), nav_.route().kind, nav_.route().counts_as_view}));
}

void Kiosk::admin_changes() {
  const VisitState state = policy_.state();
  const bool visitor = state == VisitState::Visiting || state == VisitState::Warning || state == VisitState::Meeting;
  const auto due = reload_.poll(admin_->settings_generation(), admin_->content_generation(),
                                {nav_.route().kind == RouteKind::Admin, visitor});
  if (due.settings) {
    // Admin mode switched the theme every visitor starts with: show it now, to the one who did.
    const bool was_high_contrast = settings_.high_contrast;
    load_settings();
    if (settings_.high_contrast != was_high_contrast) ui_.high_contrast = settings_.high_contrast;
  }
  if (due.content) {
    // New content: the screens on the stack hold the old; start again from home (or the attract
    // loop, if it is up: an unattended import while nobody is there).
    if (auto summary = store::load_summary(db_); summary) clock_.set_floor(store::content_created_utc(summary.value()));
    keep_names_whole();
    images_->clear();
    (void)nav_.reset(nav_.route().kind == RouteKind::Attract ? RouteKey::Attract : RouteKey::Home);
  }
}

FleetMoment Kiosk::fleet_moment(const Moment& t) const {
  return {t.now, policy_.quiet_moment(t), policy_.seconds_until_quiet(t), nav_.route().kind == RouteKind::Admin,
          !admin_->busy()};
}

bool Kiosk::frame(ImDrawList* list, ImVec2 size) {
  const Moment t = clock_.moment();
  const double dt = std::clamp(t.now - last_frame_, 0.0, kMaxFrameDt);
  last_frame_ = t.now;
  // Every way the route changes this frame (a tap, the idle reset, a lock, new content) reaches
  // the policy once, at the end.
  const std::string before = nav_.path();
  if (input_.touch().had_input() || input_.touch().down()) apply(t, policy_.on_input(t, InputSource::Touch));
  if (input_.had_keys()) apply(t, policy_.on_input(t, InputSource::Key));
  apply(t, policy_.on_tick(t, admin_->unlocked()));

  images_->upload_ready();
  if (recording_) items_.clear();
  const UiScale window_scale = UiScale::for_window(size.x, size.y);
  // The visitor's text size is theirs: admin mode keeps the normal size, and so does the attract
  // loop (it comes after the idle reset, which clears the visitor's choices).
  const RouteKind kind = nav_.route().kind;
  const float text_scale =
      kind == RouteKind::Admin || kind == RouteKind::Attract ? 1.0f : UiState::kTextScales[ui_.text_size];
  FrameContext f{list, size, window_scale, text_scale, *text_, input_.touch(),
                 nav_, db_, settings_, *images_, *admin_, *usage_, ui_, ui_.lang, t.now, dt, t.wall_utc, size.y > size.x};
  f.items = recording_ ? &items_ : nullptr;
  f.fleet = &fleet_->status();
  f.records_visits = policy_.records_visits();
  f.palette = &theme::palette(ui_.high_contrast);
  fill(f, ImRect(ImVec2(0, 0), size), f.colors().background);
  input_.deliver(nav_, f);
  Screen& screen = nav_.current();
  // The top bar keeps its height whatever the text size (back and home are always there) and its
  // text grows inside it like any other (fitted); the sample strip grows with its text. The prompt
  // keeps the normal size: its panel is laid out for it.
  FrameContext chrome = f;
  chrome.text_scale = 1;
  if (screen.full_screen()) {
    screen.draw(f, ImRect(ImVec2(0, 0), size));
  } else {
    const float bar_h = window_scale.px(120);
    const float strip_h = screen.shows_sample_data() ? sample_strip_height(f, size.x) : 0;
    screen.draw(f, ImRect(0, bar_h + strip_h, size.x, size.y));
    draw_top_bar(f, ImRect(0, 0, size.x, bar_h), screen.title(f));
    if (strip_h > 0) draw_sample_strip(f, ImRect(0, bar_h, size.x, bar_h + strip_h));
  }
  if (policy_.state() == VisitState::Warning) draw_still_there(chrome, ImRect(ImVec2(0, 0), size), policy_.warning_seconds_left(t));
  f.animating |= chrome.animating;
  input_.touch().end_frame();
  bool changed = nav_.apply();
  admin_changes();
  if (nav_.path() != before) {
    on_route_change(t);
    changed = true;
  }
  // After the policy heard of the route: the touch that woke the attract loop is not a quiet moment.
  if (fleet_->tick(fleet_moment(t), clock_.system_wall())) {
    reload_.unattended_import();
    changed = true;  // the next frame reloads, if no one is there
  }
  return f.animating || changed;
}

double Kiosk::seconds_until_next_event() const {
  const Moment t = clock_.moment();
  double wait = policy_.seconds_until_due(t);
  if (policy_.state() == VisitState::Warning) {
    // The prompt counts down by the second.
    const double left = policy_.warning_seconds_left(t);
    const double to_next = left - std::floor(left);
    wait = std::min(wait, to_next > 0.001 ? to_next : 1.0);
  }
  const double timer = nav_.current().next_timer(t.now, t.wall_utc);
  if (timer >= 0) wait = std::min(wait, timer);
  return std::min(wait, fleet_->seconds_until_due(fleet_moment(t)));
}

}  // namespace khlang::kiosk

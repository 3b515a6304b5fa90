#include "app.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>
#include <thread>

#include "bundle/demo_content.h"
#include "platform/gl.h"
#include "screens/screen_factory.h"
#include "store/content_queries.h"
#include "store/schema.h"
#include "store/settings.h"
#include "theme.h"
#include "ui/widgets.h"

namespace khlang::kiosk {
namespace {

// A frame whose glyphs grew the atlas is built again; the cap keeps a pathological atlas from
// spinning.
constexpr int kMaxFrameRebuilds = 4;
constexpr double kMaxFrameDt = 0.1;

volatile std::sig_atomic_t stop_requested = 0;
void on_signal(int) {
  stop_requested = 1;
  glfwPostEmptyEvent();
}

App* app_of(GLFWwindow* w) { return static_cast<App*>(glfwGetWindowUserPointer(w)); }

Key key_of(int key, int mods) {
  switch (key) {
    case GLFW_KEY_PAGE_DOWN:
    case GLFW_KEY_RIGHT:
    case GLFW_KEY_DOWN:
    case GLFW_KEY_SPACE: return Key::Next;
    case GLFW_KEY_PAGE_UP:
    case GLFW_KEY_LEFT:
    case GLFW_KEY_UP: return Key::Previous;
    case GLFW_KEY_BACKSPACE: return Key::Backspace;
    case GLFW_KEY_ENTER:
    case GLFW_KEY_KP_ENTER: return Key::Enter;
    case GLFW_KEY_ESCAPE: return Key::Escape;
    case GLFW_KEY_HOME: return Key::Home;
    default: (void)mods; return Key::Other;
  }
}

}  // namespace

Expected<std::unique_ptr<App>> App::create(const KioskOptions& options) {
  auto engine = text::TextEngine::create_default();
  if (!engine) return engine.error();
  std::string db_path = options.db;
  if (db_path.empty()) {
    auto path = bundle::default_kiosk_db_path();
    if (!path) return path.error();
    db_path = path.value();
  }
  if (auto first_run = bundle::import_demo_if_empty(db_path); !first_run) return first_run.error();
  auto db = store::open_kiosk_db(db_path);
  if (!db) return db.error();
  const bool offscreen = !options.screenshot.empty() || !options.script.empty();
  const WindowMode mode = offscreen ? WindowMode::Hidden : options.windowed ? WindowMode::Windowed : WindowMode::FullScreen;
  auto window = Window::open(mode, offscreen ? options.screenshot_size : options.window_size);
  if (!window) return window.error();
  auto app = std::unique_ptr<App>(
      new App(std::move(window.value()), std::move(engine.value()), std::move(db.value()), db_path, options));
  if (offscreen) {
    app->size_ = ImVec2(static_cast<float>(options.screenshot_size.width), static_cast<float>(options.screenshot_size.height));
    app->target_ = std::make_unique<OffscreenTarget>(options.screenshot_size);
    if (!app->target_->complete()) return Error{"the OpenGL driver cannot make an off-screen target of that size"};
  }
  if (auto s = app->nav_.reset(options.screen); !s) return s.error();
  app->begin_view();
  return app;
}

App::App(Window window, std::unique_ptr<text::TextEngine> engine, sqlite::Database db, const std::string& db_path,
         const KioskOptions& options)
    : window_(std::move(window)), engine_(std::move(engine)), db_(std::move(db)), nav_(make_screen, db_),
      forced_lang_(options.lang) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // a kiosk writes no imgui.ini into whatever its working directory is
  io.LogFilename = nullptr;
  // ImGui only builds draw lists here; input goes to our touch model, so no ImGui callbacks.
  ImGui_ImplGlfw_InitForOpenGL(window_.handle(), false);
  ImGui_ImplOpenGL3_Init("#version 330");
  text_ = std::make_unique<TextRenderer>(*engine_);
  images_ = std::make_unique<ImageCache>(db_path, [] { glfwPostEmptyEvent(); });
  scripted_ = !options.script.empty();
  usage_ = std::make_unique<stats::UsageRecorder>(db_path);
  std::vector<std::string> inbox = options.inbox_folders;
  const std::string configured = store::get_setting(db_, "inbox_folders", "");
  for (size_t a = 0; a < configured.size();) {
    const size_t b = std::min(configured.find(':', a), configured.size());
    if (b > a) inbox.push_back(configured.substr(a, b - a));
    a = b + 1;
  }
  admin_ = std::make_unique<AdminSession>(db_, db_path, std::move(inbox), monotonic());
  admin_screens_open_ = !options.screenshot.empty();
  apply_settings();
  ui_.lang = default_lang_;
  if (auto summary = store::load_summary(db_); summary) content_created_ = store::content_created_utc(summary.value());
  touch_.set_slop(UiScale::for_window(size_.x, size_.y).px(14));

  GLFWwindow* w = window_.handle();
  glfwSetWindowUserPointer(w, this);
  glfwSetMouseButtonCallback(w, [](GLFWwindow* win, int button, int action, int) {
    if (button != GLFW_MOUSE_BUTTON_LEFT) return;
    double x = 0, y = 0;
    glfwGetCursorPos(win, &x, &y);
    if (action == GLFW_PRESS) app_of(win)->on_press(static_cast<float>(x), static_cast<float>(y));
    else app_of(win)->on_release(static_cast<float>(x), static_cast<float>(y));
  });
  glfwSetCursorPosCallback(w, [](GLFWwindow* win, double x, double y) {
    app_of(win)->on_move(static_cast<float>(x), static_cast<float>(y));
  });
  glfwSetScrollCallback(w, [](GLFWwindow* win, double, double dy) { app_of(win)->on_wheel(static_cast<float>(dy)); });
  glfwSetCharCallback(w, [](GLFWwindow* win, unsigned int c) { app_of(win)->on_text(static_cast<char32_t>(c)); });
  glfwSetKeyCallback(w, [](GLFWwindow* win, int key, int, int action, int mods) {
    if (action != GLFW_RELEASE) app_of(win)->on_key(key_of(key, mods));
  });
  // Always on: the window's close request (Alt+F4, a window manager) does not leave the kiosk.
  glfwSetWindowCloseCallback(w, [](GLFWwindow* win) { glfwSetWindowShouldClose(win, GLFW_FALSE); });
  glfwSetWindowRefreshCallback(w, [](GLFWwindow*) { glfwPostEmptyEvent(); });
  last_frame_ = last_input_ = monotonic();
}

App::~App() {
  admin_.reset();  // waits for a running job
  usage_.reset();  // writes what is queued
  target_.reset();
  images_.reset();
  text_.reset();
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
}

double App::monotonic() const {
  if (scripted_) return script_time_;
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

int64_t App::wall_utc() const {
  const int64_t wall = static_cast<int64_t>(std::time(nullptr)) + clock_offset_ +
                       (scripted_ ? static_cast<int64_t>(script_time_) : 0);
  // A clock behind the bundle would hide every current announcement: use the bundle's time.
  return std::max(wall, content_created_);
}

void App::on_press(float x, float y) { touch_.press(ImVec2(x, y), monotonic()); }
void App::on_move(float x, float y) { touch_.move(ImVec2(x, y), monotonic()); }
void App::on_release(float x, float y) { touch_.release(ImVec2(x, y), monotonic()); }
void App::on_wheel(float steps) { touch_.wheel(steps); }
void App::on_key(Key key) {
  keys_.push_back(key);
  last_input_ = monotonic();
}
void App::on_text(char32_t c) {
  text_input_.push_back(c);
  last_input_ = monotonic();
}

void App::apply_settings() {
  auto number = [&](const char* key, double fallback) {
    try {
      return std::stod(store::get_setting(db_, key, std::to_string(fallback)));
    } catch (...) {
      return fallback;
    }
  };
  idle_timeout_ = number("idle_timeout_seconds", 90);
  set_screen_settings({number("meeting_interval_seconds", 20)});
  const std::string lang = forced_lang_.empty() ? store::get_setting(db_, "default_language", "th") : forced_lang_;
  default_lang_ = lang == "en" ? Lang::En : Lang::Th;
  settings_generation_ = admin_->settings_generation();
}

namespace {
bool is_admin_route(const std::string& route) { return route.rfind("admin", 0) == 0; }
}  // namespace

bool App::in_admin() const { return is_admin_route(nav_.route()); }

// Unlocked admin mode locks itself after its own timeout; everywhere else the idle reset applies.
double App::idle_limit() const {
  return in_admin() && admin_->unlocked() ? AdminSession::kAutoLockSeconds : idle_timeout_;
}

void App::check_idle() {
  const double now = monotonic();
  if (touch_.had_input() || touch_.down()) last_input_ = now;
  const bool attract = nav_.route() == "attract";
  if (!attract && !in_admin() && touch_.had_input()) {
    if (session_start_ < 0) session_start_ = now;  // a visit begins with its first touch
    session_last_input_ = now;
  }
  if (attract && touch_.had_input()) {
    // The touch that wakes the kiosk starts a visit; it does not also press a button.
    (void)nav_.reset("home");
    touch_.end_frame();
    touch_.cancel();
    last_input_ = session_start_ = session_last_input_ = now;
    return;
  }
  if (!attract && now - last_input_ >= idle_limit()) {
    if (in_admin() && admin_->unlocked()) {
      (void)nav_.reset("home");  // the admin walked away: leaving admin mode locks it
      last_input_ = now;
      return;
    }
    if (session_start_ >= 0) {
      usage_->record({wall_utc(), stats::kSession, "", session_last_input_ - session_start_, ""});
      session_start_ = -1;
    }
    ui_ = UiState{default_lang_, 1};  // the next visitor starts afresh
    (void)nav_.reset("attract");
  }
}

void App::on_route_change(const std::string& from) {
  // Admin screens only behind the PIN (a screenshot of them is the developer's, with a shell
  // anyway); leaving admin mode locks it.
  if (is_admin_route(nav_.route()) && nav_.route() != "admin" && !admin_->unlocked() && !admin_screens_open_) {
    (void)nav_.reset("admin");
  }
  if (!in_admin()) admin_->lock();
  const double now = monotonic();
  if (!viewed_route_.empty()) usage_->record({wall_utc(), stats::kView, viewed_route_, now - viewed_since_, ""});
  if (from == "meeting" && meeting_since_ >= 0) {
    usage_->record({wall_utc(), stats::kMeeting, "", now - meeting_since_, ""});
    meeting_since_ = -1;
  }
  begin_view();
}

void App::begin_view() {
  const std::string& route = nav_.route();
  viewed_route_ = route != "attract" && !is_admin_route(route) ? route : "";
  viewed_since_ = monotonic();
  if (route == "meeting") meeting_since_ = viewed_since_;
}

void App::after_admin_jobs() {
  if (admin_->settings_generation() != settings_generation_) apply_settings();
  if (admin_->content_generation() != content_generation_) {
    content_generation_ = admin_->content_generation();
    content_stale_ = true;
  }
  if (content_stale_ && !in_admin()) {
    // New content: the visitor screens on the stack hold the old; start again from home.
    content_stale_ = false;
    if (auto summary = store::load_summary(db_); summary) content_created_ = store::content_created_utc(summary.value());
    images_->clear();
    (void)nav_.reset("home");
  }
}

void App::draw_chrome(FrameContext& f, const ImRect& bar) {
  ImDrawList* dl = f.draw_list;
  dl->AddRectFilled(bar.Min, bar.Max, theme::kHeader);
  const float pad = f.px(14), bw = f.px(220);
  const ImRect back(bar.Min.x + pad, bar.Min.y + pad, bar.Min.x + pad + bw, bar.Max.y - pad);
  const ImRect home(bar.Max.x - pad - bw, bar.Min.y + pad, bar.Max.x - pad, bar.Max.y - pad);
  ButtonStyle style = primary_button();
  style.fill = theme::kHeaderPressed;
  style.fill_pressed = IM_COL32(0, 30, 22, 255);
  if (button(f, back, "‹ " + std::string(f.t(Str::Back)), style)) f.nav.back();
  if (button(f, home, f.t(Str::Home), style)) f.nav.home();
  const float tw = bar.GetWidth() - 2 * (bw + 2 * pad);
  const std::string title = nav_.current().title(f);
  auto layout = f.text.engine().layout(title, f.style(40, text::Weight::Bold, 1.3f), tw, text::Align::Center);
  dl->PushClipRect(ImVec2(back.Max.x, bar.Min.y), ImVec2(home.Min.x, bar.Max.y), true);
  f.text.draw_layout(dl, ImVec2(back.Max.x + pad, bar.Min.y + (bar.GetHeight() - layout->height) * 0.5f), *layout,
                     theme::kHeaderText);
  dl->PopClipRect();
}

bool App::build_frame(ImVec2 size) {
  const auto cpu0 = std::chrono::steady_clock::now();
  const double now = monotonic();
  const double dt = std::clamp(now - last_frame_, 0.0, kMaxFrameDt);
  last_frame_ = now;
  // Every way the route changes this frame (a tap, the idle reset, a lock, new content) goes
  // through on_route_change once, at the end.
  const std::string before = nav_.route();
  check_idle();

  images_->upload_ready();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = size;
  io.DisplayFramebufferScale = ImVec2(1, 1);
  ImGui::NewFrame();
  const UiScale window_scale = UiScale::for_window(size.x, size.y);
  UiScale scale{window_scale.factor * UiState::kTextScales[ui_.text_size]};
  FrameContext f{ImGui::GetBackgroundDrawList(), size, scale, *text_, touch_, nav_, db_, *images_, *admin_, *usage_, ui_, ui_.lang, now,
                 dt, wall_utc(), size.y > size.x};
  f.draw_list->AddRectFilled(ImVec2(0, 0), size, theme::kBackground);
  for (Key key : keys_) {
    // Escape, Alt+F4 and Ctrl+Q never leave the kiosk; Escape only leaves meeting mode.
    if (key == Key::Home && nav_.route() != "attract") nav_.home();
    else nav_.current().on_key(key, f);
  }
  keys_.clear();
  for (char32_t c : text_input_) nav_.current().on_text(c, f);
  text_input_.clear();
  Screen& screen = nav_.current();
  if (screen.full_screen()) {
    screen.draw(f, ImRect(ImVec2(0, 0), size));
  } else {
    // The top bar keeps its size whatever the text size: back and home are always there.
    const float bar_h = window_scale.px(120);
    screen.draw(f, ImRect(0, bar_h, size.x, size.y));
    FrameContext chrome = f;
    chrome.scale = window_scale;
    draw_chrome(chrome, ImRect(0, 0, size.x, bar_h));
    f.animating |= chrome.animating;
  }
  ImGui::Render();
  touch_.end_frame();
  bool changed = nav_.apply();
  after_admin_jobs();
  if (nav_.route() != before) {
    on_route_change(before);
    changed = true;
  }
  // The frame's CPU time: building it and its draw lists; the texture upload and the GPU's
  // work are not the frame's CPU cost.
  frame_ms_.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - cpu0).count());
  // Off-screen, images on their way count as movement: a script or a screenshot waits for them.
  animating_ = f.animating || changed || (target_ && images_->pending());
  return text_->upload();
}

void App::build_stable_frame(ImVec2 size) {
  for (int i = 0; i < kMaxFrameRebuilds && !build_frame(size); ++i) {
  }
}

void App::render_frame(ImVec2 size) {
  build_stable_frame(size);
  // Off-screen (scripts), frames go to our target and are finished one by one, as a display's
  // swap would: unfinished frames would pile up in the driver.
  if (target_) target_->bind();
  glViewport(0, 0, static_cast<int>(size.x), static_cast<int>(size.y));
  glClearColor(0, 0, 0, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  if (target_) glFinish();
}

double App::seconds_until_next_event() const {
  const double now = monotonic();
  double wait = std::max(0.0, idle_limit() - (now - last_input_));
  if (nav_.route() == "attract") wait = 3600;
  const double timer = nav_.current().next_timer(now, wall_utc());
  if (timer >= 0) wait = std::min(wait, timer);
  return wait;
}

int App::run() {
  std::signal(SIGTERM, on_signal);
  std::signal(SIGINT, on_signal);
  GLFWwindow* w = window_.handle();
  bool redraw = true;
  while (!stop_requested && !admin_->quit_requested()) {
    if (!redraw) glfwWaitEventsTimeout(std::max(0.001, seconds_until_next_event()));
    else glfwPollEvents();
    int fb_w = 0, fb_h = 0;
    glfwGetFramebufferSize(w, &fb_w, &fb_h);
    if (fb_w <= 0 || fb_h <= 0) continue;  // minimized
    size_ = ImVec2(static_cast<float>(fb_w), static_cast<float>(fb_h));
    render_frame(size_);
    glfwSwapBuffers(w);
    frame_ms_.clear();
    redraw = animating_;
  }
  return 0;
}

Status App::write_screenshot(const std::string& path, ImVec2 size) {
  target_->bind();
  glViewport(0, 0, static_cast<int>(size.x), static_cast<int>(size.y));
  glClearColor(0, 0, 0, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  return image::write_png(path, target_->read_rgb());
}

Status App::screenshot(const std::string& path, const std::string& text_dump) {
  build_stable_frame(size_);
  // Images are decoded off the frame path: give them a moment to arrive (at most 3 s).
  for (int i = 0; i < 300 && images_->pending(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    build_stable_frame(size_);
  }
  if (!text_dump.empty()) {
    std::FILE* dump = std::fopen(text_dump.c_str(), "w");
    if (!dump) return Error{"cannot write " + text_dump};
    text_->set_dump(dump);
    build_frame(size_);
    text_->set_dump(nullptr);
    std::fclose(dump);
  }
  return write_screenshot(path, size_);
}

}  // namespace khlang::kiosk

#include "app.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>

#include "platform/gl.h"

namespace khlang::kiosk {
namespace {

// A frame whose glyphs grew the atlas is built again; the cap keeps a pathological atlas from
// spinning.
constexpr int kMaxFrameRebuilds = 4;

volatile std::sig_atomic_t stop_requested = 0;
void on_signal(int) {
  stop_requested = 1;
  glfwPostEmptyEvent();
}

volatile std::sig_atomic_t stall_requested = 0;  // the test hook (app.h)
void on_stall_signal(int) {
  stall_requested = 1;
  glfwPostEmptyEvent();
}

double monotonic_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double wall_seconds() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// The test hook (app.h): the frame in progress hangs for `seconds`. Its start and end go to
// stderr on the system clock, the clock the watchdog test's listener stamps each notification
// with when it is sent, so the test judges the pings by the stall the kiosk itself reports.
void stall_frame_for_test(double seconds) {
  std::fprintf(stderr, "khlang-kiosk: test hook: the frame loop stalls for %.0f s from %.6f\n", seconds, wall_seconds());
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  std::fprintf(stderr, "khlang-kiosk: test hook: the frame loop goes on at %.6f\n", wall_seconds());
}

ImVec2 to_vec(Size s) { return ImVec2(static_cast<float>(s.width), static_cast<float>(s.height)); }

}  // namespace

Expected<std::unique_ptr<App>> App::create(const KioskOptions& options) {
  const bool offscreen = !options.screenshot.empty() || !options.script.empty();
  const WindowMode mode = offscreen ? WindowMode::Hidden : options.windowed ? WindowMode::Windowed : WindowMode::FullScreen;
  const Size size = offscreen ? options.screenshot_size : options.window_size;
  auto window = Window::open(mode, size);
  if (!window) return window.error();
  auto app = std::unique_ptr<App>(new App(std::move(window.value()), to_vec(size)));
  const auto clock = options.script.empty() ? KioskClock::Kind::Real : KioskClock::Kind::Scripted;
  auto kiosk = Kiosk::create(options, clock, [] { glfwPostEmptyEvent(); });
  if (!kiosk) return kiosk.error();
  app->kiosk_ = std::move(kiosk.value());
  app->input_ = std::make_unique<WindowInput>(app->window_.handle(), app->kiosk_->input(), app->kiosk_->clock());
  app->kiosk_->input().touch().set_slop(UiScale::for_window(app->size_.x, app->size_.y).px(14));
  if (offscreen) {
    app->target_ = std::make_unique<OffscreenTarget>(options.screenshot_size);
    if (!app->target_->complete()) return Error{"the OpenGL driver cannot make an off-screen target of that size"};
  }
  return app;
}

App::App(Window window, ImVec2 size) : window_(std::move(window)), size_(size) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // a kiosk writes no imgui.ini into whatever its working directory is
  io.LogFilename = nullptr;
  // ImGui only builds draw lists here; input goes to our touch model, so no ImGui callbacks.
  ImGui_ImplGlfw_InitForOpenGL(window_.handle(), false);
  ImGui_ImplOpenGL3_Init("#version 330");
}

App::~App() {
  input_.reset();
  kiosk_.reset();  // its textures go while the context is there
  target_.reset();
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
}

bool App::build_frame() {
  const auto cpu0 = std::chrono::steady_clock::now();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = size_;
  io.DisplayFramebufferScale = ImVec2(1, 1);
  ImGui::NewFrame();
  const bool moving = kiosk_->frame(ImGui::GetBackgroundDrawList(), size_);
  ImGui::Render();
  frame_ms_.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - cpu0).count());
  // Off-screen, images and answers on their way count as movement: a script or a screenshot waits
  // for them.
  animating_ = moving || (target_ && kiosk_->work_pending());
  return kiosk_->upload_text();
}

void App::build_stable_frame() {
  for (int i = 0; i < kMaxFrameRebuilds && !build_frame(); ++i) {
  }
}

void App::render() {
  // Off-screen, frames go to our target and are finished one by one, as a display's swap would:
  // unfinished frames would pile up in the driver.
  if (target_) target_->bind();
  glViewport(0, 0, static_cast<int>(size_.x), static_cast<int>(size_.y));
  glClearColor(0, 0, 0, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  if (target_) glFinish();
}

int App::run() {
  std::signal(SIGTERM, on_signal);
  std::signal(SIGINT, on_signal);
  const char* hooks = std::getenv("KHLANG_TEST_HOOKS");
  if (hooks && std::strcmp(hooks, "1") == 0) std::signal(SIGUSR1, on_stall_signal);
  GLFWwindow* w = window_.handle();
  bool redraw = true;
  bool ready = false;
  while (!stop_requested && !kiosk_->quit_requested()) {
    // The loop came round: it is alive. Pings start once READY=1 is sent; a frame that hangs
    // stops them, and systemd kills and restarts the kiosk after WatchdogSec.
    if (ready) watchdog_.ping_if_due(monotonic_seconds());
    if (!redraw) {
      // Asleep until input, a worker's wake-up, the kiosk's next timer or the next ping (idle is
      // alive too). A wake-up for the ping alone draws nothing: the loop comes round and pings (a
      // closed kiosk's black screen is drawn once, not every WatchdogSec/2). It was the ping's if
      // the sleep ran its full time and no input arrived: a worker's empty event either cuts the
      // sleep short or, posted after it, ends the next one at once.
      const double kiosk_wait = kiosk_->seconds_until_next_event();
      const double ping_wait = watchdog_.seconds_until_due(monotonic_seconds());
      const double timeout = std::max(0.001, std::min(kiosk_wait, ping_wait));
      const uint64_t events = input_->events();
      const double asleep_at = monotonic_seconds();
      glfwWaitEventsTimeout(timeout);
      const bool slept_through = monotonic_seconds() - asleep_at >= timeout - 0.001 && input_->events() == events;
      if (ping_wait < kiosk_wait && slept_through && !stall_requested) continue;
    } else {
      glfwPollEvents();
    }
    int fb_w = 0, fb_h = 0;
    glfwGetFramebufferSize(w, &fb_w, &fb_h);
    if (fb_w <= 0 || fb_h <= 0) continue;  // minimized
    size_ = ImVec2(static_cast<float>(fb_w), static_cast<float>(fb_h));
    build_stable_frame();
    if (stall_requested) {
      stall_requested = 0;
      stall_frame_for_test(kTestStallSeconds);
    }
    render();
    glfwSwapBuffers(w);
    frame_ms_.clear();
    redraw = animating_;
    if (!ready) {
      ready = true;  // the first frame is up: the service has started (once)
      watchdog_.ready();
    }
  }
  watchdog_.stopping();
  if (kiosk_->quit_requested()) {
    std::fprintf(stderr, "khlang-kiosk: left for maintenance from admin mode (exit status %d: not restarted; "
                 "systemctl start khlang-kiosk brings it back)\n", kExitMaintenance);
    return kExitMaintenance;
  }
  std::fprintf(stderr, "khlang-kiosk: stopped by a signal\n");
  return kExitStopped;
}

bool App::render_offscreen() {
  build_stable_frame();
  render();
  return animating_;
}

Status App::write_screenshot(const std::string& path) {
  render();
  return image::write_png(path, target_->read_rgb());
}

Status App::screenshot(const std::string& path, const std::string& items_path) {
  build_stable_frame();
  // Images are decoded (and searches run) off the frame path: give them a moment to arrive (at
  // most 3 s).
  for (int i = 0; i < 300 && kiosk_->work_pending(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    build_stable_frame();
  }
  if (!items_path.empty()) {
    kiosk_->record_items(true);
    build_frame();
    kiosk_->record_items(false);
    std::FILE* out = std::fopen(items_path.c_str(), "w");
    if (!out) return Error{"cannot write " + items_path};
    const std::string text = format_items(kiosk_->items(), kiosk_->whole_words());
    const bool written = std::fwrite(text.data(), 1, text.size(), out) == text.size();
    if (std::fclose(out) != 0 || !written) return Error{"cannot write " + items_path};
  }
  return write_screenshot(path);
}

}  // namespace khlang::kiosk

#include "app.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <cstdio>

#include "bundle/demo_content.h"
#include "platform/gl.h"
#include "store/content_queries.h"
#include "store/schema.h"
#include "render/offscreen_target.h"
#include "screens/demo_screen.h"

namespace khlang::kiosk {
namespace {
// A frame whose glyphs grew the atlas is built again; twice is always enough in practice, and
// the cap keeps a pathological atlas from spinning.
constexpr int kMaxFrameRebuilds = 4;
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
  const bool offscreen = !options.screenshot.empty();
  const WindowMode mode = offscreen ? WindowMode::Hidden : options.windowed ? WindowMode::Windowed : WindowMode::FullScreen;
  auto window = Window::open(mode, offscreen ? options.screenshot_size : options.window_size);
  if (!window) return window.error();
  return std::unique_ptr<App>(new App(std::move(window.value()), std::move(engine.value()), std::move(db.value())));
}

App::App(Window window, std::unique_ptr<text::TextEngine> engine, store::Database db)
    : window_(std::move(window)), engine_(std::move(engine)), db_(std::move(db)) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // a kiosk writes no imgui.ini into whatever its working directory is
  io.LogFilename = nullptr;
  ImGui_ImplGlfw_InitForOpenGL(window_.handle(), true);
  ImGui_ImplOpenGL3_Init("#version 330");
  text_ = std::make_unique<TextRenderer>(*engine_);
  auto organization = store::load_organization(db_);
  std::string subtitle;
  if (organization && organization.value()) {
    subtitle = organization.value()->name_th;
    if (!organization.value()->address_th.empty()) subtitle += " " + organization.value()->address_th;
  }
  screen_ = std::make_unique<DemoScreen>(subtitle);
}

App::~App() {
  text_.reset();
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
}

bool App::build_frame(Size size) {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(size.width), static_cast<float>(size.height));
  io.DisplayFramebufferScale = ImVec2(1, 1);
  ImGui::NewFrame();
  FrameContext frame{ImGui::GetBackgroundDrawList(), io.DisplaySize,
                     UiScale::for_window(io.DisplaySize.x, io.DisplaySize.y), *text_};
  screen_->draw(frame);
  ImGui::Render();
  return text_->upload();
}

int App::run() {
  GLFWwindow* w = window_.handle();
  glfwSetWindowRefreshCallback(w, [](GLFWwindow*) { glfwPostEmptyEvent(); });
  bool first = true;
  while (!glfwWindowShouldClose(w)) {
    if (!first) glfwWaitEvents();
    first = false;
    int fb_w = 0, fb_h = 0;
    glfwGetFramebufferSize(w, &fb_w, &fb_h);
    if (fb_w <= 0 || fb_h <= 0) continue;  // minimized
    for (int i = 0; i < kMaxFrameRebuilds && !build_frame({fb_w, fb_h}); ++i) {
    }
    glViewport(0, 0, fb_w, fb_h);
    glClearColor(0, 0, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glfwSwapBuffers(w);
  }
  return 0;
}

Status App::screenshot(const std::string& path, Size size, const std::string& text_dump) {
  OffscreenTarget target(size);
  if (!target.complete()) return Error{"the OpenGL driver cannot make an off-screen target of that size"};
  // The first build may grow the atlas; the dump describes the final, complete frame only.
  for (int i = 0; i < kMaxFrameRebuilds && !build_frame(size); ++i) {
  }
  std::FILE* dump = nullptr;
  if (!text_dump.empty()) {
    dump = std::fopen(text_dump.c_str(), "w");
    if (!dump) return Error{"cannot write " + text_dump};
    text_->set_dump(dump);
    build_frame(size);
    text_->set_dump(nullptr);
    std::fclose(dump);
  }
  target.bind();
  glViewport(0, 0, size.width, size.height);
  glClearColor(0, 0, 0, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  return image::write_png(path, target.read_rgb());
}

}  // namespace khlang::kiosk

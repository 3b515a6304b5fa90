// bench_bare_imgui: the baseline for tests/bench/bench_startup.sh. It does the least a Dear ImGui +
// GLFW program can do to match `khlang-kiosk --screenshot`: hidden window, one frame of default-font
// ImGui::Text, rendered into an FBO, read back and written with khlang's PNG writer. The kiosk's
// start-up time is judged against this program's.
//   bench_bare_imgui --out FILE.png [--size WxH]
#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>
#include <GL/glext.h>
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "image/image.h"

namespace {
int fail(const char* message) {
  std::fprintf(stderr, "bench_bare_imgui: %s\n", message);
  return 1;
}
}  // namespace

int main(int argc, char** argv) {
  int width = 1920, height = 1080;
  std::string out;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--out" && i + 1 < argc) {
      out = argv[++i];
    } else if (a == "--size" && i + 1 < argc) {
      if (std::sscanf(argv[++i], "%dx%d", &width, &height) != 2 || width <= 0 || height <= 0) return fail("bad --size");
    } else {
      return fail("usage: bench_bare_imgui --out FILE.png [--size WxH]");
    }
  }
  if (out.empty()) return fail("usage: bench_bare_imgui --out FILE.png [--size WxH]");

  if (!glfwInit()) return fail("glfwInit failed (is DISPLAY set?)");
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
  GLFWwindow* window = glfwCreateWindow(width, height, "bench_bare_imgui", nullptr, nullptr);
  if (!window) {
    glfwTerminate();
    return fail("cannot create an OpenGL 3.3 core window");
  }
  glfwMakeContextCurrent(window);

  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 330");

  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
  io.DisplayFramebufferScale = ImVec2(1, 1);
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(40, 40));
  ImGui::SetNextWindowSize(ImVec2(420, 120));  // a size set by API: a new auto-sized window stays hidden on frame 1
  ImGui::Begin("bare");
  ImGui::Text("Bare Dear ImGui %s", IMGUI_VERSION);
  ImGui::Text("One frame, default font, off-screen.");
  ImGui::Text("Size %dx%d", width, height);
  ImGui::End();
  ImGui::Render();

  GLuint fbo = 0, color = 0;
  glGenFramebuffers(1, &fbo);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo);
  glGenRenderbuffers(1, &color);
  glBindRenderbuffer(GL_RENDERBUFFER, color);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color);
  int rc = 0;
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
    rc = fail("off-screen framebuffer is incomplete");
  } else {
    glViewport(0, 0, width, height);
    glClearColor(0, 0, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

    khlang::image::Image img(width, height, 3);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, img.pixels.data());
    const size_t stride = static_cast<size_t>(width) * 3;
    for (int y = 0; y < height / 2; ++y) {  // GL rows run bottom to top
      std::swap_ranges(img.row(y), img.row(y) + stride, img.row(height - 1 - y));
    }
    if (auto written = khlang::image::write_png(out, img); !written) rc = fail(written.error().message.c_str());
  }

  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glDeleteRenderbuffers(1, &color);
  glDeleteFramebuffers(1, &fbo);
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
  return rc;
}

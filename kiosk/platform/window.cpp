#include "platform/window.h"

#include <GLFW/glfw3.h>

#include <cstdlib>
#include <string>

namespace khlang::kiosk {
namespace {
std::string last_glfw_error;
void on_glfw_error(int, const char* description) { last_glfw_error = description ? description : ""; }
}  // namespace

Expected<Window> Window::open(WindowMode mode, Size size) {
  glfwSetErrorCallback(on_glfw_error);
  if (!glfwInit()) {
    const char* display = std::getenv("DISPLAY");
    std::string message = "cannot open a window";
    if (!display || !*display) message += ": there is no display (DISPLAY is not set)";
    else message += " on display " + std::string(display) + ": " + last_glfw_error;
    message +=
        ". To see the kiosk without a screen, take a screenshot:\n"
        "  xvfb-run -a -s \"-screen 0 1920x1080x24\" khlang-kiosk --screenshot kiosk.png";
    return Error{message};
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_SAMPLES, 0);
  GLFWmonitor* monitor = nullptr;
  if (mode == WindowMode::FullScreen) {
    monitor = glfwGetPrimaryMonitor();
    if (const GLFWvidmode* video = monitor ? glfwGetVideoMode(monitor) : nullptr) {
      size = {video->width, video->height};
      glfwWindowHint(GLFW_RED_BITS, video->redBits);
      glfwWindowHint(GLFW_GREEN_BITS, video->greenBits);
      glfwWindowHint(GLFW_BLUE_BITS, video->blueBits);
      glfwWindowHint(GLFW_REFRESH_RATE, video->refreshRate);
    }
    glfwWindowHint(GLFW_DECORATED, GLFW_FALSE);
  }
  if (mode == WindowMode::Hidden) glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
  GLFWwindow* handle = glfwCreateWindow(size.width, size.height, "Khlang", monitor, nullptr);
  if (!handle) {
    glfwTerminate();
    return Error{"cannot create an OpenGL 3.3 window: " + last_glfw_error};
  }
  glfwMakeContextCurrent(handle);
  glfwSwapInterval(1);
  return Window(handle);
}

Window::~Window() {
  if (!handle_) return;
  glfwDestroyWindow(handle_);
  glfwTerminate();
}

}  // namespace khlang::kiosk

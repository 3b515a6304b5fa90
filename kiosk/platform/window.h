// [SECTION] The kiosk's window: full screen and undecorated, a developer's window, or a hidden
// one for off-screen screenshots. GLFW and GL context set-up live here and nowhere else.
#pragma once

#include "kiosk_options.h"
#include "util/error.h"

struct GLFWwindow;

namespace khlang::kiosk {

enum class WindowMode { FullScreen, Windowed, Hidden };

class Window {
 public:
  static Expected<Window> open(WindowMode mode, Size size);
  Window(Window&& other) noexcept : handle_(other.handle_) { other.handle_ = nullptr; }
  Window& operator=(Window&&) = delete;
  ~Window();

  GLFWwindow* handle() const { return handle_; }

 private:
  explicit Window(GLFWwindow* handle) : handle_(handle) {}
  GLFWwindow* handle_;
};

}  // namespace khlang::kiosk

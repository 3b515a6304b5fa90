#include "platform/window_input.h"

#include <GLFW/glfw3.h>

namespace khlang::kiosk {
namespace {

Key key_of(int key) {
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
    default: return Key::Other;
  }
}


}  // namespace

WindowInput::WindowInput(GLFWwindow* window, InputDispatch& input, const KioskClock& clock)
    : window_(window), input_(input), clock_(clock) {
  glfwSetWindowUserPointer(window, this);
  static constexpr auto of = [](GLFWwindow* w) { return static_cast<WindowInput*>(glfwGetWindowUserPointer(w)); };
  glfwSetMouseButtonCallback(window, [](GLFWwindow* w, int button, int action, int) {
    if (button != GLFW_MOUSE_BUTTON_LEFT) return;
    double x = 0, y = 0;
    glfwGetCursorPos(w, &x, &y);
    WindowInput* self = of(w);
    ++self->events_;
    const ImVec2 p(static_cast<float>(x), static_cast<float>(y));
    if (action == GLFW_PRESS) self->input_.touch().press(p, self->clock_.now());
    else self->input_.touch().release(p, self->clock_.now());
  });
  glfwSetCursorPosCallback(window, [](GLFWwindow* w, double x, double y) {
    ++of(w)->events_;
    of(w)->input_.touch().move(ImVec2(static_cast<float>(x), static_cast<float>(y)), of(w)->clock_.now());
  });
  glfwSetScrollCallback(window, [](GLFWwindow* w, double, double dy) {
    ++of(w)->events_;
    of(w)->input_.touch().wheel(static_cast<float>(dy));
  });
  glfwSetCharCallback(window, [](GLFWwindow* w, unsigned int c) {
    ++of(w)->events_;
    of(w)->input_.text(static_cast<char32_t>(c));
  });
  glfwSetKeyCallback(window, [](GLFWwindow* w, int key, int, int action, int) {
    ++of(w)->events_;
    if (action != GLFW_RELEASE) of(w)->input_.key(key_of(key));
  });
  glfwSetWindowCloseCallback(window, [](GLFWwindow* w) { glfwSetWindowShouldClose(w, GLFW_FALSE); });
  glfwSetWindowRefreshCallback(window, [](GLFWwindow* w) {
    ++of(w)->events_;
    glfwPostEmptyEvent();
  });
}

WindowInput::~WindowInput() { glfwSetWindowUserPointer(window_, nullptr); }

}  // namespace khlang::kiosk

#include "input_dispatch.h"

#include "navigator.h"

namespace khlang::kiosk {

void InputDispatch::deliver(Navigator& nav, FrameContext& f) {
  for (Key key : keys_) {
    if (key == Key::Home && nav.route().kind != RouteKind::Attract && nav.route().kind != RouteKind::Closed) nav.home();
    else nav.current().on_key(key, f);
  }
  keys_.clear();
  for (char32_t c : text_) nav.current().on_text(c, f);
  text_.clear();
}

}  // namespace khlang::kiosk

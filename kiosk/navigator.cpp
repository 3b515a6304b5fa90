#include "navigator.h"

namespace khlang::kiosk {

Status Navigator::reset(const std::string& route) {
  std::string error;
  std::vector<Entry> stack;
  if (route != "home") {
    auto home = factory_("home", db_, &error);
    if (!home) return Error{error};
    stack.push_back({"home", std::move(home)});
  }
  auto screen = factory_(route, db_, &error);
  if (!screen) return Error{error};
  stack.push_back({route, std::move(screen)});
  stack_ = std::move(stack);
  pending_ = {};
  return Ok{};
}

bool Navigator::apply() {
  const Pending p = std::move(pending_);
  pending_ = {};
  switch (p.kind) {
    case Kind::None: return false;
    case Kind::Back:
      if (stack_.size() <= 1) return false;
      stack_.pop_back();
      return true;
    case Kind::Home:
      if (stack_.size() <= 1 && stack_.back().route == "home") return false;
      return reset("home").ok();
    case Kind::Push: {
      std::string error;
      auto screen = factory_(p.route, db_, &error);
      if (!screen) return false;  // a route to something that is gone: stay
      stack_.push_back({p.route, std::move(screen)});
      return true;
    }
  }
  return false;
}

}  // namespace khlang::kiosk

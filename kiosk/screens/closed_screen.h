// Outside the opening hours (visit_policy.h: CLOSED): the display blank. A black screen, drawn
// once: with nothing moving and no timer of its own the loop sleeps until a touch or the hours
// begin, so a closed kiosk spends no frames. A touch wakes it to home for a few minutes.
#pragma once

#include "screens/screen.h"

namespace khlang::kiosk {

class ClosedScreen final : public Screen {
 public:
  explicit ClosedScreen(sqlite::Database&) {}
  std::string title(const FrameContext& f) const override { return std::string(f.t(Str::AppName)); }
  void draw(FrameContext& f, const ImRect& area) override;
  bool full_screen() const override { return true; }
};

}  // namespace khlang::kiosk

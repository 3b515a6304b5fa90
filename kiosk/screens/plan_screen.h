// The KM action plans: each plan's desired state and overall progress; a tap opens its detail,
// and meeting mode is one tap away.
#pragma once

#include "screens/scrolling_screen.h"
#include "store/content_queries.h"

namespace khlang::kiosk {

class PlanScreen final : public ScrollingScreen {
 public:
  explicit PlanScreen(sqlite::Database& db);
  std::string title(const FrameContext& f) const override { return std::string(f.t(Str::Plan)); }

 private:
  float draw_content(FrameContext& f, ImVec2 origin, const ImRect& view) override;
  std::vector<store::Plan> plans_;
};

}  // namespace khlang::kiosk

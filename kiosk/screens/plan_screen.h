// The KM action plans: each plan's desired state and overall progress; a tap opens its detail,
// and meeting mode is one tap away.
#pragma once

#include <algorithm>

#include "screens/scrolling_screen.h"
#include "store/content_queries.h"
#include "ui/lazy_column.h"

namespace khlang::kiosk {

class PlanScreen final : public ScrollingScreen {
 public:
  explicit PlanScreen(sqlite::Database& db);
  std::string title(const FrameContext& f) const override { return std::string(f.t(Str::Plan)); }
  bool shows_sample_data() const override {
    return std::any_of(plans_.begin(), plans_.end(), [](const auto& p) { return store::plan_has_sample(p); });
  }

 private:
  float draw_content(FrameContext& f, ImVec2 origin, const ImRect& view) override;
  std::vector<store::Plan> plans_;
  LazyColumn cards_;
};

}  // namespace khlang::kiosk

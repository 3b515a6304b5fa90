// People: the KM team and CKO, the monitoring committee, who knows what, communities of practice.
#pragma once

#include "screens/scrolling_screen.h"
#include "store/content_queries.h"

namespace khlang::kiosk {

class PeopleScreen final : public ScrollingScreen {
 public:
  explicit PeopleScreen(sqlite::Database& db);
  std::string title(const FrameContext& f) const override { return std::string(f.t(Str::People)); }

 private:
  float draw_content(FrameContext& f, ImVec2 origin, const ImRect& view) override;
  float person_cards(FrameContext& f, const std::vector<const store::Person*>& people, float x, float y, float w,
                     const ImRect& view);
  std::vector<store::Person> people_;
  std::vector<store::Community> communities_;
};

}  // namespace khlang::kiosk

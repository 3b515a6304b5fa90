// People: the KM team and CKO, the monitoring committee's seats (chair, members, secretary, from
// person.committee_role), who knows what, communities of practice.
#pragma once

#include <algorithm>

#include "screens/scrolling_screen.h"
#include "store/content_queries.h"

namespace khlang::kiosk {

class PeopleScreen final : public ScrollingScreen {
 public:
  explicit PeopleScreen(sqlite::Database& db);
  std::string title(const FrameContext& f) const override { return std::string(f.t(Str::People)); }
  bool shows_sample_data() const override {
    return std::any_of(people_.begin(), people_.end(), [](const auto& p) { return p.is_sample; }) ||
           std::any_of(communities_.begin(), communities_.end(), [](const auto& c) { return c.is_sample; });
  }

 private:
  float draw_content(FrameContext& f, ImVec2 origin, const ImRect& view) override;
  // What a card says under the name: a team member's position and duty, or a committee member's
  // seat and position.
  enum class CardLines { PositionAndDuty, SeatAndPosition };
  float person_cards(FrameContext& f, const std::vector<const store::Person*>& people, CardLines lines, float x, float y,
                     float w, const ImRect& view);
  std::vector<store::Person> people_;
  std::vector<store::Community> communities_;
};

}  // namespace khlang::kiosk

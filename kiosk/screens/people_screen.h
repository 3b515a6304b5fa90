// People: the KM team and CKO, the monitoring committee's seats (chair, members, secretary, from
// person.committee_role), who knows what, communities of practice. The screen is one column of
// rows (a heading, a row of cards, a line, a community's card) measured as they scroll into view
// (LazyColumn): five thousand people cost a frame what a screenful costs.
#pragma once

#include <algorithm>

#include "screens/scrolling_screen.h"
#include "store/content_queries.h"
#include "ui/lazy_column.h"

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
  struct Row {
    enum class Kind { Heading, Cards, Expert, Community, Empty } kind;
    Str heading = Str::People;                    // Heading; Empty: what is not there
    CardLines lines = CardLines::PositionAndDuty;  // Cards
    std::vector<const store::Person*> people;     // Cards: one row of cards; Expert: the one person
    const store::Community* community = nullptr;  // Community
  };
  // Makes the rows for `columns` cards a row.
  void arrange(int columns);
  // A row's height without the gap below it; drawn at `y` unless `measure`.
  float row(FrameContext& f, const Row& r, float x, float y, float w, bool measure);
  std::vector<store::Person> people_;
  std::vector<store::Community> communities_;
  std::vector<Row> rows_;
  int columns_ = 0;  // the card rows were made for this many columns
  LazyColumn column_;
};

}  // namespace khlang::kiosk

// One person: the card a search result for a person opens (name, position, department, KM duty,
// expertise, contact, photo, and the communities of practice they belong to).
#pragma once

#include "screens/scrolling_screen.h"
#include "store/content_queries.h"

namespace khlang::kiosk {

class PersonScreen final : public ScrollingScreen {
 public:
  PersonScreen(sqlite::Database& db, const std::string& id, std::string* error);
  std::string title(const FrameContext& f) const override { return std::string(f.t(Str::People)); }
  bool shows_sample_data() const override { return person_.is_sample || communities_sample_; }
  bool valid() const { return !person_.id.empty(); }

 private:
  float draw_content(FrameContext& f, ImVec2 origin, const ImRect& view) override;
  store::Person person_;
  std::vector<std::string> communities_;  // the names of those they are a member of
  bool communities_sample_ = false;       // one of those is sample data
};

}  // namespace khlang::kiosk

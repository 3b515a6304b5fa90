// Search: a field drawn with our text engine (caret by cluster), results that update as the
// visitor types (grouped by kind, each opening its screen), word suggestions as chips, and the
// on-screen keyboard. A search that finds nothing says so kindly, suggests browsing, and is
// recorded (the municipality learns what people look for and do not find).
#pragma once

#include "screens/screen.h"
#include "search/search_index.h"
#include "ui/onscreen_keyboard.h"
#include "ui/scroll_view.h"

namespace khlang::kiosk {

class SearchScreen final : public Screen {
 public:
  explicit SearchScreen(sqlite::Database& db) : db_(db) {}
  std::string title(const FrameContext& f) const override { return std::string(f.t(Str::Search)); }
  void draw(FrameContext& f, const ImRect& area) override;
  void on_key(Key key, FrameContext& f) override;
  void on_text(char32_t c, FrameContext& f) override;
  ImVec2 key_center(char32_t c) const override { return keyboard_.key_center(c); }

 private:
  void set_query(std::string q);
  void record_search(FrameContext& f);
  sqlite::Database& db_;
  std::string query_;
  std::vector<search::SearchHit> hits_;
  std::vector<std::string> suggestions_;
  std::string recorded_;  // the last query recorded
  OnscreenKeyboard keyboard_;
  ScrollView results_scroll_;
  float results_height_ = 0;
};

}  // namespace khlang::kiosk

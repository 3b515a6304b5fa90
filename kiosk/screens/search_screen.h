// Search: a field drawn with our text engine (caret by cluster, capped as the search caps a
// query), results that update as the visitor types (grouped by kind, each opening its screen:
// an article, a person's card, a plan), a correction said when the words found nothing, chips that
// complete or correct the word being typed and keep the rest of the query, and the on-screen
// keyboard. The keyboard never hides the results: in landscape they stand beside it, in portrait
// above it; Enter, its hide key and scrolling the results put it away, and the field or the
// keyboard button bring it back. Only current announcements are offered. A search that finds
// nothing says so kindly, suggests browsing, and is recorded (the municipality learns what people
// look for and do not find).
#pragma once

#include "screens/screen.h"
#include "search/search_index.h"
#include "store/content_queries.h"
#include "ui/onscreen_keyboard.h"
#include "ui/scroll_view.h"

namespace khlang::kiosk {

class SearchScreen final : public Screen {
 public:
  explicit SearchScreen(sqlite::Database& db);
  std::string title(const FrameContext& f) const override { return std::string(f.t(Str::Search)); }
  void draw(FrameContext& f, const ImRect& area) override;
  void on_key(Key key, FrameContext& f) override;
  void on_text(char32_t c, FrameContext& f) override;
  ImVec2 key_center(char32_t c) const override { return keyboard_shown_ ? keyboard_.key_center(c) : ImVec2(-1, -1); }
  float scroll_offset() const override { return results_scroll_.offset(); }

 private:
  // Searches `q` (pressed: the visitor pressed search, so one letter is searched too).
  void set_query(std::string q, const FrameContext& f, bool pressed = false);
  void record_search(FrameContext& f);
  // The chip's word in place of the word being typed, the rest of the query kept.
  std::string with_last_word(const std::string& word) const;
  float draw_results(FrameContext& f, const ImRect& area, float margin);

  sqlite::Database& db_;
  search::Searcher searcher_;
  std::vector<store::Announcement> announcements_;  // to offer only the current ones
  std::string query_;
  search::SearchResults results_;
  std::string recorded_;  // the last query recorded
  bool keyboard_shown_ = true;
  OnscreenKeyboard keyboard_;
  ScrollView results_scroll_;
  float results_height_ = 0;
};

}  // namespace khlang::kiosk

// Search: a field drawn with our text engine (caret by cluster, capped as the search caps a
// query), results that update as the visitor types (grouped by kind, each opening its screen:
// an article, a person's card, a plan), a correction said when the words found nothing, chips that
// complete or correct the word being typed and keep the rest of the query, and the on-screen
// keyboard. The keyboard never hides the results: in landscape they stand beside it, in portrait
// above it; Enter, its hide key and scrolling the results put it away, and the field or the
// keyboard button bring it back. Only current announcements are offered. A search that finds
// nothing says so kindly, suggests browsing, and is recorded (the municipality learns what people
// look for and do not find).
//
// What one keystroke costs is bounded whatever is typed: the field takes no key past the search's
// caps (search::fits_query_caps), and the query runs off the UI thread (LatestQuery), the newest
// request interrupting an older one, so a frame never waits on the index.
#pragma once

#include <optional>

#include "latest_query.h"
#include "screens/screen.h"
#include "screens/screen_helpers.h"
#include "search/search_index.h"
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
  bool busy() const override { return found_.pending(); }
  // Results that include the demo's rows (a sample article, person, plan) are marked like the
  // screens they open.
  bool shows_sample_data() const override { return results_sample_; }

 private:
  // A query as the worker thread gets it (pressed: the visitor pressed search, so one letter is
  // searched too), and what it found.
  struct Request {
    std::string query;
    bool pressed = false;
  };
  struct Found {
    std::string query;
    search::SearchResults results;
  };
  // On the worker thread, with its own connection.
  Found find(sqlite::Database* db, const Request& request);
  // Searches `q` off the UI thread; its answer shows when it comes (take_answer).
  void set_query(std::string q, bool pressed = false);
  void take_answer(FrameContext& f);
  void record_search(FrameContext& f);
  // The chip's word in place of the word being typed, the rest of the query kept.
  std::string with_last_word(const std::string& word) const;
  float draw_results(FrameContext& f, const ImRect& area, float margin);

  CurrentAnnouncements announcements_;  // to offer only the current ones
  std::string query_;                   // what the field holds
  std::string shown_query_;             // the query whose results show (the worker may run a newer one)
  search::SearchResults results_;
  bool results_sample_ = false;  // some result shown is sample data
  std::string recorded_;           // the last query recorded
  bool record_on_answer_ = false;  // search was pressed before the answer to the query came
  bool keyboard_shown_ = true;
  OnscreenKeyboard keyboard_;
  ScrollView results_scroll_;
  float results_height_ = 0;
  // The worker's searcher, over the worker's connection (it keeps the index's vocabulary between
  // queries); only the worker thread touches it. Declared before found_, which joins the worker.
  std::optional<search::Searcher> searcher_;
  const sqlite::Database* searcher_db_ = nullptr;
  LatestQuery<Found, Request> found_;
};

}  // namespace khlang::kiosk

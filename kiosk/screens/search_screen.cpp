#include "screens/search_screen.h"

#include <algorithm>
#include <optional>
#include <set>

#include "navigator.h"
#include "screens/screen_helpers.h"
#include "search/tokenizer.h"
#include "stats/usage_recorder.h"
#include "text/thai_input.h"

namespace khlang::kiosk {
namespace {
constexpr int kResults = 30;
constexpr size_t kSnippetClusters = 56;  // a line or two beside the keyboard
}  // namespace

SearchScreen::SearchScreen(sqlite::Database& db)
    : announcements_(db),
      found_(db.path(), [this](sqlite::Database* worker, const Request& request) { return find(worker, request); },
             [](sqlite::Database& worker) { return search::register_search_functions(worker.handle()); }) {}

// On the worker thread.
SearchScreen::Found SearchScreen::find(sqlite::Database* db, const Request& request) {
  Found found{request.query, {}};
  if (!db || request.query.empty()) return found;
  if (searcher_db_ != db) {
    searcher_.emplace(*db);
    searcher_db_ = db;
  }
  if (auto results = searcher_->search({request.query, kResults, request.pressed, kSnippetClusters}); results) {
    found.results = std::move(results.value());
  }
  return found;
}

void SearchScreen::set_query(std::string q, bool pressed) {
  query_ = std::move(q);
  found_.submit({query_, pressed});
}

void SearchScreen::take_answer(FrameContext& f) {
  if (found_.pending()) f.animating = true;  // draw again until the answer comes
  auto found = found_.take();
  if (!found) return;
  shown_query_ = std::move(found->query);
  results_ = std::move(found->results);
  // Only current announcements are offered, as on the announcements screen: a visitor would take
  // one that has ended for news.
  std::set<std::string> current;
  for (const store::Announcement& a : announcements_.at(f.wall_utc)) current.insert(a.id);
  std::erase_if(results_.hits,
                [&](const search::SearchHit& h) { return h.kind == search::HitKind::Announcement && !current.contains(h.id); });
  // Grouped by kind, each group where its best hit ranks, in rank order within.
  std::vector<search::HitKind> groups;  // in the order their best hits rank
  for (const search::SearchHit& h : results_.hits) {
    if (std::find(groups.begin(), groups.end(), h.kind) == groups.end()) groups.push_back(h.kind);
  }
  auto group_of = [&](const search::SearchHit& h) { return std::find(groups.begin(), groups.end(), h.kind) - groups.begin(); };
  std::stable_sort(results_.hits.begin(), results_.hits.end(),
                   [&](const search::SearchHit& a, const search::SearchHit& b) { return group_of(a) < group_of(b); });
  results_scroll_.reset();
  // The kiosk lays out the sample strip before the screen draws: a change shows on the next frame.
  const bool sample = std::ranges::any_of(results_.hits, &search::SearchHit::is_sample);
  if (sample != results_sample_) f.animating = true;
  results_sample_ = sample;
  if (record_on_answer_) {
    record_on_answer_ = false;
    record_search(f);
  }
}

std::string SearchScreen::with_last_word(const std::string& word) const {
  const size_t space = query_.find_last_of(' ');
  return (space == std::string::npos ? std::string() : query_.substr(0, space + 1)) + word;
}

// A search counts when the visitor acts on it (Enter, a result, browsing instead), once per query:
// the keystrokes on the way are not searches.
void SearchScreen::record_search(FrameContext& f) {
  if (shown_query_.empty() || shown_query_ == recorded_ || !f.records_visits) return;
  recorded_ = shown_query_;
  f.usage.record({f.wall_utc, stats::kSearch, "", static_cast<double>(results_.hits.size()), shown_query_});
  if (results_.hits.empty()) f.usage.record({f.wall_utc, stats::kSearchNoResult, "", 0, shown_query_});
}

void SearchScreen::on_text(char32_t c, FrameContext&) {
  auto typed = text::type_character(query_, c);
  if (!typed || !search::fits_query_caps(*typed)) return;  // past the search's caps: the key does nothing
  set_query(*typed);
  keyboard_shown_ = true;
}

void SearchScreen::on_key(Key key, FrameContext& f) {
  if (key == Key::Backspace) {
    set_query(text::erase_last(query_));
  } else if (key == Key::Enter) {
    set_query(query_, true);  // one letter or digit is searched once the visitor presses search
    record_on_answer_ = true;  // recorded with the answer to it
    keyboard_shown_ = false;
  } else if (key == Key::Escape) {
    f.nav.back();
  }
}

void SearchScreen::draw(FrameContext& f, const ImRect& area) {
  take_answer(f);
  ImDrawList* dl = f.draw_list;
  const float margin = f.px(f.portrait ? 32 : 40);
  // Landscape with the keyboard up: the field, chips and keyboard on the left, the results on the
  // right, from top to bottom. Otherwise the results run below the chips (above the keyboard).
  const bool beside = !f.portrait && keyboard_shown_;
  const float left_w = beside ? std::max(area.GetWidth() * 0.56f, OnscreenKeyboard::min_width(f)) : area.GetWidth();
  const ImRect left(area.Min.x, area.Min.y, area.Min.x + left_w, area.Max.y);

  // The field, and the button that brings the keyboard back.
  const float field_h = f.px(100);
  const float button_w = keyboard_shown_ ? 0 : f.px(260);
  const ImRect field(left.Min.x + margin, left.Min.y + f.px(20), left.Max.x - margin - (button_w > 0 ? button_w + f.px(16) : 0),
                     left.Min.y + f.px(20) + field_h);
  const std::string_view field_label = query_.empty() ? f.t(Str::SearchHint) : std::string_view(query_);
  if (text_field(f, field, field_label)) keyboard_shown_ = true;
  if (button_w > 0 &&
      button(f, ImRect(field.Max.x + f.px(16), field.Min.y, field.Max.x + f.px(16) + button_w, field.Max.y), f.t(Str::ShowKeyboard),
             quiet_button(f))) {
    keyboard_shown_ = true;
  }
  const auto style = f.style(40, text::Weight::Regular, 1.3f);
  const float tx = field.Min.x + f.px(24);
  if (query_.empty()) {
    const float hint_h = text_height(f, f.t(Str::SearchHint), style, 0);
    draw_text(f, ImVec2(tx, field.Min.y + (field_h - hint_h) * 0.5f), f.t(Str::SearchHint), style, 0, f.colors().text_muted);
  }
  const TextBlock typed_block{query_, style};
  auto typed = f.text.layout(typed_block);
  // A query wider than the field shows its end, where the visitor types.
  const float shift = std::max(0.0f, typed->width - (field.GetWidth() - f.px(60)));
  const float ty = field.Min.y + (field_h - typed->line_height) * 0.5f;
  dl->PushClipRect(ImVec2(field.Min.x + f.px(8), field.Min.y), ImVec2(field.Max.x - f.px(8), field.Max.y), true);
  if (!query_.empty()) draw_text(f, ImVec2(tx - shift, ty), typed_block, *typed, f.colors().text);
  if (keyboard_shown_) {  // the caret stands after the last cluster, where the next key goes
    const text::CaretPosition caret = typed->caret_at(typed->shaped->text().size());
    const float cx = tx - shift + caret.x;
    dl->AddRectFilled(ImVec2(cx + f.px(2), ty + f.px(8)), ImVec2(cx + f.px(6), ty + caret.height - f.px(8)), f.colors().heading);
  }
  dl->PopClipRect();

  // Chips: words that complete (or correct) the word being typed; none once a word is finished.
  // Their row is kept while the keyboard is up, so the keys never move under a finger.
  float y = field.Max.y + f.px(14);
  const float chip_h = std::max(f.px(76), f.min_target_px());
  const float chips_bottom = y + chip_h + f.px(14);
  if (!query_.empty() && query_.back() != ' ' && !results_.suggestions.empty()) {
    float x = field.Min.x;
    ButtonStyle chip = quiet_button(f);
    chip.font_px = 32;
    chip.bold = false;
    const float chips_right = left.Max.x - margin;
    for (const std::string& word : results_.suggestions) {
      auto label = f.text.layout(TextBlock{word, f.style(32, text::Weight::Regular, 1.3f)});
      const float cw = std::max(label->width + f.px(56), f.px(96));
      if (x + cw > chips_right) break;
      if (button(f, ImRect(x, y, x + cw, y + chip_h), word, chip)) {
        set_query(with_last_word(word));
        break;
      }
      x += cw + f.px(12);
    }
    y += chip_h + f.px(14);
  }

  // The keyboard: the rest of the left column in landscape (keys as large as it allows), the
  // bottom of the screen in portrait.
  ImRect keyboard;
  if (keyboard_shown_) {
    const float h = std::max(f.portrait ? area.GetHeight() * 0.34f : std::min(left.Max.y - chips_bottom, f.px(640)),
                             OnscreenKeyboard::min_height(f));
    keyboard = ImRect(left.Min.x, left.Max.y - h, left.Max.x, left.Max.y);
  }
  const ImRect results = beside ? ImRect(left.Max.x, area.Min.y, area.Max.x, area.Max.y)
                                : ImRect(area.Min.x, y, area.Max.x, keyboard_shown_ ? keyboard.Min.y : area.Max.y);
  if (beside) fill(f, results, f.colors().quiet);
  const float results_margin = beside ? f.px(24) : margin;
  if (results_scroll_.update(f.touch, results, results_height_, static_cast<float>(f.dt), f.px(160))) f.animating = true;
  // Scrolling the results is reading them: the keyboard goes away when the finger lifts.
  if (keyboard_shown_ && f.touch.drag_released() && f.touch.drag_began_in(results)) keyboard_shown_ = false;
  {
    ScrollClip clip(f, results);
    results_height_ = draw_results(f, results, results_margin);
  }

  if (keyboard_shown_) {
    const OnscreenKeyboard::Result key = keyboard_.draw(f, keyboard);
    if (key.action == OnscreenKeyboard::Action::Character) on_text(key.character, f);
    else if (key.action == OnscreenKeyboard::Action::Backspace) on_key(Key::Backspace, f);
    else if (key.action == OnscreenKeyboard::Action::Enter) on_key(Key::Enter, f);
    else if (key.action == OnscreenKeyboard::Action::Hide) keyboard_shown_ = false;
  }
}

// The results in `area`, scrolled; returns their height.
float SearchScreen::draw_results(FrameContext& f, const ImRect& area, float margin) {
  const float w = area.GetWidth() - 2 * margin;
  const float x = area.Min.x + margin;
  const float top = area.Min.y + f.px(16) - results_scroll_.offset();
  float ry = top;
  if (!results_.corrected_query.empty()) {
    const std::string said = fill_in(f.t(Str::ShowingResultsFor), {shown_query_, results_.corrected_query});
    ry += draw_text(f, ImVec2(x, ry), said, f.style(30, text::Weight::Bold, 1.4f), w, f.colors().text) + f.px(12);
  }
  if (query_.empty() && shown_query_.empty()) {  // before the first key: where the results will be, and how to get them
    ry += empty_state(f, ImVec2(x, ry), w, f.t(Str::SearchResultsHere), f.t(Str::SearchResultsHereHint)) + f.px(16);
  }
  if (!shown_query_.empty() && results_.hits.empty() && !found_.pending()) {
    ry += draw_text(f, ImVec2(x, ry), f.t(Str::NoResults), f.style(36, text::Weight::Bold), w, f.colors().text);
    ry += draw_text(f, ImVec2(x, ry), f.t(Str::TryBrowsing), f.style(30), w, f.colors().text_muted) + f.px(16);
    if (button(f, ImRect(x, ry, x + std::min(w, f.px(420)), ry + f.px(96)), f.t(Str::Knowledge))) {
      record_search(f);
      f.nav.go(RouteKey::Knowledge);
    }
    ry += f.px(110);
  }
  std::optional<search::HitKind> kind;
  const float inner = w - f.px(48);
  const bool narrow = area.GetWidth() < f.px(520);
  const auto title_style = f.style(30, text::Weight::Bold, 1.3f);
  for (const search::SearchHit& h : results_.hits) {
    // A heading for each group (set_query put them together).
    if (h.kind != kind) {
      kind = h.kind;
      const Words heading = search::words(h.kind);
      const std::string_view text = f.lang == Lang::Th ? heading.th : heading.en;
      ry += draw_text(f, ImVec2(x, ry + f.px(4)), text, f.style(28, text::Weight::Bold, 1.3f), w, f.colors().heading) + f.px(10);
    }
    // A narrow column (beside the keyboard on a small landscape screen, whose keys keep their
    // least size) shows titles alone, in at most three lines, so several results show whole.
    const auto title = fit(f, h.title, title_style, ImVec2(inner, 0), {.max_lines = narrow ? 3 : 0});
    std::vector<text::TextSpan> marks;
    for (const auto& [b, e] : h.marks) marks.push_back({b, e, true, text::kSpanLink});
    const TextBlock snippet_block{h.snippet, f.style(30, text::Weight::Regular, 1.45f), inner, text::Align::Left, &marks};
    auto snippet = narrow ? nullptr : f.text.layout(snippet_block);
    const float ch = title->layout->height + (snippet ? snippet->height : 0) + f.px(36);
    const ImRect r(x, ry, x + w, ry + ch);
    if (r.Max.y >= area.Min.y && r.Min.y <= area.Max.y) {
      if (card(f, r, h.title)) {
        record_search(f);
        f.nav.go(h.route);
      }
      const ImVec2 text_pos(r.Min.x + f.px(24), ry + f.px(16));
      const float th = draw_fitted(f, text_pos, *title, f.colors().heading, r);
      if (snippet) draw_text(f, ImVec2(text_pos.x, text_pos.y + th), snippet_block, *snippet, f.colors().text, f.colors().link);
    }
    ry += ch + f.px(12);
  }
  return ry - top + f.px(16);
}

}  // namespace khlang::kiosk

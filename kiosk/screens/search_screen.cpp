#include "screens/search_screen.h"

#include "navigator.h"
#include "stats/usage_recorder.h"
#include "screens/screen_helpers.h"
#include "text/thai_input.h"

namespace khlang::kiosk {
void SearchScreen::set_query(std::string q) {
  query_ = std::move(q);
  hits_.clear();
  suggestions_.clear();
  if (auto hits = search::search(db_, query_, 30); hits) hits_ = std::move(hits.value());
  if (auto words = search::suggest_words(db_, query_, 6); words) suggestions_ = std::move(words.value());
  results_scroll_.reset();
}

// A search counts when the visitor acts on it (Enter, a result, browsing instead), once per query:
// the keystrokes on the way are not searches.
void SearchScreen::record_search(FrameContext& f) {
  if (query_.empty() || query_ == recorded_ || !f.records_visits) return;
  recorded_ = query_;
  f.usage.record({f.wall_utc, stats::kSearch, "", static_cast<double>(hits_.size()), query_});
  if (hits_.empty()) f.usage.record({f.wall_utc, stats::kSearchNoResult, "", 0, query_});
}

void SearchScreen::on_text(char32_t c, FrameContext&) {
  if (auto typed = text::type_character(query_, c)) set_query(*typed);
}

void SearchScreen::on_key(Key key, FrameContext& f) {
  if (key == Key::Backspace) set_query(text::erase_last(query_));
  else if (key == Key::Enter) record_search(f);
  else if (key == Key::Escape) f.nav.back();
}

void SearchScreen::draw(FrameContext& f, const ImRect& area) {
  ImDrawList* dl = f.draw_list;
  const float margin = f.px(f.portrait ? 32 : 64);
  const float w = area.GetWidth() - 2 * margin;
  // The field.
  const float field_h = f.px(110);
  const ImRect field(area.Min.x + margin, area.Min.y + f.px(24), area.Max.x - margin, area.Min.y + f.px(24) + field_h);
  fill(f, field, theme::kCard, f.px(16));
  dl->AddRect(field.Min, field.Max, theme::kHeading, f.px(16), 0, f.px(3));
  const auto style = f.style(44, text::Weight::Regular, 1.3f);
  const float tx = field.Min.x + f.px(28);
  if (query_.empty()) {
    const float hint_h = text_height(f, f.t(Str::SearchHint), style, 0);
    draw_text(f, ImVec2(tx, field.Min.y + (field_h - hint_h) * 0.5f), f.t(Str::SearchHint), style, 0, theme::kTextMuted);
  }
  const TextBlock typed_block{query_, style};
  auto typed = f.text.layout(typed_block);
  const float ty = field.Min.y + (field_h - typed->line_height) * 0.5f;
  dl->PushClipRect(field.Min, field.Max, true);
  if (!query_.empty()) draw_text(f, ImVec2(tx, ty), typed_block, *typed, theme::kText);
  // The caret stands after the last cluster, where the next key goes.
  const text::CaretPosition caret = typed->caret_at(typed->shaped->text().size());
  dl->AddRectFilled(ImVec2(tx + caret.x + f.px(2), ty + f.px(8)), ImVec2(tx + caret.x + f.px(6), ty + caret.height - f.px(8)),
                    theme::kHeading);
  dl->PopClipRect();

  // Suggestions.
  float y = field.Max.y + f.px(16);
  float x = field.Min.x;
  const float chip_h = f.px(80);
  ButtonStyle chip = quiet_button();
  for (const std::string& word : suggestions_) {
    auto label = f.text.layout(TextBlock{word, f.style(32, text::Weight::Regular, 1.3f)});
    const float cw = label->width + f.px(56);
    if (x + cw > field.Max.x) break;
    if (button(f, ImRect(x, y, x + cw, y + chip_h), word, chip)) {
      // The chip completes the last word.
      const auto last_space = query_.rfind(' ');
      set_query((last_space == std::string::npos ? "" : query_.substr(0, last_space + 1)) + word);
    }
    x += cw + f.px(12);
  }
  y += chip_h + f.px(16);

  // Results above the keyboard.
  const float keyboard_h = f.portrait ? area.GetHeight() * 0.36f : area.GetHeight() * 0.46f;
  const ImRect keyboard(area.Min.x, area.Max.y - keyboard_h, area.Max.x, area.Max.y);
  const ImRect results(area.Min.x, y, area.Max.x, keyboard.Min.y);
  if (results_scroll_.update(f.touch, results, results_height_, static_cast<float>(f.dt), f.px(160))) f.animating = true;
  dl->PushClipRect(results.Min, results.Max, true);
  float ry = results.Min.y - results_scroll_.offset();
  if (!query_.empty() && hits_.empty()) {
    ry += draw_text(f, ImVec2(area.Min.x + margin, ry), f.t(Str::NoResults), f.style(36, text::Weight::Bold), w, theme::kText);
    ry += draw_text(f, ImVec2(area.Min.x + margin, ry), f.t(Str::TryBrowsing), f.style(30), w, theme::kTextMuted) + f.px(16);
    if (button(f, ImRect(area.Min.x + margin, ry, area.Min.x + margin + f.px(420), ry + f.px(96)), f.t(Str::Knowledge))) {
      record_search(f);
      f.nav.go(RouteKey::Knowledge);
    }
    ry += f.px(110);
  }
  std::optional<search::HitKind> kind;
  for (const search::SearchHit& h : hits_) {
    if (h.kind != kind) {  // grouped by kind (the search returns them ranked; a group per run)
      kind = h.kind;
      const Words heading = search::words(h.kind);
      ry += section_heading(f, ImVec2(area.Min.x + margin, ry + f.px(8)), f.lang == Lang::Th ? heading.th : heading.en, w) +
            f.px(8);
    }
    const float inner = w - f.px(56);
    const float h_title = text_height(f, h.title, f.style(34, text::Weight::Bold, 1.3f), inner);
    std::vector<text::TextSpan> marks;
    for (const auto& [b, e] : h.marks) marks.push_back({b, e, true, text::kSpanLink});
    const TextBlock snippet_block{h.snippet, f.style(26, text::Weight::Regular, 1.45f), inner, text::Align::Left, &marks};
    auto snippet = f.text.layout(snippet_block);
    const float ch = h_title + snippet->height + f.px(40);
    const ImRect r(area.Min.x + margin, ry, area.Max.x - margin, ry + ch);
    if (r.Max.y >= results.Min.y && r.Min.y <= results.Max.y) {
      if (card(f, r, h.title)) {
        record_search(f);
        f.nav.go(h.route);
      }
      draw_text(f, ImVec2(r.Min.x + f.px(28), ry + f.px(18)), h.title, f.style(34, text::Weight::Bold, 1.3f), inner, theme::kHeading);
      draw_text(f, ImVec2(r.Min.x + f.px(28), ry + f.px(18) + h_title), snippet_block, *snippet, theme::kText, theme::kLink);
    }
    ry += ch + f.px(14);
  }
  results_height_ = ry + results_scroll_.offset() - results.Min.y;
  dl->PopClipRect();

  const OnscreenKeyboard::Result key = keyboard_.draw(f, keyboard);
  if (key.action == OnscreenKeyboard::Action::Character) on_text(key.character, f);
  else if (key.action == OnscreenKeyboard::Action::Backspace) on_key(Key::Backspace, f);
  else if (key.action == OnscreenKeyboard::Action::Enter) on_key(Key::Enter, f);
}

}  // namespace khlang::kiosk

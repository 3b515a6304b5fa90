#include "screens/people_screen.h"

#include <algorithm>

#include "screens/screen_helpers.h"

namespace khlang::kiosk {

PeopleScreen::PeopleScreen(sqlite::Database& db) {
  if (auto p = store::load_people(db); p) people_ = std::move(p.value());
  if (auto c = store::load_communities(db); c) communities_ = std::move(c.value());
}

namespace {

// The committee's seats in the order they sit: the chair, the members, the secretary.
int seat_rank(const std::string& role) { return role == "chair" ? 0 : role == "secretary" ? 2 : 1; }

std::string_view seat_words(const FrameContext& f, const std::string& role) {
  if (role == "chair") return f.t(Str::SeatChair);
  if (role == "secretary") return f.t(Str::SeatSecretary);
  return f.t(Str::SeatMember);
}

// The name in the visitor's language where the content has it.
const std::string& display_name(const FrameContext& f, const store::Person& p) {
  return f.lang == Lang::En && !p.name_en.empty() ? p.name_en : p.name_th;
}

}  // namespace

float PeopleScreen::person_cards(FrameContext& f, const std::vector<const store::Person*>& people, CardLines lines,
                                 float x, float y, float w, const ImRect& view) {
  const int columns = f.portrait ? 1 : 2;
  const float gap = f.px(24);
  const float cw = (w - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  const float inner = cw - f.px(56);
  const auto name_style = f.style(34, text::Weight::Bold, 1.3f);
  const auto second_style = f.style(30, lines == CardLines::SeatAndPosition ? text::Weight::Bold : text::Weight::Regular, 1.35f);
  const auto third_style = f.style(28, text::Weight::Regular, 1.35f);
  auto second = [&](const store::Person& p) -> std::string {
    return lines == CardLines::SeatAndPosition ? std::string(seat_words(f, p.committee_role)) : p.position;
  };
  auto third = [&](const store::Person& p) -> const std::string& {
    return lines == CardLines::SeatAndPosition ? p.position : p.km_duty;
  };
  auto height_of = [&](const store::Person& p) {
    return text_height(f, display_name(f, p), name_style, inner) + text_height(f, second(p), second_style, inner) +
           text_height(f, third(p), third_style, inner) + f.px(44);
  };
  for (size_t row = 0; row < people.size(); row += static_cast<size_t>(columns)) {
    float h = 0;  // a row of cards is as tall as its tallest
    for (size_t i = row; i < std::min(people.size(), row + static_cast<size_t>(columns)); ++i) h = std::max(h, height_of(*people[i]));
    for (size_t i = row; i < std::min(people.size(), row + static_cast<size_t>(columns)); ++i) {
      const store::Person& p = *people[i];
      const float cx = x + static_cast<float>(i - row) * (cw + gap);
      const ImRect r(cx, y, cx + cw, y + h);
      if (!visible(view, r.Min.y, r.Max.y)) continue;
      card(f, r, display_name(f, p), false);
      float tx = cx + f.px(28), tw = inner;
      if (p.photo_media) {
        const float side = f.px(130);
        draw_image(f, ImRect(tx, y + f.px(22), tx + side, y + f.px(22) + side), *p.photo_media, true, ImageFit::Cover);
        tx += side + f.px(20);
        tw -= side + f.px(20);
      }
      float ty = y + f.px(22);
      ty += draw_text(f, ImVec2(tx, ty), display_name(f, p), name_style, tw, theme::kHeading);
      ty += draw_text(f, ImVec2(tx, ty), second(p), second_style, tw, theme::kText);
      draw_text(f, ImVec2(tx, ty), third(p), third_style, tw, theme::kTextMuted);
    }
    y += h + gap;
  }
  return y;
}

float PeopleScreen::draw_content(FrameContext& f, ImVec2 origin, const ImRect& view) {
  const ImRect col = column(f, view);
  const float w = col.GetWidth();
  float y = origin.y + f.px(36);
  // The KM team (everyone with a role in it) and the monitoring committee's seats (some sit on
  // both: a seat is shown with the committee, a role with the team).
  std::vector<const store::Person*> team, committee, experts;
  for (const auto& p : people_) {
    if (!p.committee_role.empty()) committee.push_back(&p);
    if (!p.km_role.empty() && p.km_role != "committee") team.push_back(&p);
    if (!p.expertise.empty()) experts.push_back(&p);
  }
  std::stable_sort(committee.begin(), committee.end(), [](const store::Person* a, const store::Person* b) {
    return seat_rank(a->committee_role) < seat_rank(b->committee_role);
  });
  y += section_heading(f, ImVec2(col.Min.x, y), f.t(Str::KmTeam), w);
  y = person_cards(f, team, CardLines::PositionAndDuty, col.Min.x, y, w, view) + f.px(20);
  if (!committee.empty()) {
    y += section_heading(f, ImVec2(col.Min.x, y), f.t(Str::Committee), w);
    y = person_cards(f, committee, CardLines::SeatAndPosition, col.Min.x, y, w, view) + f.px(20);
  }
  if (!experts.empty()) {
    y += section_heading(f, ImVec2(col.Min.x, y), f.t(Str::WhoKnowsWhat), w);
    for (const store::Person* p : experts) {
      const std::string line = display_name(f, *p) + " — " + p->expertise;
      y += draw_text(f, ImVec2(col.Min.x, y), line, f.style(30, text::Weight::Regular, 1.5f), w, theme::kText) + f.px(6);
    }
    y += f.px(20);
  }
  if (!communities_.empty()) {
    y += section_heading(f, ImVec2(col.Min.x, y), f.t(Str::Communities), w);
    for (const store::Community& c : communities_) {
      const float inner = w - f.px(56);
      std::string members;
      for (const auto& [name, role] : c.members) members += (members.empty() ? "" : ", ") + name;
      const std::string meets = std::string(f.t(Str::Meets)) + ": " + c.meeting_schedule;
      // No member list is better than "Members:" with nobody after it.
      const std::string who = members.empty() ? std::string() : std::string(f.t(Str::Members)) + ": " + members;
      const float h = text_height(f, c.name, f.style(34, text::Weight::Bold, 1.3f), inner) +
                      text_height(f, c.topic, f.style(28), inner) + text_height(f, meets, f.style(26), inner) +
                      text_height(f, who, f.style(26), inner) + f.px(56);
      const ImRect r(col.Min.x, y, col.Max.x, y + h);
      if (visible(view, r.Min.y, r.Max.y)) {
        card(f, r, c.name, false);
        float ty = y + f.px(24);
        const float x = col.Min.x + f.px(28);
        ty += draw_text(f, ImVec2(x, ty), c.name, f.style(34, text::Weight::Bold, 1.3f), inner, theme::kHeading);
        ty += draw_text(f, ImVec2(x, ty), c.topic, f.style(28), inner, theme::kText);
        ty += draw_text(f, ImVec2(x, ty), meets, f.style(26), inner, theme::kTextMuted);
        draw_text(f, ImVec2(x, ty), who, f.style(26), inner, theme::kTextMuted);
      }
      y += h + f.px(20);
    }
  }
  return y - origin.y + f.px(36);
}

}  // namespace khlang::kiosk

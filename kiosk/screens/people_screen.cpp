#include "screens/people_screen.h"

#include <algorithm>
#include <utility>

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
  return in_language(f.lang, p.name_th, p.name_en);
}

}  // namespace

void PeopleScreen::arrange(int columns) {
  columns_ = columns;
  rows_.clear();
  // The KM team (everyone with a role in it) and the monitoring committee's seats (some sit on
  // both: a seat is shown with the committee, a role with the team).
  std::vector<const store::Person*> team, committee;
  for (const auto& p : people_) {
    if (!p.committee_role.empty()) committee.push_back(&p);
    if (!p.km_role.empty() && p.km_role != "committee") team.push_back(&p);
  }
  std::stable_sort(committee.begin(), committee.end(), [](const store::Person* a, const store::Person* b) {
    return seat_rank(a->committee_role) < seat_rank(b->committee_role);
  });
  auto cards = [&](const std::vector<const store::Person*>& people, CardLines lines) {
    for (size_t i = 0; i < people.size(); i += static_cast<size_t>(columns)) {
      const auto end = people.begin() + static_cast<std::ptrdiff_t>(std::min(people.size(), i + static_cast<size_t>(columns)));
      rows_.push_back({Row::Kind::Cards, Str::People, lines, {people.begin() + static_cast<std::ptrdiff_t>(i), end}, nullptr});
    }
  };
  // The team and the communities are the screen's two lists: each says so when it has nobody.
  rows_.push_back({Row::Kind::Heading, Str::KmTeam, {}, {}, nullptr});
  if (team.empty()) rows_.push_back({Row::Kind::Empty, Str::NoTeam, {}, {}, nullptr});
  cards(team, CardLines::PositionAndDuty);
  if (!committee.empty()) {
    rows_.push_back({Row::Kind::Heading, Str::Committee, {}, {}, nullptr});
    cards(committee, CardLines::SeatAndPosition);
  }
  bool experts = false;
  for (const auto& p : people_) {
    if (p.expertise.empty()) continue;
    if (!std::exchange(experts, true)) rows_.push_back({Row::Kind::Heading, Str::WhoKnowsWhat, {}, {}, nullptr});
    rows_.push_back({Row::Kind::Expert, Str::People, {}, {&p}, nullptr});
  }
  rows_.push_back({Row::Kind::Heading, Str::Communities, {}, {}, nullptr});
  if (communities_.empty()) rows_.push_back({Row::Kind::Empty, Str::NoCommunities, {}, {}, nullptr});
  for (const auto& c : communities_) rows_.push_back({Row::Kind::Community, Str::People, {}, {}, &c});
}

float PeopleScreen::row(FrameContext& f, const Row& r, float x, float y, float w, bool measure) {
  switch (r.kind) {
    case Row::Kind::Heading: {
      const auto style = f.style(40, text::Weight::Bold, 1.4f);
      return measure ? text_height(f, f.t(r.heading), style, w) + f.px(12) : section_heading(f, ImVec2(x, y), f.t(r.heading), w);
    }
    case Row::Kind::Cards: {
      const float gap = f.px(24);
      const float cw = (w - gap * static_cast<float>(columns_ - 1)) / static_cast<float>(columns_);
      const float inner = cw - f.px(56);
      const auto name_style = f.style(34, text::Weight::Bold, 1.3f);
      const bool seats = r.lines == CardLines::SeatAndPosition;
      const auto second_style = f.style(30, seats ? text::Weight::Bold : text::Weight::Regular, 1.35f);
      const auto third_style = f.style(28, text::Weight::Regular, 1.35f);
      auto second = [&](const store::Person& p) -> std::string {
        return seats ? std::string(seat_words(f, p.committee_role)) : p.position;
      };
      auto third = [&](const store::Person& p) -> const std::string& { return seats ? p.position : p.km_duty; };
      float h = 0;  // a row of cards is as tall as its tallest
      for (const store::Person* p : r.people) {
        h = std::max(h, text_height(f, display_name(f, *p), name_style, inner) + text_height(f, second(*p), second_style, inner) +
                            text_height(f, third(*p), third_style, inner) + f.px(44));
      }
      if (measure) return h;
      for (size_t i = 0; i < r.people.size(); ++i) {
        const store::Person& p = *r.people[i];
        const float cx = x + static_cast<float>(i) * (cw + gap);
        card(f, ImRect(cx, y, cx + cw, y + h), display_name(f, p), false);
        float tx = cx + f.px(28), tw = inner;
        if (p.photo_media) {
          const float side = f.px(130);
          draw_image(f, ImRect(tx, y + f.px(22), tx + side, y + f.px(22) + side), *p.photo_media, true, ImageFit::Cover);
          tx += side + f.px(20);
          tw -= side + f.px(20);
        }
        float ty = y + f.px(22);
        ty += draw_text(f, ImVec2(tx, ty), display_name(f, p), name_style, tw, f.colors().heading);
        ty += draw_text(f, ImVec2(tx, ty), second(p), second_style, tw, f.colors().text);
        draw_text(f, ImVec2(tx, ty), third(p), third_style, tw, f.colors().text_muted);
      }
      return h;
    }
    case Row::Kind::Empty:
      return measure ? empty_state_height(f, w, f.t(r.heading), f.t(Str::ListedLaterHint))
                     : empty_state(f, ImVec2(x, y), w, f.t(r.heading), f.t(Str::ListedLaterHint));
    case Row::Kind::Expert: {
      const store::Person& p = *r.people.front();
      const std::string line = display_name(f, p) + " — " + p.expertise;
      const auto style = f.style(30, text::Weight::Regular, 1.5f);
      return measure ? text_height(f, line, style, w) : draw_text(f, ImVec2(x, y), line, style, w, f.colors().text);
    }
    case Row::Kind::Community: {
      const store::Community& c = *r.community;
      const float inner = w - f.px(56);
      std::string members;
      for (const auto& [name, role] : c.members) members += (members.empty() ? "" : ", ") + name;
      const int64_t more = c.member_count - static_cast<int64_t>(c.members.size());
      if (more > 0) members += " " + fill_in(f.t(Str::AndMore), std::to_string(more));
      const std::string meets = std::string(f.t(Str::Meets)) + ": " + c.meeting_schedule;
      // No member list is better than "Members:" with nobody after it.
      const std::string who = members.empty() ? std::string() : std::string(f.t(Str::Members)) + ": " + members;
      const float h = text_height(f, c.name, f.style(34, text::Weight::Bold, 1.3f), inner) +
                      text_height(f, c.topic, f.style(28), inner) + text_height(f, meets, f.style(26), inner) +
                      text_height(f, who, f.style(26), inner) + f.px(56);
      if (measure) return h;
      card(f, ImRect(x, y, x + w, y + h), c.name, false);
      float ty = y + f.px(24);
      const float tx = x + f.px(28);
      ty += draw_text(f, ImVec2(tx, ty), c.name, f.style(34, text::Weight::Bold, 1.3f), inner, f.colors().heading);
      ty += draw_text(f, ImVec2(tx, ty), c.topic, f.style(28), inner, f.colors().text);
      ty += draw_text(f, ImVec2(tx, ty), meets, f.style(26), inner, f.colors().text_muted);
      draw_text(f, ImVec2(tx, ty), who, f.style(26), inner, f.colors().text_muted);
      return h;
    }
  }
  return 0;
}

float PeopleScreen::draw_content(FrameContext& f, ImVec2 origin, const ImRect& view) {
  const ImRect col = column(f, view);
  const float w = col.GetWidth();
  const float top = f.px(36);
  if (people_.empty() && communities_.empty()) {
    return top + empty_state(f, ImVec2(col.Min.x, origin.y + top), w, f.t(Str::NoPeople), f.t(Str::ListedLaterHint)) + top;
  }
  const int columns = f.portrait ? 1 : 2;
  if (columns != columns_) arrange(columns);
  column_.reset(rows_.size(), w, f.scale.factor * f.text_scale, static_cast<uint64_t>(columns_) * 2 + (f.lang == Lang::En ? 1 : 0));
  // The gap below a row: cards 24, lines 6, communities and empty states 20, and 20 more after a
  // section's last.
  const auto gap = [&](size_t i) {
    const Row::Kind k = rows_[i].kind;
    const bool last_of_section = i + 1 == rows_.size() || rows_[i + 1].kind == Row::Kind::Heading;
    const float between = k == Row::Kind::Cards ? 24 : k == Row::Kind::Expert ? 6 : k == Row::Kind::Community || k == Row::Kind::Empty ? 20 : 0;
    return f.px(between + (last_of_section && k != Row::Kind::Heading ? 20 : 0));
  };
  column_.measure(view.Max.y - origin.y - top + view.GetHeight(),
                  [&](size_t i) { return row(f, rows_[i], col.Min.x, 0, w, true) + gap(i); });
  const float y0 = origin.y + top;
  for (size_t i = column_.visible_from(view.Min.y - y0); i < column_.measured() && y0 + column_.top(i) <= view.Max.y; ++i) {
    row(f, rows_[i], col.Min.x, y0 + column_.top(i), w, false);
  }
  return top + column_.total() + f.px(16);
}

}  // namespace khlang::kiosk

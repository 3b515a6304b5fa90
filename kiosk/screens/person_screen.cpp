#include "screens/person_screen.h"

#include "screens/screen_helpers.h"

namespace khlang::kiosk {

PersonScreen::PersonScreen(sqlite::Database& db, const std::string& id, std::string* error) {
  auto people = store::load_people(db);
  if (!people) {
    *error = people.error().message;
    return;
  }
  for (store::Person& p : people.value()) {
    if (p.id == id) person_ = std::move(p);
  }
  if (person_.id.empty()) {
    *error = "no person '" + id + "'";
    return;
  }
  if (auto communities = store::load_communities(db); communities) {
    for (const store::Community& c : communities.value()) {
      for (const auto& [name, role] : c.members) {
        if (name != person_.name_th) continue;
        communities_.push_back(c.name);
        communities_sample_ = communities_sample_ || c.is_sample;
      }
    }
  }
}

float PersonScreen::draw_content(FrameContext& f, ImVec2 origin, const ImRect& view) {
  const ImRect col = column(f, view);
  const float w = col.GetWidth();
  const float pad = f.px(36);
  const float side = f.px(f.portrait ? 220 : 260);
  const bool photo = person_.photo_media.has_value();
  const float tw = w - 2 * pad - (photo ? side + pad : 0);
  const auto name_style = f.style(52, text::Weight::Bold, 1.3f);
  const auto second_style = f.style(34, text::Weight::Regular, 1.4f);
  const auto label_style = f.style(26, text::Weight::Bold, 1.4f);
  const auto body_style = f.style(32, text::Weight::Regular, 1.5f);
  // The fields with a label: what the card shows below the name.
  const std::pair<Str, const std::string*> fields[] = {
      {Str::PersonDepartment, &person_.department}, {Str::PersonKmDuty, &person_.km_duty},
      {Str::Expertise, &person_.expertise},         {Str::PersonContact, &person_.contact}};
  std::string member_of;
  for (const std::string& c : communities_) member_of += (member_of.empty() ? "" : "\n") + c;
  const std::string& second_name = f.lang == Lang::Th ? person_.name_en : person_.name_th;
  const std::string& first_name = f.lang == Lang::Th || person_.name_en.empty() ? person_.name_th : person_.name_en;

  auto block = [&](float x, float y, bool draw) {
    const float top = y;
    auto text = [&](std::string_view s, const text::TextStyle& style, ImU32 color) {
      y += draw ? draw_text(f, ImVec2(x, y), s, style, tw, color) : text_height(f, s, style, tw);
    };
    text(first_name, name_style, f.colors().heading);
    if (!second_name.empty() && second_name != first_name) text(second_name, second_style, f.colors().text);
    if (!person_.position.empty()) text(person_.position, second_style, f.colors().text);
    for (const auto& [label, value] : fields) {
      if (value->empty()) continue;
      y += f.px(18);
      text(f.t(label), label_style, f.colors().text_muted);
      text(*value, body_style, f.colors().text);
    }
    if (!member_of.empty()) {
      y += f.px(18);
      text(f.t(Str::Communities), label_style, f.colors().text_muted);
      text(member_of, body_style, f.colors().text);
    }
    return y - top;
  };
  const float y0 = origin.y + f.px(40);
  const float inner_h = std::max(block(0, 0, false), photo ? side : 0.0f);
  const ImRect r(col.Min.x, y0, col.Max.x, y0 + inner_h + 2 * pad);
  card(f, r, first_name, false);
  float tx = col.Min.x + pad;
  if (photo) {
    draw_image(f, ImRect(tx, y0 + pad, tx + side, y0 + pad + side), *person_.photo_media, true, ImageFit::Cover);
    tx += side + pad;
  }
  block(tx, y0 + pad, true);
  return r.Max.y - origin.y + f.px(60);
}

}  // namespace khlang::kiosk

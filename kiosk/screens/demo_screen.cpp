#include "screens/demo_screen.h"

#include <algorithm>

#include "theme.h"

namespace khlang::kiosk {
namespace {

// From the municipality's KM action plan (the demo content).
constexpr const char* kTitle = "คลังความรู้";
constexpr const char* kHeading1 = "การจัดการความรู้ (Knowledge Management: KM)";
constexpr const char* kParagraph1 =
    "การจัดการความรู้ คือ การรวบรวมองค์ความรู้ที่มีอยู่ในส่วนราชการซึ่งกระจัดกระจายอยู่ในตัวบุคคล หรือเอกสาร "
    "มาพัฒนาให้เป็นระบบ เพื่อให้ทุกคนในองค์กรสามารถเข้าถึงความรู้และพัฒนาตนเองให้เป็นผู้รู้ "
    "รวมทั้งปฏิบัติงานได้อย่างมีประสิทธิภาพ โดยที่ความรู้มี ๒ ประเภท";
constexpr const char* kHeading2 = "ความรู้ที่ฝังอยู่ในคน (Tacit Knowledge)";
constexpr const char* kParagraph2 =
    "เป็นความรู้ที่ได้จากประสบการณ์ พรสวรรค์หรือสัญชาติญาณของแต่ละบุคคลในการทำความเข้าใจในสิ่งต่างๆ "
    "เป็นความรู้ที่ไม่สามารถถ่ายทอดออกมาเป็นคำพูดหรือลายลักษณ์อักษรได้โดยง่าย เช่นทักษะในการทำงาน งานฝีมือ "
    "หรือการคิดเชิงวิเคราะห์ บางครั้งจึงเรียกว่าเป็นความรู้แบบนามธรรม";
constexpr const char* kHeading3 = "ความรู้ที่ชัดแจ้ง (Explicit Knowledge)";
constexpr const char* kParagraph3 =
    "เป็นความรู้ที่สามารถรวบรวม ถ่ายทอดได้โดยผ่านวิธีการต่างๆ เช่น การบันทึกเป็นลายลักษณ์อักษร ทฤษฎี "
    "คู่มือต่างๆ และบางครั้งเรียกว่าเป็นความรู้แบบรูปธรรม";
constexpr const char* kFootnote =
    "แผนการจัดการความรู้ ปีงบประมาณ พ.ศ. ๒๕๖๔–๒๕๖๖ · งบ 1,250,000 บาท ฿ · ที่นี่ น้ำ ฟื้นฟู กตัญญู ฐุ";

}  // namespace

void DemoScreen::draw(FrameContext& f) {
  const UiScale& s = f.scale;
  ImDrawList* dl = f.draw_list;
  dl->AddRectFilled(ImVec2(0, 0), f.size, theme::kBackground);

  // Header band: the product and the organization.
  const float header_h = s.px(190);
  dl->AddRectFilled(ImVec2(0, 0), ImVec2(f.size.x, header_h), theme::kHeader);
  dl->AddRectFilled(ImVec2(0, header_h - s.px(8)), ImVec2(f.size.x, header_h), theme::kAccent);
  const float margin = s.px(64);
  text::TextStyle title{s.px(64), text::Weight::Bold, 1.3f};
  auto t = f.text.draw(dl, ImVec2(margin, s.px(18)), kTitle, title, 0, theme::kHeaderText);
  text::TextStyle org{s.px(34), text::Weight::Regular, 1.4f};
  f.text.draw(dl, ImVec2(margin, s.px(18) + t->height - s.px(4)), organization_, org, 0, theme::kHeaderSubtle);

  // One card of wrapped paragraphs, at a comfortable reading width.
  const float card_w = std::min(f.size.x - 2 * margin, s.px(1600));
  const float card_x = (f.size.x - card_w) * 0.5f;
  const float pad = s.px(48);
  const float text_w = card_w - 2 * pad;
  const float card_top = header_h + s.px(40);
  float y = card_top + pad;
  const text::TextStyle heading{s.px(44), text::Weight::Bold, 1.4f};
  const text::TextStyle body{s.px(32), text::Weight::Regular, 1.6f};
  const text::TextStyle small{s.px(26), text::Weight::Regular, 1.6f};

  // The card is drawn behind the text once its height is known: split the draw list.
  dl->ChannelsSplit(2);
  dl->ChannelsSetCurrent(1);
  const char* blocks[][2] = {{kHeading1, kParagraph1}, {kHeading2, kParagraph2}, {kHeading3, kParagraph3}};
  for (const auto& [head, para] : blocks) {
    y += f.text.draw(dl, ImVec2(card_x + pad, y), head, heading, text_w, theme::kHeading)->height;
    y += f.text.draw(dl, ImVec2(card_x + pad, y), para, body, text_w, theme::kText)->height + s.px(20);
  }
  y += f.text.draw(dl, ImVec2(card_x + pad, y), kFootnote, small, text_w, theme::kAccent)->height;
  dl->ChannelsSetCurrent(0);
  dl->AddRectFilled(ImVec2(card_x, card_top), ImVec2(card_x + card_w, y + pad), theme::kCard, s.px(18));
  dl->AddRect(ImVec2(card_x, card_top), ImVec2(card_x + card_w, y + pad), theme::kCardBorder, s.px(18), 0, s.px(2));
  dl->ChannelsMerge();
}

}  // namespace khlang::kiosk

// Drawn items: the one format the kiosk writes and the screenshot checker reads, and what lies
// behind an item as the recorder sees it.
#include <doctest/doctest.h>

#include <algorithm>

#include "render/drawn_item.h"
#include "render/item_recorder.h"

using namespace khlang;
using namespace khlang::kiosk;

namespace {
DrawnItem sample_text() {
  DrawnItem it;
  it.kind = ItemKind::Text;
  it.box = {64, 120.5f, 1064, 200.25f};
  it.clip = {0, 120, 1920, 1080};
  it.frame = {64, 0, 1064, 1080};
  it.size = 32;
  it.bold = true;
  it.line_height = 1.6f;
  it.align = 1;
  it.wrap = 1000;
  it.text_rgba = 0x1c1e21ff;
  it.background_rgba = 0xf6f4eeff;
  it.link_rgba = 0x1258a8ff;
  it.scrolled = true;
  it.spans = {{0, 9, true, 0}, {12, 30, false, text::kSpanLink | text::kSpanItalic}};
  it.label = "ความรู้\tคือ\\อะไร\nบรรทัดที่สอง";
  return it;
}
}  // namespace

TEST_CASE("drawn items: an item written and read back is the same item") {
  DrawnItem button;
  button.kind = ItemKind::Button;
  button.box = {10, 20, 230, 100};
  button.clip = {0, 0, 1920, 1080};
  button.frame = button.box;
  button.size = 34;
  button.text_rgba = 0xffffffff;
  button.background_rgba = 0x165c48ff;
  button.tappable = true;
  button.label = "‹ ย้อนกลับ";
  const std::vector<DrawnItem> items{sample_text(), button};
  const std::string text = format_items(items);
  CHECK(std::count(text.begin(), text.end(), '\n') == 2);  // one line each: the label's newline is escaped
  auto back = parse_items(text);
  REQUIRE(back.ok());
  REQUIRE(back->size() == 2);
  CHECK(back.value()[0] == items[0]);
  CHECK(back.value()[1] == items[1]);
}

TEST_CASE("drawn items: a dump names the words the engine kept whole, for checkers to lay text out alike") {
  const std::vector<DrawnItem> items{sample_text()};
  const std::string text = format_items(items, {"ศรีโพธิ์เงิน", "ป่าแดด"});
  CHECK(text.starts_with("whole-words\tศรีโพธิ์เงิน\tป่าแดด\n"));
  CHECK(parse_whole_words(text) == std::vector<std::string>{"ศรีโพธิ์เงิน", "ป่าแดด"});
  auto back = parse_items(text);
  REQUIRE(back.ok());
  CHECK(back.value() == items);
  CHECK(format_items(items) == format_item(items[0]) + "\n");  // none: no such line
  CHECK(parse_whole_words(format_items(items)).empty());
}

TEST_CASE("drawn items: a line that is not an item is named") {
  auto few = parse_items("text\t1\t2\n");
  REQUIRE_FALSE(few.ok());
  CHECK(few.error().message == "drawn items line 1: 3 fields, not 25");
  std::string line = format_item(sample_text());
  auto kind = parse_items("\n" + std::string("label") + line.substr(line.find('\t')));
  REQUIRE_FALSE(kind.ok());
  CHECK(kind.error().message == "drawn items line 2: unknown kind 'label'");
  std::string bad_colour = line;
  bad_colour.replace(bad_colour.find("#1c1e21ff"), 9, "#1c1e21");
  CHECK(parse_items(bad_colour).error().message == "drawn items line 1: a colour is not #rrggbbaa");
}

TEST_CASE("drawn items: what shows of an item is its box inside its clip") {
  DrawnItem it = sample_text();
  it.box = {100, 50, 300, 250};
  it.clip = {0, 120, 1920, 1080};
  const ItemBox v = it.visible();
  CHECK(v == ItemBox{100, 120, 300, 250});
  it.clip = {0, 500, 1920, 1080};
  CHECK(it.visible().width() == 0);
}

TEST_CASE("drawn items: a text block's background is the last surface under its middle, blended if translucent") {
  ItemRecorder rec;
  rec.surface(ImRect(0, 0, 1000, 1000), IM_COL32(246, 244, 238, 255));
  rec.surface(ImRect(100, 100, 500, 300), IM_COL32(255, 255, 255, 255));
  rec.surface(ImRect(0, 0, 1000, 1000), IM_COL32(0, 0, 0, 0));  // fully transparent: what was there shows
  CHECK(rec.background_at(ImVec2(200, 200)) == 0xffffffffu);
  CHECK(rec.background_at(ImVec2(700, 700)) == 0xf6f4eeffu);
  rec.surface(ImRect(600, 600, 800, 800), IM_COL32(0, 0, 0, 60));  // a pressed tile's shade
  CHECK(rec.background_at(ImVec2(700, 700)) == 0xbcbbb6ffu);
  DrawnItem text;
  text.box = {120, 150, 400, 200};
  text.label = "ข้อความ";
  rec.add(text, ImRect(0, 0, 1920, 1080));
  DrawnItem hidden = text;
  hidden.box = {120, 1200, 400, 1300};  // scrolled out of its clip
  rec.add(hidden, ImRect(0, 0, 1920, 1080));
  REQUIRE(rec.items().size() == 1);
  CHECK(rec.items()[0].background_rgba == 0xffffffffu);
  CHECK(rec.items()[0].clip == ItemBox{0, 0, 1920, 1080});
  CHECK(rgba_of(IM_COL32(1, 2, 3, 4)) == 0x01020304u);
}

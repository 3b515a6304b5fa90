#include <doctest/doctest.h>

#include "content/markdown.h"

using namespace khlang::content;
using khlang::text::kSpanItalic;
using khlang::text::kSpanLink;

TEST_CASE("Markdown: headings, paragraphs with bold, italic and links") {
  auto doc = parse_markdown("# หัวข้อ\n\nการจัดการ**ความรู้** คือ *KM* ดู [เว็บไซต์](https://example.org/km)\n");
  REQUIRE(doc.ok());
  REQUIRE(doc->blocks.size() == 2);
  CHECK(doc->blocks[0].kind == BlockKind::Heading);
  CHECK(doc->blocks[0].level == 1);
  CHECK(doc->blocks[0].content.text == "หัวข้อ");
  const MarkdownBlock& p = doc->blocks[1];
  CHECK(p.kind == BlockKind::Paragraph);
  CHECK(p.content.text == "การจัดการความรู้ คือ KM ดู เว็บไซต์");
  REQUIRE(p.content.spans.size() == 3);
  CHECK(p.content.text.substr(p.content.spans[0].begin, p.content.spans[0].end - p.content.spans[0].begin) == "ความรู้");
  CHECK(p.content.spans[0].bold);
  CHECK(p.content.spans[1].flags == kSpanItalic);
  CHECK(p.content.spans[2].flags == kSpanLink);
  REQUIRE(p.links.size() == 1);
  CHECK(p.links[0].url == "https://example.org/km");
  CHECK(p.links[0].label == "เว็บไซต์");
  CHECK(doc->links().size() == 1);
}

TEST_CASE("Markdown: nested and ordered lists, quotes, rules, tables, images") {
  auto doc = parse_markdown(
      "1. หนึ่ง\n2. สอง\n   - ย่อย\n     - ย่อยลงไป\n\n> คำพูด\n\n---\n\n| ก | ข |\n|---|---|\n| 1 | **2** |\n\n"
      "![แผนผัง](chart.png)\n");
  REQUIRE(doc.ok());
  std::vector<BlockKind> kinds;
  for (const auto& b : doc->blocks) kinds.push_back(b.kind);
  CHECK(kinds == std::vector<BlockKind>{BlockKind::ListItem, BlockKind::ListItem, BlockKind::ListItem,
                                        BlockKind::ListItem, BlockKind::Paragraph, BlockKind::Rule, BlockKind::Table,
                                        BlockKind::Image});
  CHECK(doc->blocks[0].ordered);
  CHECK(doc->blocks[1].number == 2);
  CHECK(doc->blocks[2].level == 2);
  CHECK(doc->blocks[3].level == 3);
  CHECK(doc->blocks[3].content.text == "ย่อยลงไป");
  CHECK(doc->blocks[4].quote_depth == 1);
  const MarkdownBlock& table = doc->blocks[6];
  REQUIRE(table.rows.size() == 2);
  CHECK(table.rows[0][1].text == "ข");
  CHECK(table.rows[1][1].spans.size() == 1);
  CHECK(doc->blocks[7].image_src == "chart.png");
  CHECK(doc->blocks[7].image_alt == "แผนผัง");
}

TEST_CASE("Markdown: raw HTML stays visible text (nothing interprets it), bad input does not crash") {
  auto doc = parse_markdown("<script>alert(1)</script>\n\nข้อความ \xFF\n");
  REQUIRE(doc.ok());
  REQUIRE(doc->blocks.size() == 2);
  CHECK(doc->blocks[0].kind == BlockKind::Paragraph);
  CHECK(doc->blocks[0].content.text == "<script>alert(1)</script>");
  CHECK(parse_markdown("").ok());
  CHECK(parse_markdown("**ไม่ปิด\n\n- \n-").ok());
}

TEST_CASE("Markdown: bold or italic inside an image's alt text stays with the image") {
  auto doc = parse_markdown("ก่อน ![ภาพ **หนา** *เอียง* [ลิงก์](u)](a.png) หลังภาพยาว ๆ\n");
  REQUIRE(doc.ok());
  REQUIRE(doc->blocks.size() == 2);
  const MarkdownBlock& p = doc->blocks[0];
  CHECK(p.content.text == "ก่อน  หลังภาพยาว ๆ");
  CHECK(p.content.spans.empty());  // nothing bold or italic lands on the text after the image
  CHECK(p.links.empty());
  CHECK(doc->blocks[1].kind == BlockKind::Image);
  CHECK(doc->blocks[1].image_alt == "ภาพ หนา เอียง ลิงก์");
  // A span that closes before the image is kept whole.
  auto before = parse_markdown("**หนา** ![*x*](b.png) ต่อ\n");
  REQUIRE(before.ok());
  const auto& spans = before->blocks[0].content.spans;
  REQUIRE(spans.size() == 1);
  CHECK(spans[0].bold);
  CHECK(spans[0].end <= before->blocks[0].content.text.size());
}

// [SECTION] Markdown (CommonMark + tables, via md4c) as a flat list of blocks with inline spans,
// ready for the text engine: headings, paragraphs, nested list items, block quotes, tables,
// images, rules, code. Links keep their targets (the kiosk shows them as QR codes).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/shaped_text.h"
#include "util/error.h"

namespace khlang::content {

enum class BlockKind { Heading, Paragraph, ListItem, Code, Table, Image, Rule };

struct InlineText {
  std::string text;                     // UTF-8, soft breaks as spaces, hard breaks as '\n'
  std::vector<text::TextSpan> spans;    // bold, italic, links (byte ranges of `text`)
  bool operator==(const InlineText&) const = default;
};

struct Link {
  std::string label, url;
};

struct MarkdownBlock {
  BlockKind kind = BlockKind::Paragraph;
  int level = 0;       // heading level 1..6; list depth 1..; quote depth for any block
  int quote_depth = 0;
  bool ordered = false;  // list items
  int number = 0;        // ordered list item number
  InlineText content;
  std::vector<std::vector<InlineText>> rows;  // tables: the first row is the header
  std::string image_src, image_alt;
  std::vector<Link> links;  // links in this block
};

struct MarkdownDocument {
  std::vector<MarkdownBlock> blocks;
  std::vector<Link> links() const;  // every link, in order
};

Expected<MarkdownDocument> parse_markdown(std::string_view markdown);

}  // namespace khlang::content

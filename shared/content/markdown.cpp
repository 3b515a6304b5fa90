#include "content/markdown.h"

#include <md4c.h>

#include <algorithm>
#include <functional>
#include <string_view>

namespace khlang::content {
namespace {

// Builds blocks from md4c's callbacks. Inline text accumulates in the innermost open leaf block
// (paragraph, heading, list item text, table cell, code).
class Builder {
 public:
  explicit Builder(std::string_view input) : input_(input) {}

  MarkdownDocument doc;

  int enter_block(MD_BLOCKTYPE type, void* detail) {
    switch (type) {
      case MD_BLOCK_QUOTE: ++quote_depth_; break;
      case MD_BLOCK_UL:
      case MD_BLOCK_OL: {
        List l;
        l.ordered = type == MD_BLOCK_OL;
        l.next = l.ordered ? static_cast<int>(static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start) : 0;
        lists_.push_back(l);
        break;
      }
      case MD_BLOCK_LI: {
        MarkdownBlock b = start(BlockKind::ListItem);
        b.level = static_cast<int>(lists_.size());
        b.ordered = !lists_.empty() && lists_.back().ordered;
        b.number = lists_.empty() ? 0 : lists_.back().next++;
        open_leaf(std::move(b));
        break;
      }
      case MD_BLOCK_H: {
        MarkdownBlock b = start(BlockKind::Heading);
        b.level = static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level);
        open_leaf(std::move(b));
        break;
      }
      case MD_BLOCK_P:
        // A paragraph inside a list item continues the item's text (tight or loose lists).
        if (leaf_ && leaf_->kind == BlockKind::ListItem) {
          if (!leaf_->content.text.empty()) leaf_->content.text += "\n";
          ++nested_paragraphs_;
        } else {
          open_leaf(start(BlockKind::Paragraph));
        }
        break;
      case MD_BLOCK_CODE: open_leaf(start(BlockKind::Code)); break;
      case MD_BLOCK_HR: doc.blocks.push_back(start(BlockKind::Rule)); break;
      case MD_BLOCK_TABLE: table_ = start(BlockKind::Table); break;
      case MD_BLOCK_TR: table_.rows.emplace_back(); break;
      case MD_BLOCK_TH:
      case MD_BLOCK_TD: table_.rows.back().emplace_back(); in_cell_ = true; break;
      default: break;
    }
    return 0;
  }

  int leave_block(MD_BLOCKTYPE type, void*) {
    switch (type) {
      case MD_BLOCK_QUOTE: --quote_depth_; break;
      case MD_BLOCK_UL:
      case MD_BLOCK_OL: lists_.pop_back(); break;
      case MD_BLOCK_P:
        if (nested_paragraphs_ > 0) --nested_paragraphs_;
        else close_leaf();
        break;
      case MD_BLOCK_LI:
      case MD_BLOCK_H:
      case MD_BLOCK_CODE: close_leaf(); break;
      case MD_BLOCK_TH:
      case MD_BLOCK_TD: in_cell_ = false; break;
      case MD_BLOCK_TABLE: doc.blocks.push_back(std::move(table_)); table_ = {}; break;
      default: break;
    }
    return 0;
  }

  int enter_span(MD_SPANTYPE type, void* detail) {
    InlineText* t = target();
    if (!t) return 0;
    OpenSpan s{type, static_cast<uint32_t>(t->text.size()), {}, leaf_ ? leaf_->links.size() : 0};
    if (type == MD_SPAN_A) {
      const MD_ATTRIBUTE& href = static_cast<MD_SPAN_A_DETAIL*>(detail)->href;
      s.url = within_input(href.text, href.size);
    } else if (type == MD_SPAN_IMG) {
      const MD_ATTRIBUTE& src = static_cast<MD_SPAN_IMG_DETAIL*>(detail)->src;
      s.url = within_input(src.text, src.size);
    }
    spans_.push_back(std::move(s));
    return 0;
  }

  int leave_span(MD_SPANTYPE type, void*) {
    InlineText* t = target();
    if (!t || spans_.empty()) return 0;
    OpenSpan s = std::move(spans_.back());
    spans_.pop_back();
    const auto end = static_cast<uint32_t>(t->text.size());
    if (type == MD_SPAN_IMG) {
      // An image on its own line becomes an image block; its alt text leaves the paragraph.
      MarkdownBlock img = start(BlockKind::Image);
      img.image_src = s.url;
      img.image_alt = t->text.substr(s.begin);
      t->text.resize(s.begin);
      // Bold, italic or links inside the alt text left with it: none may reach past the text's
      // new end, where the text after the image will go.
      std::erase_if(t->spans, [&](const text::TextSpan& span) { return span.begin >= s.begin; });
      for (text::TextSpan& span : t->spans) span.end = std::min(span.end, s.begin);
      if (leaf_ && leaf_->links.size() > s.links_before) leaf_->links.resize(s.links_before);
      images_.push_back(std::move(img));
      return 0;
    }
    if (end <= s.begin) return 0;
    text::TextSpan span{s.begin, end, false, 0};
    if (type == MD_SPAN_STRONG) span.bold = true;
    else if (type == MD_SPAN_EM) span.flags = text::kSpanItalic;
    else if (type == MD_SPAN_A) span.flags = text::kSpanLink;
    else return 0;
    if (type == MD_SPAN_A && leaf_) leaf_->links.push_back({t->text.substr(s.begin, end - s.begin), s.url});
    add_span(*t, span);
    return 0;
  }

  int text(MD_TEXTTYPE type, const MD_CHAR* data, MD_SIZE size) {
    InlineText* t = target();
    if (!t) return 0;
    switch (type) {
      case MD_TEXT_SOFTBR: t->text += leaf_ && leaf_->kind == BlockKind::Code ? "\n" : " "; break;
      case MD_TEXT_BR: t->text += "\n"; break;
      case MD_TEXT_NULLCHAR: t->text += "\xEF\xBF\xBD"; break;
      default: t->text += within_input(data, size); break;
    }
    return 0;
  }

 private:
  // md4c 0.4.8 (Debian 12) reads past the end of its input on some inputs and then hands a text
  // or URL that runs past the document's end, or a length from what it read there (found by
  // fuzz_markdown). parse_markdown gives it a copy padded with NULs, and every string is cut at the
  // document's end. A string md4c keeps in its own memory (the "\n" of a code line, a URL rebuilt
  // around an entity) lies outside the document: it is taken when it is no longer than the
  // document, and dropped otherwise.
  std::string_view within_input(const MD_CHAR* data, MD_SIZE size) const {
    const MD_CHAR* begin = input_.data();
    const MD_CHAR* end = begin + input_.size();
    if (data == nullptr) return {};
    if (std::less_equal<>{}(begin, data) && std::less_equal<>{}(data, end)) {
      return {data, std::min<size_t>(size, static_cast<size_t>(end - data))};
    }
    if (size > input_.size()) return {};
    return {data, size};
  }

  std::string_view input_;

  struct List {
    bool ordered = false;
    int next = 1;
  };
  struct OpenSpan {
    MD_SPANTYPE type;
    uint32_t begin;
    std::string url;
    size_t links_before;  // the leaf's link count when the span opened
  };

  MarkdownBlock start(BlockKind kind) const {
    MarkdownBlock b;
    b.kind = kind;
    b.quote_depth = quote_depth_;
    return b;
  }
  void open_leaf(MarkdownBlock b) {
    close_leaf();  // a list item's own text ends where a nested block starts
    pending_.push_back(std::move(b));
    leaf_ = &pending_.back();
  }
  void close_leaf() {
    if (!leaf_) return;
    if (!leaf_->content.text.empty() || leaf_->kind == BlockKind::ListItem) doc.blocks.push_back(std::move(*leaf_));
    for (MarkdownBlock& img : images_) doc.blocks.push_back(std::move(img));
    images_.clear();
    pending_.clear();
    leaf_ = nullptr;
  }
  InlineText* target() {
    if (in_cell_ && !table_.rows.empty() && !table_.rows.back().empty()) return &table_.rows.back().back();
    return leaf_ ? &leaf_->content : nullptr;
  }
  // Nested spans (bold inside a link) merge: the text engine takes non-overlapping spans.
  static void add_span(InlineText& t, text::TextSpan span) {
    std::vector<text::TextSpan> out;
    for (const text::TextSpan& s : t.spans) {
      if (s.end <= span.begin || s.begin >= span.end) {
        out.push_back(s);
        continue;
      }
      if (s.begin < span.begin) out.push_back({s.begin, span.begin, s.bold, s.flags});
      if (s.end > span.end) out.push_back({span.end, s.end, s.bold, s.flags});
      span.bold = span.bold || s.bold;
      span.flags = static_cast<uint8_t>(span.flags | s.flags);
    }
    out.push_back(span);
    std::sort(out.begin(), out.end(), [](const text::TextSpan& a, const text::TextSpan& b) { return a.begin < b.begin; });
    t.spans = std::move(out);
  }

  int quote_depth_ = 0;
  int nested_paragraphs_ = 0;
  bool in_cell_ = false;
  std::vector<List> lists_;
  std::vector<MarkdownBlock> pending_;  // holds the open leaf block
  MarkdownBlock* leaf_ = nullptr;
  MarkdownBlock table_;
  std::vector<MarkdownBlock> images_;
  std::vector<OpenSpan> spans_;
};

}  // namespace

std::vector<Link> MarkdownDocument::links() const {
  std::vector<Link> out;
  for (const MarkdownBlock& b : blocks) out.insert(out.end(), b.links.begin(), b.links.end());
  return out;
}

Expected<MarkdownDocument> parse_markdown(std::string_view markdown) {
  // The padding keeps md4c's reads past the end inside this buffer and the same on every run.
  constexpr size_t kPadding = 64;
  std::string padded(markdown.size() + kPadding, '\0');
  std::copy(markdown.begin(), markdown.end(), padded.begin());
  Builder builder(std::string_view(padded.data(), markdown.size()));
  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEAUTOLINKS | MD_FLAG_NOHTML;
  parser.enter_block = [](MD_BLOCKTYPE t, void* d, void* u) { return static_cast<Builder*>(u)->enter_block(t, d); };
  parser.leave_block = [](MD_BLOCKTYPE t, void* d, void* u) { return static_cast<Builder*>(u)->leave_block(t, d); };
  parser.enter_span = [](MD_SPANTYPE t, void* d, void* u) { return static_cast<Builder*>(u)->enter_span(t, d); };
  parser.leave_span = [](MD_SPANTYPE t, void* d, void* u) { return static_cast<Builder*>(u)->leave_span(t, d); };
  parser.text = [](MD_TEXTTYPE t, const MD_CHAR* s, MD_SIZE n, void* u) { return static_cast<Builder*>(u)->text(t, s, n); };
  if (md_parse(padded.data(), static_cast<MD_SIZE>(markdown.size()), &parser, &builder) != 0) {
    return Error{"the Markdown could not be parsed"};
  }
  return std::move(builder.doc);
}

}  // namespace khlang::content

#include "search/documents.h"

#include "content/markdown.h"

namespace khlang::search {
namespace {

// What a reader reads of a Markdown text: its words, not its markup.
std::string plain_text(const std::string& markdown) {
  auto doc = content::parse_markdown(markdown);
  if (!doc) return markdown;
  std::string out;
  for (const content::MarkdownBlock& b : doc->blocks) {
    if (!b.content.text.empty()) out += b.content.text + "\n";
    for (const auto& row : b.rows) {
      for (const auto& cell : row) out += cell.text + " ";
      out += "\n";
    }
    if (!b.image_alt.empty()) out += b.image_alt + "\n";
  }
  return out;
}

std::string join(std::initializer_list<std::string> parts) {
  std::string out;
  for (const std::string& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += "\n";
    out += p;
  }
  return out;
}

using F = const Fields&;

}  // namespace

const std::vector<DocumentKind>& document_kinds() {
  static const std::vector<DocumentKind> kinds = {
      {HitKind::Article, "article", "id, title, summary, body_md, tags", [](F f) { return "article:" + f["id"]; },
       [](F f) { return f["title"]; }, [](F f) { return join({f["summary"], plain_text(f["body_md"]), f["tags"]}); }},
      {HitKind::Announcement, "announcement", "id, title, body_md", [](F f) { return "announcement:" + f["id"]; },
       [](F f) { return f["title"]; }, [](F f) { return plain_text(f["body_md"]); }},
      {HitKind::Person, "person", "id, name_th, name_en, position, department, expertise, km_duty",
       [](F f) { return "person:" + f["id"]; },
       [](F f) { return f["name_en"].empty() ? f["name_th"] : f["name_th"] + " / " + f["name_en"]; },
       [](F f) { return join({f["position"], f["department"], f["expertise"], f["km_duty"]}); }},
      {HitKind::Activity, "plan_activity", "id, plan_id, activity, method, indicator, target, responsible",
       [](F f) { return "plan:" + f["plan_id"] + "#" + f["id"]; }, [](F f) { return f["activity"]; },
       [](F f) { return join({f["method"], f["indicator"], f["target"], f["responsible"]}); }},
      {HitKind::Community, "community", "id, name, topic, description, meeting_schedule",
       [](F) { return std::string("people"); }, [](F f) { return f["name"]; },
       [](F f) { return join({f["topic"], f["description"], f["meeting_schedule"]}); }},
  };
  return kinds;
}

const DocumentKind* find_document_kind(HitKind kind) {
  for (const DocumentKind& k : document_kinds()) {
    if (kind == k.kind) return &k;
  }
  return nullptr;
}

std::vector<std::string_view> column_names(const DocumentKind& kind) {
  std::vector<std::string_view> names;
  std::string_view cols = kind.columns;
  while (!cols.empty()) {
    const size_t comma = cols.find(',');
    std::string_view name = cols.substr(0, comma);
    while (name.starts_with(' ')) name.remove_prefix(1);
    names.push_back(name);
    cols = comma == std::string_view::npos ? std::string_view() : cols.substr(comma + 1);
  }
  return names;
}

std::string RowFields::operator[](std::string_view column) const {
  for (size_t i = 0; i < names_.size() && i < cells_.size(); ++i) {
    if (names_[i] == column) return cells_[i];
  }
  return std::string();
}

StatementFields::StatementFields(const sqlite::Statement& row, const DocumentKind& kind)
    : row_(row), names_(column_names(kind)) {}

std::string StatementFields::operator[](std::string_view column) const {
  for (size_t i = 0; i < names_.size(); ++i) {
    if (names_[i] == column) return row_.column_text(static_cast<int>(i));
  }
  return std::string();
}

Expected<DocumentRow> load_document(sqlite::Database& db, HitKind kind, const std::string& ref) {
  const DocumentKind* k = find_document_kind(kind);
  if (!k) return DocumentRow{};
  // The kind's columns, then is_sample (every document's table has it) after them.
  auto row = db.prepare(std::string("SELECT ") + k->columns + ", is_sample FROM " + k->table + " WHERE id = ?");
  if (!row) return row.error();
  row->bind(1, std::string_view(ref));
  KHLANG_TRY_AS(const bool found, row->step());
  if (!found) return DocumentRow{};
  const StatementFields fields(row.value(), *k);
  return DocumentRow{k->body(fields), row->column_int(static_cast<int>(column_names(*k).size())) != 0};
}

Expected<std::string> document_body(sqlite::Database& db, HitKind kind, const std::string& ref) {
  KHLANG_TRY_AS(DocumentRow document, load_document(db, kind, ref));
  return std::move(document.body);
}

}  // namespace khlang::search

// [SECTION] What the search index holds: one document per article, announcement, person, plan
// activity and community of practice, with where the kiosk shows it, its title and the text the
// index takes from it. Read from the database (an index built on the kiosk, snippets) or from a
// content row on its way into a bundle (pack), through the same functions, so both cut the same
// words.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "search/search_index.h"
#include "sqlite/database.h"
#include "util/error.h"

namespace khlang::search {

// The named text columns of one content row.
class Fields {
 public:
  virtual ~Fields() = default;
  virtual std::string operator[](std::string_view column) const = 0;
};

struct DocumentKind {
  HitKind kind;
  const char* table;    // its content table
  const char* columns;  // the columns it reads, the row's id first: "id, title, summary, body_md, tags"
  std::string (*route)(const Fields&);
  std::string (*title)(const Fields&);
  std::string (*body)(const Fields&);
};

// In the order the index numbers its documents: documents 1..N are the rows of these tables, kind
// after kind, each in id order (SQLite's byte order).
const std::vector<DocumentKind>& document_kinds();
const DocumentKind* find_document_kind(HitKind kind);

// The names in `kind.columns`, in order.
std::vector<std::string_view> column_names(const DocumentKind& kind);

// A row's cells in the order of `kind.columns`, read by column name.
class RowFields : public Fields {
 public:
  RowFields(const DocumentKind& kind, const std::vector<std::string>& cells)
      : names_(column_names(kind)), cells_(cells) {}
  std::string operator[](std::string_view column) const override;

 private:
  std::vector<std::string_view> names_;
  const std::vector<std::string>& cells_;
};

// A row of a statement selecting `kind.columns`, read by column name.
class StatementFields : public Fields {
 public:
  StatementFields(const sqlite::Statement& row, const DocumentKind& kind);
  std::string operator[](std::string_view column) const override;

 private:
  const sqlite::Statement& row_;
  std::vector<std::string_view> names_;
};

// A hit's row, read once: its text, for the snippet (the index keeps no text of its own), and
// whether it is sample data (every document's table has is_sample). Empty and not sample if the
// row is gone.
struct DocumentRow {
  std::string body;
  bool is_sample = false;
};
Expected<DocumentRow> load_document(sqlite::Database& db, HitKind kind, const std::string& ref);
// The text alone.
Expected<std::string> document_body(sqlite::Database& db, HitKind kind, const std::string& ref);

}  // namespace khlang::search

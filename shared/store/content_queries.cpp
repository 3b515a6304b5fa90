#include "store/content_queries.h"

namespace khlang::store {

Expected<std::optional<Organization>> load_organization(Database& db) {
  auto stmt = db.prepare(
      "SELECT name_th, name_en, address_th, address_en, phone, email, website, logo_media, color_primary, "
      "color_accent, about_th, about_en FROM organization WHERE id = 1");
  if (!stmt) return stmt.error();
  auto row = stmt->step();
  if (!row) return row.error();
  if (!row.value()) return std::optional<Organization>();
  Organization o{stmt->column_text(0), stmt->column_text(1), stmt->column_text(2), stmt->column_text(3),
                 stmt->column_text(4), stmt->column_text(5), stmt->column_text(6), stmt->column_optional_text(7),
                 stmt->column_text(8), stmt->column_text(9), stmt->column_text(10), stmt->column_text(11)};
  return std::optional<Organization>(std::move(o));
}

Expected<ContentSummary> load_summary(Database& db) {
  auto stmt = db.prepare(
      "SELECT (SELECT count(*) FROM article), (SELECT count(*) FROM announcement), (SELECT count(*) FROM plan), "
      "(SELECT count(*) FROM person), (SELECT count(*) FROM media), coalesce((SELECT seq FROM bundle_info), 0), "
      "coalesce((SELECT created_at FROM bundle_info), '')");
  if (!stmt) return stmt.error();
  auto row = stmt->step();
  if (!row) return row.error();
  return ContentSummary{stmt->column_int(0), stmt->column_int(1), stmt->column_int(2), stmt->column_int(3),
                        stmt->column_int(4), stmt->column_int(5), stmt->column_text(6)};
}

Expected<std::vector<CategoryItem>> load_categories(Database& db) {
  auto stmt = db.prepare(
      "SELECT c.id, c.title_th, c.title_en, (SELECT count(*) FROM article a WHERE a.category_id = c.id) "
      "FROM category c ORDER BY c.sort_order, c.id");
  if (!stmt) return stmt.error();
  std::vector<CategoryItem> out;
  auto read = stmt->for_each_row([&](const Statement& row) {
    out.push_back({row.column_text(0), row.column_text(1), row.column_text(2), row.column_int(3)});
  });
  if (!read) return read.error();
  return out;
}

namespace {
constexpr const char* kArticleItemColumns =
    "id, title, summary, coalesce(category_id, ''), published_on, updated_on, language, cover_media";
ArticleItem article_item(const Statement& s) {
  return {s.column_text(0), s.column_text(1), s.column_text(2), s.column_text(3),
          s.column_text(4), s.column_text(5), s.column_text(6), s.column_optional_text(7)};
}
}  // namespace

Expected<std::vector<ArticleItem>> load_articles(Database& db, const std::string& category_id, int64_t offset,
                                                 int64_t limit) {
  auto stmt = db.prepare(std::string("SELECT ") + kArticleItemColumns +
                         " FROM article WHERE category_id = ? ORDER BY sort_order, published_on DESC, id "
                         "LIMIT ? OFFSET ?");
  if (!stmt) return stmt.error();
  stmt->bind_all(std::string_view(category_id), limit, offset);
  std::vector<ArticleItem> out;
  auto read = stmt->for_each_row([&](const Statement& row) { out.push_back(article_item(row)); });
  if (!read) return read.error();
  return out;
}

Expected<std::optional<Article>> load_article(Database& db, const std::string& id) {
  auto stmt = db.prepare(std::string("SELECT ") + kArticleItemColumns +
                         ", body_md, tags, department, author_id FROM article WHERE id = ?");
  if (!stmt) return stmt.error();
  stmt->bind(1, std::string_view(id));
  auto row = stmt->step();
  if (!row) return row.error();
  if (!row.value()) return std::optional<Article>();
  Article a;
  static_cast<ArticleItem&>(a) = article_item(stmt.value());
  a.body_md = stmt->column_text(8);
  a.tags = stmt->column_text(9);
  a.department = stmt->column_text(10);
  a.author_id = stmt->column_optional_text(11);
  return std::optional<Article>(std::move(a));
}

}  // namespace khlang::store

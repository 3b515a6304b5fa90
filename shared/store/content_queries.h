// [SECTION] Typed queries on the kiosk's content (read side; the kiosk's screens use these).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/sqlite.h"

namespace khlang::store {

struct Organization {
  std::string name_th, name_en, address_th, address_en, phone, email, website;
  std::optional<std::string> logo_media;
  std::string color_primary, color_accent, about_th, about_en;
};

struct ContentSummary {
  int64_t articles = 0, announcements = 0, plans = 0, people = 0, media = 0;
  int64_t bundle_seq = 0;
  std::string bundle_created_at;  // "data as of"
};

struct CategoryItem {
  std::string id, title_th, title_en;
  int64_t articles = 0;
};

struct ArticleItem {
  std::string id, title, summary, category_id, published_on, updated_on, language;
  std::optional<std::string> cover_media;
};

struct Article : ArticleItem {
  std::string body_md, tags, department;
  std::optional<std::string> author_id;
};

// nullopt: no content yet.
Expected<std::optional<Organization>> load_organization(Database& db);
Expected<ContentSummary> load_summary(Database& db);
Expected<std::vector<CategoryItem>> load_categories(Database& db);
// Articles of a category, by sort order then newest; `offset`/`limit` page through long lists.
Expected<std::vector<ArticleItem>> load_articles(Database& db, const std::string& category_id, int64_t offset = 0,
                                                 int64_t limit = 1000);
Expected<std::optional<Article>> load_article(Database& db, const std::string& id);

}  // namespace khlang::store

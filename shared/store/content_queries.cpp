#include "store/content_queries.h"

#include <algorithm>

#include "content/content_tables.h"
#include "thai/thai_date.h"

namespace khlang::store {

Expected<std::optional<Organization>> load_organization(sqlite::Database& db) {
  auto stmt = db.prepare(
      "SELECT name_th, name_en, address_th, address_en, phone, email, website, logo_media, color_primary, "
      "color_accent, about_th, about_en, is_sample FROM organization WHERE id = 1");
  if (!stmt) return stmt.error();
  auto row = stmt->step();
  if (!row) return row.error();
  if (!row.value()) return std::optional<Organization>();
  Organization o{stmt->column_text(0), stmt->column_text(1), stmt->column_text(2), stmt->column_text(3),
                 stmt->column_text(4), stmt->column_text(5), stmt->column_text(6), stmt->column_optional_text(7),
                 stmt->column_text(8), stmt->column_text(9), stmt->column_text(10), stmt->column_text(11),
                 stmt->column_int(12) != 0};
  return std::optional<Organization>(std::move(o));
}

Expected<ContentSummary> load_summary(sqlite::Database& db) {
  std::string sample_rows;
  for (const content::TableSpec& t : content::content_tables()) {
    if (!content::has_sample_flag(t)) continue;
    sample_rows += (sample_rows.empty() ? "" : " + ") + std::string("(SELECT count(*) FROM ") + t.name + " WHERE is_sample)";
  }
  auto stmt = db.prepare(
      "SELECT (SELECT count(*) FROM article), (SELECT count(*) FROM announcement), (SELECT count(*) FROM plan), "
      "(SELECT count(*) FROM person), (SELECT count(*) FROM media), coalesce((SELECT seq FROM bundle_info), 0), "
      "coalesce((SELECT created_at FROM bundle_info), ''), " + sample_rows);
  if (!stmt) return stmt.error();
  auto row = stmt->step();
  if (!row) return row.error();
  return ContentSummary{stmt->column_int(0), stmt->column_int(1), stmt->column_int(2), stmt->column_int(3),
                        stmt->column_int(4), stmt->column_int(5), stmt->column_text(6), stmt->column_int(7)};
}

Expected<std::vector<CategoryItem>> load_categories(sqlite::Database& db) {
  auto stmt = db.prepare(
      "SELECT c.id, c.title_th, c.title_en, (SELECT count(*) FROM article a WHERE a.category_id = c.id) "
      "FROM category c ORDER BY c.sort_order, c.id");
  if (!stmt) return stmt.error();
  std::vector<CategoryItem> out;
  auto read = stmt->for_each_row([&](const sqlite::Statement& row) {
    out.push_back({row.column_text(0), row.column_text(1), row.column_text(2), row.column_int(3)});
  });
  if (!read) return read.error();
  return out;
}

namespace {
constexpr const char* kArticleItemColumns =
    "id, title, summary, coalesce(category_id, ''), published_on, updated_on, language, cover_media, is_sample";
ArticleItem article_item(const sqlite::Statement& s) {
  return {s.column_text(0), s.column_text(1), s.column_text(2), s.column_text(3),         s.column_text(4),
          s.column_text(5), s.column_text(6), s.column_optional_text(7), s.column_int(8) != 0};
}
}  // namespace

Expected<std::vector<ArticleItem>> load_articles(sqlite::Database& db, const std::string& category_id, int64_t offset,
                                                 int64_t limit) {
  auto stmt = db.prepare(std::string("SELECT ") + kArticleItemColumns +
                         " FROM article WHERE category_id = ? ORDER BY sort_order, published_on DESC, id "
                         "LIMIT ? OFFSET ?");
  if (!stmt) return stmt.error();
  stmt->bind_all(std::string_view(category_id), limit, offset);
  std::vector<ArticleItem> out;
  auto read = stmt->for_each_row([&](const sqlite::Statement& row) { out.push_back(article_item(row)); });
  if (!read) return read.error();
  return out;
}

Expected<std::optional<Article>> load_article(sqlite::Database& db, const std::string& id) {
  auto stmt = db.prepare(std::string("SELECT ") + kArticleItemColumns +
                         ", body_md, tags, department, author_id, "
                         "coalesce((SELECT name_th FROM person WHERE person.id = article.author_id), '') "
                         "FROM article WHERE id = ?");
  if (!stmt) return stmt.error();
  stmt->bind(1, std::string_view(id));
  auto row = stmt->step();
  if (!row) return row.error();
  if (!row.value()) return std::optional<Article>();
  Article a;
  static_cast<ArticleItem&>(a) = article_item(stmt.value());
  a.body_md = stmt->column_text(9);
  a.tags = stmt->column_text(10);
  a.department = stmt->column_text(11);
  a.author_id = stmt->column_optional_text(12);
  a.author_name = stmt->column_text(13);
  return std::optional<Article>(std::move(a));
}

Expected<std::optional<std::string>> longest_article_id(sqlite::Database& db) {
  auto stmt = db.prepare("SELECT id FROM article ORDER BY length(body_md) DESC, id LIMIT 1");
  if (!stmt) return stmt.error();
  auto row = stmt->step();
  if (!row) return row.error();
  if (!row.value()) return std::optional<std::string>();
  return std::optional<std::string>(stmt->column_text(0));
}

Expected<std::optional<std::vector<uint8_t>>> load_media(sqlite::Database& db, const std::string& id, bool thumbnail) {
  auto stmt = db.prepare(thumbnail ? "SELECT coalesce(thumb, data) FROM media WHERE id = ?"
                                   : "SELECT data FROM media WHERE id = ?");
  if (!stmt) return stmt.error();
  stmt->bind(1, std::string_view(id));
  auto row = stmt->step();
  if (!row) return row.error();
  if (!row.value()) return std::optional<std::vector<uint8_t>>();
  return std::optional<std::vector<uint8_t>>(stmt->column_blob(0));
}

Expected<std::vector<Announcement>> load_announcements(sqlite::Database& db) {
  auto stmt = db.prepare(
      "SELECT id, title, body_md, starts_at, ends_at, language, poster_media, priority, pinned, is_sample "
      "FROM announcement ORDER BY pinned DESC, priority DESC, starts_at DESC, id");
  if (!stmt) return stmt.error();
  std::vector<Announcement> out;
  auto read = stmt->for_each_row([&](const sqlite::Statement& r) {
    out.push_back({r.column_text(0), r.column_text(1), r.column_text(2), r.column_text(3), r.column_text(4),
                   r.column_text(5), r.column_optional_text(6), r.column_int(7), r.column_int(8) != 0,
                   r.column_int(9) != 0});
  });
  if (!read) return read.error();
  return out;
}

Expected<std::vector<Plan>> load_plans(sqlite::Database& db) {
  std::vector<Plan> plans;
  auto p = db.prepare(
      "SELECT id, title, desired_state, measurable_unit, fiscal_year_from, fiscal_year_to, is_sample FROM plan "
      "ORDER BY sort_order, id");
  if (!p) return p.error();
  auto read = p->for_each_row([&](const sqlite::Statement& r) {
    plans.push_back({r.column_text(0), r.column_text(1), r.column_text(2), r.column_text(3), r.column_int(4),
                     r.column_int(5), {}, r.column_int(6) != 0});
  });
  if (!read) return read.error();
  auto a = db.prepare(
      "SELECT id, activity, method, period, indicator, target, responsible, note, seq, plan_id, unit, unit_en, "
      "target_value, target_direction, measure, kiosk_measure, is_sample FROM plan_activity ORDER BY plan_id, seq, id");
  if (!a) return a.error();
  read = a->for_each_row([&](const sqlite::Statement& r) {
    plan::Indicator spec;
    spec.unit = r.column_text(10);
    spec.unit_en = r.column_text(11);
    if (!r.column_is_null(12)) spec.target_value = r.column_double(12);
    spec.direction = plan::parse_target_direction(r.column_text(13));
    spec.measure = plan::parse_measure(r.column_text(14), spec.unit);
    spec.kiosk_measure = plan::parse_kiosk_measure(r.column_text(15));
    for (Plan& plan : plans) {
      if (plan.id != r.column_text(9)) continue;
      plan.activities.push_back({r.column_text(0), r.column_text(1), r.column_text(2), r.column_text(3),
                                 r.column_text(4), r.column_text(5), r.column_text(6), r.column_text(7),
                                 r.column_int(8), {}, spec, r.column_int(16) != 0});
    }
  });
  if (!read) return read.error();
  auto g = db.prepare(
      "SELECT activity_id, period, status, note, recorded_on, fiscal_year, value, target_value, is_sample "
      "FROM progress ORDER BY activity_id, fiscal_year, recorded_on");
  if (!g) return g.error();
  read = g->for_each_row([&](const sqlite::Statement& r) {
    ProgressEntry e{r.column_text(0), r.column_text(1), r.column_text(2), r.column_text(3),
                    r.column_text(4), r.column_int(5), std::nullopt, std::nullopt, r.column_int(8) != 0};
    if (!r.column_is_null(6)) e.value = r.column_double(6);
    if (!r.column_is_null(7)) e.target_value = r.column_double(7);
    for (Plan& plan : plans) {
      for (PlanActivity& act : plan.activities) {
        if (act.id == e.activity_id) act.progress.push_back(e);
      }
    }
  });
  if (!read) return read.error();
  return plans;
}

Expected<std::vector<Person>> load_people(sqlite::Database& db) {
  auto stmt = db.prepare(
      "SELECT id, name_th, name_en, position, department, km_role, km_duty, expertise, contact, photo_media, "
      "committee_role, is_sample FROM person ORDER BY sort_order, id");
  if (!stmt) return stmt.error();
  std::vector<Person> out;
  auto read = stmt->for_each_row([&](const sqlite::Statement& r) {
    out.push_back({r.column_text(0), r.column_text(1), r.column_text(2), r.column_text(3), r.column_text(4),
                   r.column_text(5), r.column_text(6), r.column_text(7), r.column_text(8), r.column_optional_text(9),
                   r.column_text(10), r.column_int(11) != 0});
  });
  if (!read) return read.error();
  return out;
}

Expected<std::vector<Community>> load_communities(sqlite::Database& db) {
  auto stmt = db.prepare("SELECT id, name, topic, meeting_schedule, description, is_sample FROM community ORDER BY id");
  if (!stmt) return stmt.error();
  std::vector<Community> out;
  auto read = stmt->for_each_row([&](const sqlite::Statement& r) {
    out.push_back({r.column_text(0), r.column_text(1), r.column_text(2), r.column_text(3), r.column_text(4), {},
                   r.column_int(5) != 0});
  });
  if (!read) return read.error();
  auto members = db.prepare(
      "SELECT m.community_id, p.name_th, m.role FROM community_member m JOIN person p ON p.id = m.person_id "
      "ORDER BY m.community_id, p.sort_order, p.id");
  if (!members) return members.error();
  read = members->for_each_row([&](const sqlite::Statement& r) {
    for (Community& c : out) {
      if (c.id == r.column_text(0)) c.members.emplace_back(r.column_text(1), r.column_text(2));
    }
  });
  if (!read) return read.error();
  return out;
}

std::vector<Announcement> current_announcements(const std::vector<Announcement>& all, int64_t now_utc) {
  std::vector<Announcement> out;
  for (const Announcement& a : all) {
    const auto start = thai::parse_iso_utc_seconds(a.starts_at);
    const auto end = thai::parse_iso_utc_seconds(a.ends_at);
    if (start && end && *start <= now_utc && now_utc < *end) out.push_back(a);
  }
  return out;
}

plan::YearResult year_result(const ProgressEntry& e) {
  return {e.fiscal_year, e.value, e.target_value, plan::parse_author_status(e.status)};
}

plan::ProgressStatus progress_status(const PlanActivity& a, const ProgressEntry& e, const thai::CivilDate& today) {
  return plan::derive_status(a.spec, year_result(e), today);
}

const ProgressEntry* progress_for_year(const PlanActivity& a, int64_t fiscal_year) {
  const ProgressEntry* found = nullptr;
  for (const ProgressEntry& e : a.progress) {
    if (e.fiscal_year == fiscal_year) found = &e;  // ordered by recorded_on: the last one stands
  }
  return found;
}

plan::ProgressStatus status_for_year(const PlanActivity& a, int64_t fiscal_year, const thai::CivilDate& today) {
  if (const ProgressEntry* e = progress_for_year(a, fiscal_year)) return progress_status(a, *e, today);
  return plan::derive_status(a.spec, {fiscal_year, std::nullopt, std::nullopt, std::nullopt}, today);
}

std::array<int, plan::kAllStatuses.size()> plan_status_counts(const Plan& plan, int64_t fiscal_year,
                                                              const thai::CivilDate& today) {
  std::array<int, plan::kAllStatuses.size()> counts{};
  for (const PlanActivity& a : plan.activities) ++counts[static_cast<size_t>(status_for_year(a, fiscal_year, today))];
  return counts;
}

int64_t plan_reference_year(const Plan& plan, const thai::CivilDate& today) {
  const int64_t now = thai::fiscal_year_be(today);
  return std::clamp(now, plan.fiscal_year_from, std::max(plan.fiscal_year_from, plan.fiscal_year_to));
}

std::vector<const Plan*> plans_in_cycle_order(const std::vector<Plan>& plans, const thai::CivilDate& today) {
  std::vector<plan::FiscalRange> ranges;
  for (const Plan& p : plans) ranges.push_back(p.range());
  std::vector<const Plan*> out;
  for (size_t i : plan::cycle_order(ranges, today)) out.push_back(&plans[i]);
  return out;
}

bool plan_has_sample(const Plan& plan) {
  if (plan.is_sample) return true;
  for (const PlanActivity& a : plan.activities) {
    if (a.is_sample) return true;
    for (const ProgressEntry& e : a.progress) {
      if (e.is_sample) return true;
    }
  }
  return false;
}

int64_t content_created_utc(const ContentSummary& summary) {
  return thai::parse_iso_utc_seconds(summary.bundle_created_at).value_or(0);
}

}  // namespace khlang::store

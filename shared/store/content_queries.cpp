#include "store/content_queries.h"

#include <algorithm>
#include <climits>
#include <unordered_map>

#include "content/content_tables.h"
#include "text/excerpt.h"
#include "thai/thai_date.h"

namespace khlang::store {
namespace {

// A text column as a list carries it: SQL reads one code point more than `chars` (so a cut shows),
// and cut() ends it at a cluster with an ellipsis.
std::string cut_column(const std::string& column, size_t chars) {
  return "substr(" + column + ", 1, " + std::to_string(chars + 1) + ")";
}
std::string cut(std::string text, size_t chars) { return text.size() <= chars ? text : text::excerpt(text, chars); }

}  // namespace

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
  auto stmt = db.prepare("SELECT c.id, " + cut_column("c.title_th", kListTitleChars) + ", " +
                         cut_column("c.title_en", kListTitleChars) +
                         ", (SELECT count(*) FROM article a WHERE a.category_id = c.id) "
                         "FROM category c ORDER BY c.sort_order, c.id");
  if (!stmt) return stmt.error();
  std::vector<CategoryItem> out;
  auto read = stmt->for_each_row([&](const sqlite::Statement& row) {
    out.push_back({row.column_text(0), cut(row.column_text(1), kListTitleChars), cut(row.column_text(2), kListTitleChars),
                   row.column_int(3)});
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
  auto stmt = db.prepare("SELECT id, " + cut_column("title", kListTitleChars) + ", " + cut_column("summary", kListTextChars) +
                         ", coalesce(category_id, ''), published_on, updated_on, language, cover_media, is_sample "
                         "FROM article WHERE category_id = ? ORDER BY sort_order, published_on DESC, id "
                         "LIMIT ? OFFSET ?");
  if (!stmt) return stmt.error();
  stmt->bind_all(std::string_view(category_id), limit, offset);
  std::vector<ArticleItem> out;
  auto read = stmt->for_each_row([&](const sqlite::Statement& row) {
    ArticleItem a = article_item(row);
    a.title = cut(std::move(a.title), kListTitleChars);
    a.summary = cut(std::move(a.summary), kListTextChars);
    out.push_back(std::move(a));
  });
  if (!read) return read.error();
  return out;
}

Expected<ArticleCounts> count_articles(sqlite::Database& db, const std::string& category_id) {
  auto stmt = db.prepare("SELECT count(*), coalesce(sum(is_sample != 0), 0) FROM article WHERE category_id = ?");
  if (!stmt) return stmt.error();
  stmt->bind(1, std::string_view(category_id));
  auto row = stmt->step();
  if (!row) return row.error();
  return ArticleCounts{stmt->column_int(0), stmt->column_int(1)};
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
  auto stmt = db.prepare("SELECT id, " + cut_column("title", kListTitleChars) +
                         ", '', starts_at, ends_at, language, poster_media, priority, pinned, is_sample "
                         "FROM announcement ORDER BY pinned DESC, priority DESC, starts_at DESC, id");
  if (!stmt) return stmt.error();
  std::vector<Announcement> out;
  auto read = stmt->for_each_row([&](const sqlite::Statement& r) {
    out.push_back({r.column_text(0), cut(r.column_text(1), kListTitleChars), r.column_text(2), r.column_text(3),
                   r.column_text(4), r.column_text(5), r.column_optional_text(6), r.column_int(7), r.column_int(8) != 0,
                   r.column_int(9) != 0});
  });
  if (!read) return read.error();
  return out;
}

Expected<std::optional<Announcement>> load_announcement(sqlite::Database& db, const std::string& id) {
  auto stmt = db.prepare(
      "SELECT id, title, body_md, starts_at, ends_at, language, poster_media, priority, pinned, is_sample "
      "FROM announcement WHERE id = ?");
  if (!stmt) return stmt.error();
  stmt->bind(1, std::string_view(id));
  auto row = stmt->step();
  if (!row) return row.error();
  if (!row.value()) return std::optional<Announcement>();
  const sqlite::Statement& r = stmt.value();
  return std::optional<Announcement>(Announcement{r.column_text(0), r.column_text(1), r.column_text(2), r.column_text(3),
                                                  r.column_text(4), r.column_text(5), r.column_optional_text(6),
                                                  r.column_int(7), r.column_int(8) != 0, r.column_int(9) != 0});
}

Expected<std::vector<Plan>> load_plans(sqlite::Database& db, size_t cell_chars) {
  // Every text through one door: whole, or cut for the kiosk's cells.
  const auto col = [&](const char* name) { return cell_chars ? cut_column(name, cell_chars) : std::string(name); };
  const auto text = [&](const sqlite::Statement& r, int i) {
    return cell_chars ? cut(r.column_text(i), cell_chars) : r.column_text(i);
  };
  std::vector<Plan> plans;
  std::unordered_map<std::string, size_t> plan_index;
  auto p = db.prepare("SELECT id, " + col("title") + ", " + col("desired_state") + ", " + col("measurable_unit") +
                      ", fiscal_year_from, fiscal_year_to, is_sample FROM plan ORDER BY sort_order, id");
  if (!p) return p.error();
  auto read = p->for_each_row([&](const sqlite::Statement& r) {
    plan_index.emplace(r.column_text(0), plans.size());
    plans.push_back({r.column_text(0), text(r, 1), text(r, 2), text(r, 3), r.column_int(4), r.column_int(5), {},
                     r.column_int(6) != 0});
  });
  if (!read) return read.error();
  // Activities and progress entries find their parent by id (a map: thousands of rows stay linear).
  std::unordered_map<std::string, std::pair<size_t, size_t>> activity_index;
  auto a = db.prepare("SELECT id, " + col("activity") + ", " + col("method") + ", " + col("period") + ", " +
                      col("indicator") + ", " + col("target") + ", " + col("responsible") + ", " + col("note") +
                      ", seq, plan_id, unit, unit_en, target_value, target_direction, measure, kiosk_measure, is_sample "
                      "FROM plan_activity ORDER BY plan_id, seq, id");
  if (!a) return a.error();
  read = a->for_each_row([&](const sqlite::Statement& r) {
    plan::Indicator spec;
    spec.unit = r.column_text(10);
    spec.unit_en = r.column_text(11);
    if (!r.column_is_null(12)) spec.target_value = r.column_double(12);
    spec.direction = plan::parse_target_direction(r.column_text(13));
    spec.measure = plan::parse_measure(r.column_text(14), spec.unit);
    spec.kiosk_measure = plan::parse_kiosk_measure(r.column_text(15));
    const auto plan = plan_index.find(r.column_text(9));
    if (plan == plan_index.end()) return;
    std::vector<PlanActivity>& activities = plans[plan->second].activities;
    activity_index.emplace(r.column_text(0), std::make_pair(plan->second, activities.size()));
    activities.push_back({r.column_text(0), text(r, 1), text(r, 2), text(r, 3), text(r, 4), text(r, 5), text(r, 6),
                          text(r, 7), r.column_int(8), {}, spec, r.column_int(16) != 0});
  });
  if (!read) return read.error();
  auto g = db.prepare("SELECT activity_id, " + col("period") + ", status, " + col("note") +
                      ", recorded_on, fiscal_year, value, target_value, is_sample "
                      "FROM progress ORDER BY activity_id, fiscal_year, recorded_on");
  if (!g) return g.error();
  read = g->for_each_row([&](const sqlite::Statement& r) {
    const auto at = activity_index.find(r.column_text(0));
    if (at == activity_index.end()) return;
    ProgressEntry e{r.column_text(0), text(r, 1), r.column_text(2), text(r, 3),
                    r.column_text(4), r.column_int(5), std::nullopt, std::nullopt, r.column_int(8) != 0};
    if (!r.column_is_null(6)) e.value = r.column_double(6);
    if (!r.column_is_null(7)) e.target_value = r.column_double(7);
    plans[at->second.first].activities[at->second.second].progress.push_back(std::move(e));
  });
  if (!read) return read.error();
  return plans;
}

Expected<std::vector<Person>> load_people(sqlite::Database& db) {
  std::string sql = "SELECT id";
  for (const char* line : {"name_th", "name_en", "position", "department", "km_role"}) sql += ", " + cut_column(line, kListTitleChars);
  for (const char* paragraph : {"km_duty", "expertise", "contact"}) sql += ", " + cut_column(paragraph, kListTextChars);
  auto stmt = db.prepare(sql + ", photo_media, committee_role, is_sample FROM person ORDER BY sort_order, id");
  if (!stmt) return stmt.error();
  std::vector<Person> out;
  auto read = stmt->for_each_row([&](const sqlite::Statement& r) {
    out.push_back({r.column_text(0), cut(r.column_text(1), kListTitleChars), cut(r.column_text(2), kListTitleChars),
                   cut(r.column_text(3), kListTitleChars), cut(r.column_text(4), kListTitleChars),
                   cut(r.column_text(5), kListTitleChars), cut(r.column_text(6), kListTextChars),
                   cut(r.column_text(7), kListTextChars), cut(r.column_text(8), kListTextChars),
                   r.column_optional_text(9), r.column_text(10), r.column_int(11) != 0});
  });
  if (!read) return read.error();
  return out;
}

Expected<std::vector<Community>> load_communities(sqlite::Database& db) {
  auto stmt = db.prepare("SELECT id, " + cut_column("name", kListTitleChars) + ", " + cut_column("topic", kListTitleChars) +
                         ", " + cut_column("meeting_schedule", kListTitleChars) + ", " +
                         cut_column("description", kListTextChars) + ", is_sample FROM community ORDER BY id");
  if (!stmt) return stmt.error();
  std::vector<Community> out;
  std::unordered_map<std::string, size_t> index;
  auto read = stmt->for_each_row([&](const sqlite::Statement& r) {
    index.emplace(r.column_text(0), out.size());
    out.push_back({r.column_text(0), cut(r.column_text(1), kListTitleChars), cut(r.column_text(2), kListTitleChars),
                   cut(r.column_text(3), kListTitleChars), cut(r.column_text(4), kListTextChars), {}, 0,
                   r.column_int(5) != 0});
  });
  if (!read) return read.error();
  // The first members of each by the people's order, and how many there are.
  auto members = db.prepare(
      "SELECT community_id, name, role, n FROM (SELECT m.community_id, " + cut_column("p.name_th", kListTitleChars) +
      " AS name, " + cut_column("m.role", kListTitleChars) +
      " AS role, row_number() OVER (PARTITION BY m.community_id ORDER BY p.sort_order, p.id) AS k, "
      "count(*) OVER (PARTITION BY m.community_id) AS n "
      "FROM community_member m JOIN person p ON p.id = m.person_id) WHERE k <= " +
      std::to_string(kCommunityMembersListed) + " ORDER BY community_id, k");
  if (!members) return members.error();
  read = members->for_each_row([&](const sqlite::Statement& r) {
    const auto c = index.find(r.column_text(0));
    if (c == index.end()) return;
    out[c->second].members.emplace_back(cut(r.column_text(1), kListTitleChars), cut(r.column_text(2), kListTitleChars));
    out[c->second].member_count = r.column_int(3);
  });
  if (!read) return read.error();
  return out;
}

std::vector<Announcement> current_announcements(const std::vector<Announcement>& all, int64_t now_utc,
                                                int64_t* next_change) {
  std::vector<Announcement> out;
  int64_t next = INT64_MAX;
  for (const Announcement& a : all) {
    const auto start = thai::parse_iso_utc_seconds(a.starts_at);
    const auto end = thai::parse_iso_utc_seconds(a.ends_at);
    if (!start || !end) continue;
    if (*start <= now_utc && now_utc < *end) out.push_back(a);
    if (*start > now_utc) next = std::min(next, *start);
    if (*end > now_utc) next = std::min(next, *end);
  }
  if (next_change) *next_change = next;
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

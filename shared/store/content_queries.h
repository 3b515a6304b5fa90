// [SECTION] Typed queries on the kiosk's content (read side; the kiosk's screens use these).
//
// What a screen loads is bounded whatever the content holds (util/limits.h bounds the content):
// lists carry the start of long texts (kListTitleChars, kListTextChars: cut in SQL, ended at a
// cluster with an ellipsis by text::excerpt), never a body; bodies come one at a time
// (load_article, load_announcement); long lists come a page at a time (load_articles).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "plan/indicator.h"
#include "plan/plan_cycle.h"
#include "sqlite/database.h"

namespace khlang::store {

// How much of a long text a list or a card carries, in code points: a title or a name (about
// three lines on a card), a summary or a duty under it, a plan's table cell.
inline constexpr size_t kListTitleChars = 200;
inline constexpr size_t kListTextChars = 400;
inline constexpr size_t kCellTextChars = 1000;
// Members of a community of practice listed by name (the rest are counted).
inline constexpr size_t kCommunityMembersListed = 30;

struct Organization {
  std::string name_th, name_en, address_th, address_en, phone, email, website;
  std::optional<std::string> logo_media;
  std::string color_primary, color_accent, about_th, about_en;
  bool is_sample = false;  // the profile, and the default of the bundle's rows
};

struct ContentSummary {
  int64_t articles = 0, announcements = 0, plans = 0, people = 0, media = 0;
  int64_t bundle_seq = 0;
  std::string bundle_created_at;  // "data as of"
  int64_t sample_rows = 0;        // rows marked as sample data, in any table: 0 means none is shown
};

struct CategoryItem {
  std::string id, title_th, title_en;
  int64_t articles = 0;
};

struct ArticleItem {
  std::string id, title, summary, category_id, published_on, updated_on, language;
  std::optional<std::string> cover_media;
  bool is_sample = false;
};

struct Article : ArticleItem {
  std::string body_md, tags, department;
  std::optional<std::string> author_id;
  std::string author_name;  // the author's name_th, or empty
};

struct Announcement {
  std::string id, title, body_md, starts_at, ends_at, language;  // body_md: load_announcement only
  std::optional<std::string> poster_media;
  int64_t priority = 0;
  bool pinned = false;
  bool is_sample = false;
};

struct ProgressEntry {
  std::string activity_id, period;
  std::string status;  // the author's judgement ("" or plan::kAuthorStatusIds); see progress_status()
  std::string note, recorded_on;
  int64_t fiscal_year = 0;
  std::optional<double> value;         // in the activity's unit (indicator.unit)
  std::optional<double> target_value;  // this year's target, where it differs from the activity's
  bool is_sample = false;
};

struct PlanActivity {
  std::string id, activity, method, period, indicator, target, responsible, note;
  int64_t seq = 0;
  std::vector<ProgressEntry> progress;  // by fiscal year, then as recorded
  plan::Indicator spec;                 // the unit and numeric target of `indicator` and `target`
  bool is_sample = false;
};

struct Plan {
  std::string id, title, desired_state, measurable_unit;
  int64_t fiscal_year_from = 0, fiscal_year_to = 0;
  std::vector<PlanActivity> activities;  // in order
  bool is_sample = false;
  plan::FiscalRange range() const { return {fiscal_year_from, fiscal_year_to}; }
};

struct Person {
  std::string id, name_th, name_en, position, department, km_role, km_duty, expertise, contact;
  std::optional<std::string> photo_media;
  std::string committee_role;  // "", or kCommitteeRoleIds: the monitoring committee
  bool is_sample = false;
};

struct Community {
  std::string id, name, topic, meeting_schedule, description;
  std::vector<std::pair<std::string, std::string>> members;  // person name, role: the first kCommunityMembersListed
  int64_t member_count = 0;                                  // all of them
  bool is_sample = false;
};

// nullopt: no content yet.
Expected<std::optional<Organization>> load_organization(sqlite::Database& db);
Expected<ContentSummary> load_summary(sqlite::Database& db);
Expected<std::vector<CategoryItem>> load_categories(sqlite::Database& db);
// Articles of a category, by sort order then newest; `offset`/`limit` page through long lists.
// Titles and summaries are cut for the list.
Expected<std::vector<ArticleItem>> load_articles(sqlite::Database& db, const std::string& category_id, int64_t offset = 0,
                                                 int64_t limit = 1000);
// How many articles a category has, and how many of them are sample data.
struct ArticleCounts {
  int64_t articles = 0, samples = 0;
};
Expected<ArticleCounts> count_articles(sqlite::Database& db, const std::string& category_id);
Expected<std::optional<Article>> load_article(sqlite::Database& db, const std::string& id);
// The article with the longest body (the most Markdown to set), or nullopt without articles.
Expected<std::optional<std::string>> longest_article_id(sqlite::Database& db);
// The bytes of a media file, or its thumbnail (the file itself when it has none); nullopt if
// there is no such media.
Expected<std::optional<std::vector<uint8_t>>> load_media(sqlite::Database& db, const std::string& id, bool thumbnail);
// Every announcement, without its body and with its title cut; which are current is the
// caller's business (it knows the clock).
Expected<std::vector<Announcement>> load_announcements(sqlite::Database& db);
// One announcement with its body; nullopt if there is none with that id.
Expected<std::optional<Announcement>> load_announcement(sqlite::Database& db, const std::string& id);
// Plans with their activities and progress entries, in their sort order (plans_in_cycle_order
// puts the current cycle first); `cell_chars` > 0 cuts every text of a plan, an activity and a
// progress entry to that many code points (the kiosk's screens), 0 keeps them whole (the report).
Expected<std::vector<Plan>> load_plans(sqlite::Database& db, size_t cell_chars = 0);
// People and communities for the People screen, their texts cut for cards.
Expected<std::vector<Person>> load_people(sqlite::Database& db);
Expected<std::vector<Community>> load_communities(sqlite::Database& db);

// The announcements whose window contains `now_utc` (seconds), in the order given (pinned first,
// then priority, then newest). A window that cannot be parsed never shows. `next_change`, when
// given, receives the next time after now_utc at which a window opens or closes (INT64_MAX: none).
std::vector<Announcement> current_announcements(const std::vector<Announcement>& all, int64_t now_utc,
                                                int64_t* next_change = nullptr);

// [SECTION] Plans as people read them: statuses derived from the figures (plan/indicator.h),
// cycles, sample marks. `today` is the date in Thailand (plan::thai_local_date).

plan::YearResult year_result(const ProgressEntry& e);
plan::ProgressStatus progress_status(const PlanActivity& a, const ProgressEntry& e, const thai::CivilDate& today);
// The entry of a fiscal year (the last recorded that year), or nullptr.
const ProgressEntry* progress_for_year(const PlanActivity& a, int64_t fiscal_year);
// The status of an activity in a fiscal year, with or without an entry (NoData, NotStarted).
plan::ProgressStatus status_for_year(const PlanActivity& a, int64_t fiscal_year, const thai::CivilDate& today);
// How many of a plan's activities are in each state for `fiscal_year` (for an ended plan, its
// last year: its final results). Indexed by the enum's value.
std::array<int, plan::kAllStatuses.size()> plan_status_counts(const Plan& plan, int64_t fiscal_year,
                                                              const thai::CivilDate& today);
// The fiscal year a plan's figures speak for today: the current year within its range, its last
// year once ended, its first before it starts.
int64_t plan_reference_year(const Plan& plan, const thai::CivilDate& today);
// The plans in display order: the current cycle first, then upcoming, then ended (plan_cycle.h).
std::vector<const Plan*> plans_in_cycle_order(const std::vector<Plan>& plans, const thai::CivilDate& today);
// Whether anything the plan shows (the plan, an activity, a progress row) is sample data.
bool plan_has_sample(const Plan& plan);

// The time the content was made (bundle_info.created_at), in UTC seconds, or 0.
int64_t content_created_utc(const ContentSummary& summary);

}  // namespace khlang::store

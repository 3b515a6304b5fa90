#include "content/content_tables.h"

#include <algorithm>

#include "plan/indicator.h"
#include "plan/progress_status.h"

namespace khlang::content {
namespace {

template <size_t N>
std::vector<std::string_view> vocabulary(const std::array<std::string_view, N>& ids, bool with_empty = false) {
  std::vector<std::string_view> out;
  if (with_empty) out.push_back("");
  out.insert(out.end(), ids.begin(), ids.end());
  return out;
}

// Sample data is marked row by row; an empty cell in a content folder takes the organization's
// is_sample, the folder's default (pack resolves it, so the database holds 0 or 1).
ColumnSpec sample_flag() { return {"is_sample", "INTEGER NOT NULL DEFAULT 0", {"0", "1"}}; }

}  // namespace

const std::vector<TableSpec>& content_tables() {
  static const std::vector<TableSpec> tables = {
      {"organization",
       {{"id", "INTEGER PRIMARY KEY CHECK (id = 1)"},
        {"name_th", "TEXT NOT NULL"},
        {"name_en", "TEXT NOT NULL DEFAULT ''"},
        {"address_th", "TEXT NOT NULL DEFAULT ''"},
        {"address_en", "TEXT NOT NULL DEFAULT ''"},
        {"phone", "TEXT NOT NULL DEFAULT ''"},
        {"email", "TEXT NOT NULL DEFAULT ''"},
        {"website", "TEXT NOT NULL DEFAULT ''"},
        {"logo_media", "TEXT"},
        {"color_primary", "TEXT NOT NULL DEFAULT '#165C48'"},
        {"color_accent", "TEXT NOT NULL DEFAULT '#C98F1C'"},
        {"about_th", "TEXT NOT NULL DEFAULT ''"},
        {"about_en", "TEXT NOT NULL DEFAULT ''"},
        sample_flag()},
       "", "id", "organization profile"},
      {"media",
       {{"id", "TEXT PRIMARY KEY"},
        {"mime", "TEXT NOT NULL"},
        {"width", "INTEGER NOT NULL"},
        {"height", "INTEGER NOT NULL"},
        {"data", "BLOB NOT NULL"},
        {"thumb", "BLOB"},
        {"thumb_width", "INTEGER NOT NULL DEFAULT 0"},
        {"thumb_height", "INTEGER NOT NULL DEFAULT 0"}},
       "", "id", "image"},
      {"category",
       {{"id", "TEXT PRIMARY KEY"},
        {"title_th", "TEXT NOT NULL"},
        {"title_en", "TEXT NOT NULL DEFAULT ''"},
        {"description_th", "TEXT NOT NULL DEFAULT ''"},
        {"description_en", "TEXT NOT NULL DEFAULT ''"},
        {"sort_order", "INTEGER NOT NULL DEFAULT 0"}},
       "", "id", "category"},
      {"person",
       {{"id", "TEXT PRIMARY KEY"},
        {"name_th", "TEXT NOT NULL"},
        {"name_en", "TEXT NOT NULL DEFAULT ''"},
        {"position", "TEXT NOT NULL DEFAULT ''"},
        {"department", "TEXT NOT NULL DEFAULT ''"},
        {"km_role", "TEXT NOT NULL DEFAULT ''"},
        {"km_duty", "TEXT NOT NULL DEFAULT ''"},
        {"expertise", "TEXT NOT NULL DEFAULT ''"},
        {"photo_media", "TEXT REFERENCES media(id)"},
        {"contact", "TEXT NOT NULL DEFAULT ''"},
        {"sort_order", "INTEGER NOT NULL DEFAULT 0"},
        // The plan's monitoring committee (the seed's section 15): who reviews and who prepares
        // the report the committee signs.
        {"committee_role", "TEXT NOT NULL DEFAULT ''", vocabulary(kCommitteeRoleIds)},
        sample_flag()},
       "", "id", "person"},
      {"article",
       {{"id", "TEXT PRIMARY KEY"},
        {"title", "TEXT NOT NULL"},
        {"summary", "TEXT NOT NULL DEFAULT ''"},
        {"body_md", "TEXT NOT NULL"},
        {"category_id", "TEXT REFERENCES category(id)"},
        {"tags", "TEXT NOT NULL DEFAULT ''"},
        {"author_id", "TEXT REFERENCES person(id)"},
        {"department", "TEXT NOT NULL DEFAULT ''"},
        {"published_on", "TEXT NOT NULL"},
        {"updated_on", "TEXT NOT NULL"},
        {"cover_media", "TEXT REFERENCES media(id)"},
        {"language", "TEXT NOT NULL DEFAULT 'th'"},
        {"sort_order", "INTEGER NOT NULL DEFAULT 0"},
        sample_flag()},
       "", "id", "article"},
      {"announcement",
       {{"id", "TEXT PRIMARY KEY"},
        {"title", "TEXT NOT NULL"},
        {"body_md", "TEXT NOT NULL"},
        {"poster_media", "TEXT REFERENCES media(id)"},
        {"starts_at", "TEXT NOT NULL"},
        {"ends_at", "TEXT NOT NULL"},
        {"priority", "INTEGER NOT NULL DEFAULT 0"},
        {"pinned", "INTEGER NOT NULL DEFAULT 0"},
        {"language", "TEXT NOT NULL DEFAULT 'th'"},
        sample_flag()},
       "", "id", "announcement"},
      {"plan",
       {{"id", "TEXT PRIMARY KEY"},
        {"title", "TEXT NOT NULL"},
        {"desired_state", "TEXT NOT NULL DEFAULT ''"},
        {"measurable_unit", "TEXT NOT NULL DEFAULT ''"},
        {"fiscal_year_from", "INTEGER NOT NULL"},
        {"fiscal_year_to", "INTEGER NOT NULL"},
        {"sort_order", "INTEGER NOT NULL DEFAULT 0"},
        sample_flag()},
       "", "id", "plan"},
      {"plan_activity",
       {{"id", "TEXT PRIMARY KEY"},
        {"plan_id", "TEXT NOT NULL REFERENCES plan(id)"},
        {"seq", "INTEGER NOT NULL"},
        {"activity", "TEXT NOT NULL"},
        {"method", "TEXT NOT NULL DEFAULT ''"},
        {"period", "TEXT NOT NULL DEFAULT ''"},
        {"indicator", "TEXT NOT NULL DEFAULT ''"},
        {"target", "TEXT NOT NULL DEFAULT ''"},
        {"responsible", "TEXT NOT NULL DEFAULT ''"},
        {"note", "TEXT NOT NULL DEFAULT ''"},
        // The indicator's unit and the target's number, as the plan states them (plan/indicator.h).
        {"unit", "TEXT NOT NULL DEFAULT ''"},
        {"unit_en", "TEXT NOT NULL DEFAULT ''"},
        {"target_value", "REAL"},
        {"target_direction", "TEXT NOT NULL DEFAULT ''", vocabulary(plan::kTargetDirectionIds)},
        {"measure", "TEXT NOT NULL DEFAULT ''", vocabulary(plan::kMeasureIds)},
        {"kiosk_measure", "TEXT NOT NULL DEFAULT ''", vocabulary(plan::kKioskMeasureIds)},
        sample_flag()},
       "", "id", "plan activity"},
      {"progress",
       {{"id", "TEXT PRIMARY KEY"},
        {"activity_id", "TEXT NOT NULL REFERENCES plan_activity(id)"},
        {"fiscal_year", "INTEGER NOT NULL"},
        {"period", "TEXT NOT NULL DEFAULT ''"},
        {"value", "REAL"},
        {"target_value", "REAL"},  // this year's target, where it differs from the activity's
        // Empty: derived from the figures; otherwise the committee's judgement (plan/progress_status.h).
        {"status", "TEXT NOT NULL DEFAULT ''", vocabulary(plan::kAuthorStatusIds, true)},
        {"note", "TEXT NOT NULL DEFAULT ''"},
        {"recorded_on", "TEXT NOT NULL"},
        sample_flag()},
       "", "id", "progress entry"},
      {"community",
       {{"id", "TEXT PRIMARY KEY"},
        {"name", "TEXT NOT NULL"},
        {"topic", "TEXT NOT NULL DEFAULT ''"},
        {"meeting_schedule", "TEXT NOT NULL DEFAULT ''"},
        {"description", "TEXT NOT NULL DEFAULT ''"},
        sample_flag()},
       "", "id", "community of practice"},
      {"community_member",
       {{"community_id", "TEXT NOT NULL REFERENCES community(id)"},
        {"person_id", "TEXT NOT NULL REFERENCES person(id)"},
        {"role", "TEXT NOT NULL DEFAULT ''"}},
       "PRIMARY KEY (community_id, person_id)", "community_id || '/' || person_id", "community member"},
      {"bundle_info",
       {{"id", "INTEGER PRIMARY KEY CHECK (id = 1)"},
        {"organization", "TEXT NOT NULL"},
        {"channel", "TEXT NOT NULL"},
        {"seq", "INTEGER NOT NULL"},
        {"created_at", "TEXT NOT NULL"},
        {"generator", "TEXT NOT NULL DEFAULT ''"}},
       "", "id", "bundle information"},
  };
  return tables;
}

const TableSpec* find_content_table(std::string_view name) {
  for (const TableSpec& t : content_tables()) {
    if (name == t.name) return &t;
  }
  return nullptr;
}

std::string column_sql(const ColumnSpec& column, bool prefixed) {
  std::string type = column.type;
  // A prefixed copy (prev_) keeps old rows whose references point at rows the live tables no
  // longer have: it carries no REFERENCES.
  if (prefixed) {
    if (const size_t r = type.find(" REFERENCES "); r != std::string::npos) type.erase(r);
  }
  std::string sql = std::string(column.name) + " " + type;
  if (!column.allowed.empty()) {
    const bool text = type.starts_with("TEXT");
    sql += " CHECK (" + std::string(column.name) + " IN (";
    for (size_t i = 0; i < column.allowed.size(); ++i) {
      if (i) sql += ", ";
      sql += text ? "'" + std::string(column.allowed[i]) + "'" : std::string(column.allowed[i]);
    }
    sql += "))";
  }
  return sql;
}

bool has_sample_flag(const TableSpec& table) {
  return std::any_of(table.columns.begin(), table.columns.end(),
                     [](const ColumnSpec& c) { return std::string_view(c.name) == "is_sample"; });
}

std::string create_table_sql(const TableSpec& table, std::string_view prefix) {
  std::string sql = "CREATE TABLE " + std::string(prefix) + table.name + " (";
  for (size_t i = 0; i < table.columns.size(); ++i) {
    if (i) sql += ", ";
    sql += column_sql(table.columns[i], !prefix.empty());
  }
  if (*table.constraints) sql += std::string(", ") + table.constraints;
  return sql + ")";
}

std::string column_list(const TableSpec& table) {
  std::string out;
  for (const ColumnSpec& c : table.columns) {
    if (!out.empty()) out += ", ";
    out += c.name;
  }
  return out;
}

}  // namespace khlang::content

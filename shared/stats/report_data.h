// [SECTION] The figures of the committee's report, from a statistics file: use of the kiosk per
// Thai fiscal year (1 October – 30 September, named by its BE year) and per month, accesses to
// the knowledge base per category, the most read articles, searches that found nothing, and each
// plan's indicators year by year against their targets, with the status derived from the figures
// (plan/indicator.h). Indicators the kiosk measures itself (accesses to the knowledge base) are
// filled from the events for the years they cover. Months, days and fiscal years are Thai local
// time (UTC+7). Every row says whether it is sample data.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "plan/indicator.h"
#include "plan/plan_cycle.h"
#include "plan/progress_status.h"
#include "sqlite/database.h"
#include "thai/thai_date.h"
#include "util/error.h"

namespace khlang::stats {

struct Count {
  std::string label;  // a month "2026-10", a category, a query
  int64_t count = 0;
};

// What visitors did, over a period.
struct UsageFigures {
  int64_t article_views = 0;  // accesses to the knowledge base: an article opened once
  int64_t sessions = 0, searches = 0, searches_no_result = 0, meeting_uses = 0;
  double session_seconds = 0, meeting_seconds = 0;
};

struct FiscalYearUsage {
  int64_t fiscal_year = 0;  // BE
  UsageFigures figures;
};

struct ArticleReads {
  std::string route, title, category;
  int64_t views = 0;
  double average_seconds = 0;
  bool is_sample = false;  // the article is sample content (the count itself is real use)
};

// One indicator in one fiscal year.
struct IndicatorYear {
  enum class Source { None, Content, Kiosk };
  int64_t fiscal_year = 0;
  std::optional<double> value;   // in the indicator's unit
  std::optional<double> target;  // the year's numeric target, if any
  plan::ProgressStatus status = plan::ProgressStatus::NoData;
  Source source = Source::None;
  bool is_sample = false;
  std::string note;
  std::string counted_from, counted_to;  // Source::Kiosk: the days of the year the events cover
};

struct IndicatorRow {
  std::string activity_id, activity, indicator, target;  // as the plan states them
  int64_t seq = 0;
  plan::Indicator spec;
  bool is_sample = false;
  std::vector<IndicatorYear> years;  // one per fiscal year of the plan, in order
};

struct PlanRow {
  std::string id, title;
  plan::FiscalRange range;
  plan::PlanPhase phase = plan::PlanPhase::Current;
  bool is_sample = false;
  std::vector<IndicatorRow> indicators;
};

// Who signs: the committee's "chair" and "secretary", and the "cko" the report goes to.
struct Signatory {
  std::string role, position;
};

// One kiosk's share of the figures (a fleet's report has a row per kiosk).
struct KioskFigures {
  std::string kiosk_id, organization, exported_at;  // exported_at: its statistics are as of then (UTC)
  UsageFigures figures;
};

struct ReportData {
  std::string organization;
  std::string from, to;                 // the period asked for (ISO dates; empty: open)
  std::string first_event, last_event;  // the period's events' own span (ISO, local time)
  thai::CivilDate as_of{};              // statuses are as of this day
  int64_t kiosks = 0;
  UsageFigures totals;
  std::vector<FiscalYearUsage> per_fiscal_year;  // every fiscal year of the span, zeros included
  std::vector<Count> views_per_month;            // every month of the span, zeros included
  std::vector<Count> views_per_category;         // most viewed first
  std::vector<ArticleReads> top_articles;
  std::vector<Count> no_result_queries;          // most frequent first
  std::vector<PlanRow> plans;                    // current cycle first (plan_cycle.h)
  std::vector<Signatory> signatories;
  std::vector<KioskFigures> per_kiosk;           // every kiosk of the file, by id, with zeros too
  std::string snapshot_taken_at;  // when names and plans were taken

  // Whether any row shown is sample data: the report then carries the sample banner.
  bool includes_sample() const;
};

// `from` and `to` are ISO dates (inclusive) or empty; they bound the use figures. The plans'
// indicators cover each plan's fiscal years whatever the period; statuses are as of `today`.
Expected<ReportData> build_report(sqlite::Database& stats, const std::string& from, const std::string& to,
                                  const thai::CivilDate& today, int top_articles = 10, int top_queries = 20);

// The first and last day (ISO) of a fiscal year: 2569 -> 2025-10-01, 2026-09-30.
std::pair<std::string, std::string> fiscal_year_dates(int64_t fiscal_year_be);

}  // namespace khlang::stats

// [SECTION] The figures of the committee's report, from a statistics file: accesses to the
// knowledge base (article views) per month and per category, the most read articles, searches
// that found nothing, sessions, meeting-mode use, and the plan's progress against its targets.
// Months and dates are Thai local time (UTC+7).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "plan/progress_status.h"
#include <vector>

#include "sqlite/database.h"
#include "util/error.h"

namespace khlang::stats {

struct Count {
  std::string label;  // a month "2026-10", a category, a query
  int64_t count = 0;
};

struct ArticleReads {
  std::string route, title, category;
  int64_t views = 0;
  double average_seconds = 0;
};

struct ActivityStatus {
  std::string plan_title, activity, indicator, target;
  plan::ProgressStatus status = plan::ProgressStatus::NotStarted;
  std::string recorded_on;
  int64_t seq = 0;
  std::optional<int64_t> fiscal_year;
  std::optional<double> value, target_value;
};

// One kiosk's share of the figures (a fleet's report has a row per kiosk).
struct KioskFigures {
  std::string kiosk_id, organization, exported_at;  // exported_at: its statistics are as of then (UTC)
  int64_t article_views = 0, sessions = 0, searches = 0, searches_no_result = 0, meeting_uses = 0;
  double session_minutes = 0;
};

struct ReportData {
  std::string organization;
  std::string from, to;           // the period asked for (ISO dates; empty: open)
  std::string first_event, last_event;  // the events' own span (ISO, local time)
  int64_t kiosks = 0;
  int64_t article_views = 0, sessions = 0, searches = 0, searches_no_result = 0, meeting_uses = 0;
  double session_minutes = 0, meeting_minutes = 0;
  std::vector<Count> views_per_month;     // every month of the span, zeros included
  std::vector<Count> views_per_category;  // most viewed first
  std::vector<ArticleReads> top_articles;
  std::vector<Count> no_result_queries;   // most frequent first
  std::vector<ActivityStatus> activities; // in plan order
  std::vector<KioskFigures> per_kiosk;    // every kiosk of the file, by id, with zeros too
  std::string snapshot_taken_at;          // when names and progress were taken
};

// `from` and `to` are ISO dates (inclusive) or empty.
Expected<ReportData> build_report(sqlite::Database& stats, const std::string& from, const std::string& to,
                                  int top_articles = 10, int top_queries = 20);

}  // namespace khlang::stats

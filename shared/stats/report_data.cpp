#include "stats/report_data.h"

#include <cstdio>

#include "stats/usage_recorder.h"

namespace khlang::stats {
namespace {

std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

// The events of the period (local dates, inclusive), with their local month: a temporary view
// the queries share.
std::string period_view(const std::string& from, const std::string& to) {
  std::string where = "1";
  if (!from.empty()) where += " AND date(at, '+7 hours') >= " + quoted(from);
  if (!to.empty()) where += " AND date(at, '+7 hours') <= " + quoted(to);
  return "CREATE TEMP VIEW period AS SELECT *, strftime('%Y-%m', at, '+7 hours') AS month FROM main.event WHERE " +
         where;
}

template <typename Fn>
Status each(sqlite::Database& db, const std::string& sql, Fn&& fn) {
  auto stmt = db.prepare(sql);
  if (!stmt) return stmt.error();
  return stmt->for_each_row(fn);
}

std::string next_month(const std::string& ym) {
  int y = 0, m = 0;
  if (std::sscanf(ym.c_str(), "%d-%d", &y, &m) != 2) return "9999-12";
  if (++m > 12) {
    m = 1;
    ++y;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  return buf;
}

}  // namespace

Expected<ReportData> build_report(sqlite::Database& stats, const std::string& from, const std::string& to,
                                  int top_articles, int top_queries) {
  ReportData r;
  r.from = from;
  r.to = to;
  const std::string view = period_view(from, to);
  if (auto s = stats.exec("DROP VIEW IF EXISTS temp.period; " + view); !s) return s.error();

  Status s = each(stats,
                  "SELECT coalesce((SELECT group_concat(organization, ', ') FROM (SELECT DISTINCT organization FROM "
                  "kiosk)), ''), (SELECT count(*) FROM kiosk)",
                  [&](const sqlite::Statement& row) {
                    r.organization = row.column_text(0);
                    r.kiosks = row.column_int(1);
                  });
  if (s) {
    s = each(stats,
             "SELECT count(*) FILTER (WHERE kind = 'view' AND target LIKE 'article:%'), "
             "count(*) FILTER (WHERE kind = 'session'), coalesce(sum(value) FILTER (WHERE kind = 'session'), 0) / 60.0, "
             "count(*) FILTER (WHERE kind = 'search'), count(*) FILTER (WHERE kind = 'search_no_result'), "
             "count(*) FILTER (WHERE kind = 'meeting'), coalesce(sum(value) FILTER (WHERE kind = 'meeting'), 0) / 60.0, "
             "coalesce(min(datetime(at, '+7 hours')), ''), coalesce(max(datetime(at, '+7 hours')), '') FROM period",
             [&](const sqlite::Statement& row) {
               r.article_views = row.column_int(0);
               r.sessions = row.column_int(1);
               r.session_minutes = row.column_double(2);
               r.searches = row.column_int(3);
               r.searches_no_result = row.column_int(4);
               r.meeting_uses = row.column_int(5);
               r.meeting_minutes = row.column_double(6);
               r.first_event = row.column_text(7);
               r.last_event = row.column_text(8);
             });
  }
  std::vector<Count> months;
  if (s) {
    s = each(stats, "SELECT month, count(*) FROM period WHERE kind = 'view' AND target LIKE 'article:%' GROUP BY month ORDER BY month",
             [&](const sqlite::Statement& row) { months.push_back({row.column_text(0), row.column_int(1)}); });
  }
  // Every month from the first to the last event (or the period asked for), zeros included: a
  // chart with gaps closed up would mislead.
  std::string first = !from.empty() ? from.substr(0, 7) : (r.first_event.empty() ? "" : r.first_event.substr(0, 7));
  std::string last = !to.empty() ? to.substr(0, 7) : (r.last_event.empty() ? "" : r.last_event.substr(0, 7));
  for (std::string m = first; !m.empty() && m <= last && r.views_per_month.size() < 240; m = next_month(m)) {
    int64_t n = 0;
    for (const Count& c : months) {
      if (c.label == m) n = c.count;
    }
    r.views_per_month.push_back({m, n});
  }
  if (s) {
    s = each(stats,
             "SELECT coalesce(nullif(t.category, ''), '(ไม่ระบุหมวด)'), count(*) FROM period p LEFT JOIN route_title t ON "
             "t.route = p.target WHERE p.kind = 'view' AND p.target LIKE 'article:%' GROUP BY 1 ORDER BY 2 DESC, 1",
             [&](const sqlite::Statement& row) { r.views_per_category.push_back({row.column_text(0), row.column_int(1)}); });
  }
  if (s) {
    s = each(stats,
             "SELECT p.target, coalesce(t.title, substr(p.target, 9)), coalesce(t.category, ''), count(*), avg(p.value) "
             "FROM period p LEFT JOIN route_title t ON t.route = p.target WHERE p.kind = 'view' AND p.target LIKE "
             "'article:%' GROUP BY p.target ORDER BY 4 DESC, 2 LIMIT " + std::to_string(top_articles),
             [&](const sqlite::Statement& row) {
               r.top_articles.push_back({row.column_text(0), row.column_text(1), row.column_text(2), row.column_int(3),
                                         row.column_double(4)});
             });
  }
  if (s) {
    s = each(stats,
             "SELECT detail, count(*) FROM period WHERE kind = 'search_no_result' GROUP BY detail ORDER BY 2 DESC, 1 "
             "LIMIT " + std::to_string(top_queries),
             [&](const sqlite::Statement& row) { r.no_result_queries.push_back({row.column_text(0), row.column_int(1)}); });
  }
  if (s) {
    s = each(stats,
             "SELECT plan_title, activity, indicator, target, status, recorded_on, seq, fiscal_year, value, target_value "
             "FROM activity_progress ORDER BY plan_title, seq",
             [&](const sqlite::Statement& row) {
               ActivityStatus a{row.column_text(0), row.column_text(1), row.column_text(2), row.column_text(3),
                                plan::progress_status_of(row.column_text(4)), row.column_text(5), row.column_int(6),
                                {}, {}, {}};
               if (!row.column_is_null(7)) a.fiscal_year = row.column_int(7);
               if (!row.column_is_null(8)) a.value = row.column_double(8);
               if (!row.column_is_null(9)) a.target_value = row.column_double(9);
               r.activities.push_back(std::move(a));
             });
  }
  if (s) {
    // The same figures per kiosk, by the same definitions as the totals above.
    s = each(stats,
             "SELECT k.kiosk_id, k.organization, k.exported_at, "
             "count(p.kiosk_id) FILTER (WHERE p.kind = 'view' AND p.target LIKE 'article:%'), "
             "count(p.kiosk_id) FILTER (WHERE p.kind = 'session'), "
             "coalesce(sum(p.value) FILTER (WHERE p.kind = 'session'), 0) / 60.0, "
             "count(p.kiosk_id) FILTER (WHERE p.kind = 'search'), count(p.kiosk_id) FILTER (WHERE p.kind = 'search_no_result'), "
             "count(p.kiosk_id) FILTER (WHERE p.kind = 'meeting') "
             "FROM kiosk k LEFT JOIN period p ON p.kiosk_id = k.kiosk_id GROUP BY k.kiosk_id ORDER BY k.kiosk_id",
             [&](const sqlite::Statement& row) {
               r.per_kiosk.push_back({row.column_text(0), row.column_text(1), row.column_text(2), row.column_int(3),
                                      row.column_int(4), row.column_int(6), row.column_int(7), row.column_int(8),
                                      row.column_double(5)});
             });
  }
  if (s) s = each(stats, "SELECT taken_at FROM snapshot", [&](const sqlite::Statement& row) { r.snapshot_taken_at = row.column_text(0); });
  (void)stats.exec("DROP VIEW IF EXISTS temp.period");
  if (!s) return s.error();
  return r;
}

}  // namespace khlang::stats

#include "stats/report_data.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "stats/usage_recorder.h"

namespace khlang::stats {
namespace {

std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

// The fiscal year (BE) of an event, in Thai local time: October starts the next year.
constexpr const char* kFiscalYearSql =
    "(CAST(strftime('%Y', at, '+7 hours') AS INTEGER) + (CAST(strftime('%m', at, '+7 hours') AS INTEGER) >= 10) + 543)";

// The events of the period (local dates, inclusive), with their local month and fiscal year: a
// temporary view the queries share.
std::string period_view(const std::string& from, const std::string& to) {
  std::string where = "1";
  if (!from.empty()) where += " AND date(at, '+7 hours') >= " + quoted(from);
  if (!to.empty()) where += " AND date(at, '+7 hours') <= " + quoted(to);
  return std::string("CREATE TEMP VIEW period AS SELECT *, strftime('%Y-%m', at, '+7 hours') AS month, ") +
         kFiscalYearSql + " AS fiscal_year FROM main.event WHERE " + where;
}

template <typename Fn>
Status each(sqlite::Database& db, const std::string& sql, Fn&& fn) {
  KHLANG_TRY_AS(auto stmt, db.prepare(sql));
  return stmt.for_each_row(fn);
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

std::string iso(const thai::CivilDate& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

int64_t fiscal_year_of(const std::string& iso_date) {
  auto d = thai::parse_iso_date(iso_date);
  return d ? thai::fiscal_year_be(*d) : 0;
}

// The figures of a set of events (an SQL condition on the period view), one row.
constexpr const char* kFiguresColumns =
    "count(*) FILTER (WHERE kind = 'view' AND target LIKE 'article:%'), count(*) FILTER (WHERE kind = 'session'), "
    "coalesce(sum(value) FILTER (WHERE kind = 'session'), 0), count(*) FILTER (WHERE kind = 'search'), "
    "count(*) FILTER (WHERE kind = 'search_no_result'), count(*) FILTER (WHERE kind = 'meeting'), "
    "coalesce(sum(value) FILTER (WHERE kind = 'meeting'), 0)";
UsageFigures figures_of(const sqlite::Statement& row) {
  return {row.column_int(0), row.column_int(1), row.column_int(3), row.column_int(4), row.column_int(5),
          row.column_double(2), row.column_double(6)};
}

Status read_usage(sqlite::Database& stats, const std::string& from, const std::string& to, ReportData& r) {
  Status s = each(stats,
                  std::string("SELECT ") + kFiguresColumns +
                      ", coalesce(min(datetime(at, '+7 hours')), ''), coalesce(max(datetime(at, '+7 hours')), '') "
                      "FROM period",
                  [&](const sqlite::Statement& row) {
                    r.totals = figures_of(row);
                    r.first_event = row.column_text(7);
                    r.last_event = row.column_text(8);
                  });
  // Every fiscal year and month from the first to the last event (or the period asked for),
  // zeros included: a table or chart with gaps closed up would mislead.
  const std::string first = !from.empty() ? from : r.first_event.substr(0, std::min<size_t>(10, r.first_event.size()));
  const std::string last = !to.empty() ? to : r.last_event.substr(0, std::min<size_t>(10, r.last_event.size()));
  std::map<int64_t, UsageFigures> years;
  if (s) {
    s = each(stats, std::string("SELECT ") + kFiguresColumns + ", fiscal_year FROM period GROUP BY fiscal_year",
             [&](const sqlite::Statement& row) { years[row.column_int(7)] = figures_of(row); });
  }
  if (!first.empty() && !last.empty()) {
    for (int64_t y = fiscal_year_of(first); y > 0 && y <= fiscal_year_of(last) && r.per_fiscal_year.size() < 50; ++y) {
      r.per_fiscal_year.push_back({y, years.count(y) ? years[y] : UsageFigures{}});
    }
  }
  std::map<std::string, int64_t> months;
  if (s) {
    s = each(stats,
             "SELECT month, count(*) FROM period WHERE kind = 'view' AND target LIKE 'article:%' GROUP BY month",
             [&](const sqlite::Statement& row) { months[row.column_text(0)] = row.column_int(1); });
  }
  if (!first.empty() && !last.empty()) {
    for (std::string m = first.substr(0, 7); m <= last.substr(0, 7) && r.views_per_month.size() < 240; m = next_month(m)) {
      r.views_per_month.push_back({m, months.count(m) ? months[m] : 0});
    }
  }
  if (s) {
    s = each(stats,
             "SELECT coalesce(nullif(t.category, ''), '(ไม่ระบุหมวด)'), count(*) FROM period p LEFT JOIN route_title t ON "
             "t.route = p.target WHERE p.kind = 'view' AND p.target LIKE 'article:%' GROUP BY 1 ORDER BY 2 DESC, 1",
             [&](const sqlite::Statement& row) { r.views_per_category.push_back({row.column_text(0), row.column_int(1)}); });
  }
  return s;
}

Status read_tables(sqlite::Database& stats, int top_articles, int top_queries, ReportData& r) {
  Status s = each(stats,
                  "SELECT p.target, coalesce(t.title, substr(p.target, 9)), coalesce(t.category, ''), count(*), "
                  "avg(p.value), coalesce(t.is_sample, 0) FROM period p LEFT JOIN route_title t ON t.route = p.target "
                  "WHERE p.kind = 'view' AND p.target LIKE 'article:%' GROUP BY p.target ORDER BY 4 DESC, 2 LIMIT " +
                      std::to_string(top_articles),
                  [&](const sqlite::Statement& row) {
                    r.top_articles.push_back({row.column_text(0), row.column_text(1), row.column_text(2),
                                              row.column_int(3), row.column_double(4), row.column_int(5) != 0});
                  });
  if (s) {
    s = each(stats,
             "SELECT detail, count(*) FROM period WHERE kind = 'search_no_result' GROUP BY detail ORDER BY 2 DESC, 1 "
             "LIMIT " + std::to_string(top_queries),
             [&](const sqlite::Statement& row) { r.no_result_queries.push_back({row.column_text(0), row.column_int(1)}); });
  }
  return s;
}

// Accesses to the knowledge base per fiscal year over every event (not only the period's), with
// the days each year's events cover.
struct KioskYear {
  int64_t views = 0;
  std::string first, last;
};
Expected<std::map<int64_t, KioskYear>> kiosk_measured_years(sqlite::Database& stats) {
  std::map<int64_t, KioskYear> years;
  const std::string sql = std::string("SELECT ") + kFiscalYearSql +
                          " AS fy, count(*) FILTER (WHERE kind = 'view' AND target LIKE 'article:%'), "
                          "min(date(at, '+7 hours')), max(date(at, '+7 hours')) FROM main.event GROUP BY fy";
  Status s = each(stats, sql, [&](const sqlite::Statement& row) {
    years[row.column_int(0)] = {row.column_int(1), row.column_text(2), row.column_text(3)};
  });
  if (!s) return s.error();
  return years;
}

IndicatorYear empty_year(int64_t fiscal_year) {
  IndicatorYear y;
  y.fiscal_year = fiscal_year;
  return y;
}

Status read_plans(sqlite::Database& stats, const thai::CivilDate& today, ReportData& r) {
  KHLANG_TRY_AS(auto kiosk_years, kiosk_measured_years(stats));
  std::vector<PlanRow> plans;
  Status s = each(stats,
                  "SELECT plan_id, title, fiscal_year_from, fiscal_year_to, is_sample FROM plan ORDER BY sort_order, plan_id",
                  [&](const sqlite::Statement& row) {
                    PlanRow p;
                    p.id = row.column_text(0);
                    p.title = row.column_text(1);
                    p.range = {row.column_int(2), row.column_int(3)};
                    p.phase = plan::plan_phase(p.range, today);
                    p.is_sample = row.column_int(4) != 0;
                    plans.push_back(std::move(p));
                  });
  if (s) {
    s = each(stats,
             "SELECT activity_id, plan_id, seq, activity, indicator, target, unit, unit_en, target_value, "
             "target_direction, measure, kiosk_measure, is_sample FROM indicator ORDER BY plan_id, seq, activity_id",
             [&](const sqlite::Statement& row) {
               IndicatorRow i;
               i.activity_id = row.column_text(0);
               i.seq = row.column_int(2);
               i.activity = row.column_text(3);
               i.indicator = row.column_text(4);
               i.target = row.column_text(5);
               i.spec.unit = row.column_text(6);
               i.spec.unit_en = row.column_text(7);
               if (!row.column_is_null(8)) i.spec.target_value = row.column_double(8);
               i.spec.direction = plan::parse_target_direction(row.column_text(9));
               i.spec.measure = plan::parse_measure(row.column_text(10), i.spec.unit);
               i.spec.kiosk_measure = plan::parse_kiosk_measure(row.column_text(11));
               i.is_sample = row.column_int(12) != 0;
               for (PlanRow& p : plans) {
                 if (p.id != row.column_text(1)) continue;
                 for (int64_t y = p.range.from; y <= p.range.to && y - p.range.from < 50; ++y) i.years.push_back(empty_year(y));
                 p.indicators.push_back(i);
               }
             });
  }
  // Each year's figures: the content's (the last recorded that year), then the kiosk's own count
  // for a kiosk-measured indicator where the content has no real figure for a year it covers.
  std::map<std::string, IndicatorRow*> by_id;
  for (PlanRow& p : plans) {
    for (IndicatorRow& i : p.indicators) by_id[i.activity_id] = &i;
  }
  if (s) {
    s = each(stats,
             "SELECT activity_id, fiscal_year, value, target_value, status, note, is_sample FROM progress "
             "ORDER BY activity_id, fiscal_year, recorded_on, progress_id",
             [&](const sqlite::Statement& row) {
               auto it = by_id.find(row.column_text(0));
               if (it == by_id.end()) return;
               for (IndicatorYear& y : it->second->years) {
                 if (y.fiscal_year != row.column_int(1)) continue;
                 y = empty_year(y.fiscal_year);
                 if (!row.column_is_null(2)) y.value = row.column_double(2);
                 const std::optional<double> override_target =
                     row.column_is_null(3) ? std::nullopt : std::optional<double>(row.column_double(3));
                 y.target = plan::year_target(it->second->spec, {y.fiscal_year, y.value, override_target, {}});
                 y.status = plan::derive_status(it->second->spec,
                                                {y.fiscal_year, y.value, override_target,
                                                 plan::parse_author_status(row.column_text(4))},
                                                today);
                 y.source = IndicatorYear::Source::Content;
                 y.note = row.column_text(5);
                 y.is_sample = row.column_int(6) != 0;
               }
             });
  }
  if (!s) return s;
  for (PlanRow& p : plans) {
    for (IndicatorRow& i : p.indicators) {
      for (IndicatorYear& y : i.years) {
        const bool measured = i.spec.kiosk_measure == plan::KioskMeasure::ArticleViews &&
                              kiosk_years.count(y.fiscal_year) &&
                              (y.source == IndicatorYear::Source::None || y.is_sample);
        if (measured) {
          const KioskYear& k = kiosk_years.at(y.fiscal_year);
          y = empty_year(y.fiscal_year);
          y.value = static_cast<double>(k.views);
          y.source = IndicatorYear::Source::Kiosk;
          y.counted_from = k.first;
          y.counted_to = k.last;
        }
        if (y.source != IndicatorYear::Source::Content) {
          y.target = i.spec.target_value;
          y.status = plan::derive_status(i.spec, {y.fiscal_year, y.value, std::nullopt, std::nullopt}, today);
        }
      }
    }
  }
  std::vector<plan::FiscalRange> ranges;
  for (const PlanRow& p : plans) ranges.push_back(p.range);
  for (size_t i : plan::cycle_order(ranges, today)) r.plans.push_back(std::move(plans[i]));
  return Ok{};
}

}  // namespace

bool ReportData::includes_sample() const {
  for (const ArticleReads& a : top_articles) {
    if (a.is_sample) return true;
  }
  for (const PlanRow& p : plans) {
    if (p.is_sample) return true;
    for (const IndicatorRow& i : p.indicators) {
      if (i.is_sample) return true;
      for (const IndicatorYear& y : i.years) {
        if (y.is_sample) return true;
      }
    }
  }
  return false;
}

std::pair<std::string, std::string> fiscal_year_dates(int64_t fiscal_year_be) {
  return {iso(plan::fiscal_year_first_day(fiscal_year_be)), iso(plan::fiscal_year_last_day(fiscal_year_be))};
}

Expected<ReportData> build_report(sqlite::Database& stats, const std::string& from, const std::string& to,
                                  const thai::CivilDate& today, int top_articles, int top_queries) {
  ReportData r;
  r.from = from;
  r.to = to;
  r.as_of = today;
  const std::string view = period_view(from, to);
  KHLANG_TRY(stats.exec("DROP VIEW IF EXISTS temp.period; " + view));

  Status s = each(stats,
                  "SELECT coalesce((SELECT group_concat(organization, ', ') FROM (SELECT DISTINCT organization FROM "
                  "kiosk)), ''), (SELECT count(*) FROM kiosk)",
                  [&](const sqlite::Statement& row) {
                    r.organization = row.column_text(0);
                    r.kiosks = row.column_int(1);
                  });
  if (s) s = read_usage(stats, from, to, r);
  if (s) s = read_tables(stats, top_articles, top_queries, r);
  if (s) s = read_plans(stats, today, r);
  if (s) {
    s = each(stats,
             "SELECT CASE WHEN committee_role <> '' THEN committee_role ELSE km_role END, position FROM signatory "
             "ORDER BY sort_order, person_id",
             [&](const sqlite::Statement& row) { r.signatories.push_back({row.column_text(0), row.column_text(1)}); });
  }
  if (s) {
    // The same figures per kiosk, by the same definitions as the totals above.
    s = each(stats,
             std::string("SELECT ") + kFiguresColumns +
                 ", k.kiosk_id, k.organization, k.exported_at FROM kiosk k LEFT JOIN period p ON p.kiosk_id = "
                 "k.kiosk_id GROUP BY k.kiosk_id ORDER BY k.kiosk_id",
             [&](const sqlite::Statement& row) {
               r.per_kiosk.push_back({row.column_text(7), row.column_text(8), row.column_text(9), figures_of(row)});
             });
  }
  if (s) s = each(stats, "SELECT taken_at FROM snapshot", [&](const sqlite::Statement& row) { r.snapshot_taken_at = row.column_text(0); });
  (void)stats.exec("DROP VIEW IF EXISTS temp.period");
  if (!s) return s.error();
  return r;
}

}  // namespace khlang::stats

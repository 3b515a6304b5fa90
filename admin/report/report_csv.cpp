#include "report/report_csv.h"

#include <cstdio>
#include <deque>
#include <filesystem>

#include "content/csv.h"
#include "report/html_parts.h"
#include "report/report_html.h"
#include "util/safe_file.h"

namespace khlang::admin::report {
namespace {

using content::CsvTable;

std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}
std::string optional_number(const std::optional<double>& v) { return v ? fixed(*v, 2) : ""; }

// The files, with the sample column in front of those whose rows can be sample when the report
// includes sample data.
class Tables {
 public:
  explicit Tables(bool sample) : sample_(sample) {}
  enum class Rows { Use, MaybeSample };
  CsvTable& add(const std::string& file, std::vector<std::string> header, Rows rows = Rows::Use) {
    const bool marked = sample_ && rows == Rows::MaybeSample;
    if (marked) header.insert(header.begin(), "sample");
    files_.push_back({file, {std::move(header), {}, {}}, marked});
    return files_.back().table;
  }
  void row(CsvTable& table, bool is_sample, std::vector<std::string> cells) const {
    for (const File& f : files_) {
      if (&f.table == &table && f.marked) cells.insert(cells.begin(), is_sample ? kSampleMarkText : "");
    }
    table.rows.push_back(std::move(cells));
  }
  // Cells made inert for a spreadsheet (titles came on a stick, queries were typed by visitors),
  // each file written without following a link that stands at its name.
  Status write(const std::string& dir) const {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    for (const File& f : files_) {
      if (auto s = safe_file::check_replaceable(dir, f.name); !s) return s;
    }
    for (const File& f : files_) {
      if (auto s = safe_file::write_into(dir, f.name, content::write_csv(f.table, content::CsvCells::ForSpreadsheet)); !s) {
        return s;
      }
    }
    return Ok{};
  }

 private:
  struct File {
    std::string name;
    CsvTable table;
    bool marked;
  };
  bool sample_;
  std::deque<File> files_;  // a deque: the table add() returns stays where it is
};

}  // namespace

Status write_report_csv(const std::string& dir, const stats::ReportData& r, const KioskNames* kiosks) {
  Tables t(r.includes_sample());
  {
    CsvTable& years = t.add("usage_per_fiscal_year.csv", {"fiscal_year", "article_views", "sessions", "session_seconds",
                                                          "searches", "searches_no_result", "meeting_uses", "meeting_seconds"});
    for (const auto& y : r.per_fiscal_year) {
      const auto& f = y.figures;
      t.row(years, false,
            {std::to_string(y.fiscal_year), std::to_string(f.article_views), std::to_string(f.sessions),
             fixed(f.session_seconds, 0), std::to_string(f.searches), std::to_string(f.searches_no_result),
             std::to_string(f.meeting_uses), fixed(f.meeting_seconds, 0)});
    }
  }
  {
    CsvTable& months = t.add("views_per_month.csv", {"month", "month_th", "article_views"});
    for (const auto& m : r.views_per_month) t.row(months, false, {m.label, thai_month_label(m.label), std::to_string(m.count)});
  }
  {
    CsvTable& cats = t.add("views_per_category.csv", {"category", "article_views"});
    for (const auto& c : r.views_per_category) t.row(cats, false, {c.label, std::to_string(c.count)});
  }
  {
    CsvTable& top = t.add("top_articles.csv", {"rank", "article", "title", "category", "views", "average_seconds"},
                          Tables::Rows::MaybeSample);
    int rank = 0;
    for (const auto& a : r.top_articles) {
      t.row(top, a.is_sample,
            {std::to_string(++rank), a.route, a.title, a.category, std::to_string(a.views), fixed(a.average_seconds, 1)});
    }
  }
  {
    CsvTable& queries = t.add("searches_no_result.csv", {"query", "searches"});
    for (const auto& q : r.no_result_queries) t.row(queries, false, {q.label, std::to_string(q.count)});
  }
  {
    CsvTable& plan = t.add("plan_progress.csv",
                           {"plan", "plan_years", "plan_phase", "seq", "activity", "indicator", "target", "unit",
                            "target_direction", "target_value", "fiscal_year", "value", "source", "status", "status_th",
                            "note"},
                           Tables::Rows::MaybeSample);
    for (const auto& p : r.plans) {
      const std::string years = std::to_string(p.range.from) + "-" + std::to_string(p.range.to);
      const std::string phase = plan::phase_text(p.range, r.as_of).th;
      for (const auto& i : p.indicators) {
        const std::string direction = i.spec.direction == plan::TargetDirection::AtLeast  ? "at_least"
                                      : i.spec.direction == plan::TargetDirection::AtMost ? "at_most"
                                                                                           : "";
        for (const auto& y : i.years) {
          const char* source = y.source == stats::IndicatorYear::Source::Kiosk     ? "kiosk"
                               : y.source == stats::IndicatorYear::Source::Content ? "content"
                                                                                   : "";
          t.row(plan, p.is_sample || i.is_sample || y.is_sample,
                {p.title, years, phase, std::to_string(i.seq), i.activity, i.indicator, i.target, i.spec.unit, direction,
                 optional_number(y.target), std::to_string(y.fiscal_year), optional_number(y.value), source,
                 std::string(plan::status_name(y.status)), std::string(plan::words(y.status).th), y.note});
        }
      }
    }
  }
  if (kiosks) {
    CsvTable& table = t.add("kiosks.csv", {"kiosk_id", "name", "organization", "article_views", "sessions",
                                           "session_seconds", "searches", "searches_no_result", "meeting_uses",
                                           "statistics_as_of"});
    for (const stats::KioskFigures& k : r.per_kiosk) {
      const auto& f = k.figures;
      const auto name = kiosks->find(k.kiosk_id);
      t.row(table, false,
            {k.kiosk_id, name != kiosks->end() ? name->second : "", k.organization, std::to_string(f.article_views),
             std::to_string(f.sessions), fixed(f.session_seconds, 0), std::to_string(f.searches),
             std::to_string(f.searches_no_result), std::to_string(f.meeting_uses), k.exported_at});
    }
  }
  return t.write(dir);
}

}  // namespace khlang::admin::report

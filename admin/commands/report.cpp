// report: the KM monitoring committee's report, one self-contained HTML file in Thai (BE dates,
// inline SVG charts, tables; prints to PDF as it shows), and the same tables as CSV with --csv.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <unistd.h>

#include "bundle/bundle_file.h"
#include "commands.h"
#include "content/csv.h"
#include "fleet/fleet_status.h"
#include "stats/report_data.h"
#include "stats/stats_file.h"
#include "store/schema.h"
#include "text/segment.h"
#include "text/utf8.h"
#include "thai/thai_date.h"
#include "util/safe_file.h"

namespace khlang::admin {

const CommandSpec kReportSpec{
    "report", "report (--db DB | --stats FILE | --fleet DIR...) --out report.html [--from DATE] [--to DATE] [--csv DIR]",
    "Writes the committee's usage report (HTML in Thai, charts and tables) from a kiosk, a statistics file or a fleet.",
    {{"--db", "DB", "a kiosk database"},
     {"--stats", "FILE", "a statistics file (stats export / stats merge)"},
     {"--fleet", "", "the statistics of every kiosk in the folders given (their synced outboxes)"},
     {"--out", "FILE", "the HTML file to write"},
     {"--from", "DATE", "first day, YYYY-MM-DD in CE or BE (2026-10-01 or 2569-10-01), Thai time"},
     {"--to", "DATE", "last day, YYYY-MM-DD, the same way"},
     {"--csv", "DIR", "also write the tables as CSV files into DIR"}}};

namespace {

using stats::ReportData;

std::string html(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string number(double v, int decimals = 0) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  // Thousands separators, as Thai reports write them.
  const size_t dot = s.find('.');
  for (int i = static_cast<int>(dot == std::string::npos ? s.size() : dot) - 3; i > (s[0] == '-' ? 1 : 0); i -= 3) {
    s.insert(static_cast<size_t>(i), ",");
  }
  return s;
}

// "2026-10" -> "ต.ค. 2569"
std::string thai_month_label(const std::string& ym) {
  int y = 0, m = 0;
  if (std::sscanf(ym.c_str(), "%d-%d", &y, &m) != 2 || m < 1 || m > 12) return ym;
  return std::string(thai::thai_month(m, thai::MonthStyle::Abbreviated)) + " " + std::to_string(thai::be_year(y));
}

// "2026-10-05..." -> "5 ตุลาคม 2569"
std::string thai_date(const std::string& iso) {
  auto d = thai::parse_iso_date(iso.substr(0, 10));
  return d ? thai::format_thai_date(*d) : iso;
}

// Vertical bars, one per month, with the count above each bar.
std::string month_chart(const std::vector<stats::Count>& months) {
  if (months.empty()) return "<p class=\"empty\">ไม่มีข้อมูลในช่วงนี้</p>";
  int64_t top = 1;
  for (const auto& m : months) top = std::max(top, m.count);
  const int bar = 44, gap = 14, h = 220, base = 250;
  const int w = static_cast<int>(months.size()) * (bar + gap) + gap;
  std::ostringstream o;
  o << "<svg class=\"chart\" viewBox=\"0 0 " << w << " 300\" width=\"" << std::min(w, 900)
    << "\" role=\"img\" aria-label=\"จำนวนการเข้าถึงรายเดือน\">";
  o << "<line x1=\"0\" y1=\"" << base << "\" x2=\"" << w << "\" y2=\"" << base << "\" stroke=\"#888\"/>";
  for (size_t i = 0; i < months.size(); ++i) {
    const int x = gap + static_cast<int>(i) * (bar + gap);
    const int bh = static_cast<int>(static_cast<double>(months[i].count) / static_cast<double>(top) * h);
    o << "<rect x=\"" << x << "\" y=\"" << base - bh << "\" width=\"" << bar << "\" height=\"" << bh
      << "\" fill=\"#165C48\"/>";
    o << "<text x=\"" << x + bar / 2 << "\" y=\"" << base - bh - 6 << "\" text-anchor=\"middle\" font-size=\"13\">"
      << months[i].count << "</text>";
    o << "<text x=\"" << x + bar / 2 << "\" y=\"" << base + 20 << "\" text-anchor=\"middle\" font-size=\"12\">"
      << html(thai_month_label(months[i].label)) << "</text>";
  }
  o << "</svg>";
  return o.str();
}

// Horizontal bars with labels, for counts by name.
std::string bar_list(const std::vector<std::pair<std::string, double>>& rows, const std::string& color, double scale_to = 0,
                     const std::string& suffix = "") {
  if (rows.empty()) return "<p class=\"empty\">ไม่มีข้อมูลในช่วงนี้</p>";
  double top = scale_to;
  for (const auto& r : rows) top = std::max(top, r.second);
  if (top <= 0) top = 1;
  const int row_h = 30, label_w = 330, bar_w = 420;
  std::ostringstream o;
  o << "<svg class=\"chart\" viewBox=\"0 0 " << label_w + bar_w + 80 << " " << rows.size() * row_h + 10 << "\" width=\""
    << label_w + bar_w + 80 << "\" role=\"img\">";
  for (size_t i = 0; i < rows.size(); ++i) {
    const int y = static_cast<int>(i) * row_h + 5;
    const int w = static_cast<int>(rows[i].second / top * bar_w);
    std::string label = rows[i].first;
    o << "<text x=\"" << label_w - 8 << "\" y=\"" << y + 19 << "\" text-anchor=\"end\" font-size=\"14\">"
      << html(label) << "</text>";
    o << "<rect x=\"" << label_w << "\" y=\"" << y + 4 << "\" width=\"" << bar_w << "\" height=\"20\" fill=\"#eee\"/>";
    o << "<rect x=\"" << label_w << "\" y=\"" << y + 4 << "\" width=\"" << w << "\" height=\"20\" fill=\"" << color << "\"/>";
    o << "<text x=\"" << label_w + bar_w + 8 << "\" y=\"" << y + 19 << "\" font-size=\"14\">" << number(rows[i].second)
      << suffix << "</text>";
  }
  o << "</svg>";
  return o.str();
}

// At most `clusters` grapheme clusters of `s`, with "…" when cut: a chart label never splits a
// Thai cluster (a byte cut would leave a broken character).
std::string shorten(const std::string& s, size_t clusters) {
  const std::u32string text = text::decode_utf8(s);
  const std::vector<uint8_t> starts = text::find_cluster_boundaries(text);
  size_t seen = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((starts[i] & text::kClusterStart) && ++seen > clusters) return text::encode_utf8(std::u32string_view(text).substr(0, i)) + "…";
  }
  return s;
}

std::optional<double> activity_fraction(const stats::ActivityStatus& a) {
  if (a.value && a.target_value && *a.target_value > 0) return std::min(1.0, *a.value / *a.target_value);
  if (a.status == plan::ProgressStatus::Done) return 1.0;
  return std::nullopt;
}

std::string period_text(const ReportData& r) {
  const std::string from = !r.from.empty() ? r.from : r.first_event;
  const std::string to = !r.to.empty() ? r.to : r.last_event;
  if (from.empty()) return "ยังไม่มีการใช้งานที่บันทึกไว้";
  return thai_date(from) + " ถึง " + thai_date(to);
}

std::string render_html(const ReportData& r) {
  std::ostringstream o;
  o << R"(<!DOCTYPE html>
<html lang="th"><head><meta charset="utf-8">
<title>รายงานการใช้งานคลังความรู้</title>
<style>
body { font-family: "Noto Sans Thai", "Noto Sans", "Laksaman", sans-serif; color: #1d2a26; margin: 2em auto; max-width: 60em; line-height: 1.6; }
h1 { color: #165C48; margin-bottom: 0.2em; } h2 { color: #165C48; border-bottom: 3px solid #C98F1C; padding-bottom: 0.2em; margin-top: 1.8em; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0; } th, td { border: 1px solid #c8d2ce; padding: 0.35em 0.6em; text-align: left; vertical-align: top; }
th { background: #e8f0ed; } td.n { text-align: right; white-space: nowrap; }
.figures { display: flex; flex-wrap: wrap; gap: 0.8em; } .figure { border: 1px solid #c8d2ce; border-radius: 8px; padding: 0.6em 1em; min-width: 11em; }
.figure b { display: block; font-size: 1.8em; color: #165C48; } .empty, .note { color: #666; }
svg.chart { max-width: 100%; height: auto; font-family: inherit; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } table, svg { break-inside: avoid; } }
</style></head><body>
)";
  o << "<h1>รายงานการใช้งานคลังความรู้ (Khlang)</h1>\n";
  o << "<p>" << html(r.organization.empty() ? std::string("หน่วยงาน") : r.organization) << "<br>ช่วงเวลา: "
    << html(period_text(r)) << " · จำนวนตู้: " << r.kiosks << " · จัดทำเมื่อ "
    << html(thai_date(bundle::now_utc_iso())) << "</p>\n";
  o << "<div class=\"figures\">"
    << "<div class=\"figure\"><b>" << number(static_cast<double>(r.article_views)) << "</b>จำนวนการเข้าถึงฐานข้อมูลความรู้ (ครั้ง)</div>"
    << "<div class=\"figure\"><b>" << number(static_cast<double>(r.sessions)) << "</b>ผู้ใช้งานตู้ (ครั้ง) รวม "
    << number(r.session_minutes) << " นาที</div>"
    << "<div class=\"figure\"><b>" << number(static_cast<double>(r.searches)) << "</b>การค้นหา (ไม่พบผลลัพธ์ "
    << number(static_cast<double>(r.searches_no_result)) << " ครั้ง)</div>"
    << "<div class=\"figure\"><b>" << number(static_cast<double>(r.meeting_uses)) << "</b>การใช้โหมดประชุม ("
    << number(r.meeting_minutes) << " นาที)</div></div>\n";
  o << "<p class=\"note\">การเข้าถึงฐานข้อมูลความรู้ คือ การเปิดอ่านบทความความรู้หนึ่งเรื่องบนตู้หนึ่งครั้ง; "
       "ไม่มีการเก็บข้อมูลส่วนบุคคลของผู้ใช้งาน</p>\n";

  o << "<h2>1. จำนวนการเข้าถึงฐานข้อมูลความรู้รายเดือน</h2>\n" << month_chart(r.views_per_month);
  o << "<table><tr><th>เดือน</th><th>จำนวนครั้ง</th></tr>";
  for (const auto& m : r.views_per_month) o << "<tr><td>" << html(thai_month_label(m.label)) << "</td><td class=\"n\">" << number(static_cast<double>(m.count)) << "</td></tr>";
  o << "</table>\n";

  o << "<h2>2. การเข้าถึงตามหมวดความรู้</h2>\n";
  std::vector<std::pair<std::string, double>> cats;
  for (const auto& c : r.views_per_category) cats.emplace_back(shorten(c.label, 30), static_cast<double>(c.count));
  o << bar_list(cats, "#2F7D6B");

  o << "<h2>3. บทความที่มีผู้อ่านมากที่สุด</h2>\n<table><tr><th>ลำดับ</th><th>บทความ</th><th>หมวด</th><th>ครั้ง</th><th>เวลาอ่านเฉลี่ย (วินาที)</th></tr>";
  int rank = 0;
  for (const auto& a : r.top_articles) {
    o << "<tr><td class=\"n\">" << ++rank << "</td><td>" << html(a.title) << "</td><td>" << html(a.category)
      << "</td><td class=\"n\">" << number(static_cast<double>(a.views)) << "</td><td class=\"n\">" << number(a.average_seconds)
      << "</td></tr>";
  }
  if (r.top_articles.empty()) o << "<tr><td colspan=\"5\" class=\"empty\">ไม่มีข้อมูลในช่วงนี้</td></tr>";
  o << "</table>\n";

  o << "<h2>4. คำค้นหาที่ไม่พบผลลัพธ์</h2>\n<p class=\"note\">สิ่งที่ประชาชนค้นหาแต่ยังไม่มีในคลังความรู้: "
       "แนวทางสำหรับเพิ่มเนื้อหา</p><table><tr><th>คำค้นหา</th><th>จำนวนครั้ง</th></tr>";
  for (const auto& q : r.no_result_queries) o << "<tr><td>" << html(q.label) << "</td><td class=\"n\">" << q.count << "</td></tr>";
  if (r.no_result_queries.empty()) o << "<tr><td colspan=\"2\" class=\"empty\">ไม่มี</td></tr>";
  o << "</table>\n";

  o << "<h2>5. ความก้าวหน้าของแผนการจัดการความรู้ เทียบกับเป้าหมาย</h2>\n";
  if (!r.snapshot_taken_at.empty()) o << "<p class=\"note\">ข้อมูล ณ วันที่ " << html(thai_date(r.snapshot_taken_at)) << "</p>";
  std::vector<std::pair<std::string, double>> progress;
  for (const auto& a : r.activities) {
    if (auto f = activity_fraction(a)) progress.emplace_back(shorten(std::to_string(a.seq) + ". " + a.activity, 30), *f * 100);
  }
  if (!progress.empty()) o << bar_list(progress, "#C98F1C", 100, "%");
  o << "<table><tr><th>แผน</th><th>กิจกรรม</th><th>ตัวชี้วัด / เป้าหมาย</th><th>ผล</th><th>สถานะ</th></tr>";
  for (const auto& a : r.activities) {
    std::string result = "-";
    if (a.value) result = number(*a.value, *a.value == static_cast<double>(static_cast<int64_t>(*a.value)) ? 0 : 1);
    if (a.value && a.target_value) result += " / " + number(*a.target_value);
    if (a.fiscal_year) result += " (ปีงบประมาณ " + std::to_string(*a.fiscal_year) + ")";
    o << "<tr><td>" << html(a.plan_title) << "</td><td>" << a.seq << ". " << html(a.activity) << "</td><td>"
      << html(a.indicator) << (a.target.empty() ? "" : "<br>เป้าหมาย: " + html(a.target)) << "</td><td class=\"n\">"
      << html(result) << "</td><td>" << plan::words(a.status).th << "</td></tr>";
  }
  if (r.activities.empty()) o << "<tr><td colspan=\"5\" class=\"empty\">ไม่มีข้อมูลแผน</td></tr>";
  o << "</table>\n</body></html>\n";
  return o.str();
}

// A fleet's kiosks by id: what their health records call them ("name · location").
using KioskNames = std::map<std::string, std::string>;

KioskNames kiosk_names(const std::vector<std::string>& health_paths) {
  KioskNames names;
  for (const fleet::KioskStatus& k : fleet::read_fleet_status(health_paths, {}, {}, 0).kiosks) {
    if (!k.record) continue;
    std::string name = k.record->name;
    if (!k.record->location.empty()) name += (name.empty() ? "" : " · ") + k.record->location;
    names[k.record->kiosk_id] = name;
  }
  return names;
}

// The per-kiosk section: each kiosk's share, and their sum (the report's totals).
std::string kiosk_section(const ReportData& r, const KioskNames& names) {
  std::ostringstream o;
  o << "<h2>การใช้งานรายตู้</h2>\n<p class=\"note\">ตัวเลขของแต่ละตู้ในช่วงเวลาเดียวกัน "
       "นับแต่ละเหตุการณ์เพียงครั้งเดียว; ข้อมูลของตู้ถึงวันที่ตู้ส่งสถิติครั้งล่าสุด</p>\n"
       "<table><tr><th>ตู้</th><th>การเข้าถึงฐานข้อมูลความรู้</th><th>ผู้ใช้งาน (ครั้ง)</th><th>การค้นหา (ไม่พบผลลัพธ์)</th>"
       "<th>โหมดประชุม (ครั้ง)</th><th>ข้อมูลถึง</th></tr>";
  stats::KioskFigures sum;
  for (const stats::KioskFigures& k : r.per_kiosk) {
    const auto name = names.find(k.kiosk_id);
    o << "<tr><td>" << html(name != names.end() && !name->second.empty() ? name->second : k.kiosk_id)
      << "<br><span class=\"note\">" << html(k.kiosk_id) << "</span></td><td class=\"n\">"
      << number(static_cast<double>(k.article_views)) << "</td><td class=\"n\">" << number(static_cast<double>(k.sessions))
      << "</td><td class=\"n\">" << number(static_cast<double>(k.searches)) << " ("
      << number(static_cast<double>(k.searches_no_result)) << ")</td><td class=\"n\">"
      << number(static_cast<double>(k.meeting_uses)) << "</td><td>" << html(thai_date(k.exported_at)) << "</td></tr>";
    sum.article_views += k.article_views;
    sum.sessions += k.sessions;
    sum.searches += k.searches;
    sum.searches_no_result += k.searches_no_result;
    sum.meeting_uses += k.meeting_uses;
  }
  o << "<tr><th>รวม " << r.per_kiosk.size() << " ตู้</th><th class=\"n\">" << number(static_cast<double>(sum.article_views))
    << "</th><th class=\"n\">" << number(static_cast<double>(sum.sessions)) << "</th><th class=\"n\">"
    << number(static_cast<double>(sum.searches)) << " (" << number(static_cast<double>(sum.searches_no_result))
    << ")</th><th class=\"n\">" << number(static_cast<double>(sum.meeting_uses)) << "</th><th></th></tr></table>\n";
  return o.str();
}

Status write_kiosks_csv(const std::string& dir, const ReportData& r, const KioskNames& names) {
  content::CsvTable table{{"kiosk_id", "name", "organization", "article_views", "sessions", "session_minutes", "searches",
                           "searches_no_result", "meeting_uses", "statistics_as_of"},
                          {},
                          {}};
  for (const stats::KioskFigures& k : r.per_kiosk) {
    char minutes[32];
    std::snprintf(minutes, sizeof minutes, "%.1f", k.session_minutes);
    const auto name = names.find(k.kiosk_id);
    table.rows.push_back({k.kiosk_id, name != names.end() ? name->second : "", k.organization,
                          std::to_string(k.article_views), std::to_string(k.sessions), minutes, std::to_string(k.searches),
                          std::to_string(k.searches_no_result), std::to_string(k.meeting_uses), k.exported_at});
  }
  // Names come from the kiosks' own records: neutralised for a spreadsheet like visitors' text.
  return safe_file::write_into(dir, "kiosks.csv", content::write_csv(table, content::CsvCells::ForSpreadsheet));
}

Status write_csv_tables(const std::string& dir, const ReportData& r) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  using content::CsvTable;
  auto fixed = [](double v, int decimals) {  // no thousands separators in CSV
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return std::string(buf);
  };
  CsvTable months{{"month", "month_th", "article_views"}, {}, {}};
  for (const auto& m : r.views_per_month) months.rows.push_back({m.label, thai_month_label(m.label), std::to_string(m.count)});
  CsvTable cats{{"category", "article_views"}, {}, {}};
  for (const auto& c : r.views_per_category) cats.rows.push_back({c.label, std::to_string(c.count)});
  CsvTable top{{"rank", "article", "title", "category", "views", "average_seconds"}, {}, {}};
  for (const auto& a : r.top_articles) {
    top.rows.push_back({std::to_string(top.rows.size() + 1), a.route, a.title, a.category, std::to_string(a.views),
                        fixed(a.average_seconds, 1)});
  }
  CsvTable queries{{"query", "searches"}, {}, {}};
  for (const auto& q : r.no_result_queries) queries.rows.push_back({q.label, std::to_string(q.count)});
  CsvTable plan{{"plan", "seq", "activity", "indicator", "target", "fiscal_year", "value", "target_value", "status"}, {}, {}};
  for (const auto& a : r.activities) {
    plan.rows.push_back({a.plan_title, std::to_string(a.seq), a.activity, a.indicator, a.target,
                         a.fiscal_year ? std::to_string(*a.fiscal_year) : "", a.value ? fixed(*a.value, 2) : "",
                         a.target_value ? fixed(*a.target_value, 2) : "", std::string(plan::stored_name(a.status))});
  }
  for (const auto& [name, table] : {std::pair<std::string, const CsvTable*>{"views_per_month.csv", &months},
                                    {"views_per_category.csv", &cats}, {"top_articles.csv", &top},
                                    {"searches_no_result.csv", &queries}, {"plan_progress.csv", &plan}}) {
    if (auto s = safe_file::write_into(dir, name, content::write_csv(*table, content::CsvCells::ForSpreadsheet)); !s) {
      return s;
    }
  }
  return Ok{};
}

}  // namespace

int run_report(const Args& args) {
  const auto db_path = args.get("--db");
  const auto stats_path = args.get("--stats");
  const auto out = args.get("--out");
  const bool fleet = args.has("--fleet");
  if (!out || int(db_path.has_value()) + int(stats_path.has_value()) + int(fleet) != 1 ||
      fleet != !args.positional().empty()) {
    return fail("report", "usage: " + kReportSpec.usage);
  }
  std::string from = args.get("--from").value_or(""), to = args.get("--to").value_or("");
  for (auto& [name, value] : {std::pair<std::string, std::string*>{"--from", &from}, {"--to", &to}}) {
    if (value->empty()) continue;
    auto date = thai::parse_iso_date(*value);
    if (value->size() != 10 || !date) {
      return fail("report", name + " takes a date as YYYY-MM-DD (2026-10-01, or in BE 2569-10-01), not '" + *value + "'");
    }
    // A Thai office writes BE years: 2569-10-01 is 2026-10-01.
    if (date->year >= 2400) *value = std::to_string(thai::ce_year(date->year)) + value->substr(4);
  }
  if (!from.empty() && !to.empty() && from > to) return fail("report", "--from " + from + " is after --to " + to);
  std::string stats_file = stats_path.value_or("");
  KioskNames names;
  size_t skipped = 0;  // unreadable statistics files of a fleet
  std::string scratch;
  if (db_path) {
    // A kiosk database: its statistics go through a scratch export, as a stick's would.
    auto kiosk = store::open_kiosk_db(*db_path);
    if (!kiosk) return fail("report", kiosk.error().message);
    scratch = (std::filesystem::temp_directory_path() / ("khlang-report-" + std::to_string(::getpid()) + ".sqlite")).string();
    auto exported = stats::export_stats(kiosk.value(), scratch);
    if (!exported) return fail("report", exported.error().message);
    std::filesystem::remove(exported->csv_path);
    stats_file = scratch;
  } else if (fleet) {
    // Every kiosk's statistics merged into a scratch file: an event is keyed by (kiosk, event id),
    // so one that arrived in several files counts once.
    for (const std::string& folder : args.positional()) {
      std::error_code ec;
      if (!std::filesystem::is_directory(folder, ec)) return fail("report", folder + ": no such folder");
    }
    const fleet::OutboxFiles files = fleet::find_outbox_files(args.positional());
    if (files.stats.empty()) {
      return fail("report", "no kiosk statistics (khlang-stats-*.sqlite) in the folders given or their subfolders");
    }
    scratch = (std::filesystem::temp_directory_path() / ("khlang-report-" + std::to_string(::getpid()) + ".sqlite")).string();
    // A kiosk's damaged file is skipped, said so, and the others make the report.
    size_t merged_files = 0;
    for (const std::string& input : files.stats) {
      if (auto merged = stats::merge_stats({input}, scratch, /*durable=*/false); merged) {
        ++merged_files;
      } else {
        std::fprintf(stderr, "khlang-admin report: skipped %s: %s\n", input.c_str(), merged.error().message.c_str());
        ++skipped;
      }
    }
    if (merged_files == 0) {
      std::filesystem::remove(scratch);
      return fail("report", "none of the " + std::to_string(files.stats.size()) + " statistics files could be read");
    }
    stats_file = scratch;
    names = kiosk_names(files.health);
  }
  auto db = stats::open_stats(stats_file);
  auto data = db ? stats::build_report(db.value(), from, to) : Expected<ReportData>(db.error());
  if (!scratch.empty()) std::filesystem::remove(scratch);
  if (!data) return fail("report", data.error().message);
  std::ofstream file(*out, std::ios::trunc);
  std::string page = render_html(data.value());
  // Several kiosks (a fleet, or a merged file): a row for each, before the page ends.
  const bool per_kiosk = fleet || data->per_kiosk.size() > 1;
  if (per_kiosk) page.insert(page.rfind("</body>"), kiosk_section(data.value(), names));
  file << page;
  if (!file.flush()) return fail("report", "cannot write " + *out);
  if (const auto dir = args.get("--csv")) {
    if (auto s = write_csv_tables(*dir, data.value()); !s) return fail("report", s.error().message);
    if (per_kiosk) {
      if (auto s = write_kiosks_csv(*dir, data.value(), names); !s) return fail("report", s.error().message);
    }
  }
  std::printf("%s: %lld accesses to the knowledge base, %lld sessions, %lld searches (%lld found nothing), %zu activities\n",
              out->c_str(), static_cast<long long>(data->article_views), static_cast<long long>(data->sessions),
              static_cast<long long>(data->searches), static_cast<long long>(data->searches_no_result),
              data->activities.size());
  if (skipped) {
    std::printf("%zu statistics files could not be read and were left out (see above)\n", skipped);
    return 1;
  }
  return 0;
}

}  // namespace khlang::admin

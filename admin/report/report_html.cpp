#include "report/report_html.h"

#include <sstream>

#include "bundle/bundle_file.h"
#include "report/html_parts.h"
#include "thai/thai_date.h"

namespace khlang::admin::report {
namespace {

using stats::ReportData;

constexpr const char* kStyle = R"(
@page { size: A4; margin: 14mm 14mm 16mm 14mm; }
body { font-family: "Noto Sans Thai", "Noto Sans", "Laksaman", sans-serif; color: #1d2a26; margin: 2em auto; max-width: 60em; line-height: 1.55; }
h1 { color: #165C48; margin: 0 0 0.2em; font-size: 1.7em; }
h2 { color: #165C48; border-bottom: 3px solid #C98F1C; padding-bottom: 0.15em; margin-top: 1.6em; break-after: avoid; }
h3 { color: #165C48; margin: 1.2em 0 0.3em; break-after: avoid; }
table.data { border-collapse: collapse; width: 100%; margin: 0.5em 0; }
table.data th, table.data td { border: 1px solid #c8d2ce; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
table.data th { background: #e8f0ed; } table.data td.n { text-align: right; white-space: nowrap; }
table.data tr { break-inside: avoid; }
.figures { display: flex; flex-wrap: wrap; gap: 0.6em; margin: 0.6em 0; }
.figure { border: 1px solid #c8d2ce; border-radius: 8px; padding: 0.5em 0.9em; flex: 1 1 10em; break-inside: avoid; }
.figure b { display: block; font-size: 1.6em; color: #165C48; }
.empty, .note { color: #555; }
svg.chart { max-width: 100%; height: auto; font-family: inherit; break-inside: avoid; }
.status { font-weight: bold; white-space: nowrap; }
.s-achieved { color: #1B6B2A; } .s-behind { color: #B3261E; } .s-in_progress { color: #1F5FA8; }
.s-not_started, .s-no_data, .s-year_closed { color: #5B6461; }
.phase { display: inline-block; border: 1px solid #165C48; border-radius: 4px; padding: 0 0.4em; font-size: 0.9em; }
.phase.ended { border-color: #5B6461; color: #5B6461; }
table.page { width: 100%; border-collapse: collapse; } table.page > thead > tr > td, table.page > tbody > tr > td { padding: 0; }
.sample-banner { background: #FFF4D6; border: 2px solid #B3261E; color: #7A1A14; font-weight: bold; padding: 0.3em 0.8em; margin-bottom: 0.8em; }
tr.sample td:first-child { border-left: 4px solid #B3261E; }
.sample-mark { display: inline-block; background: #B3261E; color: #fff; font-size: 0.8em; font-weight: bold; padding: 0 0.35em; border-radius: 3px; margin-left: 0.3em; white-space: nowrap; }
.lines div { border-bottom: 1px dotted #555; height: 2.1em; }
.sign { display: flex; flex-wrap: wrap; gap: 1.5em 3em; margin-top: 1.5em; break-inside: avoid; }
.sign > div { flex: 1 1 16em; break-inside: avoid; line-height: 2.1; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  .sign { break-before: auto; }
}
)";

std::string mark(bool sample) { return sample ? std::string("<span class=\"sample-mark\">") + kSampleMarkText + "</span>" : ""; }
std::string row_open(bool sample) { return sample ? "<tr class=\"sample\">" : "<tr>"; }

std::string count(int64_t n) { return number(static_cast<double>(n)); }

std::string period_text(const ReportData& r) {
  const std::string from = !r.from.empty() ? r.from : r.first_event;
  const std::string to = !r.to.empty() ? r.to : r.last_event;
  if (from.empty()) return "ยังไม่มีการใช้งานที่บันทึกไว้";
  return thai_date(from) + " ถึง " + thai_date(to);
}

std::string status_cell(plan::ProgressStatus s) {
  return "<span class=\"status s-" + std::string(plan::status_name(s)) + "\">" + std::string(plan::words(s).th) +
         "</span>";
}

std::string as_of_text(const ReportData& r) { return thai::format_thai_date(r.as_of); }

}  // namespace

Section usage_summary_section(const ReportData& r) {
  const stats::UsageFigures& t = r.totals;
  std::ostringstream o;
  o << "<div class=\"figures\">"
    << "<div class=\"figure\"><b>" << count(t.article_views) << "</b>การเข้าถึงฐานข้อมูลความรู้ (ครั้ง)</div>"
    << "<div class=\"figure\"><b>" << count(t.sessions) << "</b>ผู้ใช้งานตู้ (ครั้ง) รวม "
    << thai::format_thai_duration(t.session_seconds) << "</div>"
    << "<div class=\"figure\"><b>" << count(t.searches) << "</b>การค้นหา (ไม่พบผลลัพธ์ " << count(t.searches_no_result)
    << " ครั้ง)</div>"
    << "<div class=\"figure\"><b>" << count(t.meeting_uses) << "</b>การใช้โหมดประชุม รวม "
    << thai::format_thai_duration(t.meeting_seconds) << "</div></div>\n"
    << "<p class=\"note\">การเข้าถึงฐานข้อมูลความรู้ คือ การเปิดอ่านบทความความรู้หนึ่งเรื่องบนตู้หนึ่งครั้ง; "
       "ไม่มีการเก็บข้อมูลส่วนบุคคลของผู้ใช้งาน</p>\n";
  return {"สรุปการใช้งานตู้คลังความรู้", o.str()};
}

Section fiscal_year_section(const ReportData& r) {
  std::ostringstream o;
  o << "<p class=\"note\">ปีงบประมาณเริ่ม 1 ตุลาคม และสิ้นสุด 30 กันยายน ของปีถัดไป</p>"
    << "<table class=\"data\"><thead><tr><th>ปีงบประมาณ</th><th>การเข้าถึงฐานข้อมูลความรู้ (ครั้ง)</th>"
       "<th>ผู้ใช้งาน (ครั้ง)</th><th>เวลาใช้งานรวม</th><th>การค้นหา (ไม่พบ)</th><th>โหมดประชุม</th></tr></thead>";
  for (const stats::FiscalYearUsage& y : r.per_fiscal_year) {
    const stats::UsageFigures& f = y.figures;
    o << "<tr><td>" << y.fiscal_year << "</td><td class=\"n\">" << count(f.article_views) << "</td><td class=\"n\">"
      << count(f.sessions) << "</td><td class=\"n\">" << thai::format_thai_duration(f.session_seconds)
      << "</td><td class=\"n\">" << count(f.searches) << " (" << count(f.searches_no_result) << ")</td><td class=\"n\">"
      << count(f.meeting_uses) << " ครั้ง, " << thai::format_thai_duration(f.meeting_seconds) << "</td></tr>";
  }
  if (r.per_fiscal_year.empty()) o << "<tr><td colspan=\"6\" class=\"empty\">ไม่มีข้อมูลในช่วงนี้</td></tr>";
  o << "</table>\n";
  return {"การใช้งานรายปีงบประมาณ", o.str()};
}

Section monthly_section(const ReportData& r) {
  std::ostringstream o;
  o << month_chart(r.views_per_month) << "<table class=\"data\"><thead><tr><th>เดือน</th><th>จำนวนครั้ง</th></tr></thead>";
  for (const auto& m : r.views_per_month) {
    o << "<tr><td>" << html(thai_month_label(m.label)) << "</td><td class=\"n\">" << count(m.count) << "</td></tr>";
  }
  o << "</table>\n";
  return {"จำนวนการเข้าถึงฐานข้อมูลความรู้รายเดือน", o.str()};
}

Section category_section(const ReportData& r) {
  std::vector<std::pair<std::string, double>> cats;
  for (const auto& c : r.views_per_category) cats.emplace_back(shorten(c.label, 30), static_cast<double>(c.count));
  return {"การเข้าถึงตามหมวดความรู้", bar_list(cats, "#2F7D6B")};
}

Section top_articles_section(const ReportData& r) {
  std::ostringstream o;
  o << "<table class=\"data\"><thead><tr><th>ลำดับ</th><th>บทความ</th><th>หมวด</th><th>ครั้ง</th><th>เวลาอ่านเฉลี่ย</th></tr>"
       "</thead>";
  int rank = 0;
  for (const auto& a : r.top_articles) {
    o << row_open(a.is_sample) << "<td class=\"n\">" << ++rank << "</td><td>" << html(a.title) << mark(a.is_sample)
      << "</td><td>" << html(a.category) << "</td><td class=\"n\">" << count(a.views) << "</td><td class=\"n\">"
      << thai::format_thai_duration(a.average_seconds) << "</td></tr>";
  }
  if (r.top_articles.empty()) o << "<tr><td colspan=\"5\" class=\"empty\">ไม่มีข้อมูลในช่วงนี้</td></tr>";
  o << "</table>\n";
  return {"บทความที่มีผู้อ่านมากที่สุด", o.str()};
}

Section no_result_section(const ReportData& r) {
  std::ostringstream o;
  o << "<p class=\"note\">สิ่งที่ผู้ใช้งานค้นหาแต่ยังไม่มีในคลังความรู้: แนวทางสำหรับเพิ่มเนื้อหา</p>"
       "<table class=\"data\"><thead><tr><th>คำค้นหา</th><th>จำนวนครั้ง</th></tr></thead>";
  for (const auto& q : r.no_result_queries) {
    o << "<tr><td>" << html(q.label) << "</td><td class=\"n\">" << count(q.count) << "</td></tr>";
  }
  if (r.no_result_queries.empty()) o << "<tr><td colspan=\"2\" class=\"empty\">ไม่มี</td></tr>";
  o << "</table>\n";
  return {"คำค้นหาที่ไม่พบผลลัพธ์", o.str()};
}

namespace {

// One fiscal year's cell: the value with its unit, the year's numeric target when it differs
// from the plan's, the status, where a kiosk count comes from, and a sample mark when the row
// itself is not marked already.
std::string year_cell(const stats::IndicatorRow& i, const stats::IndicatorYear& y) {
  std::string cell;
  if (y.value) cell += "<b>" + html(plan::format_quantity(*y.value, i.spec).th) + "</b><br>";
  if (y.target && y.target != i.spec.target_value) cell += "เป้าหมายปีนี้ " + html(plan::format_target(i.spec, y.target).th) + "<br>";
  cell += status_cell(y.status);
  if (y.source == stats::IndicatorYear::Source::Kiosk) {
    cell += "<br><span class=\"note\">นับจากตู้คลังความรู้ " + html(thai_date(y.counted_from)) + " – " +
            html(thai_date(y.counted_to)) + "</span>";
  }
  if (y.is_sample && !i.is_sample) cell += mark(true);
  return cell;
}

}  // namespace

Section plan_progress_section(const ReportData& r) {
  std::ostringstream o;
  o << "<p class=\"note\">ผลของแต่ละตัวชี้วัดรายปีงบประมาณ เทียบกับเป้าหมายตามแผน สถานะคำนวณจากค่าที่วัดได้ "
       "เป้าหมาย และวันสิ้นปีงบประมาณ ณ วันที่ "
    << html(as_of_text(r))
    << ": <b>บรรลุเป้าหมาย</b> ถึงเป้าหมายแล้ว · <b>ต่ำกว่าเป้าหมาย</b> ต่ำกว่าเกณฑ์ หรือปิดปีโดยไม่ถึงเป้าหมาย · "
       "<b>กำลังดำเนินการ</b> ปีงบประมาณยังไม่สิ้นสุด · <b>สิ้นปีงบประมาณแล้ว</b> มีผลแต่ไม่มีเป้าหมายเชิงตัวเลขให้เทียบ · "
       "<b>ไม่มีข้อมูล</b> ยังไม่มีการบันทึกผล · <b>ยังไม่เริ่ม</b> ยังไม่ถึงปีงบประมาณ</p>";
  if (!r.snapshot_taken_at.empty()) o << "<p class=\"note\">ข้อมูลแผน ณ วันที่ " << html(thai_date(r.snapshot_taken_at)) << "</p>";
  if (r.plans.empty()) o << "<p class=\"empty\">ไม่มีข้อมูลแผน</p>";
  for (const stats::PlanRow& p : r.plans) {
    const plan::Texts phase = plan::phase_text(p.range, r.as_of);
    const bool ended = p.phase == plan::PlanPhase::Ended;
    o << "<h3>" << html(p.title) << mark(p.is_sample) << "</h3><p><span class=\"phase" << (ended ? " ended" : "")
      << "\">" << html(phase.th) << "</span> ปีงบประมาณ " << p.range.from << "–" << p.range.to
      << (ended ? " · ผลปีสุดท้ายคือผลสุดท้ายของแผน" : "") << "</p>";
    o << "<table class=\"data\"><thead><tr><th>ลำดับ</th><th>กิจกรรม / ตัวชี้วัด</th><th>เป้าหมาย</th>";
    for (int64_t y = p.range.from; y <= p.range.to; ++y) o << "<th>ปีงบประมาณ " << y << "</th>";
    o << "</tr></thead>";
    for (const stats::IndicatorRow& i : p.indicators) {
      bool sample = i.is_sample;
      for (const auto& y : i.years) sample = sample || y.is_sample;
      o << row_open(sample) << "<td class=\"n\">" << i.seq << "</td><td>" << html(i.activity) << mark(i.is_sample)
        << "<br><span class=\"note\">ตัวชี้วัด: " << html(i.indicator)
        << (i.spec.unit.empty() ? "" : " (หน่วย: " + html(i.spec.unit) + ")") << "</span></td><td>" << html(i.target);
      // The number the status is judged against, unless the plan's own words already say it.
      const std::string numeric = plan::format_target(i.spec, i.spec.target_value).th;
      if (!numeric.empty() && i.target.find(numeric) == std::string::npos) o << "<br><b>" << html(numeric) << "</b>";
      o << "</td>";
      for (const auto& y : i.years) o << "<td>" << year_cell(i, y) << "</td>";
      o << "</tr>";
    }
    o << "</table>\n";
  }
  return {"ผลการดำเนินงานตามแผนการจัดการความรู้ เทียบกับเป้าหมาย", o.str()};
}

Section recommendations_section(const ReportData&) {
  std::ostringstream o;
  o << "<p class=\"note\">คณะกรรมการติดตามและประเมินผลรายงานผลพร้อมข้อเสนอแนะต่อนายกเทศมนตรี อย่างน้อยปีละ 1 ครั้ง</p>"
       "<div class=\"lines\">";
  for (int i = 0; i < 6; ++i) o << "<div></div>";
  o << "</div>\n";
  return {"ข้อเสนอแนะของคณะกรรมการติดตามและประเมินผล", o.str()};
}

Section sign_off_section(const ReportData& r) {
  auto position_of = [&](const std::string& role) {
    for (const stats::Signatory& s : r.signatories) {
      if (s.role == role) return s.position;
    }
    return std::string();
  };
  struct Block {
    const char* role;
    const char* duty;   // what signing means
    const char* title;  // the signatory's place on the committee
  };
  const Block blocks[] = {{"secretary", "ผู้จัดทำรายงาน · Prepared by", "กรรมการและเลขานุการ"},
                          {"chair", "ผู้ตรวจสอบรายงาน · Reviewed by", "ประธานกรรมการติดตามและประเมินผล"},
                          {"cko", "ผู้รับรายงาน · Received by", ""}};
  std::ostringstream o;
  o << "<div class=\"sign\">";
  for (const Block& b : blocks) {
    const std::string position = position_of(b.role);
    if (std::string_view(b.role) == "cko" && position.empty()) continue;
    o << "<div><b>" << b.duty << "</b><br>ลงชื่อ ........................................<br>"
      << "( ........................................ )<br>ตำแหน่ง "
      << (position.empty() ? std::string("........................................") : html(position))
      << (*b.title ? std::string("<br>") + b.title : "") << "<br>วันที่ ........ / ........ / ........</div>";
  }
  o << "</div>\n";
  return {"การรับรองรายงาน", o.str()};
}

Section kiosks_section(const ReportData& r, const KioskNames& names) {
  std::ostringstream o;
  o << "<p class=\"note\">ตัวเลขของแต่ละตู้ในช่วงเวลาเดียวกัน นับแต่ละเหตุการณ์เพียงครั้งเดียว; "
       "ข้อมูลของตู้ถึงวันที่ตู้ส่งสถิติครั้งล่าสุด</p>\n"
       "<table class=\"data\"><thead><tr><th>ตู้</th><th>การเข้าถึงฐานข้อมูลความรู้</th><th>ผู้ใช้งาน (ครั้ง)</th>"
       "<th>เวลาใช้งานรวม</th><th>การค้นหา (ไม่พบผลลัพธ์)</th><th>โหมดประชุม (ครั้ง)</th><th>ข้อมูลถึง</th></tr></thead>";
  stats::UsageFigures sum;
  for (const stats::KioskFigures& k : r.per_kiosk) {
    const stats::UsageFigures& f = k.figures;
    const auto name = names.find(k.kiosk_id);
    o << "<tr><td>" << html(name != names.end() && !name->second.empty() ? name->second : k.kiosk_id)
      << "<br><span class=\"note\">" << html(k.kiosk_id) << "</span></td><td class=\"n\">" << count(f.article_views)
      << "</td><td class=\"n\">" << count(f.sessions) << "</td><td class=\"n\">"
      << thai::format_thai_duration(f.session_seconds) << "</td><td class=\"n\">" << count(f.searches) << " ("
      << count(f.searches_no_result) << ")</td><td class=\"n\">" << count(f.meeting_uses) << "</td><td>"
      << html(thai_date(k.exported_at)) << "</td></tr>";
    sum.article_views += f.article_views;
    sum.sessions += f.sessions;
    sum.session_seconds += f.session_seconds;
    sum.searches += f.searches;
    sum.searches_no_result += f.searches_no_result;
    sum.meeting_uses += f.meeting_uses;
  }
  o << "<tr><th>รวม " << r.per_kiosk.size() << " ตู้</th><th class=\"n\">" << count(sum.article_views)
    << "</th><th class=\"n\">" << count(sum.sessions) << "</th><th class=\"n\">"
    << thai::format_thai_duration(sum.session_seconds) << "</th><th class=\"n\">" << count(sum.searches) << " ("
    << count(sum.searches_no_result) << ")</th><th class=\"n\">" << count(sum.meeting_uses) << "</th><th></th></tr></table>\n";
  return {"การใช้งานรายตู้", o.str()};
}

std::string report_document(const ReportData& r, const std::vector<Section>& sections) {
  std::ostringstream o;
  o << "<!DOCTYPE html>\n<html lang=\"th\"><head><meta charset=\"utf-8\">\n<title>รายงานการติดตามและประเมินผล"
       "แผนการจัดการความรู้</title>\n<style>"
    << kStyle << "</style></head><body>\n";
  // The banner sits in the head of a table around the whole report: browsers repeat a table's
  // head on every printed page, so each page says it holds sample data.
  const bool sample = r.includes_sample();
  o << "<table class=\"page\">";
  if (sample) {
    o << "<thead><tr><td><div class=\"sample-banner\">ข้อมูลตัวอย่าง · Sample data — รายงานนี้มีข้อมูลตัวอย่างซึ่ง"
         "ไม่ใช่ผลการดำเนินงานจริง แถวที่เป็นข้อมูลตัวอย่างมีเครื่องหมาย <span class=\"sample-mark\">"
      << kSampleMarkText << "</span></div></td></tr></thead>";
  }
  o << "<tbody><tr><td>\n";
  o << "<h1>รายงานการติดตามและประเมินผลแผนการจัดการความรู้ และการใช้งานตู้คลังความรู้</h1>\n";
  o << "<p>" << html(r.organization.empty() ? std::string("หน่วยงาน") : r.organization)
    << "<br>ช่วงเวลาการใช้งาน: " << html(period_text(r)) << " · จำนวนตู้: " << r.kiosks
    << " · สถานะ ณ วันที่ " << html(as_of_text(r)) << " · จัดทำเมื่อ " << html(thai_date(bundle::now_utc_iso()))
    << "</p>\n";
  int n = 0;
  for (const Section& s : sections) o << "<h2>" << ++n << ". " << html(s.title) << "</h2>\n" << s.body;
  o << "</td></tr></tbody></table>\n</body></html>\n";
  return o.str();
}

std::string render_report_html(const ReportData& r, const KioskNames* kiosks) {
  std::vector<Section> sections = {usage_summary_section(r), fiscal_year_section(r)};
  if (kiosks) sections.push_back(kiosks_section(r, *kiosks));
  for (Section s : {monthly_section(r), category_section(r), top_articles_section(r), no_result_section(r),
                    plan_progress_section(r), recommendations_section(r), sign_off_section(r)}) {
    sections.push_back(std::move(s));
  }
  return report_document(r, sections);
}

}  // namespace khlang::admin::report

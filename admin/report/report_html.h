// [SECTION] The committee's report as one self-contained HTML file in Thai that prints cleanly on
// A4: each section is a function of the report's data, so a new one (a per-kiosk table) is one
// more function in the list render_report_html puts together. When any row is sample data,
// every printed page carries the sample banner and every sample row its mark; otherwise neither.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "stats/report_data.h"

namespace khlang::admin::report {

// A numbered section: "<h2>N. title</h2>" then its body.
struct Section {
  std::string title, body;
};

// The sections, in the order the committee reads them.
Section usage_summary_section(const stats::ReportData& r);
Section fiscal_year_section(const stats::ReportData& r);
Section monthly_section(const stats::ReportData& r);
Section category_section(const stats::ReportData& r);
Section top_articles_section(const stats::ReportData& r);
Section no_result_section(const stats::ReportData& r);
Section plan_progress_section(const stats::ReportData& r);
Section recommendations_section(const stats::ReportData& r);
Section sign_off_section(const stats::ReportData& r);
// A fleet's kiosks by id: what their health records call them ("name · location").
using KioskNames = std::map<std::string, std::string>;
// Each kiosk's share of the use and their sum (a fleet, or a file merged from several kiosks).
Section kiosks_section(const stats::ReportData& r, const KioskNames& names);

// The whole document: head and print style, the title block, the sections numbered in order,
// the sample banner on every page when r.includes_sample().
std::string report_document(const stats::ReportData& r, const std::vector<Section>& sections);
// The standard report: every section above, in that order; with `kiosks`, the per-kiosk table
// after the use per fiscal year.
std::string render_report_html(const stats::ReportData& r, const KioskNames* kiosks = nullptr);

// The mark of a sample row, in HTML and CSV.
inline constexpr const char* kSampleMarkText = "ตัวอย่าง";

}  // namespace khlang::admin::report

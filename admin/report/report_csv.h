// [SECTION] The report's tables as CSV files for a spreadsheet: one file per table, numbers
// without separators, seconds as seconds, cells made inert for a spreadsheet. When the report
// includes sample data, the files whose rows can be sample (top_articles.csv, plan_progress.csv)
// start with a `sample` column marking each sample row; otherwise no file has that column.
#pragma once

#include <string>

#include "report/report_html.h"
#include "stats/report_data.h"
#include "util/error.h"

namespace khlang::admin::report {

// With `kiosks`, also kiosks.csv: each kiosk's share of the use.
Status write_report_csv(const std::string& dir, const stats::ReportData& r, const KioskNames* kiosks = nullptr);

}  // namespace khlang::admin::report

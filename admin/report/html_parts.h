// [SECTION] Pieces of the report's HTML: escaping, Thai numbers and dates, inline SVG charts. No
// section knows another; report_html.cpp puts them together.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "stats/report_data.h"

namespace khlang::admin::report {

std::string html(const std::string& s);
// "1,234" / "12.5": thousands separators as Thai reports write them.
std::string number(double v, int decimals = 0);
// "2026-10" -> "ต.ค. 2569"
std::string thai_month_label(const std::string& ym);
// "2026-10-05..." -> "5 ตุลาคม 2569" (the text itself if it is no date)
std::string thai_date(const std::string& iso);
// At most `clusters` grapheme clusters of `s`, with "…" when cut: a label never splits a Thai
// cluster.
std::string shorten(const std::string& s, size_t clusters);

// Vertical bars, one per month, with the count above each bar.
std::string month_chart(const std::vector<stats::Count>& months);
// Horizontal bars with labels, for counts by name; `scale_to` fixes the full width (100 for %).
std::string bar_list(const std::vector<std::pair<std::string, double>>& rows, const std::string& color,
                     double scale_to = 0, const std::string& suffix = "");

}  // namespace khlang::admin::report

#include "report/html_parts.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "text/segment.h"
#include "text/utf8.h"
#include "thai/thai_date.h"

namespace khlang::admin::report {

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

std::string number(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  const size_t dot = s.find('.');
  for (int i = static_cast<int>(dot == std::string::npos ? s.size() : dot) - 3; i > (s[0] == '-' ? 1 : 0); i -= 3) {
    s.insert(static_cast<size_t>(i), ",");
  }
  return s;
}

std::string thai_month_label(const std::string& ym) {
  int y = 0, m = 0;
  if (std::sscanf(ym.c_str(), "%d-%d", &y, &m) != 2 || m < 1 || m > 12) return ym;
  return std::string(thai::thai_month(m, thai::MonthStyle::Abbreviated)) + " " + std::to_string(thai::be_year(y));
}

std::string thai_date(const std::string& iso) {
  auto d = thai::parse_iso_date(iso.substr(0, std::min<size_t>(10, iso.size())));
  return d ? thai::format_thai_date(*d) : iso;
}

std::string shorten(const std::string& s, size_t clusters) {
  const std::u32string text = text::decode_utf8(s);
  const std::vector<uint8_t> starts = text::find_cluster_boundaries(text);
  size_t seen = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((starts[i] & text::kClusterStart) && ++seen > clusters) {
      return text::encode_utf8(std::u32string_view(text).substr(0, i)) + "…";
    }
  }
  return s;
}

std::string month_chart(const std::vector<stats::Count>& months) {
  if (months.empty()) return "<p class=\"empty\">ไม่มีข้อมูลในช่วงนี้</p>";
  int64_t top = 1;
  for (const auto& m : months) top = std::max(top, m.count);
  const int bar = 44, gap = 14, h = 220, base = 250;
  const int w = static_cast<int>(months.size()) * (bar + gap) + gap;
  std::ostringstream o;
  o << "<svg class=\"chart\" viewBox=\"0 0 " << w << " 300\" width=\"" << std::min(w, 680)
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

std::string bar_list(const std::vector<std::pair<std::string, double>>& rows, const std::string& color, double scale_to,
                     const std::string& suffix) {
  if (rows.empty()) return "<p class=\"empty\">ไม่มีข้อมูลในช่วงนี้</p>";
  double top = scale_to;
  for (const auto& r : rows) top = std::max(top, r.second);
  if (top <= 0) top = 1;
  const int row_h = 30, label_w = 300, bar_w = 300;
  std::ostringstream o;
  o << "<svg class=\"chart\" viewBox=\"0 0 " << label_w + bar_w + 80 << " " << rows.size() * row_h + 10 << "\" width=\""
    << label_w + bar_w + 80 << "\" role=\"img\">";
  for (size_t i = 0; i < rows.size(); ++i) {
    const int y = static_cast<int>(i) * row_h + 5;
    const int w = static_cast<int>(rows[i].second / top * bar_w);
    o << "<text x=\"" << label_w - 8 << "\" y=\"" << y + 19 << "\" text-anchor=\"end\" font-size=\"14\">"
      << html(rows[i].first) << "</text>";
    o << "<rect x=\"" << label_w << "\" y=\"" << y + 4 << "\" width=\"" << bar_w << "\" height=\"20\" fill=\"#eee\"/>";
    o << "<rect x=\"" << label_w << "\" y=\"" << y + 4 << "\" width=\"" << w << "\" height=\"20\" fill=\"" << color << "\"/>";
    o << "<text x=\"" << label_w + bar_w + 8 << "\" y=\"" << y + 19 << "\" font-size=\"14\">" << number(rows[i].second)
      << suffix << "</text>";
  }
  o << "</svg>";
  return o.str();
}

}  // namespace khlang::admin::report

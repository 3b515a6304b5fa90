// report: the KM monitoring committee's report, one self-contained HTML file in Thai (BE dates,
// inline SVG charts, tables; prints on A4 as it shows), and the same tables as CSV with --csv,
// from a kiosk, a statistics file or a fleet's synced outboxes (then with a row per kiosk).
// The sections are in report/report_html.h, the CSV files in report/report_csv.h.
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <optional>
#include <tuple>

#include "commands.h"
#include "fleet/fleet_status.h"
#include "plan/plan_cycle.h"
#include "report/report_csv.h"
#include "report/report_html.h"
#include "stats/report_data.h"
#include "stats/stats_file.h"
#include "store/schema.h"
#include "thai/thai_date.h"
#include "util/safe_file.h"

namespace khlang::admin {

const CommandSpec kReportSpec{
    "report",
    "report (--db DB | --stats FILE | --fleet DIR...) --out report.html [--fiscal-year YEAR | --from DATE --to DATE] "
    "[--as-of DATE] [--csv DIR]",
    "Writes the monitoring committee's report (HTML in Thai for A4, and CSV) from a kiosk, a statistics file or a "
    "fleet: use of the kiosks per fiscal year and month, each indicator per fiscal year against its target, "
    "recommendations and sign-off.",
    {{"--db", "DB", "a kiosk database"},
     {"--stats", "FILE", "a statistics file (stats export / stats merge)"},
     {"--fleet", "", "the statistics of every kiosk in the folders given (their synced outboxes)"},
     {"--out", "FILE", "the HTML file to write"},
     {"--fiscal-year", "YEAR", "the use of one Thai fiscal year (BE: 2569 is 1 Oct 2025 - 30 Sep 2026)"},
     {"--from", "DATE", "first day, YYYY-MM-DD in CE or BE (2026-10-01 or 2569-10-01), Thai time"},
     {"--to", "DATE", "last day, YYYY-MM-DD, the same way"},
     {"--as-of", "DATE", "the day the statuses are judged on (default: today, Thai time)"},
     {"--csv", "DIR", "also write the tables as CSV files into DIR"}}};

namespace {

// A date option as an ISO date in CE: a Thai office writes BE years (2569-10-01 is 2026-10-01).
Expected<std::string> date_option(const Args& args, const std::string& name) {
  std::string value = args.get(name).value_or("");
  if (value.empty()) return value;
  auto date = thai::parse_iso_date(value);
  if (value.size() != 10 || !date) {
    return Error{name + " takes a date as YYYY-MM-DD (2026-10-01, or in BE 2569-10-01), not '" + value + "'"};
  }
  if (date->year >= 2400) value = std::to_string(thai::ce_year(date->year)) + value.substr(4);
  return value;
}

// A fleet's kiosks by id: what their health records call them ("name · location").
report::KioskNames kiosk_names(const std::vector<std::string>& health_paths) {
  report::KioskNames names;
  for (const fleet::KioskStatus& k : fleet::read_fleet_status(health_paths, {}, {}, 0).kiosks) {
    if (!k.record) continue;
    std::string name = k.record->name;
    if (!k.record->location.empty()) name += (name.empty() ? "" : " · ") + k.record->location;
    names[k.record->kiosk_id] = name;
  }
  return names;
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
  auto from_date = date_option(args, "--from"), to_date = date_option(args, "--to"), as_of_date = date_option(args, "--as-of");
  for (const auto* d : {&from_date, &to_date, &as_of_date}) {
    if (!*d) return fail("report", d->error().message);
  }
  std::string from = from_date.value(), to = to_date.value();
  if (const auto fy = args.get("--fiscal-year")) {
    if (!from.empty() || !to.empty()) return fail("report", "give --fiscal-year or --from/--to, not both");
    const std::string& v = *fy;
    if (v.size() != 4 || v.find_first_not_of("0123456789") != std::string::npos || v < "2400") {
      return fail("report", "--fiscal-year takes a Buddhist Era year such as 2569, not '" + v + "'");
    }
    std::tie(from, to) = stats::fiscal_year_dates(std::stoll(v));
  }
  if (!from.empty() && !to.empty() && from > to) return fail("report", "--from " + from + " is after --to " + to);
  const thai::CivilDate today = as_of_date.value().empty() ? plan::thai_local_date(std::time(nullptr))
                                                            : *thai::parse_iso_date(as_of_date.value());
  std::string stats_file = stats_path.value_or("");
  report::KioskNames names;
  size_t skipped = 0;  // unreadable statistics files of a fleet
  // A kiosk's or a fleet's statistics go through a scratch file in a folder only we can enter
  // (removed when the report is written).
  std::optional<safe_file::PrivateFolder> scratch_folder;
  if (db_path || fleet) {
    auto made = safe_file::PrivateFolder::make("khlang-report");
    if (!made) return fail("report", made.error().message);
    scratch_folder.emplace(std::move(made.value()));
  }
  if (db_path) {
    // A kiosk database: its statistics are exported into the scratch file, as onto a stick.
    auto kiosk = store::open_kiosk_db(*db_path);
    if (!kiosk) return fail("report", kiosk.error().message);
    stats_file = scratch_folder->file("kiosk.sqlite");
    if (auto exported = stats::update_stats_file(kiosk.value(), stats_file); !exported) {
      return fail("report", exported.error().message);
    }
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
    const std::string scratch = scratch_folder->file("fleet.sqlite");
    // A kiosk's damaged file is skipped, said so, and the others make the report.
    size_t merged_files = 0;
    for (const std::string& input : files.stats) {
      if (auto merged = stats::merge_stats_private({input}, scratch); merged) {
        ++merged_files;
      } else {
        std::fprintf(stderr, "khlang-admin report: skipped %s: %s\n", input.c_str(), merged.error().message.c_str());
        ++skipped;
      }
    }
    if (merged_files == 0) {
      return fail("report", "none of the " + std::to_string(files.stats.size()) + " statistics files could be read");
    }
    stats_file = scratch;
    names = kiosk_names(files.health);
  }
  auto db = stats::open_stats(stats_file);
  auto data = db ? stats::build_report(db.value(), from, to, today) : Expected<stats::ReportData>(db.error());
  scratch_folder.reset();
  if (!data) return fail("report", data.error().message);
  // Several kiosks (a fleet, or a merged file): a row for each.
  const bool per_kiosk = fleet || data->per_kiosk.size() > 1;
  // Through safe_file, like everything written onto a stick: a link at --out is refused, not followed.
  const std::filesystem::path out_path(*out);
  const std::string out_dir = out_path.has_parent_path() ? out_path.parent_path().string() : ".";
  if (auto s = safe_file::write_into(out_dir, out_path.filename().string(),
                                     report::render_report_html(data.value(), per_kiosk ? &names : nullptr));
      !s) {
    return fail("report", s.error().message);
  }
  if (const auto dir = args.get("--csv")) {
    if (auto s = report::write_report_csv(*dir, data.value(), per_kiosk ? &names : nullptr); !s) {
      return fail("report", s.error().message);
    }
  }
  size_t indicators = 0;
  for (const auto& p : data->plans) indicators += p.indicators.size();
  const auto& t = data->totals;
  std::printf("%s: %lld accesses to the knowledge base, %lld sessions, %lld searches (%lld found nothing), %zu "
              "indicators%s\n",
              out->c_str(), static_cast<long long>(t.article_views), static_cast<long long>(t.sessions),
              static_cast<long long>(t.searches), static_cast<long long>(t.searches_no_result), indicators,
              data->includes_sample() ? ", includes SAMPLE data (marked)" : "");
  if (skipped) {
    std::printf("%zu statistics files could not be read and were left out (see above)\n", skipped);
    return 1;
  }
  return 0;
}

}  // namespace khlang::admin

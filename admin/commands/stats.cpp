// stats export | stats merge: statistics files out of a kiosk database, and many kiosks' files
// into one.
#include <cstdio>

#include "commands.h"
#include "stats/stats_file.h"
#include "store/schema.h"

namespace khlang::admin {

const CommandSpec kStatsSpec{"stats", "stats export --db DB --out FILE | stats merge FILE... --out FILE",
                             "Exports a kiosk's usage statistics (SQLite plus CSV), or merges statistics files.",
                             {{"--db", "DB", "the kiosk database (export)"},
                              {"--out", "FILE", "the statistics file to make or add to"}}};

int run_stats(const Args& args) {
  const auto out = args.get("--out");
  const auto& words = args.positional();
  if (words.empty() || !out) return fail("stats", "usage: " + kStatsSpec.usage);
  if (words[0] == "export") {
    const auto db_path = args.get("--db");
    if (!db_path || words.size() != 1) return fail("stats", "usage: stats export --db DB --out FILE");
    auto db = store::open_kiosk_db(*db_path);
    if (!db) return fail("stats", db.error().message);
    auto result = stats::export_stats(db.value(), *out);
    if (!result) return fail("stats", result.error().message);
    std::printf("%s: %lld new events of %s (%lld in the file); CSV: %s\n", out->c_str(),
                static_cast<long long>(result->added), result->kiosk_id.c_str(), static_cast<long long>(result->total),
                result->csv_path.c_str());
    return 0;
  }
  if (words[0] == "merge") {
    if (words.size() < 2) return fail("stats", "usage: stats merge FILE... --out FILE");
    auto added = stats::merge_stats(std::vector<std::string>(words.begin() + 1, words.end()), *out);
    if (!added) return fail("stats", added.error().message);
    std::printf("%s: %lld new events from %zu files\n", out->c_str(), static_cast<long long>(added.value()),
                words.size() - 1);
    return 0;
  }
  return fail("stats", "unknown stats command '" + words[0] + "' (export or merge)");
}

}  // namespace khlang::admin

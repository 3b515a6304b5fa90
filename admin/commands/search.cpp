// search: what a visitor would find on the kiosk for a query (kind, id, title, snippet, score).
#include <cstdio>

#include "commands.h"
#include "search/search_index.h"
#include "store/schema.h"

namespace khlang::admin {

const CommandSpec kSearchSpec{"search", "search --db DB [--json] [--limit N] QUERY",
                              "Searches a kiosk database as the kiosk does; matches are [marked] in the snippets.",
                              {{"--db", "DB", "the kiosk database"},
                               {"--json", "", "print a JSON array"},
                               {"--limit", "N", "at most N results (default 20)"}}};

int run_search(const Args& args) {
  const auto db_path = args.get("--db");
  if (!db_path || args.positional().empty()) return fail("search", "usage: " + kSearchSpec.usage);
  auto limit = args.number_or("--limit", 20, 1, 1000);
  if (!limit) return fail("search", limit.error().message);
  std::string query;
  for (const std::string& p : args.positional()) query += (query.empty() ? "" : " ") + p;
  auto db = store::open_kiosk_db(*db_path);
  if (!db) return fail("search", db.error().message);
  auto hits = search::search(db.value(), query, static_cast<int>(limit.value()));
  if (!hits) return fail("search", hits.error().message);
  const bool json = args.has("--json");
  if (json) std::printf("[");
  for (size_t i = 0; i < hits->size(); ++i) {
    const search::SearchHit& h = (*hits)[i];
    const std::string id = h.route.substr(h.route.find(':') == std::string::npos ? 0 : h.route.find(':') + 1);
    // The snippet with its marks: [match] in text, and the byte ranges in JSON.
    std::string marked;
    size_t at = 0;
    for (const auto& [b, e] : h.marks) {
      marked += h.snippet.substr(at, b - at) + "[" + h.snippet.substr(b, e - b) + "]";
      at = e;
    }
    marked += h.snippet.substr(at);
    if (json) {
      std::string marks;
      for (const auto& [b, e] : h.marks) marks += (marks.empty() ? "" : ", ") + std::string("[") + std::to_string(b) + ", " + std::to_string(e) + "]";
      std::printf("%s\n  {\"kind\": %s, \"id\": %s, \"route\": %s, \"title\": %s, \"snippet\": %s, \"marks\": [%s], "
                  "\"score\": %.4f, \"whole_word\": %s}",
                  i ? "," : "", json_string(std::string(search::hit_kind_name(h.kind))).c_str(), json_string(id).c_str(), json_string(h.route).c_str(),
                  json_string(h.title).c_str(), json_string(h.snippet).c_str(), marks.c_str(), h.score,
                  h.whole_word ? "true" : "false");
    } else {
      std::printf("%-12s %-28s %8.3f  %s\n             %s\n", std::string(search::hit_kind_name(h.kind)).c_str(), id.c_str(), h.score, h.title.c_str(), marked.c_str());
    }
  }
  if (json) std::printf("%s]\n", hits->empty() ? "" : "\n");
  else if (hits->empty()) std::printf("no results for \"%s\"\n", query.c_str());
  return 0;
}

}  // namespace khlang::admin

// search: what a visitor would find on the kiosk for a query they pressed search on (kind, id,
// title, snippet, score, how it matched), the correction when the query itself finds nothing,
// and the words the kiosk would offer.
#include <cstdio>

#include "commands.h"
#include "search/search_index.h"
#include "store/schema.h"

namespace khlang::admin {

const CommandSpec kSearchSpec{"search", "search --db DB [--json] [--limit N] QUERY",
                              "Searches a kiosk database as the kiosk does when the visitor presses search; "
                              "matches are [marked] in the snippets.",
                              {{"--db", "DB", "the kiosk database"},
                               {"--json", "", "print a JSON object: the query, the correction if any, hits, suggestions"},
                               {"--limit", "N", "at most N results (default 20)"}}};

namespace {

std::string json_array(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : ", ") + json_string(w);
  return "[" + out + "]";
}

// The snippet with its matches [marked].
std::string marked_snippet(const search::SearchHit& h) {
  std::string marked;
  size_t at = 0;
  for (const auto& [b, e] : h.marks) {
    marked += h.snippet.substr(at, b - at) + "[" + h.snippet.substr(b, e - b) + "]";
    at = e;
  }
  return marked + h.snippet.substr(at);
}

}  // namespace

int run_search(const Args& args) {
  const auto db_path = args.get("--db");
  if (!db_path || args.positional().empty()) return fail("search", "usage: " + kSearchSpec.usage);
  auto limit = args.number_or("--limit", 20, 1, 1000);
  if (!limit) return fail("search", limit.error().message);
  std::string query;
  for (const std::string& p : args.positional()) query += (query.empty() ? "" : " ") + p;
  auto db = store::open_kiosk_db(*db_path);
  if (!db) return fail("search", db.error().message);
  search::Searcher searcher(db.value());
  auto results = searcher.search({query, static_cast<int>(limit.value()), true});
  if (!results) return fail("search", results.error().message);
  const std::vector<search::SearchHit>& hits = results->hits;
  if (args.has("--json")) {
    std::printf("{\"query\": %s, \"corrected_query\": %s, \"hits\": [", json_string(query).c_str(),
                results->corrected_query.empty() ? "null" : json_string(results->corrected_query).c_str());
    for (size_t i = 0; i < hits.size(); ++i) {
      const search::SearchHit& h = hits[i];
      const std::string& id = h.id;
      std::string marks;
      for (const auto& [b, e] : h.marks) marks += (marks.empty() ? "" : ", ") + std::string("[") + std::to_string(b) + ", " + std::to_string(e) + "]";
      std::printf("%s\n  {\"kind\": %s, \"id\": %s, \"route\": %s, \"title\": %s, \"snippet\": %s, \"marks\": [%s], "
                  "\"score\": %.4f, \"match\": \"%s\", \"in_title\": %s}",
                  i ? "," : "", json_string(std::string(search::hit_kind_name(h.kind))).c_str(), json_string(id).c_str(), json_string(h.route).c_str(),
                  json_string(h.title).c_str(), json_string(h.snippet).c_str(), marks.c_str(), h.score,
                  search::match_kind_name(h.match), h.in_title ? "true" : "false");
    }
    std::printf("%s], \"suggestions\": %s}\n", hits.empty() ? "" : "\n", json_array(results->suggestions).c_str());
    return 0;
  }
  if (!results->corrected_query.empty()) {
    std::printf("no results for \"%s\"; showing results for \"%s\"\n", query.c_str(), results->corrected_query.c_str());
  }
  for (const search::SearchHit& h : hits) {
    const std::string& id = h.id;
    std::printf("%-12s %-28s %-8s %10.3f  %s\n             %s\n", std::string(search::hit_kind_name(h.kind)).c_str(), id.c_str(), search::match_kind_name(h.match),
                h.score, h.title.c_str(), marked_snippet(h).c_str());
  }
  if (hits.empty()) std::printf("no results for \"%s\"\n", query.c_str());
  if (!results->suggestions.empty()) {
    std::string words;
    for (const std::string& w : results->suggestions) words += (words.empty() ? "" : ", ") + w;
    std::printf("words: %s\n", words.c_str());
  }
  return 0;
}

}  // namespace khlang::admin

// Search quality against hand-judged queries (tests/data/search-judgements.tsv) over the demo
// content: our search beside SQLite's trigram tokenizer on the same documents (the baseline a
// project without a Thai tokenizer would take), with the figures README gives. With --require,
// a ctest: it fails when our figures fall below the floors given.
//   search_quality --demo DIR --judgements FILE [--verbose] [--require mrr=0.9,top3=0.95,...]
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "bundle/demo_content.h"
#include "search/documents.h"
#include "search/search_index.h"
#include "store/schema.h"

using namespace khlang;

namespace {

constexpr int kDepth = 10;  // results judged per query

struct Query {
  std::string text;
  bool pressed = true;                // searched as on Enter, else as while typing
  std::map<std::string, int> grades;  // kind:id -> 2 (the answer) or 1 (also about it)
};

std::vector<Query> read_judgements(const std::string& path) {
  std::vector<Query> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    Query q;
    std::string mode, judged;
    std::getline(fields, q.text, '\t');
    std::getline(fields, mode, '\t');
    std::getline(fields, judged);
    q.pressed = mode != "typed";
    std::istringstream docs(judged);
    std::string doc;
    while (docs >> doc) {
      const size_t eq = doc.rfind('=');
      if (eq != std::string::npos) q.grades[doc.substr(0, eq)] = std::atoi(doc.c_str() + eq + 1);
    }
    out.push_back(std::move(q));
  }
  return out;
}

struct Figures {
  double mrr = 0, first = 0, top3 = 0, ndcg = 0, recall = 0, empty = 0;
};

// Adds one query's ranked documents (kind:id) to the sums; returns its reciprocal rank.
double judge(const Query& q, const std::vector<std::string>& ranked, Figures& sum) {
  double rr = 0, dcg = 0;
  int found = 0;
  for (size_t i = 0; i < ranked.size() && i < kDepth; ++i) {
    auto it = q.grades.find(ranked[i]);
    const int grade = it == q.grades.end() ? 0 : it->second;
    if (grade == 2 && rr == 0) rr = 1.0 / static_cast<double>(i + 1);
    if (grade > 0) ++found;
    dcg += (std::pow(2.0, grade) - 1) / std::log2(static_cast<double>(i) + 2);
  }
  std::vector<int> ideal;
  for (const auto& [doc, grade] : q.grades) ideal.push_back(grade);
  std::sort(ideal.rbegin(), ideal.rend());
  double idcg = 0;
  for (size_t i = 0; i < ideal.size() && i < kDepth; ++i) idcg += (std::pow(2.0, ideal[i]) - 1) / std::log2(static_cast<double>(i) + 2);
  sum.mrr += rr;
  sum.first += rr == 1.0 ? 1 : 0;
  sum.top3 += rr >= 1.0 / 3 ? 1 : 0;
  sum.ndcg += idcg > 0 ? dcg / idcg : 0;
  sum.recall += q.grades.empty() ? 0 : static_cast<double>(found) / static_cast<double>(std::min<size_t>(q.grades.size(), kDepth));
  sum.empty += ranked.empty() ? 1 : 0;
  return rr;
}

// The baseline: FTS5's trigram tokenizer over the same documents' title and text, bm25 order.
Status build_trigram(sqlite::Database& db) {
  KHLANG_TRY(db.exec("CREATE VIRTUAL TABLE temp.tri USING fts5(doc UNINDEXED, title, body, tokenize='trigram')"));
  KHLANG_TRY_AS(sqlite::Statement add, db.prepare("INSERT INTO temp.tri (doc, title, body) VALUES (?, ?, ?)"));
  for (const search::DocumentKind& kind : search::document_kinds()) {
    KHLANG_TRY_AS(sqlite::Statement rows, db.prepare(std::string("SELECT ") + kind.columns + " FROM " + kind.table));
    Status added = Ok{};
    KHLANG_TRY(rows.for_each_row([&](const sqlite::Statement& r) {
      if (!added) return;
      const search::StatementFields fields(r, kind);
      const std::string doc = std::string(search::hit_kind_name(kind.kind)) + ":" + fields["id"];
      added = add.bind_all(std::string_view(doc), kind.title(fields), kind.body(fields)).run();
      add.reset();
    }));
    KHLANG_TRY(added);
  }
  return Ok{};
}

Expected<std::vector<std::string>> trigram_search(sqlite::Database& db, const std::string& query) {
  std::string match;
  std::istringstream words(query);
  std::string w;
  while (words >> w) {
    std::string quoted = "\"";
    for (char c : w) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    match += (match.empty() ? "" : " ") + quoted + "\"";
  }
  KHLANG_TRY_AS(sqlite::Statement stmt, db.prepare("SELECT doc FROM temp.tri WHERE tri MATCH ? ORDER BY rank LIMIT ?"));
  stmt.bind(1, std::string_view(match)).bind(2, static_cast<int64_t>(kDepth));
  std::vector<std::string> out;
  KHLANG_TRY(stmt.for_each_row([&](const sqlite::Statement& r) { out.push_back(r.column_text(0)); }));
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string demo, judgements, require;
  bool verbose = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--demo" && i + 1 < argc) demo = argv[++i];
    else if (a == "--judgements" && i + 1 < argc) judgements = argv[++i];
    else if (a == "--require" && i + 1 < argc) require = argv[++i];
    else if (a == "--verbose") verbose = true;
  }
  if (demo.empty() || judgements.empty()) {
    std::fprintf(stderr, "usage: search_quality --demo DIR --judgements FILE [--verbose] [--require mrr=X,top3=X,...]\n");
    return 2;
  }
  const std::vector<Query> queries = read_judgements(judgements);
  if (queries.empty()) {
    std::fprintf(stderr, "%s: no judged queries\n", judgements.c_str());
    return 2;
  }
  const std::filesystem::path work = std::filesystem::temp_directory_path() / ("khlang-search-quality-" + std::to_string(::getpid()));
  std::filesystem::create_directories(work);
  const std::string db_path = (work / "kiosk.db").string();
  int status = 0;
  {
    auto imported = bundle::import_demo_if_empty(db_path, demo);
    auto db = imported ? store::open_kiosk_db(db_path) : Expected<sqlite::Database>(imported.error());
    if (!db || !build_trigram(db.value())) {
      std::fprintf(stderr, "cannot set up the demo content: %s\n", db ? "trigram table" : db.error().message.c_str());
      std::filesystem::remove_all(work);
      return 1;
    }
    search::Searcher searcher(db.value());
    Figures ours, tri;
    for (const Query& q : queries) {
      auto found = searcher.search({q.text, kDepth, q.pressed});
      auto baseline = trigram_search(db.value(), q.text);
      if (!found || !baseline) {
        std::fprintf(stderr, "%s: %s\n", q.text.c_str(), (!found ? found.error() : baseline.error()).message.c_str());
        status = 1;
        continue;
      }
      std::vector<std::string> ranked;
      for (const search::SearchHit& h : found->hits) ranked.push_back(std::string(search::hit_kind_name(h.kind)) + ":" + h.id);
      const double rr = judge(q, ranked, ours);
      const double rr_tri = judge(q, baseline.value(), tri);
      if (verbose) {
        std::printf("%-28s rr %.2f (trigram %.2f)%s%s:", q.text.c_str(), rr, rr_tri,
                    found->corrected_query.empty() ? "" : " corrected to ", found->corrected_query.c_str());
        for (size_t i = 0; i < ranked.size() && i < 5; ++i) std::printf(" %s", ranked[i].c_str());
        std::printf("\n");
      }
    }
    const double n = static_cast<double>(queries.size());
    std::printf("%zu hand-judged queries over the demo content, first %d results of each\n", queries.size(), kDepth);
    std::printf("%-36s %8s %8s\n", "", "khlang", "trigram");
    const std::pair<const char*, double Figures::*> rows[] = {
        {"MRR (first answer's reciprocal rank)", &Figures::mrr}, {"an answer first", &Figures::first},
        {"an answer in the top 3", &Figures::top3},              {"nDCG@10", &Figures::ndcg},
        {"recall@10 of judged documents", &Figures::recall},     {"queries with no result", &Figures::empty}};
    for (const auto& [name, field] : rows) std::printf("%-36s %8.3f %8.3f\n", name, ours.*field / n, tri.*field / n);
    // Floors: "mrr=0.9,top3=0.95".
    std::istringstream floors(require);
    std::string floor;
    const std::map<std::string, double Figures::*> named = {{"mrr", &Figures::mrr},   {"first", &Figures::first},
                                                            {"top3", &Figures::top3}, {"ndcg", &Figures::ndcg},
                                                            {"recall", &Figures::recall}};
    while (std::getline(floors, floor, ',')) {
      const size_t eq = floor.find('=');
      auto it = named.find(floor.substr(0, eq));
      if (eq == std::string::npos || it == named.end()) {
        std::fprintf(stderr, "--require: unknown floor '%s'\n", floor.c_str());
        status = 2;
        continue;
      }
      const double want = std::atof(floor.c_str() + eq + 1), got = ours.*(it->second) / n;
      if (got < want) {
        std::fprintf(stderr, "FAIL: %s %.3f is below the floor %.3f\n", it->first.c_str(), got, want);
        status = 1;
      }
    }
  }
  std::filesystem::remove_all(work);
  return status;
}

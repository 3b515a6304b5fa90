#include "search/rank.h"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string_view>
#include <vector>

namespace khlang::search {
namespace {

// bm25's usual constants; the title column (0) counts twice the body (1).
constexpr double kK1 = 1.2;
constexpr double kB = 0.75;
constexpr double kColumnWeight[] = {2.0, 1.0};

// A query's phrases (rank.h's SPEC) and the index's average column lengths, once per query.
struct Spec {
  std::vector<std::vector<std::vector<int>>> slots;  // slot -> its phrases -> their token numbers
  std::vector<double> average_length;
};

Spec* parse_spec(std::string_view text, int tokens) {
  auto* spec = new Spec;
  std::vector<std::vector<int>> slot(1);
  int number = -1;
  for (size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : ';';
    if (c >= '0' && c <= '9') {
      number = (number < 0 ? 0 : number * 10) + (c - '0');
      continue;
    }
    if (number >= 0 && number < tokens) slot.back().push_back(number);
    number = -1;
    if (c == '|') slot.emplace_back();
    if (c == ';') {
      spec->slots.push_back(std::move(slot));
      slot.assign(1, {});
    }
  }
  return spec;
}

// Positions (column << 32 | offset) of each quoted token of the query in the current row, read
// from FTS5 when first needed. Sorted: FTS5 gives them in order.
class Positions {
 public:
  Positions(const Fts5ExtensionApi* api, Fts5Context* fts, bool title_only) : api_(api), fts_(fts), title_only_(title_only) {
    const auto n = static_cast<size_t>(api->xPhraseCount(fts));
    if (of_.size() < n) of_.resize(n);
    loaded_.assign(n, false);
  }
  const std::vector<uint64_t>& of(int token) {
    const auto t = static_cast<size_t>(token);
    if (!loaded_[t]) {
      of_[t].clear();
      Fts5PhraseIter it;
      int column = 0, offset = 0;
      for (api_->xPhraseFirst(fts_, token, &it, &column, &offset); column >= 0; api_->xPhraseNext(fts_, &it, &column, &offset)) {
        if (!title_only_ || column == 0) of_[t].push_back(static_cast<uint64_t>(column) << 32 | static_cast<uint32_t>(offset));
      }
      loaded_[t] = true;
    }
    return of_[t];
  }

 private:
  const Fts5ExtensionApi* api_;
  Fts5Context* fts_;
  bool title_only_;
  static thread_local std::vector<std::vector<uint64_t>> of_;
  std::vector<bool> loaded_;
};
thread_local std::vector<std::vector<uint64_t>> Positions::of_;

// khlang_match(search_words, SPEC, TITLE_ONLY, idf...): rank.h.
void match(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int nval, sqlite3_value** vals) {
  if (nval < 2) {
    sqlite3_result_error(ctx, "khlang_match: SPEC and TITLE_ONLY are required", -1);
    return;
  }
  const int columns = api->xColumnCount(fts);
  auto* spec = static_cast<Spec*>(api->xGetAuxdata(fts, 0));
  if (!spec) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(vals[0]));
    spec = parse_spec(text ? text : "", api->xPhraseCount(fts));
    sqlite3_int64 rows = 0;
    api->xRowCount(fts, &rows);
    for (int c = 0; c < columns; ++c) {
      sqlite3_int64 total = 0;
      api->xColumnTotalSize(fts, c, &total);
      spec->average_length.push_back(rows > 0 ? std::max(1.0, static_cast<double>(total) / static_cast<double>(rows)) : 1.0);
    }
    if (api->xSetAuxdata(fts, spec, [](void* p) { delete static_cast<Spec*>(p); }) != SQLITE_OK) {
      sqlite3_result_error_code(ctx, SQLITE_NOMEM);
      return;
    }
  }
  Positions positions(api, fts, sqlite3_value_int(vals[1]) != 0);
  std::vector<int> length(static_cast<size_t>(columns), -1);
  double score = 0;
  int phrase_number = 0;
  for (const auto& slot : spec->slots) {
    bool slot_matches = false;
    for (const std::vector<int>& tokens : slot) {
      const int phrase = phrase_number++;
      // A slot's phrases come most common first; the first that matches scores the slot.
      if (tokens.empty() || slot_matches) continue;
      // Each place the first token stands with the others right after it, per column.
      int frequency[2] = {0, 0};
      for (const uint64_t at : positions.of(tokens[0])) {
        bool whole = true;
        for (size_t j = 1; j < tokens.size() && whole; ++j) {
          const std::vector<uint64_t>& next = positions.of(tokens[j]);
          whole = std::binary_search(next.begin(), next.end(), at + j);
        }
        if (whole) ++frequency[std::min<uint64_t>(at >> 32, 1)];
      }
      const double idf = phrase + 2 < nval ? sqlite3_value_double(vals[phrase + 2]) : 1.0;
      for (int c = 0; c < columns && c < 2; ++c) {
        const int f = frequency[c];
        if (f == 0) continue;
        slot_matches = true;
        auto& len = length[static_cast<size_t>(c)];
        if (len < 0 && api->xColumnSize(fts, c, &len) != SQLITE_OK) len = 0;
        const double norm = kK1 * (1 - kB + kB * len / spec->average_length[static_cast<size_t>(c)]);
        score += kColumnWeight[c] * idf * f * (kK1 + 1) / (f + norm);
      }
    }
    if (!slot_matches) {
      sqlite3_result_double(ctx, -1);
      return;
    }
  }
  sqlite3_result_double(ctx, score);
}

}  // namespace

double inverse_document_frequency(int64_t docs, int64_t total) {
  const double n = static_cast<double>(std::max<int64_t>(docs, 0));
  const double all = static_cast<double>(std::max<int64_t>(total, docs));
  return std::log((all - n + 0.5) / (n + 0.5) + 1.0);
}

Status register_match_function(fts5_api* api) {
  if (api->xCreateFunction(api, "khlang_match", nullptr, match, nullptr) != SQLITE_OK) {
    return Error{"cannot register the search matching function"};
  }
  return Ok{};
}

}  // namespace khlang::search

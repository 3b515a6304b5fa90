#include "search/vocabulary.h"

#include <sqlite3.h>

#include <algorithm>

#include "search/thai_words.h"
#include "text/utf8.h"

namespace khlang::search {
namespace {

bool most_docs_first(const VocabularyWord* a, const VocabularyWord* b) {
  return a->docs != b->docs ? a->docs > b->docs : a->text < b->text;
}

// The `limit` words of `found` with the most documents, in that order.
std::vector<const VocabularyWord*> best(std::vector<const VocabularyWord*> found, size_t limit) {
  const size_t keep = std::min(limit, found.size());
  std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(keep), found.end(), most_docs_first);
  found.resize(keep);
  return found;
}

}  // namespace

Status Vocabulary::refresh(sqlite::Database& db) {
  KHLANG_TRY_AS(auto version, db.query_int("PRAGMA data_version"));
  const int64_t changes = sqlite3_total_changes64(db.handle());
  if (loaded_for_ == db.handle() && version == data_version_ && changes == changes_) return Ok{};
  words_.clear();
  // Not the words starting with a digit (two ranges of the primary key around them, not a scan).
  auto rows = db.prepare("SELECT term, docs FROM search_term WHERE term < '0' UNION ALL "
                         "SELECT term, docs FROM search_term WHERE term >= ':'");
  if (!rows) return rows.error();
  auto read = rows->for_each_row([&](const sqlite::Statement& r) {
    std::string term = r.column_text(0);
    std::u32string letters = text::decode_utf8(term);
    words_.push_back({std::move(term), std::move(letters), r.column_int(1)});
  });
  if (!read) return read;
  data_version_ = version;
  changes_ = changes;
  loaded_for_ = db.handle();
  return Ok{};
}

const VocabularyWord* Vocabulary::find(std::string_view word) const {
  auto it = std::lower_bound(words_.begin(), words_.end(), word,
                             [](const VocabularyWord& w, std::string_view t) { return w.text < t; });
  return it != words_.end() && it->text == word ? &*it : nullptr;
}

bool Vocabulary::has_prefix(std::string_view prefix) const {
  auto it = std::lower_bound(words_.begin(), words_.end(), prefix,
                             [](const VocabularyWord& w, std::string_view t) { return w.text < t; });
  return it != words_.end() && std::string_view(it->text).starts_with(prefix);
}

std::vector<const VocabularyWord*> Vocabulary::starting_with(std::string_view prefix, size_t limit) const {
  std::vector<const VocabularyWord*> found;
  auto it = std::lower_bound(words_.begin(), words_.end(), prefix,
                             [](const VocabularyWord& w, std::string_view t) { return w.text < t; });
  for (; it != words_.end() && std::string_view(it->text).starts_with(prefix); ++it) {
    if (it->text.size() > prefix.size()) found.push_back(&*it);
  }
  return best(std::move(found), limit);
}

std::vector<const VocabularyWord*> Vocabulary::holding(std::u32string_view part, size_t limit) const {
  std::vector<const VocabularyWord*> found;
  if (part.empty()) return found;
  for (const VocabularyWord& w : words_) {
    if (w.letters.size() > part.size() && std::u32string_view(w.letters).find(part, 1) != std::u32string_view::npos) {
      found.push_back(&w);
    }
  }
  return best(std::move(found), limit);
}

std::vector<const VocabularyWord*> Vocabulary::nearest(std::u32string_view word, size_t limit) const {
  const double allowed = allowed_distance(cluster_count(word));
  std::vector<std::pair<double, const VocabularyWord*>> found;
  for (const VocabularyWord& w : words_) {
    // Clusters are at most 1 + kMaxMarksPerCluster code points, but a word this much longer or
    // shorter is never near: a cheap test before the distance.
    const size_t gap = w.letters.size() > word.size() ? w.letters.size() - word.size() : word.size() - w.letters.size();
    if (gap > 3 * static_cast<size_t>(allowed + 1) || w.letters == word) continue;
    const double d = word_distance(word, w.letters, allowed);
    if (d <= allowed) found.emplace_back(d, &w);
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : most_docs_first(a.second, b.second);
  });
  std::vector<const VocabularyWord*> out;
  for (size_t i = 0; i < found.size() && i < limit; ++i) out.push_back(found[i].second);
  return out;
}

}  // namespace khlang::search

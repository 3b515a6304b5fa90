#include "search/tokenizer.h"

#include <sodium.h>
#include <sqlite3.h>

#include <cstdlib>
#include <fstream>
#include <iterator>

#include "search/rank.h"
#include "text/normalize.h"
#include "text/segment.h"
#include "text/thai_chars.h"
#include "text/utf8.h"

namespace khlang::search {
namespace {

using text::is_thai;

bool is_word_char(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') ||
         (c >= 0x00C0 && c <= 0x024F && c != 0x00D7 && c != 0x00F7) || c == U'_';
}
// Thai letters that make words: not ๆ ฯ (repetition, abbreviation signs), not Thai digits
// (folded to ASCII already) or punctuation.
bool is_thai_letter(char32_t c) { return is_thai(c) && c != 0x0E46 && c != 0x0E2F && c != 0x0E5A && c != 0x0E5B && c != 0x0E4F; }

// Between the tokens of pretokenized text: tokens are letters and digits, never control characters.
constexpr char kTokenSeparator = '\x1f';

// Raised whenever the tokens this file makes change.
constexpr const char* kTokenizerVersion = "khlang-search-2";

}  // namespace

const std::string& tokenizer_fingerprint() {
  static const std::string fingerprint = [] {
    // libthai's own rule for finding its dictionary (th_brk_new with no path).
    const char* dir = std::getenv("LIBTHAI_DICTDIR");
    std::ifstream in(std::string(dir && *dir ? dir : "/usr/share/libthai") + "/thbrk.tri", std::ios::binary);
    const std::string dict((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (dict.empty()) return std::string();  // unknown: no packed index is trusted to match
    unsigned char hash[16];
    crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(dict.data()), dict.size(), nullptr, 0);
    char hex[sizeof hash * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    return std::string(kTokenizerVersion) + " dict=" + hex;
  }();
  return fingerprint;
}

// Calls fn(token, begin, end) for each token, reusing one buffer: the index tokenizes every
// article, and a string and a vector per token were most of its cost.
template <typename Fn>
void for_each_token(std::string_view utf8, Fn&& fn) {
  const text::NormalizedText n = text::normalize(utf8, text::NormalizeMode::Search);
  const std::u32string& t = n.text;
  std::string buffer;
  auto emit = [&](size_t from, size_t to) {
    if (to <= from) return;
    buffer.clear();
    for (size_t k = from; k < to; ++k) text::append_utf8(buffer, t[k]);
    fn(buffer, static_cast<int>(n.source_byte(from)), static_cast<int>(n.source_byte(to)));
  };
  size_t i = 0;
  while (i < t.size()) {
    if (is_thai_letter(t[i])) {
      size_t j = i;
      while (j < t.size() && is_thai_letter(t[j])) ++j;
      const std::u32string_view run(t.data() + i, j - i);
      const std::vector<uint8_t> flags = text::find_boundaries(run);
      size_t start = 0;
      for (size_t k = 1; k <= run.size(); ++k) {
        if (k == run.size() || (flags[k] & text::kBreakBefore)) {
          emit(i + start, i + k);
          start = k;
        }
      }
      i = j;
    } else if (is_word_char(t[i])) {
      size_t j = i;
      while (j < t.size() && is_word_char(t[j])) ++j;
      emit(i, j);
      i = j;
    } else {
      ++i;
    }
  }
}

std::vector<Token> tokenize(std::string_view utf8) {
  std::vector<Token> out;
  for_each_token(utf8, [&](const std::string& text, int begin, int end) { out.push_back({text, begin, end}); });
  return out;
}

std::string pretokenized(std::string_view utf8) {
  std::string out;
  for_each_token(utf8, [&](const std::string& text, int, int) {
    if (!out.empty()) out += kTokenSeparator;
    out += text;
  });
  return out;
}

namespace {

// FTS5's C interface. The tokenizer has no state: FTS5 gets a non-null handle that is never used.
int create(void*, const char**, int, Fts5Tokenizer** out) {
  static int no_state;
  *out = reinterpret_cast<Fts5Tokenizer*>(&no_state);
  return SQLITE_OK;
}
void destroy(Fts5Tokenizer*) {}

int run_tokenizer(Fts5Tokenizer*, void* ctx, int, const char* text, int size,
                  int (*token)(void*, int, const char*, int, int, int)) {
  int rc = SQLITE_OK;
  for_each_token(std::string_view(text, static_cast<size_t>(size)), [&](const std::string& tok, int begin, int end) {
    if (rc == SQLITE_OK) rc = token(ctx, 0, tok.data(), static_cast<int>(tok.size()), begin, end);
  });
  return rc;
}

// Text cut already (pretokenized): each piece between separators is a token.
int run_pretokenized(Fts5Tokenizer*, void* ctx, int, const char* text, int size,
                     int (*token)(void*, int, const char*, int, int, int)) {
  const std::string_view all(text, static_cast<size_t>(size));
  size_t begin = 0;
  while (begin < all.size()) {
    size_t end = all.find(kTokenSeparator, begin);
    if (end == std::string_view::npos) end = all.size();
    if (end > begin) {
      const int rc = token(ctx, 0, text + begin, static_cast<int>(end - begin), static_cast<int>(begin), static_cast<int>(end));
      if (rc != SQLITE_OK) return rc;
    }
    begin = end + 1;
  }
  return SQLITE_OK;
}

fts5_api* fts5_api_of(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK) return nullptr;
  sqlite3_bind_pointer(stmt, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
  sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  return api;
}

}  // namespace

Status register_search_functions(sqlite3* db) {
  fts5_api* api = fts5_api_of(db);
  if (!api) return Error{"this SQLite has no FTS5: search needs it (Debian's libsqlite3 has it)"};
  fts5_tokenizer words{create, destroy, run_tokenizer};
  fts5_tokenizer tokens{create, destroy, run_pretokenized};
  if (api->xCreateTokenizer(api, "khlang_words", nullptr, &words, nullptr) != SQLITE_OK ||
      api->xCreateTokenizer(api, "khlang_tokens", nullptr, &tokens, nullptr) != SQLITE_OK) {
    return Error{"cannot register the search tokenizer"};
  }
  return register_match_function(api);
}

}  // namespace khlang::search

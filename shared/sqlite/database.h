// [SECTION] A thin, checked layer over SQLite.
// Every call's result is checked; a failure becomes an Error carrying SQLite's code and message
// and what we were doing, up to the boundary where a person reads it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/error.h"

struct sqlite3;
struct sqlite3_stmt;

namespace khlang::sqlite {

class Statement;

class Database {
 public:
  enum class Mode { ReadOnly, ReadWrite, ReadWriteCreate };

  static Expected<Database> open(const std::string& path, Mode mode);
  Database() = default;
  Database(Database&& other) noexcept
      : db_(std::exchange(other.db_, nullptr)), path_(std::move(other.path_)), kept_(std::move(other.kept_)) {}
  Database& operator=(Database&& other) noexcept;
  ~Database();

  // Runs one or more statements without results.
  Status exec(std::string_view sql);
  Expected<Statement> prepare(std::string_view sql);
  // The first column of the first row of a query (for PRAGMAs and counts).
  Expected<int64_t> query_int(std::string_view sql);
  Expected<std::string> query_text(std::string_view sql);

  int64_t changes() const;
  int64_t last_insert_rowid() const;
  const std::string& path() const { return path_; }
  sqlite3* handle() const { return db_; }
  // Makes the statement running on this connection stop soon with SQLITE_INTERRUPT (an Error
  // from that call). The one call that is safe from another thread while the connection is in use.
  void interrupt() const;
  // Keeps `object` alive as long as the connection (state a callback of the connection uses).
  void keep_alive(std::shared_ptr<void> object) { kept_.push_back(std::move(object)); }

  // An error for the last failed call on this connection, prefixed by `what`.
  Error error(std::string_view what) const;

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
  std::vector<std::shared_ptr<void>> kept_;  // destroyed after the connection closes
};

class Statement {
 public:
  Statement(Statement&& other) noexcept : stmt_(std::exchange(other.stmt_, nullptr)), db_(other.db_) {}
  Statement& operator=(Statement&&) = delete;
  ~Statement();

  // Binding by 1-based index; chains return *this.
  Statement& bind(int index, int64_t value);
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
  Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
  // An empty optional binds NULL.
  Statement& bind(int index, const std::optional<std::string>& text);
  Statement& bind(int index, const std::optional<double>& value);
  Statement& bind(int index, const std::optional<int64_t>& value);
  Statement& bind_blob(int index, const void* data, size_t size);
  Statement& bind_null(int index);
  template <typename... Args>
  Statement& bind_all(Args&&... args) {
    int i = 0;
    (bind(++i, std::forward<Args>(args)), ...);
    return *this;
  }

  // true: a row is ready; false: done. An error is an error.
  Expected<bool> step();
  // Calls fn(*this) for each row of the result.
  template <typename Fn>
  Status for_each_row(Fn&& fn) {
    for (;;) {
      auto row = step();
      if (!row) return row.error();
      if (!row.value()) return Ok{};
      fn(static_cast<const Statement&>(*this));
    }
  }
  // Steps to completion (INSERT/UPDATE/DELETE) and resets for reuse.
  Status run();
  void reset();

  int64_t column_int(int i) const;
  double column_double(int i) const;
  std::string column_text(int i) const;
  std::optional<std::string> column_optional_text(int i) const;
  bool column_is_null(int i) const;
  std::vector<uint8_t> column_blob(int i) const;

 private:
  friend class Database;
  Statement(sqlite3_stmt* stmt, sqlite3* db) : stmt_(stmt), db_(db) {}
  sqlite3_stmt* stmt_;
  sqlite3* db_;
};

// A transaction that rolls back unless committed: every early return on an error undoes it.
//   KHLANG_TRY_AS(auto tx, Transaction::begin(db));
//   KHLANG_TRY(db.exec("..."));
//   return tx.commit();
class [[nodiscard]] Transaction {
 public:
  // Immediate takes the write lock at BEGIN, so a writer waits (busy_timeout) there and not
  // halfway through; Deferred only for read-then-maybe-write on a connection nobody else writes.
  enum class Kind { Immediate, Deferred };
  static Expected<Transaction> begin(Database& db, Kind kind = Kind::Immediate);
  Transaction(Transaction&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();

  Status commit();

 private:
  explicit Transaction(Database& db) : db_(&db) {}
  Database* db_;
};

// The kind of error an SQLite result code means (busy, I/O, a bad file...).
ErrorKind error_kind_of(int sqlite_code);

// Quotes an SQL identifier ("name") for statements built from a whitelist.
std::string quote_identifier(std::string_view name);

}  // namespace khlang::sqlite

#include "sqlite/database.h"

#include <sqlite3.h>

#include <cassert>

namespace khlang::sqlite {

ErrorKind error_kind_of(int code) {
  switch (code & 0xff) {  // the primary code of an extended one
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return ErrorKind::Busy;
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_NOMEM: return ErrorKind::Io;
    case SQLITE_NOTFOUND: return ErrorKind::NotFound;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_FORMAT:
    case SQLITE_SCHEMA:
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_TOOBIG:
    case SQLITE_RANGE:
    case SQLITE_AUTH:
    case SQLITE_INTERRUPT: return ErrorKind::InvalidInput;
    default: return ErrorKind::Internal;  // SQLITE_ERROR (our SQL), MISUSE, INTERNAL...
  }
}

Expected<Database> Database::open(const std::string& path, Mode mode) {
  int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
  switch (mode) {
    case Mode::ReadOnly: flags |= SQLITE_OPEN_READONLY; break;
    case Mode::ReadWrite: flags |= SQLITE_OPEN_READWRITE; break;
    case Mode::ReadWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
  }
  Database db;
  db.path_ = path;
  const int rc = sqlite3_open_v2(path.c_str(), &db.db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db.db_ ? sqlite3_errmsg(db.db_) : sqlite3_errstr(rc);
    return Error{error_kind_of(rc), "database " + path + ": cannot open (" + message + ")"};
  }
  sqlite3_extended_result_codes(db.db_, 1);
  sqlite3_busy_timeout(db.db_, 5000);
  return db;
}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    if (db_) sqlite3_close_v2(db_);
    db_ = std::exchange(other.db_, nullptr);
    path_ = std::move(other.path_);
    kept_ = std::move(other.kept_);
  }
  return *this;
}

Database::~Database() {
  if (db_) sqlite3_close_v2(db_);
  kept_.clear();
}

Error Database::error(std::string_view what) const {
  const int code = sqlite3_extended_errcode(db_);
  return Error{error_kind_of(code),
               std::string(what) + " (" + path_ + ": " + sqlite3_errmsg(db_) + ", code " + std::to_string(code) + ")"};
}

Status Database::exec(std::string_view sql) {
  char* message = nullptr;
  const std::string text(sql);
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    Error e = error("SQL failed: " + text.substr(0, 80));
    sqlite3_free(message);
    return e;
  }
  return Ok{};
}

Expected<Statement> Database::prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK) {
    return error("cannot prepare: " + std::string(sql.substr(0, 80)));
  }
  return Statement(stmt, db_);
}

Expected<int64_t> Database::query_int(std::string_view sql) {
  KHLANG_TRY_AS(auto stmt, prepare(sql));
  KHLANG_TRY_AS(auto row, stmt.step());
  if (!row) return Error{"no result for: " + std::string(sql.substr(0, 80))};
  return stmt.column_int(0);
}

Expected<std::string> Database::query_text(std::string_view sql) {
  KHLANG_TRY_AS(auto stmt, prepare(sql));
  KHLANG_TRY_AS(auto row, stmt.step());
  if (!row) return Error{"no result for: " + std::string(sql.substr(0, 80))};
  return stmt.column_text(0);
}

void Database::interrupt() const {
  if (db_) sqlite3_interrupt(db_);
}

int64_t Database::changes() const { return sqlite3_changes64(db_); }
int64_t Database::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }

Statement::~Statement() {
  if (stmt_) sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}
Statement& Statement::bind(int index, double value) {
  sqlite3_bind_double(stmt_, index, value);
  return *this;
}
Statement& Statement::bind(int index, std::string_view text) {
  sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  return *this;
}
Statement& Statement::bind(int index, const std::optional<std::string>& text) {
  return text ? bind(index, std::string_view(*text)) : bind_null(index);
}
Statement& Statement::bind(int index, const std::optional<double>& value) {
  return value ? bind(index, *value) : bind_null(index);
}
Statement& Statement::bind(int index, const std::optional<int64_t>& value) {
  return value ? bind(index, *value) : bind_null(index);
}
Statement& Statement::bind_blob(int index, const void* data, size_t size) {
  sqlite3_bind_blob64(stmt_, index, data, size, SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::bind_null(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

Expected<bool> Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  const char* sql = sqlite3_sql(stmt_);
  return Error{error_kind_of(rc), std::string("SQL failed: ") + std::string(sql ? sql : "").substr(0, 80) + " (" +
                                      sqlite3_errmsg(db_) + ", code " + std::to_string(sqlite3_extended_errcode(db_)) + ")"};
}

Status Statement::run() {
  for (;;) {
    auto row = step();
    if (!row) {
      reset();
      return row.error();
    }
    if (!row.value()) break;
  }
  reset();
  return Ok{};
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

int64_t Statement::column_int(int i) const { return sqlite3_column_int64(stmt_, i); }
double Statement::column_double(int i) const { return sqlite3_column_double(stmt_, i); }
std::string Statement::column_text(int i) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, i));
  return text ? std::string(text, static_cast<size_t>(sqlite3_column_bytes(stmt_, i))) : std::string();
}
std::optional<std::string> Statement::column_optional_text(int i) const {
  if (column_is_null(i)) return std::nullopt;
  return column_text(i);
}
bool Statement::column_is_null(int i) const { return sqlite3_column_type(stmt_, i) == SQLITE_NULL; }
std::vector<uint8_t> Statement::column_blob(int i) const {
  const auto* data = static_cast<const uint8_t*>(sqlite3_column_blob(stmt_, i));
  return data ? std::vector<uint8_t>(data, data + sqlite3_column_bytes(stmt_, i)) : std::vector<uint8_t>();
}

Expected<Transaction> Transaction::begin(Database& db, Kind kind) {
  KHLANG_TRY(db.exec(kind == Kind::Immediate ? "BEGIN IMMEDIATE" : "BEGIN"));
  return Transaction(db);
}

Status Transaction::commit() {
  assert(db_ && "Transaction::commit() twice");
  Database* db = std::exchange(db_, nullptr);
  if (auto s = db->exec("COMMIT"); !s) {
    (void)db->exec("ROLLBACK");  // COMMIT can fail (busy, full disk) and leave the transaction open
    return s.error();
  }
  return Ok{};
}

Transaction::~Transaction() {
  if (db_) (void)db_->exec("ROLLBACK");
}

std::string quote_identifier(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace khlang::sqlite

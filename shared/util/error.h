// [SECTION] Errors as values.
// Every fallible operation in khlang_core returns Expected<T>: either the value or an Error. An
// Error has a kind, which callers branch on (the importer tells a bundle it refuses from a disk that
// failed it), and a message a person can act on ("font /x/y.ttf: not a font file"), which callers
// only pass on or prefix. No exceptions cross module lines.
#pragma once

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace khlang {

// Who has to act, which is what a caller decides on.
enum class ErrorKind {
  InvalidInput,  // the input is wrong (a bundle, a content file, an argument): fix or replace it
  NotFound,      // what was named does not exist (a file, a record, a key)
  Io,            // the machine failed us: disk full, device gone, permission, read or write error
  Busy,          // someone else holds it right now (a lock, another process): try again later
  Internal,      // our own bug or an impossible state
};

std::string_view error_kind_name(ErrorKind kind);

struct Error {
  // Most errors in the core are about what it was given; other kinds are named where they arise.
  Error(std::string text, ErrorKind k = ErrorKind::InvalidInput) : message(std::move(text)), kind(k) {}
  Error(const char* text) : Error(std::string(text)) {}  // NOLINT: Error{"..."} reads well
  Error(ErrorKind k, std::string text) : message(std::move(text)), kind(k) {}

  // The same error with what we were doing in front: "database /x: " + message.
  Error within(std::string_view context) const { return Error(kind, std::string(context) + message); }

  std::string message;
  ErrorKind kind;
};

inline std::string_view error_kind_name(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::InvalidInput: return "invalid input";
    case ErrorKind::NotFound: return "not found";
    case ErrorKind::Io: return "I/O error";
    case ErrorKind::Busy: return "busy";
    case ErrorKind::Internal: return "internal error";
  }
  return "error";
}

template <typename T>
class [[nodiscard]] Expected {
 public:
  Expected(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design, like std::expected
  Expected(Error error) : v_(std::move(error)) {}  // NOLINT

  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }

  T& value() {
    assert(ok() && "Expected::value() on an error: check ok() first");
    return std::get<T>(v_);
  }
  const T& value() const {
    assert(ok() && "Expected::value() on an error: check ok() first");
    return std::get<T>(v_);
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  const Error& error() const {
    assert(!ok() && "Expected::error() on a value");
    return std::get<Error>(v_);
  }

 private:
  std::variant<T, Error> v_;
};

// The value of an Expected that has nothing to return but success.
struct Ok {};
using Status = Expected<Ok>;

}  // namespace khlang

// Propagating errors without writing the same two lines each time:
//   KHLANG_TRY(db.exec("..."));                    returns the error of a Status or Expected
//   KHLANG_TRY_AS(auto stmt, db.prepare("..."));   declares `stmt` as the value, or returns the error
#define KHLANG_CONCAT_(a, b) a##b
#define KHLANG_CONCAT(a, b) KHLANG_CONCAT_(a, b)
#define KHLANG_TRY(expr)                                           \
  do {                                                             \
    if (auto khlang_try_result_ = (expr); !khlang_try_result_) {   \
      return khlang_try_result_.error();                           \
    }                                                              \
  } while (false)
#define KHLANG_TRY_AS(declaration, expr) KHLANG_TRY_AS_(KHLANG_CONCAT(khlang_try_, __LINE__), declaration, expr)
#define KHLANG_TRY_AS_(tmp, declaration, expr) \
  auto tmp = (expr);                           \
  if (!tmp) return tmp.error();                \
  declaration = std::move(tmp.value())

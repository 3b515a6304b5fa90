// [SECTION] Errors as values.
// Every fallible operation in khlang_core returns Expected<T>: either the value or an Error whose
// message a person can act on ("font /x/y.ttf: not a font file"). No exceptions cross module lines.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace khlang {

struct Error {
  std::string message;
};

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
  T& operator*() { return value(); }
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

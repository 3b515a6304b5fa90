// [SECTION] Errors from the operating system, as a person reads them.
// errno and std::error_code become an Error whose kind says who must act (a missing file is
// NotFound; a full, read-only or pulled-out disk, or a permission, is Io) and whose message names
// what we were doing and the reason in words an admin can act on ("the disk is full").
#pragma once

#include <string_view>
#include <system_error>

#include "util/error.h"

namespace khlang {

// The reason for an errno value: plain words for the ones people meet (full disk, write-protected
// stick, pulled-out stick, permission), strerror's text otherwise.
std::string system_reason(int errnum);

// "<context>: <reason>", with the kind errnum implies.
Error system_error(std::string_view context, int errnum);
Error system_error(std::string_view context, const std::error_code& ec);

}  // namespace khlang

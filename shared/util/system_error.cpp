#include "util/system_error.h"

#include <cerrno>
#include <cstring>
#include <string>

namespace khlang {

std::string system_reason(int errnum) {
  switch (errnum) {
    case ENOSPC:
    case EDQUOT: return "the disk is full";
    case EROFS: return "the disk is read-only (write-protected?)";
    case EACCES:
    case EPERM: return "no permission";
    case EIO: return "an I/O error (was the stick pulled out?)";
    default: return std::strerror(errnum);
  }
}

Error system_error(std::string_view context, int errnum) {
  const ErrorKind kind = (errnum == ENOENT || errnum == ENOTDIR) ? ErrorKind::NotFound : ErrorKind::Io;
  return Error{kind, std::string(context) + ": " + system_reason(errnum)};
}

Error system_error(std::string_view context, const std::error_code& ec) {
  if (ec.category() == std::generic_category() || ec.category() == std::system_category()) {
    return system_error(context, ec.value());
  }
  return Error{ErrorKind::Io, std::string(context) + ": " + ec.message()};
}

}  // namespace khlang

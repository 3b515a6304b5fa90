// [SECTION] A word of a domain vocabulary (a search hit's kind, a progress status) in the two
// languages of the kiosk and the report: each vocabulary is an enum with one of these per value.
#pragma once

#include <string_view>

namespace khlang {

struct Words {
  std::string_view th, en;
};

}  // namespace khlang

#include <doctest/doctest.h>

#include "thai/proper_names.h"

using namespace khlang::thai;
using Names = std::vector<std::string>;

TEST_CASE("place names: the words after the administrative word that names a place") {
  CHECK(place_names("เทศบาลตำบลศรีโพธิ์เงิน") == Names{"ศรีโพธิ์เงิน"});
  CHECK(place_names("อำเภอป่าแดด จังหวัดเชียงราย") == Names{"ป่าแดด", "เชียงราย"});
  CHECK(place_names("องค์การบริหารส่วนตำบลบ้านใหม่") == Names{"บ้านใหม่"});  // the longest first
  // A word without one is left to the dictionary; an administrative word alone names nothing.
  CHECK(place_names("ศูนย์การเรียนรู้ชุมชน").empty());
  CHECK(place_names("อำเภอ จังหวัด").empty());
  CHECK(place_names("").empty());
}

TEST_CASE("person names: given name without its title, and surname") {
  CHECK(person_names("นายจรัญ ยามี") == Names{"จรัญ", "ยามี"});
  CHECK(person_names("นางสาวจิรารัตน์ พงษ์เกียรติก้อง") == Names{"จิรารัตน์", "พงษ์เกียรติก้อง"});
  CHECK(person_names("นางวาสนา หวานเสียง") == Names{"วาสนา", "หวานเสียง"});
  CHECK(person_names("ว่าที่ร้อยตรีทรงพล มุ่งการ") == Names{"ทรงพล", "มุ่งการ"});
  // One word is a position standing for a person, not a name to keep whole.
  CHECK(person_names("ผู้อำนวยการกองการศึกษา").empty());
}

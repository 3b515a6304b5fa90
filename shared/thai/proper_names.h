// [SECTION] Proper names in the content, for the line breaker (text/segment.h, WholeWords):
// libthai's dictionary does not know most places and people and splits them into words it does
// know (ศรี|โพธิ์เงิน, วงค์|ษา), so a line could end inside a name. These take the names from
// what the content says they are: the words of a place after the administrative word that names
// it (เทศบาลตำบลศรีโพธิ์เงิน is ศรีโพธิ์เงิน, อำเภอป่าแดด is ป่าแดด), a person's given name
// without its title (นาย, นางสาว, ว่าที่ร้อยตรี...) and their surname. Words with no such mark
// are left to the dictionary: they may be ordinary words.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace khlang::thai {

// The names in an organization's name or address: each space-separated word that starts with an
// administrative word (เทศบาลตำบล, อำเภอ, จังหวัด, ...), without it.
std::vector<std::string> place_names(std::string_view text);

// A person's given name (its title taken off) and surname; nothing when `name` is one word
// (a position standing for a person, as ผู้อำนวยการกองการศึกษา).
std::vector<std::string> person_names(std::string_view name);

}  // namespace khlang::thai

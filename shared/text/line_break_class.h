// [SECTION] Line-break classes of UAX #14 (Unicode Line Breaking Algorithm), for the pair rules
// that decide where a line may break around and between Thai runs.
// Only the classes the rules in segment.cpp tell apart are kept. Thai letters and marks are SA
// (complex context: the dictionary decides between them); a code point this file does not name
// takes its class from its general category, and an unknown one is AL, as UAX #14 resolves it.
#pragma once

#include <cstdint>

namespace khlang::text {

enum class LineBreakClass : uint8_t {
  AL,   // alphabetic and ordinary symbols (also AI, XX, SG resolved)
  BA,   // break after: tab, soft hyphen, en dash, the spaces other than U+0020
  BB,   // break before: acute accent, ...
  B2,   // break on either side but not between: em dash
  CL,   // closing punctuation: } 、 。
  CP,   // closing parenthesis: ) ]
  CM,   // combining marks (Thai marks too, once SA is resolved outside a Thai run)
  EX,   // exclamation and interrogation: ! ?
  GL,   // glue: no-break space, figure space, non-breaking hyphen
  HY,   // hyphen-minus
  ID,   // ideographs and emoji: a break on either side
  IN,   // inseparable: ellipsis
  IS,   // infix numeric separator: , . : ;
  NS,   // non-starters: ‼ ⁇ and CJK small kana (as CSS's strict)
  NU,   // digits, Thai digits too
  OP,   // opening punctuation: ( [ {
  PO,   // postfix numeric: % ° ‰ ¢
  PR,   // prefix numeric: $ ฿ € + ±
  QU,   // quotation marks: " ' « » “ ”
  SA,   // Thai (and other Southeast Asian scripts written without spaces)
  SP,   // space U+0020
  SY,   // solidus: /
  WJ,   // word joiner, zero-width no-break space
  ZW,   // zero-width space
  ZWJ,  // zero-width joiner
};

LineBreakClass line_break_class(char32_t c);

}  // namespace khlang::text

#include "text/line_break_class.h"

#include <hb.h>

namespace khlang::text {
namespace {

using C = LineBreakClass;

// Printable ASCII, U+0020..U+007E, as UAX #14's LineBreak.txt gives them.
constexpr C kAscii[95] = {
    C::SP, C::EX, C::QU, C::AL, C::PR, C::PO, C::AL, C::QU, C::OP, C::CP, C::AL, C::PR, C::IS, C::HY, C::IS, C::SY,  // ' '../
    C::NU, C::NU, C::NU, C::NU, C::NU, C::NU, C::NU, C::NU, C::NU, C::NU,                                            // 0..9
    C::IS, C::IS, C::AL, C::AL, C::AL, C::EX, C::AL,                                                                 // :..@
    C::AL, C::AL, C::AL, C::AL, C::AL, C::AL, C::AL, C::AL, C::AL, C::AL, C::AL, C::AL, C::AL,                       // A..M
    C::AL, C::AL, C::AL, C::AL, C::AL, C::AL, C::AL, C::AL, C::AL, C::AL, C::AL, C::AL, C::AL,                       // N..Z
    C::OP, C::PR, C::CP, C::AL, C::AL, C::AL,                                                                        // [..`
    C::AL, C::AL, C::AL, C::AL, C::AL, C::AL, C::AL, C::AL, C::AL, C::AL, C::AL, C::AL, C::AL,                       // a..m
    C::AL, C::AL, C::AL, C::AL, C::AL, C::AL, C::AL, C::AL, C::AL, C::AL, C::AL, C::AL, C::AL,                       // n..z
    C::OP, C::BA, C::CL, C::AL,                                                                                      // {..~
};

// General punctuation, U+2000..U+206F: the spaces, dashes, quotes and joiners text is full of.
C general_punctuation(char32_t c) {
  if (c <= 0x2006 || (c >= 0x2008 && c <= 0x200A)) return C::BA;
  switch (c) {
    case 0x2007: return C::GL;  // figure space
    case 0x200B: return C::ZW;
    case 0x200D: return C::ZWJ;
    case 0x2010: return C::BA;  // hyphen
    case 0x2011: return C::GL;  // non-breaking hyphen
    case 0x2012:
    case 0x2013: return C::BA;  // figure and en dash
    case 0x2014: return C::B2;  // em dash
    case 0x2018:
    case 0x2019:
    case 0x201B:
    case 0x201C:
    case 0x201D:
    case 0x201F:
    case 0x2039:
    case 0x203A: return C::QU;
    case 0x201A:
    case 0x201E:
    case 0x2045: return C::OP;
    case 0x2046: return C::CL;
    case 0x2024:
    case 0x2025:
    case 0x2026: return C::IN;  // leaders and the ellipsis
    case 0x2027:
    case 0x205F: return C::BA;
    case 0x202F: return C::GL;  // narrow no-break space
    case 0x203C:
    case 0x203D:
    case 0x2047:
    case 0x2048:
    case 0x2049: return C::NS;
    case 0x2044: return C::IS;  // fraction slash
    case 0x2060: return C::WJ;
    default: break;
  }
  if (c == 0x200C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || c >= 0x2066) return C::CM;
  if (c >= 0x2030 && c <= 0x2037) return C::PO;  // per mille, primes
  return C::AL;
}

C latin1(char32_t c) {
  switch (c) {
    case 0xA0: return C::GL;
    case 0xA1:
    case 0xBF: return C::OP;  // ¡ ¿
    case 0xA2:
    case 0xB0: return C::PO;  // ¢ °
    case 0xA3:
    case 0xA4:
    case 0xA5:
    case 0xB1: return C::PR;  // £ ¤ ¥ ±
    case 0xAB:
    case 0xBB: return C::QU;  // « »
    case 0xAD: return C::BA;  // soft hyphen
    case 0xB4: return C::BB;
    default: return C::AL;
  }
}

C cjk_punctuation(char32_t c) {
  if (c == 0x3000) return C::BA;
  if (c == 0x3001 || c == 0x3002) return C::CL;
  if (c == 0x3005 || c == 0x301C) return C::NS;
  if ((c >= 0x3008 && c <= 0x3011) || (c >= 0x3014 && c <= 0x301B)) return (c % 2 == 0) ? C::OP : C::CL;
  if (c == 0x301D) return C::OP;
  if (c == 0x301E || c == 0x301F) return C::CL;
  return C::ID;
}

bool is_ideographic(char32_t c) {
  return (c >= 0x2E80 && c <= 0x2FFF) || (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x20000 && c <= 0x3FFFD);
}

// Lao, Myanmar, Khmer and Tai Tham are SA like Thai; their digits are NU.
bool is_other_sa(char32_t c) {
  return (c >= 0x0E80 && c <= 0x0EFF && !(c >= 0x0ED0 && c <= 0x0ED9)) ||
         (c >= 0x1000 && c <= 0x109F && !(c >= 0x1040 && c <= 0x1049)) ||
         (c >= 0x1780 && c <= 0x17FF && !(c >= 0x17E0 && c <= 0x17E9)) || (c >= 0x1A20 && c <= 0x1AAF);
}

// Everything else by its general category, as LineBreak.txt mostly does.
C by_category(char32_t c) {
  switch (hb_unicode_general_category(hb_unicode_funcs_get_default(), c)) {
    case HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK: return C::CM;
    case HB_UNICODE_GENERAL_CATEGORY_DECIMAL_NUMBER: return C::NU;
    case HB_UNICODE_GENERAL_CATEGORY_OPEN_PUNCTUATION: return C::OP;
    case HB_UNICODE_GENERAL_CATEGORY_CLOSE_PUNCTUATION: return C::CL;
    case HB_UNICODE_GENERAL_CATEGORY_INITIAL_PUNCTUATION:
    case HB_UNICODE_GENERAL_CATEGORY_FINAL_PUNCTUATION: return C::QU;
    case HB_UNICODE_GENERAL_CATEGORY_SPACE_SEPARATOR: return C::BA;
    case HB_UNICODE_GENERAL_CATEGORY_CURRENCY_SYMBOL: return C::PR;
    case HB_UNICODE_GENERAL_CATEGORY_DASH_PUNCTUATION: return C::BA;
    default: return C::AL;
  }
}

}  // namespace

LineBreakClass line_break_class(char32_t c) {
  if (c >= 0x20 && c <= 0x7E) return kAscii[c - 0x20];
  if (c == U'\t') return C::BA;
  if (c < 0xA0) return C::CM;  // other C0 and C1 controls attach like marks
  if (c <= 0xFF) return latin1(c);
  if (c >= 0x0E00 && c <= 0x0E7F) {
    if (c >= 0x0E50 && c <= 0x0E59) return C::NU;  // ๐..๙
    if (c == 0x0E3F) return C::PR;                  // ฿
    if (c == 0x0E4F) return C::AL;                  // ๏
    if (c == 0x0E5A || c == 0x0E5B) return C::BA;   // ๚ ๛
    return C::SA;
  }
  if (is_other_sa(c)) return C::SA;
  if (c >= 0x2000 && c <= 0x206F) return general_punctuation(c);
  if (c >= 0x20A0 && c <= 0x20CF) return C::PR;  // currency signs
  if (c == 0x2103 || c == 0x2109) return C::PO;  // ℃ ℉
  if (c == 0x2116 || c == 0x2212 || c == 0x2213) return C::PR;  // № − ∓
  if (c >= 0x3000 && c <= 0x303F) return cjk_punctuation(c);
  if (c == 0xFEFF) return C::WJ;
  if (is_ideographic(c)) return C::ID;
  return by_category(c);
}

}  // namespace khlang::text

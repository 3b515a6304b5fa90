#include "text/utf8.h"

namespace khlang::text {

DecodedChar decode_utf8_char(const unsigned char* s, size_t size) {
  const unsigned char b0 = s[0];
  if (b0 < 0x80) return {b0, 1};
  uint32_t need;
  char32_t cp;
  char32_t min;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1, cp = b0 & 0x1F, min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2, cp = b0 & 0x0F, min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3, cp = b0 & 0x07, min = 0x10000;
  } else {
    return {kReplacementChar, 1};  // continuation byte, overlong lead (C0/C1) or F5..FF
  }
  if (size <= need) return {kReplacementChar, 1};
  for (uint32_t i = 1; i <= need; ++i) {
    if ((s[i] & 0xC0) != 0x80) return {kReplacementChar, 1};
    cp = (cp << 6) | (s[i] & 0x3F);
  }
  // Overlong forms, UTF-16 surrogates and values past U+10FFFF are not characters.
  if (cp < min || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return {kReplacementChar, 1};
  return {cp, need + 1};
}

std::u32string decode_utf8(std::string_view text, std::vector<uint32_t>* byte_offsets) {
  std::u32string out;
  out.reserve(text.size());
  if (byte_offsets) {
    byte_offsets->clear();
    byte_offsets->reserve(text.size() + 1);
  }
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  size_t i = 0;
  while (i < text.size()) {
    // ASCII fast path: most of a mixed document's punctuation, digits and spaces.
    if (bytes[i] < 0x80) {
      if (byte_offsets) byte_offsets->push_back(static_cast<uint32_t>(i));
      out.push_back(bytes[i++]);
      continue;
    }
    DecodedChar d = decode_utf8_char(bytes + i, text.size() - i);
    if (byte_offsets) byte_offsets->push_back(static_cast<uint32_t>(i));
    out.push_back(d.cp);
    i += d.length;
  }
  if (byte_offsets) byte_offsets->push_back(static_cast<uint32_t>(text.size()));
  return out;
}

bool is_valid_utf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (size_t i = 0; i < text.size();) {
    const DecodedChar d = decode_utf8_char(bytes + i, text.size() - i);
    if (d.cp == kReplacementChar && d.length == 1) return false;  // a real U+FFFD takes 3 bytes
    i += d.length;
  }
  return true;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacementChar;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string encode_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (char32_t cp : text) append_utf8(out, cp);
  return out;
}

}  // namespace khlang::text

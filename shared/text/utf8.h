// [SECTION] UTF-8 decoding and encoding.
// Text reaches us from USB sticks, CSV files and the keyboard; none of it is trusted to be valid
// UTF-8. Decoding never fails: every invalid or truncated sequence becomes U+FFFD.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace khlang::text {

inline constexpr char32_t kReplacementChar = U'\uFFFD';

// One decoded code point and the number of bytes it took (1..4; 1 for an invalid byte).
struct DecodedChar {
  char32_t cp;
  uint32_t length;
};

// Decodes the code point starting at bytes[0]. `size` must be at least 1.
DecodedChar decode_utf8_char(const unsigned char* bytes, size_t size);

// Decodes a whole string. `byte_offsets`, when given, receives the byte offset of each code point
// plus one final entry equal to text.size().
std::u32string decode_utf8(std::string_view text, std::vector<uint32_t>* byte_offsets = nullptr);

// True when every byte sequence decodes (no U+FFFD came from an invalid byte).
bool is_valid_utf8(std::string_view text);

void append_utf8(std::string& out, char32_t cp);
std::string encode_utf8(std::u32string_view text);

}  // namespace khlang::text

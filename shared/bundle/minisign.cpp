#include "bundle/minisign.h"

#include <sodium.h>

#include <algorithm>
#include <cstring>
#include <vector>

namespace khlang::bundle {
namespace {

static_assert(sizeof(crypto_generichash_state) <= 384, "Hasher::state_ too small for libsodium's state");

constexpr char kUntrustedPrefix[] = "untrusted comment: ";
constexpr char kTrustedPrefix[] = "trusted comment: ";
// The longest base64 line of a key or signature file is a secret key's (158 bytes: 212
// characters); anything much longer is not one, and is refused before it is decoded.
constexpr size_t kMaxBase64Line = 512;
// As minisign's own limit for a trusted comment.
constexpr size_t kMaxTrustedComment = 8192;

void init_sodium() {
  static const bool ready = sodium_init() >= 0;
  (void)ready;
}

std::string to_base64(const uint8_t* data, size_t size) {
  std::string out(sodium_base64_ENCODED_LEN(size, sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), data, size, sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::strlen(out.c_str()));
  return out;
}

// Every line of a key or signature file comes from a stick: empty, huge or holding NUL bytes, it
// is refused with a reason before libsodium sees it (an empty line once passed it a null buffer).
Expected<std::vector<uint8_t>> from_base64(std::string_view text, const std::string& name) {
  if (text.empty()) return Error{name + ": an empty line where a base64 key or signature should be"};
  if (text.size() > kMaxBase64Line) {
    return Error{name + ": a line of " + std::to_string(text.size()) + " characters where a base64 key or signature (at most " +
                 std::to_string(kMaxBase64Line) + ") should be"};
  }
  if (text.find('\0') != std::string_view::npos) return Error{name + ": not valid base64 (a NUL byte)"};
  std::vector<uint8_t> out(text.size());
  size_t len = 0;
  if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &len, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0) {
    return Error{name + ": not valid base64"};
  }
  out.resize(len);
  return out;
}

// Lines of a minisign file without their line ends.
std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  return lines;
}

// The base64 payload of a key file: the line after the untrusted comment (or the only line).
Expected<std::vector<uint8_t>> key_payload(std::string_view text, const std::string& name) {
  const auto lines = lines_of(text);
  std::string_view payload;
  if (!lines.empty() && lines[0].starts_with(kUntrustedPrefix)) {
    if (lines.size() < 2) return Error{name + ": the key line is missing after the comment"};
    payload = lines[1];
  } else if (!lines.empty()) {
    payload = lines[0];
  }
  if (payload.empty()) return Error{name + ": empty key file"};
  return from_base64(payload, name);
}

}  // namespace

std::string key_id_hex(const KeyId& id) {
  // minisign shows the 8 id bytes as a little-endian 64-bit number.
  static const char digits[] = "0123456789ABCDEF";
  std::string out;
  for (int i = 7; i >= 0; --i) {
    out += digits[id[static_cast<size_t>(i)] >> 4];
    out += digits[id[static_cast<size_t>(i)] & 15];
  }
  return out;
}

std::string key_fingerprint(const PublicKey& key) {
  init_sodium();
  uint8_t blob[34] = {'E', 'd'};
  std::memcpy(blob + 2, key.key.data(), 32);
  uint8_t hash[32];
  crypto_generichash(hash, sizeof hash, blob, sizeof blob, nullptr, 0);
  static const char digits[] = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < 16; ++i) {
    if (i > 0 && i % 2 == 0) out += ' ';
    out += digits[hash[i] >> 4];
    out += digits[hash[i] & 15];
  }
  return out;
}

std::string normalize_fingerprint(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == ' ' || c == '-' || c == ':' || c == '\t') continue;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

std::string PublicKey::base64() const {
  uint8_t raw[42] = {'E', 'd'};
  std::memcpy(raw + 2, id.data(), 8);
  std::memcpy(raw + 10, key.data(), 32);
  return to_base64(raw, sizeof raw);
}

KeyPair generate_keypair() {
  init_sodium();
  KeyPair kp;
  crypto_sign_keypair(kp.pub.key.data(), kp.secret.key.data());
  randombytes_buf(kp.pub.id.data(), kp.pub.id.size());
  kp.secret.id = kp.pub.id;
  return kp;
}

std::string format_public_key_file(const PublicKey& key) {
  return std::string(kUntrustedPrefix) + "minisign public key " + key_id_hex(key.id) + "\n" + key.base64() + "\n";
}

std::string format_secret_key_file(const SecretKey& key) {
  init_sodium();
  // sig_alg "Ed", kdf_alg none, chk_alg "B2", salt, opslimit, memlimit, then key id, key, checksum.
  uint8_t raw[158] = {};
  raw[0] = 'E', raw[1] = 'd', raw[4] = 'B', raw[5] = '2';
  uint8_t* keynum = raw + 54;
  std::memcpy(keynum, key.id.data(), 8);
  std::memcpy(keynum + 8, key.key.data(), 64);
  crypto_generichash_state st;
  crypto_generichash_init(&st, nullptr, 0, 32);
  crypto_generichash_update(&st, raw, 2);
  crypto_generichash_update(&st, keynum, 72);
  crypto_generichash_final(&st, keynum + 72, 32);
  std::string out = std::string(kUntrustedPrefix) + "minisign secret key " + key_id_hex(key.id) +
                    " (unencrypted: keep it off the kiosk)\n" + to_base64(raw, sizeof raw) + "\n";
  sodium_memzero(raw, sizeof raw);
  return out;
}

std::string format_signature_file(const Signature& sig) {
  uint8_t raw[74] = {'E', 'D'};
  std::memcpy(raw + 2, sig.id.data(), 8);
  std::memcpy(raw + 10, sig.signature.data(), 64);
  return std::string(kUntrustedPrefix) + "signature from khlang-admin secret key " + key_id_hex(sig.id) + "\n" +
         to_base64(raw, sizeof raw) + "\n" + kTrustedPrefix + sig.trusted_comment + "\n" +
         to_base64(sig.global_signature.data(), 64) + "\n";
}

Expected<PublicKey> parse_public_key(std::string_view text, const std::string& name) {
  auto raw = key_payload(text, name);
  if (!raw) return raw.error();
  if (raw->size() != 42 || (*raw)[0] != 'E' || (*raw)[1] != 'd') {
    return Error{name + ": not a minisign public key (Ed25519)"};
  }
  PublicKey key;
  std::memcpy(key.id.data(), raw->data() + 2, 8);
  std::memcpy(key.key.data(), raw->data() + 10, 32);
  return key;
}

Expected<SecretKey> parse_secret_key(std::string_view text, const std::string& name) {
  init_sodium();
  auto raw = key_payload(text, name);
  if (!raw) return raw.error();
  if (raw->size() != 158 || (*raw)[0] != 'E' || (*raw)[1] != 'd') return Error{name + ": not a minisign secret key"};
  if ((*raw)[2] != 0 || (*raw)[3] != 0) {
    return Error{name + ": the secret key is password-protected; make one with 'khlang-admin keygen' "
                        "(or 'minisign -G -W')"};
  }
  const uint8_t* keynum = raw->data() + 54;
  uint8_t check[32];
  crypto_generichash_state st;
  crypto_generichash_init(&st, nullptr, 0, 32);
  crypto_generichash_update(&st, raw->data(), 2);
  crypto_generichash_update(&st, keynum, 72);
  crypto_generichash_final(&st, check, 32);
  // Stock `minisign -G -W` leaves the checksum of an unencrypted key zero; the key must then at
  // least be consistent (its public half derived from its seed).
  const uint8_t zero[32] = {};
  const bool has_checksum = sodium_memcmp(keynum + 72, zero, 32) != 0;
  if (has_checksum && sodium_memcmp(check, keynum + 72, 32) != 0) {
    return Error{name + ": the secret key is damaged (checksum)"};
  }
  SecretKey key;
  std::memcpy(key.id.data(), keynum, 8);
  std::memcpy(key.key.data(), keynum + 8, 64);
  uint8_t pk[32], derived[64];
  crypto_sign_seed_keypair(pk, derived, key.key.data());
  const bool consistent = sodium_memcmp(derived, key.key.data(), 64) == 0;
  sodium_memzero(derived, sizeof derived);
  if (!consistent) return Error{name + ": the secret key is damaged"};
  sodium_memzero(raw->data(), raw->size());
  return key;
}

Expected<Signature> parse_signature(std::string_view text, const std::string& name) {
  const auto lines = lines_of(text);
  if (lines.size() < 4 || !lines[0].starts_with(kUntrustedPrefix) || !lines[2].starts_with(kTrustedPrefix)) {
    return Error{name + ": not a minisign signature file"};
  }
  auto raw = from_base64(lines[1], name);
  if (!raw) return raw.error();
  if (raw->size() != 74) return Error{name + ": not a minisign signature"};
  if ((*raw)[0] == 'E' && (*raw)[1] == 'd') {
    return Error{name + ": a legacy (not prehashed) signature; sign again with minisign 0.10 or later"};
  }
  if ((*raw)[0] != 'E' || (*raw)[1] != 'D') return Error{name + ": unknown signature algorithm"};
  Signature sig;
  std::memcpy(sig.id.data(), raw->data() + 2, 8);
  std::memcpy(sig.signature.data(), raw->data() + 10, 64);
  sig.trusted_comment = std::string(lines[2].substr(sizeof(kTrustedPrefix) - 1));
  if (sig.trusted_comment.size() > kMaxTrustedComment) {
    return Error{name + ": the trusted comment is " + std::to_string(sig.trusted_comment.size()) + " bytes, over minisign's " +
                 std::to_string(kMaxTrustedComment)};
  }
  if (sig.trusted_comment.find('\0') != std::string::npos) return Error{name + ": the trusted comment holds a NUL byte"};
  auto global = from_base64(lines[3], name);
  if (!global) return global.error();
  if (global->size() != 64) return Error{name + ": the global signature is damaged"};
  std::memcpy(sig.global_signature.data(), global->data(), 64);
  return sig;
}

Hasher::Hasher() {
  init_sodium();
  crypto_generichash_init(reinterpret_cast<crypto_generichash_state*>(state_), nullptr, 0, 64);
}
void Hasher::update(const void* data, size_t size) {
  crypto_generichash_update(reinterpret_cast<crypto_generichash_state*>(state_), static_cast<const uint8_t*>(data), size);
}
Hash Hasher::finish() {
  Hash h;
  crypto_generichash_final(reinterpret_cast<crypto_generichash_state*>(state_), h.data(), h.size());
  return h;
}

Signature sign_hash(const SecretKey& key, const Hash& file_hash, std::string_view trusted_comment) {
  init_sodium();
  Signature sig;
  sig.id = key.id;
  sig.trusted_comment = std::string(trusted_comment);
  crypto_sign_detached(sig.signature.data(), nullptr, file_hash.data(), file_hash.size(), key.key.data());
  std::string global(reinterpret_cast<const char*>(sig.signature.data()), 64);
  global += sig.trusted_comment;
  crypto_sign_detached(sig.global_signature.data(), nullptr, reinterpret_cast<const uint8_t*>(global.data()),
                       global.size(), key.key.data());
  return sig;
}

Status verify_hash(const Signature& sig, const PublicKey& key, const Hash& file_hash) {
  init_sodium();
  if (sig.id != key.id) return Error{"signed by key " + key_id_hex(sig.id) + ", not " + key_id_hex(key.id)};
  if (crypto_sign_verify_detached(sig.signature.data(), file_hash.data(), file_hash.size(), key.key.data()) != 0) {
    return Error{"the signature does not match the file (altered or damaged bundle)"};
  }
  return verify_trusted_comment(sig, key);
}

Status verify_trusted_comment(const Signature& sig, const PublicKey& key) {
  init_sodium();
  if (sig.id != key.id) return Error{"signed by key " + key_id_hex(sig.id) + ", not " + key_id_hex(key.id)};
  std::string global(reinterpret_cast<const char*>(sig.signature.data()), 64);
  global += sig.trusted_comment;
  if (crypto_sign_verify_detached(sig.global_signature.data(), reinterpret_cast<const uint8_t*>(global.data()),
                                  global.size(), key.key.data()) != 0) {
    return Error{"the trusted comment was altered after signing"};
  }
  return Ok{};
}

}  // namespace khlang::bundle

// [SECTION] Keys and signatures in minisign's formats, so stock minisign verifies what we sign
// and we accept what it signs. Ed25519 over BLAKE2b-512 of the file ("ED", prehashed), plus a
// global signature over the signature and the trusted comment. (libsodium's
// crypto_sign_init/update/final is Ed25519ph, a different scheme: not used.)
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "util/error.h"

namespace khlang::bundle {

using KeyId = std::array<uint8_t, 8>;
using Hash = std::array<uint8_t, 64>;  // BLAKE2b-512

std::string key_id_hex(const KeyId& id);  // as minisign prints it (16 upper-case hex digits)

struct PublicKey {
  KeyId id{};
  std::array<uint8_t, 32> key{};
  std::string base64() const;  // the key line of a .pub file
};

// What a person compares before trusting a key: BLAKE2b-256 of the algorithm and the 32 key
// bytes (not the id, which whoever makes a key chooses), its first 128 bits as 8 groups of 4
// lower-case hex digits: "3f2a 91c0 7d11 0b6e 5c4d 88e1 5a07 3b9e". Lower case and grouped, so it
// is not mistaken for the upper-case key id; 128 bits, so no one can make a second key that
// matches it.
std::string key_fingerprint(const PublicKey& key);
// `text` with spaces, dashes and colons removed and lower-cased: how a typed fingerprint is compared.
std::string normalize_fingerprint(std::string_view text);

struct SecretKey {
  KeyId id{};
  std::array<uint8_t, 64> key{};  // libsodium's Ed25519 secret key (seed and public key)
};

struct Signature {
  KeyId id{};
  std::array<uint8_t, 64> signature{};         // over BLAKE2b-512 of the file
  std::string trusted_comment;                 // signed too, by global_signature
  std::array<uint8_t, 64> global_signature{};  // over signature || trusted_comment
};

struct KeyPair {
  PublicKey pub;
  SecretKey secret;
};
KeyPair generate_keypair();

std::string format_public_key_file(const PublicKey& key);
// Unencrypted (as `minisign -G -W`): the kiosk's admin keeps it on the office PC, not the stick.
std::string format_secret_key_file(const SecretKey& key);
std::string format_signature_file(const Signature& sig);

// Parse file contents; `name` goes into errors. A public key may also be the bare base64 line.
Expected<PublicKey> parse_public_key(std::string_view text, const std::string& name);
Expected<SecretKey> parse_secret_key(std::string_view text, const std::string& name);
Expected<Signature> parse_signature(std::string_view text, const std::string& name);

// Streaming BLAKE2b-512, for hashing a file while it is copied.
class Hasher {
 public:
  Hasher();
  void update(const void* data, size_t size);
  Hash finish();

 private:
  alignas(64) unsigned char state_[384];
};

Signature sign_hash(const SecretKey& key, const Hash& file_hash, std::string_view trusted_comment);
// Checks both signatures; the error says which part failed.
Status verify_hash(const Signature& sig, const PublicKey& key, const Hash& file_hash);
// Checks only the global signature: that `key` signed this trusted comment (with this file
// signature). Cheap, no file needed: before a trusted comment from a stick is shown as trusted.
Status verify_trusted_comment(const Signature& sig, const PublicKey& key);

}  // namespace khlang::bundle

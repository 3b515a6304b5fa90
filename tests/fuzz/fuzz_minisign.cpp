// minisign keys and signatures as files from a USB stick or an office PC: parsing any text gives
// a value or an error; what parses formats back to text that parses to the same value; a parsed
// signature never verifies against a hash it was not made for by a key we did not make.
#include "bundle/minisign.h"
#include "fuzz_support.h"

using namespace khlang;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  static const bundle::KeyPair ours = bundle::generate_keypair();

  if (auto key = bundle::parse_public_key(text, "k.pub")) {
    auto again = bundle::parse_public_key(bundle::format_public_key_file(key.value()), "k.pub");
    FUZZ_CHECK(again && again->id == key->id && again->key == key->key, "public key round trip");
  }
  if (auto secret = bundle::parse_secret_key(text, "k.sec")) {
    auto again = bundle::parse_secret_key(bundle::format_secret_key_file(secret.value()), "k.sec");
    FUZZ_CHECK(again && again->id == secret->id && again->key == secret->key, "secret key round trip");
  }
  if (auto sig = bundle::parse_signature(text, "b.minisig")) {
    auto again = bundle::parse_signature(bundle::format_signature_file(sig.value()), "b.minisig");
    FUZZ_CHECK(again && again->id == sig->id && again->signature == sig->signature &&
                   again->trusted_comment == sig->trusted_comment && again->global_signature == sig->global_signature,
               "signature round trip");
    bundle::Hasher h;
    h.update(data, size);
    FUZZ_CHECK(!bundle::verify_hash(sig.value(), ours.pub, h.finish()), "a forged signature verified");
  }
  return 0;
}

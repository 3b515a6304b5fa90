// [SECTION] Trusted keys (route "admin-keys"): the public keys whose bundles this kiosk accepts,
// each removable, and the key files (.pub) found on USB sticks, each addable. Every key shows its
// fingerprint, so the admin compares it with the office's before adding; a file whose key has a
// trusted key's id but other bytes says so and offers no Add (trust is the whole key).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "bundle/trust_store.h"
#include "platform/removable_media.h"
#include "screens/screen.h"

namespace khlang::kiosk {

class AdminKeysScreen : public Screen {
 public:
  explicit AdminKeysScreen(sqlite::Database& db) { load(db); }
  std::string title(const FrameContext& f) const override { return f.say(Str::AdminTrustedKeys); }
  void draw(FrameContext& f, const ImRect& area) override;
  double next_timer(double, int64_t) const override { return 2.0; }

 private:
  // A .pub found on a stick, read when found: what is shown is what Add trusts.
  struct KeyFile {
    FoundFile file;
    std::optional<bundle::PublicKey> key;
    std::string fingerprint;
    bundle::KeyStanding standing = bundle::KeyStanding::New;
    std::string problem;  // why it cannot be added (unreadable, or refused)
  };
  void load(sqlite::Database& db);
  void scan(FrameContext& f);
  std::vector<bundle::TrustedKey> keys_;
  std::vector<KeyFile> key_files_;
  double scanned_at_ = -1e9;
  std::string message_, armed_;
  bool message_is_error_ = false;
};

}  // namespace khlang::kiosk

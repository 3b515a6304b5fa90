// [SECTION] Trusted keys (route "admin-keys"): the public keys whose bundles this kiosk accepts,
// each removable, and the key files (.pub) found on USB sticks, each addable.
#pragma once

#include <string>
#include <vector>

#include "bundle/trust_store.h"
#include "platform/removable_media.h"
#include "screens/screen.h"

namespace khlang::kiosk {

class AdminKeysScreen : public Screen {
 public:
  explicit AdminKeysScreen(sqlite::Database& db) { load(db); }
  std::string title(const FrameContext&) const override { return both(Str::AdminTrustedKeys); }
  void draw(FrameContext& f, const ImRect& area) override;
  double next_timer(double, int64_t) const override { return 2.0; }

 private:
  void load(sqlite::Database& db);
  std::vector<bundle::TrustedKey> keys_;
  std::vector<FoundFile> key_files_;
  double scanned_at_ = -1e9;
  std::string message_, armed_;
  bool message_is_error_ = false;
};

}  // namespace khlang::kiosk

// [SECTION] Import from USB (route "admin-import"): the bundles on mounted sticks and inbox
// folders with their signature status; choosing one verifies it and shows what the import would
// add, change and remove; then the import runs on a worker thread with a progress bar.
// A refusal's reason comes from the core in English after the label in the interface's language.
#pragma once

#include <string>
#include <vector>

#include "screens/screen.h"

namespace khlang::kiosk {

class AdminImportScreen : public Screen {
 public:
  explicit AdminImportScreen(sqlite::Database&) {}
  std::string title(const FrameContext& f) const override { return f.say(Str::ImportTitle); }
  void draw(FrameContext& f, const ImRect& area) override;
  double next_timer(double, int64_t) const override { return 2.0; }  // sticks come and go

 private:
  struct Found {
    std::string path, name, signature;  // signature: what the .minisig says, in Thai and English
    bool trusted = false;
  };
  void scan(FrameContext& f);
  void check(FrameContext& f, const Found& b);

  std::vector<Found> bundles_;
  double scanned_at_ = -1e9;
  std::string chosen_;     // the bundle checked last (its diff is the job's message)
  bool checking_ = false;  // the job is (or was) the check of chosen_, not its import
};

}  // namespace khlang::kiosk

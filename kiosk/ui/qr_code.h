// [SECTION] QR codes (libqrencode) drawn as squares, so a visitor can take a link away on a phone.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "screens/screen.h"

namespace khlang::kiosk {

class QrCode {
 public:
  explicit QrCode(const std::string& text);
  bool valid() const { return size_ > 0; }
  int modules() const { return size_; }
  // Draws it with its quiet zone in a square of side `side` at `pos` (dark on white).
  void draw(ImDrawList* list, ImVec2 pos, float side, ImU32 light, ImU32 dark) const;

 private:
  int size_ = 0;
  std::vector<bool> dark_;
};

}  // namespace khlang::kiosk

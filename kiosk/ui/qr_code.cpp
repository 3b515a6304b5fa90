#include "ui/qr_code.h"

#include <qrencode.h>

#include <cmath>

namespace khlang::kiosk {
namespace {
constexpr int kQuietZone = 2;  // modules of white around the code
}

QrCode::QrCode(const std::string& text) {
  QRcode* code = QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (!code) return;
  size_ = code->width;
  dark_.resize(static_cast<size_t>(size_) * static_cast<size_t>(size_));
  for (size_t i = 0; i < dark_.size(); ++i) dark_[i] = (code->data[i] & 1) != 0;
  QRcode_free(code);
}

void QrCode::draw(ImDrawList* list, ImVec2 pos, float side, ImU32 light, ImU32 dark) const {
  list->AddRectFilled(pos, ImVec2(pos.x + side, pos.y + side), light);
  if (!valid()) return;
  const float m = side / static_cast<float>(size_ + 2 * kQuietZone);
  for (int y = 0; y < size_; ++y) {
    for (int x = 0; x < size_; ++x) {
      if (!dark_[static_cast<size_t>(y * size_ + x)]) continue;
      const float x0 = std::floor(pos.x + (x + kQuietZone) * m), y0 = std::floor(pos.y + (y + kQuietZone) * m);
      const float x1 = std::floor(pos.x + (x + 1 + kQuietZone) * m), y1 = std::floor(pos.y + (y + 1 + kQuietZone) * m);
      list->AddRectFilled(ImVec2(x0, y0), ImVec2(x1, y1), dark);
    }
  }
}

}  // namespace khlang::kiosk

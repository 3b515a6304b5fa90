// The foundation's demo screen: Thai headings and paragraphs wrapped to the window, to show
// (and test) that the kiosk sets Thai as well as Pango does. The content screens replace it.
#pragma once

#include "screens/screen.h"

namespace khlang::kiosk {

class DemoScreen final : public Screen {
 public:
  void draw(FrameContext& frame) override;
};

}  // namespace khlang::kiosk

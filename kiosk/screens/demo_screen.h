// The foundation's demo screen: Thai headings and paragraphs wrapped to the window, to show
// (and test) that the kiosk sets Thai as well as Pango does. The content screens replace it.
#pragma once

#include <string>

#include "screens/screen.h"

namespace khlang::kiosk {

class DemoScreen final : public Screen {
 public:
  // `organization`: the name (and address) from the content database, shown under the title.
  explicit DemoScreen(std::string organization) : organization_(std::move(organization)) {}
  void draw(FrameContext& frame) override;

 private:
  std::string organization_;
};

}  // namespace khlang::kiosk

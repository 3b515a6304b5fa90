#include "screens/closed_screen.h"

#include "ui/widgets.h"

namespace khlang::kiosk {

void ClosedScreen::draw(FrameContext& f, const ImRect& area) { fill(f, area, f.colors().closed); }

}  // namespace khlang::kiosk

#include "screens/closed_screen.h"

#include "ui/widgets.h"

namespace khlang::kiosk {

void ClosedScreen::draw(FrameContext& f, const ImRect& area) { fill(f, area, IM_COL32(0, 0, 0, 255)); }

}  // namespace khlang::kiosk

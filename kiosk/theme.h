// [SECTION] Colours of the kiosk: high contrast for elderly eyes on a lobby screen.
#pragma once

#include <imgui.h>

namespace khlang::kiosk::theme {

inline constexpr ImU32 kBackground = IM_COL32(246, 244, 238, 255);
inline constexpr ImU32 kHeader = IM_COL32(22, 92, 72, 255);       // municipal green
inline constexpr ImU32 kHeaderText = IM_COL32(255, 255, 255, 255);
inline constexpr ImU32 kHeaderSubtle = IM_COL32(206, 232, 220, 255);
inline constexpr ImU32 kCard = IM_COL32(255, 255, 255, 255);
inline constexpr ImU32 kCardBorder = IM_COL32(221, 216, 204, 255);
inline constexpr ImU32 kText = IM_COL32(28, 30, 33, 255);
inline constexpr ImU32 kHeading = IM_COL32(22, 92, 72, 255);
inline constexpr ImU32 kAccent = IM_COL32(201, 143, 28, 255);      // gold of the municipal seal

}  // namespace khlang::kiosk::theme

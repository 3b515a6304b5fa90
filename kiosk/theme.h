// [SECTION] Colours of the kiosk: high contrast for elderly eyes on a lobby screen. Every text
// colour meets WCAG 2.1 AA (4.5:1) on the surfaces it is drawn on; check_legibility holds every
// screen to it. The figures beside them are their contrast on those surfaces.
#pragma once

#include <imgui.h>

namespace khlang::kiosk::theme {

inline constexpr ImU32 kBackground = IM_COL32(246, 244, 238, 255);
inline constexpr ImU32 kHeader = IM_COL32(22, 92, 72, 255);  // municipal green
inline constexpr ImU32 kHeaderPressed = IM_COL32(12, 62, 48, 255);
inline constexpr ImU32 kHeaderText = IM_COL32(255, 255, 255, 255);
inline constexpr ImU32 kHeaderSubtle = IM_COL32(206, 232, 220, 255);
inline constexpr ImU32 kCard = IM_COL32(255, 255, 255, 255);
inline constexpr ImU32 kCardPressed = IM_COL32(226, 238, 232, 255);
inline constexpr ImU32 kCardBorder = IM_COL32(221, 216, 204, 255);
inline constexpr ImU32 kQuiet = IM_COL32(232, 228, 218, 255);
inline constexpr ImU32 kQuietPressed = IM_COL32(206, 200, 186, 255);
inline constexpr ImU32 kText = IM_COL32(28, 30, 33, 255);
inline constexpr ImU32 kTextMuted = IM_COL32(92, 96, 102, 255);
inline constexpr ImU32 kHeading = IM_COL32(22, 92, 72, 255);
inline constexpr ImU32 kLink = IM_COL32(18, 88, 168, 255);
inline constexpr ImU32 kAccent = IM_COL32(201, 143, 28, 255);  // gold of the municipal seal: surfaces only
inline constexpr ImU32 kAccentText = IM_COL32(128, 84, 0, 255);     // gold text on light: 6.0 on kBackground
inline constexpr ImU32 kAccentOnDark = IM_COL32(242, 196, 90, 255); // gold text on kHeader: 4.8
inline constexpr ImU32 kOnAccent = IM_COL32(28, 30, 33, 255);       // text on kAccent: 5.9 (white was 2.8)
inline constexpr ImU32 kTrack = IM_COL32(226, 222, 212, 255);
inline constexpr ImU32 kDone = IM_COL32(28, 120, 64, 255);         // 5.5 on kCard
inline constexpr ImU32 kInProgress = IM_COL32(32, 110, 190, 255);
inline constexpr ImU32 kBehind = IM_COL32(204, 64, 44, 255);
// The sample-data mark: dark brown on amber (8:1), unlike anything else on the screens.
inline constexpr ImU32 kSampleMark = IM_COL32(255, 214, 102, 255);
inline constexpr ImU32 kSampleMarkText = IM_COL32(74, 46, 0, 255);
inline constexpr ImU32 kSampleStrip = IM_COL32(255, 243, 205, 255);  // the strip the badge sits on
// Home tiles, each section its own colour so a returning visitor finds it again.
inline constexpr ImU32 kTileKnowledge = IM_COL32(22, 92, 72, 255);
inline constexpr ImU32 kTileAnnouncements = IM_COL32(150, 78, 10, 255);  // kHeaderSubtle on it 4.8
inline constexpr ImU32 kTilePlan = IM_COL32(32, 84, 150, 255);
inline constexpr ImU32 kTilePeople = IM_COL32(120, 60, 130, 255);
inline constexpr ImU32 kTileAbout = IM_COL32(70, 80, 90, 255);

}  // namespace khlang::kiosk::theme

// [SECTION] Pieces the admin screens share: the background job's progress and result, a row of
// label and value, and a button that asks for a second tap before it acts.
#pragma once

#include <string>

#include "screens/screen.h"

namespace khlang::kiosk {

// The running or finished job (progress bar, then the result in green or red); returns its height.
float draw_job(FrameContext& f, ImVec2 pos, float width);
// "label   value" on one line or more; returns its height.
float status_row(FrameContext& f, ImVec2 pos, float width, const std::string& label, const std::string& value,
                 bool warning = false);
// An import log result ("imported", "refused", "failed", "rolled back": the core's words) in
// `lang`; another word as it is.
std::string import_result_word(const std::string& result, Lang lang);
// A button for something that cannot be undone: the first tap arms it (its label asks to confirm),
// the second acts. `armed` is the screen's memory of which one is armed; `id` tells apart buttons
// with the same label (empty: the label).
bool confirm_button(FrameContext& f, const ImRect& r, const std::string& label, std::string& armed,
                    const std::string& id = "");

}  // namespace khlang::kiosk

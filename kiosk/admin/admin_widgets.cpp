#include "admin/admin_widgets.h"

#include "admin/admin_session.h"
#include "screens/screen_helpers.h"

namespace khlang::kiosk {

float draw_job(FrameContext& f, ImVec2 pos, float width) {
  const AdminSession::JobState job = f.admin.job();
  if (!job.running && !job.finished) return 0;
  float y = pos.y;
  y += draw_text(f, ImVec2(pos.x, y), job.background ? f.say(*job.background) : job.title, f.style(28, text::Weight::Bold, 1.35f), width, f.colors().heading);
  if (job.running) {
    const float h = f.px(28);
    f.draw_list->AddRectFilled(ImVec2(pos.x, y), ImVec2(pos.x + width, y + h), f.colors().track, h * 0.5f);
    f.draw_list->AddRectFilled(ImVec2(pos.x, y), ImVec2(pos.x + width * static_cast<float>(job.progress), y + h),
                               f.colors().heading, h * 0.5f);
    y += h + f.px(10);
    y += draw_text(f, ImVec2(pos.x, y), f.say(Str::AdminWorking, {percent(job.progress)}),
                   f.style(24, text::Weight::Regular, 1.35f), width, f.colors().text_muted);
    f.animating = true;
  } else {
    const std::string head = f.say(job.ok ? Str::AdminDone : Str::AdminFailed) + ": ";
    y += draw_text(f, ImVec2(pos.x, y), head + job.message, f.style(26, text::Weight::Regular, 1.35f), width,
                   job.ok ? f.colors().done : f.colors().behind);
  }
  return y - pos.y + f.px(12);
}

float status_row(FrameContext& f, ImVec2 pos, float width, const std::string& label, const std::string& value,
                 bool warning) {
  const float label_w = width * 0.38f;
  const auto style = f.style(24, text::Weight::Regular, 1.35f);
  const float a = draw_text(f, pos, label, style, label_w - f.px(12), f.colors().text_muted);
  const float b = draw_text(f, ImVec2(pos.x + label_w, pos.y), value.empty() ? "-" : value, style, width - label_w,
                            warning ? f.colors().behind : f.colors().text);
  return std::max(a, b) + f.px(6);
}

std::string import_result_word(const std::string& result, Lang lang) {
  if (result == "imported") return say(Str::ImportResultImported, lang);
  if (result == "refused") return say(Str::ImportResultRefused, lang);
  if (result == "failed") return say(Str::ImportResultFailed, lang);
  if (result == "rolled back") return say(Str::ImportResultRolledBack, lang);
  return result;
}

bool confirm_button(FrameContext& f, const ImRect& r, const std::string& label, std::string& armed,
                    const std::string& id) {
  const std::string& key = id.empty() ? label : id;
  const bool is_armed = armed == key;
  ButtonStyle style = quiet_button(f);
  if (is_armed) style = primary_button(f), style.fill = f.colors().behind;
  if (!button(f, r, is_armed ? f.say(Str::AdminTapAgain) : label, style)) return false;
  if (is_armed) {
    armed.clear();
    return true;
  }
  armed = key;
  return false;
}

}  // namespace khlang::kiosk

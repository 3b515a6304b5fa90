// [SECTION] Small pieces several screens share: a section heading, the status colour of plan
// progress, dates in the visitor's language.
#pragma once

#include <climits>
#include <string>

#include "screens/screen.h"
#include "plan/progress_status.h"
#include "store/content_queries.h"
#include "theme.h"
#include "thai/thai_date.h"
#include "ui/widgets.h"

namespace khlang::kiosk {

inline float section_heading(FrameContext& f, ImVec2 pos, std::string_view text, float width) {
  return draw_text(f, pos, text, f.style(40, text::Weight::Bold, 1.4f), width, f.colors().heading) + f.px(12);
}

inline ImU32 status_color(const FrameContext& f, plan::ProgressStatus status) {
  switch (status) {
    case plan::ProgressStatus::Achieved: return f.colors().done;
    case plan::ProgressStatus::InProgress: return f.colors().in_progress;
    case plan::ProgressStatus::Behind: return f.colors().behind;
    default: return f.colors().text_muted;  // not started, no data, year closed: readable, not a colour of judgement
  }
}

// The core's one word for the state, in the visitor's language.
inline std::string_view status_label(const FrameContext& f, plan::ProgressStatus status) {
  const Words words = plan::words(status);
  return f.lang == Lang::Th ? words.th : words.en;
}

// "1 ตุลาคม 2568" or "1 October 2025" from "2025-10-01..." (the text itself if it is no date).
inline std::string display_date(const FrameContext& f, const std::string& iso) {
  auto d = thai::parse_iso_date(iso);
  if (!d) return iso;
  return f.lang == Lang::Th ? thai::format_thai_date(*d) : thai::format_english_date(*d);
}

// "1 article", "2 articles" (Thai has one form): `one` and `many` take the count as {0}.
inline std::string count_text(const FrameContext& f, int64_t n, Str one, Str many) {
  return fill_in(f.t(n == 1 ? one : many), std::to_string(n));
}

// In English, content written only in Thai says so above it (what follows is not a translation
// the visitor missed); returns the height used (0 in Thai, or for English content).
inline float thai_only_note(FrameContext& f, ImVec2 pos, float width, const std::string& language) {
  if (f.lang != Lang::En || language == "en") return 0;
  return badge(f, pos, f.t(Str::ThaiOnly), f.style(28, text::Weight::Bold, 1.5f), width, f.colors().quiet, f.colors().text)
             .GetHeight() + f.px(16);
}

// A field the content gives in both languages (names, titles): the English one in English when the
// content has it, else the Thai one.
inline const std::string& in_language(Lang lang, const std::string& th, const std::string& en) {
  return lang == Lang::En && !en.empty() ? en : th;
}
inline std::string percent(double fraction) { return std::to_string(static_cast<int>(fraction * 100 + 0.5)) + "%"; }

// The announcements current at the wall clock's time, worked out again only when a window opens
// or closes (or the clock goes back): ten thousand announcements cost a frame nothing.
class CurrentAnnouncements {
 public:
  explicit CurrentAnnouncements(sqlite::Database& db) {
    if (auto a = store::load_announcements(db); a) all_ = std::move(a.value());
  }
  const std::vector<store::Announcement>& at(int64_t wall_utc) {
    if (wall_utc < since_ || wall_utc >= until_) {
      current_ = store::current_announcements(all_, wall_utc, &until_);
      since_ = wall_utc;
      ++generation_;
    }
    return current_;
  }
  // Every announcement, current or not (the sample mark asks about them all).
  const std::vector<store::Announcement>& all() const { return all_; }
  // Counts the times the current list was worked out (a list measured for an older one is stale).
  uint64_t generation() const { return generation_; }

 private:
  std::vector<store::Announcement> all_, current_;
  int64_t since_ = INT64_MAX, until_ = INT64_MIN;
  uint64_t generation_ = 0;
};

}  // namespace khlang::kiosk

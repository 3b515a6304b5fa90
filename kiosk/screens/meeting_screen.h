// Meeting mode: the plans' progress as full-screen slides in large type, for a meeting room's
// screen. Staff enter it from admin mode (a route behind the PIN, never on a public screen); the
// visit policy keeps it out of the public idle reset (it ends by itself after 30 minutes without
// input, visit_policy.h).
//
// The slides: an overview (every plan's activities with their status; a tap on one opens its
// slide, a tap on a plan's title the plan's slide), then each plan (current cycle first) with its
// activities. The presenter moves with a clicker (PageDown/PageUp, arrows, space) or a tap on the
// right or left half; "overview" goes back to the first slide; "leave meeting mode" (or Escape)
// goes home. Slides move by themselves only when meeting_interval_seconds is set (0, the default:
// by hand), and stop doing so once the presenter moves one.
#pragma once

#include "screens/screen.h"
#include "store/content_queries.h"

namespace khlang::kiosk {

class MeetingScreen final : public Screen {
 public:
  MeetingScreen(sqlite::Database& db, double interval_seconds);
  std::string title(const FrameContext& f) const override { return std::string(f.t(Str::MeetingMode)); }
  void draw(FrameContext& f, const ImRect& area) override;
  bool full_screen() const override { return true; }
  void on_key(Key key, FrameContext& f) override;
  double next_timer(double now, int64_t wall_utc) const override;
  int page() const override { return static_cast<int>(slide_) + 1; }

 private:
  struct Slide {
    const store::Plan* plan;  // nullptr: the overview
    int activity;             // -1: the plan's own slide
  };
  void arrange(int64_t wall_utc);
  void go_to(size_t slide, double now);
  void move(int by, double now);
  bool timed() const { return interval_ > 0 && !presenter_moved_; }
  // True when a tap it took moved to another slide.
  bool draw_overview(FrameContext& f, const ImRect& area, float top, float bottom);
  // A slide at `k` times its design sizes; its height (`measure`: only that).
  float draw_plan(FrameContext& f, const store::Plan& plan, ImVec2 at, float first_w, float w, float k, bool measure);
  float draw_activity(FrameContext& f, const store::Plan& plan, const store::PlanActivity& a, ImVec2 at, float first_w,
                      float w, float k, bool measure);

  std::vector<store::Plan> plans_;
  std::vector<Slide> slides_;  // made at the first frame: the order of the cycles needs the date
  size_t slide_ = 0;
  double interval_;              // seconds, or 0: by hand
  bool presenter_moved_ = false;  // a key or a tap moved a slide: the timer stops
  double shown_at_ = -1;          // when the current slide appeared (monotonic)
};

}  // namespace khlang::kiosk

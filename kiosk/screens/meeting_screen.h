// Meeting mode: the plans' progress as full-screen slides in large type, for a meeting room's
// screen. Advances on a timer and on what a presenter clicker sends (PageDown/PageUp, arrows,
// space); a tap on the right or left half moves too. Escape leaves.
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
  size_t slide_count() const { return slides_.size(); }

 private:
  struct Slide {
    size_t plan;
    int activity;  // -1: the plan's overview
  };
  void move(int by, double now);
  std::vector<store::Plan> plans_;
  std::vector<Slide> slides_;
  size_t slide_ = 0;
  double interval_;
  double shown_at_ = -1;  // when the current slide appeared (monotonic)
};

}  // namespace khlang::kiosk

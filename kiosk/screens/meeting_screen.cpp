#include "screens/meeting_screen.h"

#include <algorithm>

#include "navigator.h"
#include "plan/plan_cycle.h"
#include "screens/plan_widgets.h"
#include "screens/screen_helpers.h"

namespace khlang::kiosk {
namespace {

// An activity's name without the channels the seed lists after it ("การเข้าถึงความรู้
// -บอร์ดประชาสัมพันธ์ -เว็บไซต์เทศบาล" is "การเข้าถึงความรู้" on the overview).
std::string short_activity(const store::PlanActivity& a) {
  const size_t cut = a.activity.find(" -");
  return std::to_string(a.seq) + ". " + (cut == std::string::npos || cut == 0 ? a.activity : a.activity.substr(0, cut));
}

}  // namespace

MeetingScreen::MeetingScreen(sqlite::Database& db, double interval_seconds) : interval_(interval_seconds) {
  if (auto p = store::load_plans(db, store::kCellTextChars); p) plans_ = std::move(p.value());
}

void MeetingScreen::arrange(int64_t wall_utc) {
  slides_.push_back({nullptr, -1});
  for (const store::Plan* plan : store::plans_in_cycle_order(plans_, plan::thai_local_date(wall_utc))) {
    slides_.push_back({plan, -1});
    for (size_t a = 0; a < plan->activities.size(); ++a) slides_.push_back({plan, static_cast<int>(a)});
  }
}

void MeetingScreen::go_to(size_t slide, double now) {
  slide_ = std::min(slide, slides_.empty() ? 0 : slides_.size() - 1);
  shown_at_ = now;
}

void MeetingScreen::move(int by, double now) {
  if (slides_.empty()) return;
  const auto n = static_cast<int>(slides_.size());
  go_to(static_cast<size_t>(((static_cast<int>(slide_) + by) % n + n) % n), now);
}

void MeetingScreen::on_key(Key key, FrameContext& f) {
  if (key == Key::Next || key == Key::Previous || key == Key::Backspace) {
    presenter_moved_ = true;
    move(key == Key::Next ? 1 : -1, f.now);
  } else if (key == Key::Escape) {
    f.nav.home();
  }
}

double MeetingScreen::next_timer(double now, int64_t) const {
  if (!timed()) return -1;
  return shown_at_ < 0 ? interval_ : std::max(0.0, shown_at_ + interval_ - now);
}

bool MeetingScreen::draw_overview(FrameContext& f, const ImRect& area, float top, float bottom) {
  const thai::CivilDate today = plan::thai_local_date(f.wall_utc);
  const std::vector<const store::Plan*> plans = store::plans_in_cycle_order(plans_, today);
  const int columns = f.portrait || plans.size() < 2 ? 1 : 2;
  const float margin = f.px(f.portrait ? 40 : 64), gap = f.px(40);
  const float cw = (area.GetWidth() - 2 * margin - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  // The overview at `k` times its design sizes: its height, and when `draw`, the overview itself
  // (taps on a plan or an activity open its slide).
  auto lay_out = [&](float k, bool draw, bool& moved) {
    const auto title_style = f.style(30 * k, text::Weight::Bold, 1.3f);
    const auto years_style = f.style(26 * k, text::Weight::Regular, 1.35f);
    const auto row_style = f.style(28 * k, text::Weight::Regular, 1.35f);
    const auto status_style = f.style(28 * k, text::Weight::Bold, 1.35f);
    const float pad = f.px(20 * k), row_pad = f.px(10 * k), row_gap = f.px(10 * k);
    float row_top = top, row_bottom = top;  // a row of plans starts below the tallest of the row above
    for (size_t i = 0; i < plans.size(); ++i) {
      const store::Plan& plan = *plans[i];
      const int col = static_cast<int>(i) % columns;
      if (col == 0) row_top = row_bottom;
      const float x = area.Min.x + margin + static_cast<float>(col) * (cw + gap);
      float y = row_top;
      // The plan: its title (opens its slide), its cycle and the year its statuses are of.
      const float title_h = std::max(text_height(f, plan.title, title_style, cw - 2 * pad) + 2 * pad, f.min_target_px());
      if (draw) {
        if (card(f, ImRect(x, y, x + cw, y + title_h), plan.title)) {
          for (size_t s = 0; s < slides_.size(); ++s) {
            if (slides_[s].plan == &plan && slides_[s].activity < 0) go_to(s, f.now);
          }
          moved = true;
        }
        draw_text(f, ImVec2(x + pad, y + pad), plan.title, title_style, cw - 2 * pad, f.colors().heading);
      }
      y += title_h + f.px(12 * k);
      const plan::Texts cycle = plan::phase_text(plan.range(), today);
      const int64_t year = store::plan_reference_year(plan, today);
      const Str results = plan::plan_phase(plan.range(), today) == plan::PlanPhase::Ended ? Str::FinalResults
                                                                                            : Str::ResultsThisYear;
      const std::string years = (f.lang == Lang::Th ? cycle.th : cycle.en) + " · " + fill_in(f.t(results), std::to_string(year));
      y += (draw ? draw_text(f, ImVec2(x, y), years, years_style, cw, f.colors().header_subtle)
                 : text_height(f, years, years_style, cw)) + f.px(8 * k);
      // Its activities, each with its status that year (opens its slide).
      for (size_t a = 0; a < plan.activities.size(); ++a) {
        const store::PlanActivity& act = plan.activities[a];
        const plan::ProgressStatus status = store::status_for_year(act, year, today);
        const std::string name = short_activity(act);
        const TextBlock status_block{status_label(f, status), status_style};
        auto status_layout = f.text.layout(status_block);
        const float name_w = cw - 3 * pad - status_layout->width;
        const float name_h = text_height(f, name, row_style, name_w);
        // A row is a finger's target however small its text gets.
        const float rh = std::max(std::max(name_h, status_layout->height) + 2 * row_pad, f.min_target_px());
        if (draw) {
          if (card(f, ImRect(x, y, x + cw, y + rh), name)) {
            for (size_t s = 0; s < slides_.size(); ++s) {
              if (slides_[s].plan == &plan && slides_[s].activity == static_cast<int>(a)) go_to(s, f.now);
            }
            moved = true;
          }
          draw_text(f, ImVec2(x + pad, y + (rh - name_h) * 0.5f), name, row_style, name_w, f.colors().text);
          draw_text(f, ImVec2(x + cw - pad - status_layout->width, y + (rh - status_layout->height) * 0.5f), status_block,
                    *status_layout, status_color(f, status));
        }
        y += rh + row_gap;
      }
      row_bottom = std::max(row_bottom, y + f.px(24 * k));
    }
    return row_bottom - top;
  };
  // Every activity shows: a long plan, or large text, makes the overview's text smaller, not the
  // overview shorter; never below the floor (its smallest text is 26 design px).
  bool moved = false, measuring = false;
  const float least = std::max(0.5f, f.min_text_px() / f.style(26).size_px);
  float k = 1;
  for (int attempt = 0; attempt < 4; ++attempt) {
    const float h = lay_out(k, false, measuring);
    if (h <= bottom - top || k <= least) break;
    k = std::max(least, k * (bottom - top) / h * 0.98f);
  }
  lay_out(k, true, moved);
  return moved;
}

// Text beside the sample badge wraps at `first_w`; below it at `w`. Both slides return their
// height at `k` times their design sizes, and draw only when not `measure`.
namespace {
float slide_text(FrameContext& f, float x, float y, std::string_view text, const text::TextStyle& style, float w,
                 ImU32 color, bool measure) {
  return measure ? text_height(f, text, style, w) : draw_text(f, ImVec2(x, y), text, style, w, color);
}
}  // namespace

float MeetingScreen::draw_plan(FrameContext& f, const store::Plan& plan, ImVec2 at, float first_w, float w, float k,
                               bool measure) {
  float y = at.y;
  y += slide_text(f, at.x, y, plan.title, f.style(56 * k, text::Weight::Bold, 1.3f), first_w, f.colors().header_text, measure) +
       f.px(24 * k);
  y += slide_text(f, at.x, y, f.t(Str::DesiredState), f.style(34 * k, text::Weight::Bold), w, f.colors().header_subtle, measure);
  y += slide_text(f, at.x, y, plan.desired_state, f.style(42 * k, text::Weight::Regular, 1.5f), w, f.colors().header_text,
                  measure) + f.px(36 * k);
  y += draw_plan_standing(f, plan, ImVec2(at.x, y), w, 36 * k, true, measure);
  return y - at.y;
}

float MeetingScreen::draw_activity(FrameContext& f, const store::Plan& plan, const store::PlanActivity& a, ImVec2 at,
                                   float first_w, float w, float k, bool measure) {
  float y = at.y;
  y += slide_text(f, at.x, y, plan.title, f.style(32 * k, text::Weight::Bold, 1.3f), first_w, f.colors().header_subtle, measure) +
       f.px(16 * k);
  y += slide_text(f, at.x, y, std::to_string(a.seq) + ". " + a.activity, f.style(56 * k, text::Weight::Bold, 1.35f), w,
                  f.colors().header_text, measure) + f.px(20 * k);
  const auto detail_style = f.style(36 * k, text::Weight::Regular, 1.45f);
  y += slide_text(f, at.x, y, std::string(f.t(Str::Indicator)) + ": " + a.indicator, detail_style, w, f.colors().header_subtle,
                  measure) + f.px(8 * k);
  y += slide_text(f, at.x, y, std::string(f.t(Str::Target)) + ": " + a.target, detail_style, w, f.colors().header_subtle,
                  measure) + f.px(40 * k);
  const float bars_h = draw_progress_bars(f, a, ImVec2(at.x, y), w, 36 * k, true);
  if (!measure) {
    fill(f, ImRect(at.x - f.px(24 * k), y - f.px(20 * k), at.x + w + f.px(24 * k), y + bars_h + f.px(10 * k)), f.colors().card,
         f.px(20 * k));
    draw_progress_bars(f, a, ImVec2(at.x, y), w, 36 * k);
  }
  return y + bars_h + f.px(10 * k) - at.y;
}

void MeetingScreen::draw(FrameContext& f, const ImRect& area) {
  if (slides_.empty()) arrange(f.wall_utc);
  if (shown_at_ < 0) shown_at_ = f.now;
  if (timed() && f.now - shown_at_ >= interval_) move(1, f.now);

  fill(f, area, f.colors().header);
  const float margin = f.px(f.portrait ? 40 : 64);
  const float w = area.GetWidth() - 2 * margin;
  const float top = area.Min.y + f.px(40);
  // The foot: where the presenter is, and the ways out: the overview and leaving meeting mode.
  const float bh = f.px(96), foot = area.Max.y - f.px(32) - bh;
  const Slide& s = slides_[slide_];
  bool moved = false;
  auto button_width = [&](std::string_view label) {
    return f.text.layout(TextBlock{label, f.style(quiet_button(f).font_px)})->width + f.px(64);
  };
  const std::string_view leave = f.t(Str::MeetingLeave);
  const float leave_w = button_width(leave);
  const ImRect leave_r(area.Max.x - margin - leave_w, foot, area.Max.x - margin, foot + bh);
  float buttons_x = leave_r.Min.x;
  if (s.plan) {
    const std::string_view overview = f.t(Str::MeetingOverview);
    const float ow = button_width(overview);
    const ImRect overview_r(leave_r.Min.x - f.px(20) - ow, foot, leave_r.Min.x - f.px(20), foot + bh);
    buttons_x = overview_r.Min.x;
    if (button(f, overview_r, overview, quiet_button(f))) {
      presenter_moved_ = true;
      go_to(0, f.now);
      moved = true;
    }
  }
  if (button(f, leave_r, leave, quiet_button(f))) {
    f.nav.home();
    moved = true;
  }
  // The counter beside the buttons, or on a line of its own above them when it does not fit there
  // (portrait, large text): the slide then ends above it. Without plans there is nothing to count.
  const std::string counter =
      plans_.empty() ? std::string()
                     : fill_in(f.t(Str::MeetingSlideOf), {std::to_string(slide_ + 1), std::to_string(slides_.size())}) +
                           "   ·   " + std::string(f.t(s.plan ? Str::MeetingHint : Str::MeetingOverviewHint));
  const auto counter_style = f.style(26, text::Weight::Regular, 1.35f);
  float counter_w = buttons_x - f.px(24) - (area.Min.x + margin);
  float counter_h = text_height(f, counter, counter_style, counter_w);
  float slide_bottom = foot;
  if (counter.empty()) {
    // nothing to draw: the slide runs down to the buttons
  } else if (counter_h <= bh) {
    draw_text(f, ImVec2(area.Min.x + margin, foot + (bh - counter_h) * 0.5f), counter, counter_style, counter_w,
              f.colors().header_subtle);
  } else {
    counter_w = w;
    counter_h = text_height(f, counter, counter_style, counter_w);
    slide_bottom = foot - f.px(16) - counter_h;
    draw_text(f, ImVec2(area.Min.x + margin, slide_bottom), counter, counter_style, counter_w, f.colors().header_subtle);
  }

  // The slide.
  const bool sample = s.plan ? store::plan_has_sample(*s.plan)
                             : std::any_of(plans_.begin(), plans_.end(), [](const auto& p) { return store::plan_has_sample(p); });
  float title_w = w;
  if (sample) title_w -= sample_badge(f, ImVec2(area.Max.x - margin, top), text::Align::Right).x + f.px(24);
  if (plans_.empty()) {
    // Content without plans: nothing to present, said where the slide would be; the button
    // below leaves meeting mode.
    empty_state(f, ImVec2(area.Min.x + margin, top), title_w, f.t(Str::MeetingNoPlans), f.t(Str::MeetingNoPlansHint), true);
  } else if (!s.plan) {
    const float title_h = draw_text(f, ImVec2(area.Min.x + margin, top), f.t(Str::MeetingOverviewTitle),
                                    f.style(48, text::Weight::Bold, 1.3f), title_w, f.colors().header_text);
    moved |= draw_overview(f, area, top + title_h + f.px(20), slide_bottom - f.px(20));
  } else {
    // The slide at the largest size that fits above the foot (long texts, large text sizes).
    const ImVec2 at(area.Min.x + margin, top);
    auto slide = [&](float k, bool measure) {
      return s.activity < 0 ? draw_plan(f, *s.plan, at, title_w, w, k, measure)
                            : draw_activity(f, *s.plan, s.plan->activities[static_cast<size_t>(s.activity)], at, title_w,
                                            w, k, measure);
    };
    const float room = slide_bottom - f.px(24) - top;
    const float least = std::max(0.5f, f.min_text_px() / f.style(32).size_px);  // its smallest text at the floor
    float k = 1;
    for (int attempt = 0; attempt < 4; ++attempt) {
      const float h = slide(k, true);
      if (h <= room || k <= least) break;
      k = std::max(least, k * room / h * 0.98f);
    }
    slide(k, false);
  }
  // A tap elsewhere on a slide moves by halves (the overview's taps choose instead).
  if (!moved && s.plan && f.touch.tapped_in(area)) {
    presenter_moved_ = true;
    move(f.touch.position().x > area.GetCenter().x ? 1 : -1, f.now);
    moved = true;
  }
  if (moved) f.animating = true;
}

}  // namespace khlang::kiosk

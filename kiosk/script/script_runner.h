// [SECTION] Scripts: input replayed into the kiosk, off-screen, with checks, so tests and
// benchmarks drive the real app. One command a line (# starts a comment):
//   tap X Y | tap-item LABEL | tap-text TEXT | hold X Y SECONDS | hold-item LABEL SECONDS |
//   drag X1 Y1 X2 Y2 MS | key NAME | type TEXT | wait MS | wait-job | advance-clock SECONDS |
//   run-clock SECONDS | wait-import SECONDS [RESULT] | wall-clock WEEKDAY HH:MM | screenshot FILE |
//   bench-start
// wall-clock sets the wall clock to the next such Thai time (mon..sun) at least a day ahead of
// the real one (so never before the content's date), for tests of the opening hours.
// and checks:
//   expect-screen ROUTE | expect-item LABEL | expect-no-item LABEL | expect-text TEXT |
//   expect-no-text TEXT | expect-scrolled | expect-top | expect-page N | expect-lang th|en |
//   expect-theme standard|high-contrast | expect-imports N | rss-mark | expect-rss-growth MB
// The kiosk's clock is the script's: it moves only by frames, waits and advance-clock. wait-job
// waits in real time for admin mode's job. run-clock lets SECONDS of kiosk time pass as the kiosk
// lives them (timers, the fleet's work), each job on the worker finishing in real time before the
// clock moves on. wait-import waits up to SECONDS of real time for an unattended import, and the
// outbox write after it, to finish (the kiosk's clock running 20 times as fast meanwhile);
// RESULT (imported, refused, failed) is checked. expect-imports counts the unattended imports
// that imported, refused or failed since the start.
// rss-mark notes the process's resident memory; expect-rss-growth fails when it has grown by
// more than MB since (the monkey test's check that thousands of inputs leak nothing).
// Items are what the last frame drew (drawn_item.h). An item's LABEL is matched whole first, then
// as a part of its label; tap-item and hold-item take tappable items (buttons, tiles, cards,
// keys; hold-item also text) and touch the middle of what shows of them. tap-text and
// expect-text look at text blocks holding TEXT.
#pragma once

#include <string>

#include "script/script_driver.h"
#include "util/error.h"

namespace khlang::kiosk {

// Runs the script in `path`; the first failed check or bad line is the error (file and line).
// With `bench`, prints the frame CPU times from bench-start (or the start) to the end.
Status run_script(const std::string& path, ScriptDriver& driver, bool bench);
// The same on a script's text (tests).
Status run_script_text(const std::string& text, const std::string& name, ScriptDriver& driver, bool bench);

}  // namespace khlang::kiosk

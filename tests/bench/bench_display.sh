# Sourced by the kiosk benchmarks: a scratch folder ($work) and a private Xvfb server at 1920x1080
# on display :$1, both removed when the benchmark exits.
work=$(mktemp -d)
xvfb_pid=
bench_cleanup() { [[ -n $xvfb_pid ]] && kill "$xvfb_pid" 2>/dev/null; rm -rf "$work"; }
trap bench_cleanup EXIT
Xvfb ":$1" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 & xvfb_pid=$!
export DISPLAY=":$1"
sleep 1

#!/usr/bin/env bash
# Smoke test: opens kefucost's real window (GLFW driver) on a private Xvfb
# display, waits for it, takes a screenshot and checks that something was
# drawn. Prints the cold-start time (launch to window mapped, and to the
# first drawn frame).
#
#   scripts/smoke.sh                                # 1280x800, en_US.UTF-8
#   SIZE=1920x1080 LANG=zh_CN.UTF-8 scripts/smoke.sh
#
# Environment: SIZE (WxH, default 1280x800), LANG (the program's locale;
# default en_US.UTF-8 when unset/C/POSIX), KEFUCOST_BIN (binary to run,
# default ./kefucost, rebuilt with `make build` when older than the sources),
# WINDOW_TIMEOUT (seconds, default 20).
# Artefacts: build/smoke/screenshot-SIZE[-LANG].png and the program's log.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE=${SIZE:-1280x800}
WINDOW_TIMEOUT=${WINDOW_TIMEOUT:-20}
[[ $SIZE =~ ^[0-9]+x[0-9]+$ ]] || { echo "smoke: SIZE must look like 1280x800, not '$SIZE'" >&2; exit 2; }
suffix=""
case "${LANG:-}" in
"" | C | C.* | POSIX) app_lang=en_US.UTF-8 ;;
*) app_lang=$LANG suffix="-${LANG%%.*}" ;;
esac
out=build/smoke
mkdir -p "$out"
shot=$out/screenshot-$SIZE$suffix.png
log=$out/kefucost-$SIZE$suffix.log

fail() {
	echo "smoke: FAIL: $*" >&2
	if [[ -s $log ]]; then
		echo "smoke: last lines of $log:" >&2
		tail -n 20 "$log" >&2
	fi
	exit 1
}

for c in Xvfb xdotool xdpyinfo import convert; do
	command -v "$c" >/dev/null || fail "$c not found (run: make deps)"
done
convert -version 2>/dev/null | grep -q ImageMagick || fail "convert is not ImageMagick's (run: make deps)"

# Build when the binary is missing or older than any source.
bin=${KEFUCOST_BIN:-./kefucost}
if [[ -z ${KEFUCOST_BIN:-} ]]; then
	if [[ ! -x $bin ]] || [[ -n $(find . -path ./build -prune -o -path ./.git -prune -o \
		\( -name '*.go' -o -name go.mod -o -name go.sum -o -path './assets/*' -o -name FyneApp.toml \) \
		-newer "$bin" -print -quit) ]]; then
		echo "smoke: building $bin"
		make --no-print-directory build
	fi
fi
[[ -x $bin ]] || fail "no executable $bin"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kefucost-smoke.XXXXXX")
xvfb_pid="" app_pid=""
cleanup() {
	local pid
	for pid in "$app_pid" "$xvfb_pid"; do
		[[ -n $pid ]] || continue
		kill "$pid" 2>/dev/null || true
		for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
		kill -9 "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A private display: the first free number from 97 up.
display=""
for n in $(seq 97 160); do
	[[ -e /tmp/.X$n-lock || -e /tmp/.X11-unix/X$n ]] && continue
	Xvfb ":$n" -screen 0 "${SIZE}x24" -nolisten tcp -noreset >"$tmp/xvfb.log" 2>&1 &
	xvfb_pid=$!
	for _ in $(seq 50); do
		if ! kill -0 "$xvfb_pid" 2>/dev/null; then break; fi
		if xdpyinfo -display ":$n" >/dev/null 2>&1; then display=":$n"; break; fi
		sleep 0.1
	done
	[[ -n $display ]] && break
	kill "$xvfb_pid" 2>/dev/null || true
	wait "$xvfb_pid" 2>/dev/null || true
	xvfb_pid=""
done
[[ -n $display ]] || fail "could not start Xvfb on any display :97..:160 ($(tail -n 3 "$tmp/xvfb.log" 2>/dev/null))"
echo "smoke: Xvfb $display ${SIZE}, LANG=$app_lang, $bin"

mkdir -p "$tmp/home"
start=$(date +%s%N)
env -u XDG_CONFIG_HOME -u XDG_DATA_HOME -u XDG_CACHE_HOME -u XDG_STATE_HOME \
	-u LC_ALL -u LC_MESSAGES -u LANGUAGE \
	DISPLAY="$display" HOME="$tmp/home" LANG="$app_lang" KEFUCOST_DB="$tmp/scenarios.db" KEFUCOST_TRACE_START=1 \
	"$bin" >"$log" 2>&1 &
app_pid=$!

elapsed() { echo "$(( ($(date +%s%N) - start) / 1000000 ))"; }
ms2s() { printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)); }

# Wait for the window to be mapped.
win=""
deadline=$((WINDOW_TIMEOUT * 10))
for _ in $(seq "$deadline"); do
	kill -0 "$app_pid" 2>/dev/null || fail "kefucost exited before showing a window"
	win=$(DISPLAY=$display xdotool search --onlyvisible --name kefucost 2>/dev/null | head -n 1) || true
	[[ -n $win ]] && break
	sleep 0.1
done
[[ -n $win ]] || fail "no window named kefucost within ${WINDOW_TIMEOUT}s"
t_window=$(elapsed)
title=$(DISPLAY=$display xdotool getwindowname "$win" 2>/dev/null || echo "?")
# The window opens no wider or taller than the screen (its content's
# minimum width once made it map 1509 px wide on a 1280 px screen), and an
# untouched sample is not marked unsaved (●).
mapped=$(DISPLAY=$display xdotool getwindowgeometry "$win" 2>/dev/null | sed -n 's/.*Geometry: //p' || true)
if [[ $mapped =~ ^([0-9]+)x([0-9]+)$ ]] && ((BASH_REMATCH[1] > ${SIZE%x*} || BASH_REMATCH[2] > ${SIZE#*x})); then
	fail "the window mapped at $mapped, larger than the ${SIZE} screen"
fi
[[ $title != ●* ]] || fail "the untouched sample scenario is marked unsaved: \"$title\""
# Fill the screen, as a user on a large screen would (the window opens at
# its last size, 1280x800 the first time).
DISPLAY=$display xdotool windowmove "$win" 0 0 windowsize "$win" "${SIZE%x*}" "${SIZE#*x}" 2>/dev/null || true

# Wait for the first drawn frame: a screenshot with real content.
colours=0 t_frame=""
for _ in $(seq 100); do
	kill -0 "$app_pid" 2>/dev/null || fail "kefucost exited after showing its window"
	if DISPLAY=$display import -window root "$tmp/shot.png" 2>/dev/null; then
		colours=$(convert "$tmp/shot.png" -format '%k' info: 2>/dev/null || echo 0)
		if ((colours > 20)); then t_frame=$(elapsed); break; fi
	fi
	sleep 0.1
done
# Let the first frames settle, then take the screenshot we keep.
sleep 1
kill -0 "$app_pid" 2>/dev/null || fail "kefucost exited while running"
DISPLAY=$display import -window root "$shot" || fail "import could not take a screenshot"
colours=$(convert "$shot" -format '%k' info:)
stddev=$(convert "$shot" -format '%[fx:standard_deviation]' info:)
geometry=$(DISPLAY=$display xdotool getwindowgeometry "$win" 2>/dev/null | sed -n 's/.*Geometry: //p' || true)

[[ -n $t_frame ]] || fail "window appeared but nothing was drawn: $colours colours in $shot"
((colours > 20)) || fail "screenshot $shot looks blank: only $colours colours"
awk -v s="$stddev" 'BEGIN { exit !(s > 0.001) }' || fail "screenshot $shot is (nearly) one colour (stddev $stddev)"

echo "smoke: window \"$title\" mapped at ${mapped:-?}${geometry:+ (resized to $geometry)} after $(ms2s "$t_window") s, first non-blank screenshot after $(ms2s "$t_frame") s"
# The program's own measure (KEFUCOST_TRACE_START): process start to the
# first frame painted, without the screenshot polling above.
painted=$(sed -n 's/^kefucost: first frame painted \([0-9]*\) ms after start$/\1/p' "$log" | head -n 1)
[[ -n $painted ]] && echo "smoke: cold start: first frame painted $(ms2s "$painted") s after the process started (budget 1.5 s)"
echo "smoke: screenshot $shot: $colours colours, stddev $stddev"
echo "smoke: ok"

#!/usr/bin/env bash
# make test-windows: runs the Windows build (build/windows/kefucost.exe and
# kefucost.com, made by `make windows`) under wine on the project's test
# scenarios and checks that it writes what the Linux build (./kefucost)
# writes for the same command line, in the same folder layout, with Chinese
# folder, file and scenario names:
#   compare (table, json, csv) for every *.kefucost.json in the testdata of
#   app/, pricing/ and scenarios/; plans; report (.xlsx, .csv,
#   both languages); chart (PNG and SVG, every kind); scenarios import
#   (file and stdin), list, show, export, history, compare, rename,
#   duplicate, delete, trash, undelete, restore, with --db and KEFUCOST_DB.
# Then the Windows-only parts: the default database in the user's
# application-data folder, Windows-style paths (backslashes, drive letters),
# the zip's contents, the installer (silent install, Start-menu entry,
# uninstaller, the .json "Open with" entry, silent uninstall), and the window
# under wine on a private Xvfb display, with a screenshot in
# build/test-windows/ (English and Chinese).
#
# Outputs must be identical byte for byte: stdout, stderr, exit code and every
# file written (xlsx included: excelize writes no times into the zip). The
# only allowances, each applied to named cases only:
#   - the times "YYYY-MM-DD HH:MM:SS" / "…THH:MM:SS+08:00" in `scenarios
#     list`, `history`, `trash` and `undelete` are when each run saved or
#     deleted, seconds apart between the two runs; they are masked (their
#     time-zone offset is not).
#
# Wine 8.0 (Debian 12) lacks bcryptprimitives.dll, from which Go's runtime
# takes its random numbers (Windows 10+ has it): a stand-in built from
# scripts/windows/wine-bcryptprimitives.c goes into the private WINEPREFIX
# only. It is never shipped; this script checks the zip and installer for it.
#
# A wine run of kefucost.com that exits non-zero having printed nothing at
# all (stdout and stderr empty), or that runs over WINE_TIMEOUT, while the
# Linux build printed or succeeded, is run ONCE more, and the script says so
# loudly (a RETRY line and a count at the end): wine once let a run die
# silently with exit code 1 (compare huawei-inbound-numbers --format table,
# four runs starting at a time, in a make test on 2026-12-02); it did not
# come back in 1,134 runs of the compare phase since (JOBS 4 and 8, load
# 6-18), so its cause is not known. The retry's
# outputs must still equal the Linux ones byte for byte, so a real failure
# still fails; the first attempt's files are kept as NAME.try1.*.
#
# Environment: KEFUCOST_BIN (Linux build, default ./kefucost), WINDOW=0 skips
# the window, KEEP=1 keeps build/test-windows/prefix (the wine prefix) and
# the work folders after a pass, JOBS (wine runs at a time, default 4),
# WINE_TIMEOUT (seconds a single run may take, default 300), WINDOW_WAIT
# (seconds the window may take to show, default 180).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

VERSION=$(sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' FyneApp.toml | head -n 1)
lin=${KEFUCOST_BIN:-$root/kefucost}
[[ $lin == /* ]] || lin=$root/$lin
exe=$root/build/windows/kefucost.exe
com=$root/build/windows/kefucost.com
zip=$root/build/kefucost-$VERSION-windows-amd64.zip
setup=$root/build/kefucost-$VERSION-setup.exe
out=$root/build/test-windows

fails=0 checks=0
fail() { echo "test-windows: FAIL: $*" >&2; fails=$((fails + 1)); }
die() { echo "test-windows: $*" >&2; exit 1; }

for f in "$lin" "$exe" "$com" "$zip" "$setup"; do
	[[ -s $f ]] || die "missing $f (run: make build windows)"
done
for c in wine wineboot wineserver x86_64-w64-mingw32-gcc unzip cmp Xvfb xdotool import convert; do
	command -v "$c" >/dev/null || die "$c not found (run: make deps)"
done

rm -rf "$out"
mkdir -p "$out"
start_all=$(date +%s)

# --- a private wine prefix with the stand-in DLL -----------------------------
export WINEPREFIX=$out/prefix WINEARCH=win64 WINEDEBUG=-all
# No Mono/Gecko download prompts; kefucost needs neither.
export WINEDLLOVERRIDES="mscoree,mshtml="
# Both builds run in the same locale and time zone. C.UTF-8 exists on every
# Debian; wine decodes the UTF-8 command line and file names with it.
export LANG=C.UTF-8 TZ=Asia/Shanghai
unset LC_ALL LC_MESSAGES LANGUAGE DISPLAY KEFUCOST_DB XDG_CONFIG_HOME SOURCE_DATE_EPOCH
wineserver_started=""
xvfb_pid="" win_pid=""
cleanup() {
	local pid
	for pid in "$win_pid" "$xvfb_pid"; do
		[[ -n $pid ]] || continue
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done
	if [[ -n $wineserver_started ]]; then
		wineserver -k 2>/dev/null || true
		wineserver -w 2>/dev/null || true
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

t=$(date +%s)
wineserver_started=1
mkdir -p "$WINEPREFIX"
wineserver -p # a persistent server: the many short runs below start faster
wineboot -i >"$out/wineboot.log" 2>&1 || die "wineboot failed: $(tail -n 3 "$out/wineboot.log")"
sys32=$WINEPREFIX/drive_c/windows/system32
[[ -d $sys32 ]] || die "no $sys32 after wineboot"
x86_64-w64-mingw32-gcc -shared -O2 -s -o "$sys32/bcryptprimitives.dll" \
	scripts/windows/wine-bcryptprimitives.c scripts/windows/wine-bcryptprimitives.def -lbcrypt
winuser=$(wine cmd /c 'echo %USERNAME%' 2>/dev/null | tr -d '\r')
appdata=$WINEPREFIX/drive_c/users/$winuser/AppData/Roaming
localappdata=$WINEPREFIX/drive_c/users/$winuser/AppData/Local
echo "test-windows: wine $(wine --version) prefix ready in $(($(date +%s) - t)) s (user $winuser)"

ver=$(wine "$com" version 2>&1 | tr -d '\r') || true
[[ $ver == "kefucost $VERSION" ]] || die "kefucost.com version under wine said: $ver"

# --- the same command lines on Linux and under wine --------------------------
work=$out/work
res=$out/results
# The project's test scenarios, wherever the packages keep them.
mapfile -t testdata < <(find app pricing scenarios -path '*/testdata/*' -name '*.kefucost.json' | sort)
((${#testdata[@]} >= 10)) || die "found only ${#testdata[@]} test scenarios: ${testdata[*]}"
for os in linux windows; do
	mkdir -p "$work/$os/场景" "$work/$os/报表" "$work/$os/图表" "$work/$os/导出" "$work/$os/数据" "$res/$os"
	# Scenario files under a Chinese folder, some under Chinese names.
	for f in "${testdata[@]}"; do
		case $f in
		*/spec-example.kefucost.json) cp "$f" "$work/$os/场景/规格示例 2027.kefucost.json" ;;
		*/mixed-spec-example.kefucost.json) cp "$f" "$work/$os/场景/混合示例 方案.kefucost.json" ;;
		*) cp "$f" "$work/$os/场景/" ;;
		esac
	done
done

WINE_TIMEOUT=${WINE_TIMEOUT:-300}
retries=$out/retries.log
: >"$retries"
# wine_once DIR BASE STDIN ARGS...: runs `wine ARGS` in DIR with stdin from
# STDIN, keeping BASE.out, BASE.err and BASE.rc; a run over WINE_TIMEOUT is
# stopped (exit code 124).
wine_once() {
	local dir=$1 base=$2 in=$3
	shift 3
	(cd "$dir" && exec timeout -k 10 "$WINE_TIMEOUT" wine "$@") <"$in" >"$base.out" 2>"$base.err" &&
		echo 0 >"$base.rc" || echo $? >"$base.rc"
}
# wine_run DIR BASE STDIN EXPECT_RC EXPECT_OUTPUT ARGS...: wine_once, and
# once more (loudly) when the run died silently (see the top): it exited
# non-zero with nothing on stdout or stderr although the Linux run exited
# EXPECT_RC / printed something (EXPECT_OUTPUT=1), or it timed out.
wine_run() {
	local dir=$1 base=$2 in=$3 want_rc=$4 want_output=$5 rc why ext
	shift 5
	wine_once "$dir" "$base" "$in" "$@"
	rc=$(cat "$base.rc")
	((rc == 0)) && return 0
	if ((rc == 124)); then
		why="timed out after $WINE_TIMEOUT s"
	elif [[ ! -s $base.out && ! -s $base.err && ($want_rc == 0 || $want_output == 1) ]]; then
		why="exited $rc with no output at all (Linux: exit $want_rc$( ((want_output)) && echo ", printed something"))"
	else
		return 0
	fi
	for ext in out err rc; do mv "$base.$ext" "$base.try1.$ext"; done
	echo "test-windows: RETRY: $(basename "$base"): wine $why; running it once more (first attempt kept as $(basename "$base").try1.*)" |
		tee -a "$retries" >&2
	wine_once "$dir" "$base" "$in" "$@"
	echo "test-windows: RETRY: $(basename "$base"): second attempt exited $(cat "$base.rc") ($(stat -c %s "$base.out") bytes out, $(stat -c %s "$base.err") bytes err)" |
		tee -a "$retries" >&2
}

# run NAME ARGS...: runs kefucost with ARGS in work/linux and work/windows
# (stdin from $STDIN, default none) and keeps stdout, stderr and exit code.
run() {
	local name=$1 l
	shift
	l=$res/linux/$name
	(cd "$work/linux" && "$lin" "$@") <"${STDIN:-/dev/null}" >"$l.out" 2>"$l.err" &&
		echo 0 >"$l.rc" || echo $? >"$l.rc"
	wine_run "$work/windows" "$res/windows/$name" "${STDIN:-/dev/null}" "$(cat "$l.rc")" \
		"$([[ -s $l.out || -s $l.err ]] && echo 1 || echo 0)" "$com" "$@"
}

# mask_times FILE: the allowance for saving times (see the top).
mask_times() {
	sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}([ T])[0-9]{2}:[0-9]{2}:[0-9]{2}/YYYY-MM-DD\1HH:MM:SS/g' "$1"
}

# same NAME [masked]: the two runs printed the same and exited alike.
same() {
	local name=$1 how=${2:-} ext a b
	for ext in rc out err; do
		a=$res/linux/$name.$ext b=$res/windows/$name.$ext
		checks=$((checks + 1))
		if [[ $how == masked && $ext != rc ]]; then
			cmp -s <(mask_times "$a") <(mask_times "$b") && continue
		else
			cmp -s "$a" "$b" && continue
		fi
		fail "$name: $ext differs (Linux < > Windows):"
		diff <(head -c 20000 "$a") <(head -c 20000 "$b") | head -n 12 >&2 || true
	done
}

# ok NAME: the run succeeded on both.
ok() {
	local os
	for os in linux windows; do
		[[ $(cat "$res/$os/$1.rc") == 0 ]] || fail "$1 exited $(cat "$res/$os/$1.rc") on $os: $(head -c 400 "$res/$os/$1.err")"
	done
}

# Independent runs go JOBS at a time: a wine start is mostly waiting.
JOBS=${JOBS:-4}
bg() {
	while (($(jobs -rp | wc -l) >= JOBS)); do wait -n || true; done
	run "$@" &
}

t=$(date +%s)
names=()
for f in "$work/linux/场景"/*.kefucost.json; do
	b=$(basename "$f" .kefucost.json)
	for format in table json csv; do
		bg "compare-$b.$format" compare --scenario "场景/$b.kefucost.json" --format "$format"
		names+=("compare-$b.$format")
	done
done
wait
for r in "${names[@]}"; do ok "$r"; same "$r"; done
n=${#names[@]}
totals=$(cat "$res/windows"/compare-*.json.out | grep -c '"total":' || true)
echo "test-windows: compare: $n runs ($((n / 3)) scenarios × table, json, csv) in $(($(date +%s) - t)) s; $totals \"total\" amounts among the json"

# Reports and charts: fixed generation time, output under Chinese names.
export SOURCE_DATE_EPOCH=1798761600 # 2027-01-01 UTC
names=()
for b in "混合示例 方案" bench-36m aliyun-numbers-tiers; do
	bg "report-$b.xlsx" report --scenario "场景/$b.kefucost.json" --out "报表/$b 报表.xlsx"
	bg "report-$b.csv" report --scenario "场景/$b.kefucost.json" --out "报表/$b 报表.csv"
	bg "report-$b-en.xlsx" report --scenario "场景/$b.kefucost.json" --out "报表/$b en.xlsx" --lang en
	names+=("report-$b.xlsx" "report-$b.csv" "report-$b-en.xlsx")
done
bg chart-cumulative chart --scenario "场景/混合示例 方案.kefucost.json" --out "图表/累计.png"
bg chart-monthly chart --scenario "场景/混合示例 方案.kefucost.json" --out "图表/每月.svg" --kind monthly
bg chart-breakdown chart --scenario "场景/混合示例 方案.kefucost.json" --out "图表/构成.png" --kind breakdown --vendor huawei-cec
bg chart-breakeven chart --scenario "场景/bench-36m.kefucost.json" --out "图表/盈亏.png" --kind breakeven --field online_agents --to 40
bg chart-en-dark chart --scenario "场景/aliyun-numbers-tiers.kefucost.json" --out "图表/dark en.png" --lang en --dark
bg plans plans
bg plans-aliyun plans --vendor aliyun-icc --price-date 2023-06-01
wait
for r in "${names[@]}" chart-cumulative chart-monthly chart-breakdown chart-breakeven chart-en-dark plans plans-aliyun; do ok "$r"; same "$r"; done
unset SOURCE_DATE_EPOCH

# Saved scenarios, in a database under a Chinese path.
db=(--db "数据/场景 库.db")
run sc-import scenarios import "场景/混合示例 方案.kefucost.json" "${db[@]}"
run sc-import-b scenarios import "场景/chatopera-daily-1500.kefucost.json" --name "方案 B 华为/腾讯" "${db[@]}"
run sc-import-b2 scenarios import "场景/aliyun-seats-12m.kefucost.json" --name "方案 B 华为/腾讯" "${db[@]}"
run sc-import-same scenarios import "场景/aliyun-seats-12m.kefucost.json" --name "方案 B 华为/腾讯" "${db[@]}"
STDIN="$work/linux/场景/规格示例 2027.kefucost.json" run sc-import-stdin scenarios import - --name "管道 导入" "${db[@]}"
for r in sc-import sc-import-b sc-import-b2 sc-import-same sc-import-stdin; do ok "$r"; same "$r"; done
run sc-list scenarios list "${db[@]}"
run sc-list-json scenarios list --format json "${db[@]}"
run sc-list-find scenarios list --find 方案 "${db[@]}"
for r in sc-list sc-list-json sc-list-find; do ok "$r"; same "$r" masked; done
run sc-show scenarios show "方案 B 华为/腾讯" "${db[@]}"
run sc-show-rev scenarios show "方案 B 华为/腾讯" --rev 1 "${db[@]}"
run sc-export scenarios export "方案 B 华为/腾讯" "导出/方案 B.kefucost.json" "${db[@]}"
run sc-export-rev scenarios export "${db[@]}" "方案 B 华为/腾讯" - --rev 1
run sc-compare scenarios compare "方案 B 华为/腾讯" --format csv "${db[@]}"
run sc-compare-table scenarios compare "2027 客服中心采购" "${db[@]}"
for r in sc-show sc-show-rev sc-export sc-export-rev sc-compare sc-compare-table; do ok "$r"; same "$r"; done
run sc-history scenarios history "方案 B 华为/腾讯" "${db[@]}"
run sc-history-json scenarios history "方案 B 华为/腾讯" --format json "${db[@]}"
for r in sc-history sc-history-json; do ok "$r"; same "$r" masked; done
run sc-rename scenarios rename "方案 B 华为/腾讯" "终版 2027" "${db[@]}"
run sc-duplicate scenarios duplicate "终版 2027" "终版 副本" "${db[@]}"
run sc-restore scenarios restore "终版 2027" 1 "${db[@]}"
run sc-delete scenarios delete "终版 副本" "${db[@]}"
for r in sc-rename sc-duplicate sc-restore sc-delete; do ok "$r"; same "$r"; done
run sc-trash scenarios trash "${db[@]}"
ok sc-trash
same sc-trash masked
run sc-undelete scenarios undelete "终版 副本" "${db[@]}"
ok sc-undelete
same sc-undelete masked
run sc-history-2 scenarios history "终版 2027" "${db[@]}"
run sc-list-2 scenarios list "${db[@]}"
for r in sc-history-2 sc-list-2; do ok "$r"; same "$r" masked; done
run sc-missing scenarios show "没有 这个" "${db[@]}"
same sc-missing
[[ $(cat "$res/windows/sc-missing.rc") == 1 ]] || fail "show of a missing scenario exited $(cat "$res/windows/sc-missing.rc"), not 1"
KEFUCOST_DB="数据/环境 变量.db" run sc-env-import scenarios import "场景/bench-36m.kefucost.json" --name 环境
KEFUCOST_DB="数据/环境 变量.db" run sc-env-list scenarios list
ok sc-env-import
same sc-env-import
ok sc-env-list
same sc-env-list masked
[[ -s "$work/windows/数据/环境 变量.db" ]] || fail "KEFUCOST_DB: no database at 数据/环境 变量.db"

# Every file written (reports, charts, exports) is the same, byte for byte;
# the databases are not compared (bbolt pages hold the saving times).
t_files=0
while IFS= read -r -d '' f; do
	rel=${f#"$work/linux/"}
	case $rel in 场景/* | 数据/*) continue ;; esac
	checks=$((checks + 1)) t_files=$((t_files + 1))
	if [[ ! -e $work/windows/$rel ]]; then
		fail "Windows wrote no $rel"
	elif ! cmp -s "$f" "$work/windows/$rel"; then
		fail "$rel differs between Linux and Windows"
	fi
done < <(find "$work/linux" -type f -not -path '*/场景/*' -print0)
while IFS= read -r -d '' f; do
	rel=${f#"$work/windows/"}
	[[ -e $work/linux/$rel ]] || fail "only Windows wrote $rel"
done < <(find "$work/windows" -type f -not -path '*/场景/*' -not -path '*/数据/*' -print0)
echo "test-windows: $t_files files written by both (reports, charts, exports) compared"

# --- Windows only ------------------------------------------------------------
wres=$res/windows-only
mkdir -p "$wres"
wrun() { # NAME ARGS...: kefucost.com under wine in work/windows (expected to succeed)
	local name=$1
	shift
	wine_run "$work/windows" "$wres/$name" /dev/null 0 0 "$com" "$@"
}
wok() { [[ $(cat "$wres/$1.rc") == 0 ]] || fail "$1 exited $(cat "$wres/$1.rc"): $(head -c 400 "$wres/$1.err")"; }

# The default database: %APPDATA%\fyne\cn.kefucost.app\scenarios.db.
wrun default-import scenarios import "场景/混合示例 方案.kefucost.json" --name "默认 位置"
wok default-import
checks=$((checks + 1))
[[ -s $appdata/fyne/cn.kefucost.app/scenarios.db ]] ||
	fail "no database at %APPDATA%\\fyne\\cn.kefucost.app\\scenarios.db ($(find "$WINEPREFIX/drive_c/users" -name scenarios.db | head -n 3))"
wrun default-list scenarios list
wok default-list
grep -q "默认 位置" "$wres/default-list.out" || fail "default database: list does not show 默认 位置: $(cat "$wres/default-list.out")"

# Windows paths: backslashes, a drive letter, a Chinese folder; same output
# as the forward-slash run above.
checks=$((checks + 1))
wrun backslash compare --scenario '场景\混合示例 方案.kefucost.json' --format csv
wok backslash
cmp -s "$wres/backslash.out" "$res/windows/compare-混合示例 方案.csv.out" || fail "compare with a backslash path printed something else"
wdir=$(cd "$work/windows" && wine winepath -w "$work/windows" 2>/dev/null | tr -d '\r')
[[ $wdir == [A-Z]:\\* ]] || fail "winepath gave '$wdir'"
checks=$((checks + 1))
SOURCE_DATE_EPOCH=1798761600 wrun drive-fixed report --scenario "$wdir\\场景\\混合示例 方案.kefucost.json" --out "$wdir\\报表\\盘符 路径.csv"
wok drive-fixed
cmp -s "$work/windows/报表/盘符 路径.csv" "$work/linux/报表/混合示例 方案 报表.csv" || fail "report to a drive-letter path differs from the Linux one"
wrun drive-export scenarios export "终版 2027" "$wdir\\导出\\盘符.kefucost.json" --db "$wdir\\数据\\场景 库.db"
wok drive-export
[[ -s "$work/windows/导出/盘符.kefucost.json" ]] || fail "export to a drive-letter path wrote nothing"

# The .exe itself (a GUI program) also runs the subcommands when its output
# is redirected, as a script would.
checks=$((checks + 1))
(cd "$work/windows" && wine "$exe" compare --scenario "场景/混合示例 方案.kefucost.json" --format json) \
	>"$wres/exe-direct.out" 2>"$wres/exe-direct.err" </dev/null || fail "kefucost.exe compare exited $?"
cmp -s "$wres/exe-direct.out" "$res/linux/compare-混合示例 方案.json.out" || fail "kefucost.exe (not .com) printed another comparison"
# Exit codes pass through kefucost.com.
checks=$((checks + 1))
wrun bad-flag compare --no-such-flag
[[ $(cat "$wres/bad-flag.rc") == 2 ]] || fail "a bad flag exited $(cat "$wres/bad-flag.rc") through kefucost.com, not 2"

# --- the zip and the installer -----------------------------------------------
checks=$((checks + 1))
list=$(unzip -Z1 "$zip" | sort | tr '\n' ' ')
# Exactly these files (so never the test-only bcryptprimitives.dll).
[[ $list == "LICENSES.txt README.txt kefucost.com kefucost.exe " ]] || fail "zip holds: $list"
unzip -p "$zip" kefucost.exe | cmp -s - "$exe" || fail "the zip's kefucost.exe is not build/windows/kefucost.exe"
unzip -p "$zip" README.txt | grep -q "客服云成本对比" || fail "the zip's README.txt has no Chinese"

t=$(date +%s)
wine "$setup" /S >"$out/setup.log" 2>&1 || fail "the installer exited $?"
inst=$localappdata/Programs/kefucost
# Exactly these files (so never the test-only bcryptprimitives.dll).
checks=$((checks + 1))
list=$(cd "$inst" 2>/dev/null && find . -type f -printf '%P\n' | sort | tr '\n' ' ' || true)
[[ $list == "LICENSES.txt README.txt kefucost.com kefucost.exe uninstall.exe " ]] ||
	fail "the installer put into %LOCALAPPDATA%\\Programs\\kefucost: '$list'"
cmp -s "$inst/kefucost.exe" "$exe" || fail "the installed kefucost.exe is not build/windows/kefucost.exe"
shortcut=$(find "$appdata/Microsoft/Windows/Start Menu" -name 'kefucost*.lnk' 2>/dev/null | head -n 1)
checks=$((checks + 1))
[[ -n $shortcut ]] || fail "no Start-menu shortcut kefucost*.lnk"
reg() { wine reg query "$@" 2>/dev/null | tr -d '\r'; }
checks=$((checks + 1))
reg 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\cn.kefucost.app' /v UninstallString | grep -qi 'uninstall.exe' ||
	fail "no uninstaller in Apps & features (HKCU ...\\Uninstall\\cn.kefucost.app)"
checks=$((checks + 1))
reg 'HKCU\Software\Classes\.json\OpenWithProgids' | grep -q 'cn.kefucost.app.scenario' || fail ".json has no 'Open with' kefucost"
checks=$((checks + 1))
reg 'HKCU\Software\Classes\cn.kefucost.app.scenario\shell\open\command' /ve | grep -q 'kefucost.exe" "%1"' ||
	fail "the scenario file type does not open with kefucost.exe \"%1\""
checks=$((checks + 1))
(cd "$work/windows" && wine "$inst/kefucost.com" compare --scenario "场景/混合示例 方案.kefucost.json") >"$wres/installed.out" 2>&1 </dev/null ||
	fail "the installed kefucost.com failed"
cmp -s "$wres/installed.out" "$res/linux/compare-混合示例 方案.table.out" || fail "the installed kefucost printed another comparison"
wine "$inst/uninstall.exe" /S "_?=$(wine winepath -w "$inst" 2>/dev/null | tr -d '\r')" >>"$out/setup.log" 2>&1 || fail "the uninstaller exited $?"
rm -f "$inst/uninstall.exe" # _?= leaves the uninstaller itself, as Windows does
checks=$((checks + 1))
[[ ! -e $inst/kefucost.exe && -z $(find "$appdata/Microsoft/Windows/Start Menu" -name 'kefucost*.lnk' 2>/dev/null) ]] ||
	fail "the uninstaller left the program or its shortcut"
checks=$((checks + 1))
reg 'HKCU\Software\Classes\cn.kefucost.app.scenario' >/dev/null && fail "the uninstaller left the file type" || true
checks=$((checks + 1))
[[ -s $appdata/fyne/cn.kefucost.app/scenarios.db ]] || fail "the uninstaller removed the saved scenarios"
echo "test-windows: installer: silent install, shortcut, Apps & features, .json Open with, silent uninstall ($(($(date +%s) - t)) s)"

# --- the window under wine on Xvfb -------------------------------------------
# The window's language follows Windows' user locale, which wine takes from
# LC_ALL. Only C.UTF-8 is installed here: with LC_ALL=zh_CN.UTF-8 wine makes
# the locale zh-CN but decodes non-ASCII in the environment and command line
# wrongly (a unix locale that is missing), so these runs use ASCII paths;
# the Chinese paths are checked above, under C.UTF-8.
# window LOCALE-VARIABLE SUFFIX EXPECTED NOSTORE [ARGS...]: the title must
# hold EXPECTED and not NOSTORE (the store failed to open).
window() {
	local wlang=$1 suffix=$2 untitled=$3 nostore=$4 shot=$out/window-$2.png log=$out/window-$2.log win="" colours=0 title
	shift 4
	local display="" n
	for n in $(seq 97 160); do
		[[ -e /tmp/.X$n-lock || -e /tmp/.X11-unix/X$n ]] && continue
		Xvfb ":$n" -screen 0 1440x900x24 -nolisten tcp -noreset >"$out/xvfb-$suffix.log" 2>&1 &
		xvfb_pid=$!
		for _ in $(seq 50); do
			kill -0 "$xvfb_pid" 2>/dev/null || break
			xdpyinfo -display ":$n" >/dev/null 2>&1 && { display=":$n"; break; }
			sleep 0.1
		done
		[[ -n $display ]] && break
		kill "$xvfb_pid" 2>/dev/null || true
		wait "$xvfb_pid" 2>/dev/null || true
		xvfb_pid=""
	done
	[[ -n $display ]] || { fail "window: could not start Xvfb"; return; }
	# A new wine session for the window: the one the headless runs above
	# used (no DISPLAY) has a desktop without a display driver, in which
	# GLFW fails to start ("Win32: Failed to create helper window: Resource
	# type not found").
	wineserver -k 2>/dev/null || true
	wineserver -w 2>/dev/null || true
	local t0
	t0=$(date +%s%N)
	(cd "$work/windows" && exec env DISPLAY="$display" $wlang KEFUCOST_DB="window-$suffix.db" KEFUCOST_TRACE_START=1 wine "$exe" "$@") >"$log" 2>&1 &
	win_pid=$!
	# Up to WINDOW_WAIT s (default 180): wine starts slowly on a busy
	# machine, and make test runs this niced beside go test and make race.
	for _ in $(seq $((${WINDOW_WAIT:-180} * 10))); do
		kill -0 "$win_pid" 2>/dev/null || break
		win=$(DISPLAY=$display xdotool search --onlyvisible --name kefucost 2>/dev/null | head -n 1) || true
		[[ -n $win ]] && break
		sleep 0.1
	done
	checks=$((checks + 1))
	if [[ -z $win ]]; then
		fail "window ($suffix): no window named kefucost under wine within ${WINDOW_WAIT:-180} s; log: $(tail -n 5 "$log")"
	else
		# Not moved or resized: without a window manager, wine then keeps
		# drawing at the old size and the screenshot shows a clipped window.
		for _ in $(seq $((${WINDOW_WAIT:-180} * 5))); do
			DISPLAY=$display import -window root "$shot" 2>/dev/null &&
				colours=$(convert "$shot" -format '%k' info: 2>/dev/null || echo 0)
			((colours > 20)) && break
			sleep 0.2
		done
		# Wine maps the window, then Fyne resizes and centres it: keep the
		# first screenshot that equals the one a second before (at most 30 s).
		local prev=$out/prev-$suffix.png
		for _ in $(seq 30); do
			sleep 1
			cp "$shot" "$prev"
			DISPLAY=$display import -window root "$shot" 2>/dev/null || true
			[[ $(convert "$shot" "$prev" -metric AE -compare -format '%[distortion]' info: 2>/dev/null || echo 1) == 0 ]] && break
		done
		rm -f "$prev"
		colours=$(convert "$shot" -format '%k' info: 2>/dev/null || echo 0)
		title=$(DISPLAY=$display xdotool getwindowname "$win" 2>/dev/null || true)
		checks=$((checks + 1))
		[[ $title == *"$untitled"* && $title != *"$nostore"* ]] ||
			fail "window ($suffix): title \"$title\" should name \"$untitled\" and not say \"$nostore\"; see $shot"
		if ((colours > 20)) && kill -0 "$win_pid" 2>/dev/null; then
			echo "test-windows: window ($suffix, $wlang): \"$title\" shown after $((($(date +%s%N) - t0) / 1000000)) ms; screenshot $shot ($colours colours)"
			grep -h 'first frame painted' "$log" | sed 's/^/test-windows:   /' || true
		else
			fail "window ($suffix): blank ($colours colours) or exited; see $shot and $log"
		fi
	fi
	kill "$win_pid" 2>/dev/null || true
	wait "$win_pid" 2>/dev/null || true
	win_pid=""
	kill "$xvfb_pid" 2>/dev/null || true
	wait "$xvfb_pid" 2>/dev/null || true
	xvfb_pid=""
}
if [[ ${WINDOW:-1} != 0 ]]; then
	# Opened with a scenario file, as Explorer's "Open with" does.
	window LANG=C.UTF-8 en "2027 客服中心采购" "no scenario database" "$wdir\\场景\\混合示例 方案.kefucost.json"
	window LC_ALL=zh_CN.UTF-8 zh "示例方案" "未连接方案库" # a first start opens the sample (issue 12)
fi

nretry=$(grep -c 'wine .*running it once more' "$retries" || true)
echo "test-windows: $checks checks, $fails failed, $nretry wine runs retried, $(($(date +%s) - start_all)) s in all"
if ((nretry)); then
	echo "test-windows: NOTE: $nretry run(s) died silently under wine and were run again (see above and $retries)" >&2
fi
if ((fails)); then
	echo "test-windows: FAIL (outputs in $res)" >&2
	exit 1
fi
if [[ -z ${KEEP:-} ]]; then
	# -k only asks; -w waits until the server has written the registry and
	# gone, so that rm does not race it.
	wineserver -k 2>/dev/null || true
	wineserver -w 2>/dev/null || true
	wineserver_started=""
	rm -rf "$WINEPREFIX" "$work"
fi
echo "test-windows: ok"

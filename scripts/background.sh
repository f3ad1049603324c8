#!/usr/bin/env bash
# Runs a long command in the background while make goes on with other steps,
# and waits for it later. `make test` uses it to cross-compile for Windows
# (about 10 CPU-minutes from a cold cache, most of it one single-threaded
# gcc run on go-gl's cgo preamble) while the Linux checks use the other core.
#
#   scripts/background.sh start NAME COMMAND...   start (niced), output to build/bg/NAME.log
#   scripts/background.sh wait NAME               wait, print the output, exit with its status
#
# The job dies with the make that started it (a failed Linux step does not
# leave a build running), and a leftover job of the same name is stopped
# before a new one starts.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=build/bg
mkdir -p "$dir"
what=${1:-} name=${2:-}
[[ -n $what && -n $name ]] || { echo "usage: $0 start|wait NAME [COMMAND...]" >&2; exit 2; }
shift 2
pidf=$dir/$name.pid rcf=$dir/$name.rc log=$dir/$name.log

case $what in
start)
	if [[ -s $pidf ]] && kill -0 "$(cat "$pidf")" 2>/dev/null; then
		kill -- "-$(cat "$pidf")" 2>/dev/null || true
	fi
	rm -f "$rcf" "$pidf"
	# The make running this recipe line (or the shell that called us).
	owner=$PPID
	for _ in 1 2 3; do
		[[ $(cat "/proc/$owner/comm" 2>/dev/null) == make ]] && break
		up=$(awk '{print $4}' "/proc/$owner/stat" 2>/dev/null || echo 1)
		((up > 1)) || break
		owner=$up
	done
	[[ $(cat "/proc/$owner/comm" 2>/dev/null) == make ]] || owner=$PPID
	# setsid: a process group of its own, so that it can be stopped whole.
	setsid bash -c '
		pidf=$1 rcf=$2 owner=$3; shift 3
		echo $$ >"$pidf"
		nice -n 10 "$@" &
		job=$!
		while kill -0 "$job" 2>/dev/null; do
			if ! kill -0 "$owner" 2>/dev/null; then
				kill -- "-$$" 2>/dev/null
				exit 1
			fi
			sleep 1
		done
		wait "$job" && echo 0 >"$rcf" || echo $? >"$rcf"
	' bg "$pidf" "$rcf" "$owner" "$@" >"$log" 2>&1 </dev/null &
	for _ in $(seq 50); do [[ -s $pidf ]] && break; sleep 0.1; done
	echo "background: $name started (nice 10: $*); output in $log"
	;;
wait)
	[[ -s $pidf ]] || { echo "background: $name was not started" >&2; exit 1; }
	pid=$(cat "$pidf")
	start=$(date +%s)
	# The status file marks the end too: under a subreaper that has not yet
	# reaped the job (a CI supervisor, a CPU-time wrapper), kill -0 still
	# finds it as a zombie and would wait for ever.
	while [[ ! -s $rcf ]] && kill -0 "$pid" 2>/dev/null; do sleep 1; done
	cat "$log"
	waited=$(($(date +%s) - start))
	rm -f "$pidf"
	[[ -s $rcf ]] || { echo "background: $name ended without a status" >&2; exit 1; }
	rc=$(cat "$rcf")
	echo "background: $name ended with status $rc (waited ${waited} s for it)"
	exit "$rc"
	;;
*)
	echo "usage: $0 start|wait NAME [COMMAND...]" >&2
	exit 2
	;;
esac

#!/usr/bin/env bash
# go test ./... for make test, with app/window's tests in two processes
# beside the rest: they are the long pole (~11 CPU-minutes since the
# every-scenario Chinese walk, 2026-12-03) and run on one core, so on a
# 2-core machine the other core sat idle for most of them. The split is by
# test name: -run '^Test[A-Ma-m]' and -skip the same, so every test,
# example and fuzz seed runs exactly once. Arguments go to every go test.
set -euo pipefail
GO=${GO:-go}
pkgs=$($GO list ./... | grep -v '^kefucost/app/window$')
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
shard='^Test[A-Ma-m]'
$GO test "$@" -run "$shard" ./app/window/ >"$logs/a" 2>&1 & a=$!
$GO test "$@" -skip "$shard" ./app/window/ >"$logs/b" 2>&1 & b=$!
rc=0
$GO test "$@" $pkgs || rc=1
wait "$a" || rc=1
sed 's|^ok  \tkefucost/app/window\t|ok  \tkefucost/app/window (tests A-M)\t|' "$logs/a"
wait "$b" || rc=1
sed 's|^ok  \tkefucost/app/window\t|ok  \tkefucost/app/window (other tests)\t|' "$logs/b"
exit $rc

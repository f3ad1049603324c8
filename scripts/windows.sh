#!/usr/bin/env bash
# Cross-compiles kefucost for 64-bit Windows on this Linux machine and packs
#   build/kefucost-VERSION-windows-amd64.zip   kefucost.exe, kefucost.com, README.txt, LICENSES.txt
#   build/kefucost-VERSION-setup.exe           per-user installer (NSIS)
# `make windows` runs it after `make deps` (MinGW-w64, NSIS) and installs the
# fyne tool into build/bin.
#
# kefucost.exe is built by `fyne package --target windows --release`, which
# takes the icon, version, build number and app id from FyneApp.toml and
# links them in as Windows resources (and as Fyne's app metadata). It is a
# GUI program: double-clicked it opens the window without a console.
# kefucost.com is a small console program that runs kefucost.exe beside it
# with the same arguments and the console's streams, and waits for it: typed
# as `kefucost compare …` in cmd or PowerShell, Windows picks the .com before
# the .exe (PATHEXT), so the subcommands print and return their exit code
# there as on Linux (the pair devenv.com/devenv.exe works the same way).
#
# The build runs in a copy of the sources (build/windows/_src): fyne writes
# fyne.syso and fyne_metadata_init.go into the folder it builds and bumps
# Build in FyneApp.toml; the copy keeps the working tree clean and safe for
# Linux builds and tests running at the same time. Its name starts with _
# so that go's and staticcheck's ./... never walk into it: make test starts
# this build beside go vet ./..., which failed with "pattern ./...: open
# build/windows/src/scripts: no such file or directory" when it walked the
# copy while it was being replaced. The first build takes
# ~5 CPU-minutes (cgo compiles GLFW and go-gl for Windows); later ones
# come from Go's build cache. Nothing is rebuilt when the outputs are newer
# than every source (FORCE=1 rebuilds anyway).
#
# Environment: GO (default go), FYNE (default build/bin/fyne), VERSION
# (default FyneApp.toml's), SOURCE_DATE_EPOCH (file times in the zip;
# default the last commit's time), NSIS_COMPRESSOR (zlib, or lzma: smaller
# installer, 5x the time).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

GO=${GO:-go}
FYNE=${FYNE:-$root/build/bin/fyne}
VERSION=${VERSION:-$(sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' FyneApp.toml | head -n 1)}
[[ -n $VERSION ]] || { echo "windows: no Version in FyneApp.toml" >&2; exit 1; }
CC_WIN=x86_64-w64-mingw32-gcc

out=build/windows
zip=build/kefucost-$VERSION-windows-amd64.zip
setup=build/kefucost-$VERSION-setup.exe
exe=$out/kefucost.exe
com=$out/kefucost.com

for c in "$CC_WIN" makensis zip convert; do
	command -v "$c" >/dev/null || { echo "windows: $c not found (run: make deps)" >&2; exit 1; }
done
[[ -x $FYNE ]] || { echo "windows: no fyne tool at $FYNE (run: make windows)" >&2; exit 1; }

# The sources that go into the program: tracked and new files, not ignored.
sources() {
	if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
		git ls-files -z --cached --others --exclude-standard
	else
		find . -path ./build -prune -o -path ./.git -prune -o -type f -print0
	fi
}

# Up to date? Every output newer than every source.
if [[ -z ${FORCE:-} && -s $exe && -s $com && -s $zip && -s $setup ]]; then
	oldest=$(ls -t "$exe" "$com" "$zip" "$setup" | tail -n 1)
	newer=$(sources | while IFS= read -r -d '' f; do
		[[ -e $f && $f -nt $oldest ]] && { echo "$f"; break; }
	done || true)
	if [[ -z $newer ]]; then
		echo "windows: $zip and $setup are up to date"
		exit 0
	fi
fi

mkdir -p "$out"
src=$out/_src
rm -rf "$src" "$out/src" # src: where it was before
mkdir -p "$src"
sources | while IFS= read -r -d '' f; do [[ -e $f ]] && printf '%s\0' "$f"; done |
	tar --null -T - -cf - | tar -xf - -C "$src"

echo "windows: building $exe (version $VERSION; a first build takes ~5 CPU-minutes)"
start=$(date +%s)
(
	cd "$src"
	# fyne package builds once without and once with the resources
	# (fyne.syso); an existing --exe skips the first build and link.
	rm -f kefucost.exe
	: >kefucost.exe
	# GOFLAGS carries the version stamp; fyne adds -H=windowsgui -s -w,
	# -trimpath, the release and migrated_fynedo tags, and CGO_CFLAGS.
	# scripts/cgocc runs MinGW's gcc (see it: ~400 CPU-s less, cold).
	CC=$root/scripts/cgocc CGOCC_REAL=$CC_WIN GOOS=windows GOARCH=amd64 GO=$GO \
		GOFLAGS="$($GO env GOFLAGS) -ldflags=-X=kefucost/app.Version=$VERSION" \
		"$FYNE" package --target windows --release --name kefucost --exe "$PWD/kefucost.exe"
)
[[ -s $src/kefucost.exe ]] || { echo "windows: fyne package made no kefucost.exe" >&2; exit 1; }
mv "$src/kefucost.exe" "$exe"
echo "windows: built $exe in $(($(date +%s) - start)) s ($(du -m "$exe" | cut -f1) MB)"

# The console companion (see the top of this file).
$CC_WIN -O2 -s -municode -o "$com" scripts/windows/console.c

# Zip: the programs, a short bilingual read-me and the licences, with CRLF
# line ends and a UTF-8 byte-order mark so that Notepad shows the Chinese.
stage=$out/zip
rm -rf "$stage"
mkdir -p "$stage"
cp "$exe" "$com" "$stage/"
crlf() { printf '\xef\xbb\xbf'; sed -e "s/@VERSION@/$VERSION/g" -e 's/$/\r/' "$@"; }
crlf scripts/windows/README.txt >"$stage/README.txt"
{
	cat assets/LICENSES.md
	printf '\n\n---------- assets/fonts/LICENSE-wqy-microhei.txt ----------\n\n'
	cat assets/fonts/LICENSE-wqy-microhei.txt
} >"$out/LICENSES.in"
crlf "$out/LICENSES.in" >"$stage/LICENSES.txt"
epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
touch -d "@$epoch" "$stage"/*
rm -f "$zip"
(cd "$stage" && zip -X -q -9 "$root/$zip" kefucost.exe kefucost.com README.txt LICENSES.txt)

# Installer.
convert assets/icon.png -define icon:auto-resize=256,64,48,32,16 "$out/kefucost.ico"
rm -f "$setup"
makensis -V2 -INPUTCHARSET UTF8 -DCOMPRESSOR="${NSIS_COMPRESSOR:-zlib}" \
	-DVERSION="$VERSION" -DSTAGE="$root/$stage" -DICON="$root/$out/kefucost.ico" \
	-DOUTFILE="$root/$setup" scripts/windows/kefucost.nsi
[[ -s $setup ]] || { echo "windows: makensis made no $setup" >&2; exit 1; }

echo "windows: $zip ($(du -m "$zip" | cut -f1) MB)"
echo "windows: $setup ($(du -m "$setup" | cut -f1) MB)"

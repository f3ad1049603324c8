#!/usr/bin/env bash
# Makes sure this Debian/Ubuntu machine has what the cgo (GLFW) build, the
# Xvfb smoke test, the Windows cross-build (MinGW-w64, NSIS, zip) and its test
# under wine need. Silent and fast (no apt call) when all is present; otherwise
# runs `apt-get update` once and installs the missing packages.
# A package that shows as installed but has lost a header is reinstalled.
set -euo pipefail

# header or command -> Debian package that provides it
headers=(
	/usr/include/X11/Xcursor/Xcursor.h:libxcursor-dev
	/usr/include/GL/gl.h:libgl-dev
	/usr/include/X11/extensions/Xrandr.h:libxrandr-dev
	/usr/include/X11/extensions/Xinerama.h:libxinerama-dev
	/usr/include/X11/extensions/XInput2.h:libxi-dev
	/usr/include/X11/extensions/xf86vmode.h:libxxf86vm-dev
	/usr/include/xkbcommon/xkbcommon.h:libxkbcommon-dev
	/usr/include/stdio.h:libc6-dev
	/usr/lib/wine/wine64:wine64
	/usr/x86_64-w64-mingw32/lib/libbcrypt.a:mingw-w64-x86-64-dev
)
commands=(
	gcc:gcc
	Xvfb:xvfb
	import:imagemagick
	xdotool:xdotool
	xdpyinfo:x11-utils
	xz:xz-utils
	soffice:libreoffice-calc
	x86_64-w64-mingw32-gcc:gcc-mingw-w64-x86-64
	wine:wine
	wineboot:wine
	makensis:nsis
	zip:zip
	unzip:unzip
)
# What a fresh machine gets: the lot, so one apt run is enough.
# wine64 is named: without recommends, `wine` alone may not bring it.
base=(libgl1-mesa-dev xorg-dev libxkbcommon-dev xvfb imagemagick xdotool x11-utils gcc libc6-dev xz-utils libreoffice-calc
	gcc-mingw-w64-x86-64 wine wine64 nsis zip unzip)

installed() { [[ $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) == "install ok installed" ]]; }

missing=() reinstall=()
for hp in "${headers[@]}"; do
	h=${hp%%:*} p=${hp##*:}
	[[ -e $h ]] && continue
	missing+=("$h ($p)")
	if command -v dpkg-query >/dev/null && installed "$p"; then
		reinstall+=("$p")
	fi
done
for cp in "${commands[@]}"; do
	c=${cp%%:*} p=${cp##*:}
	command -v "$c" >/dev/null && continue
	missing+=("$c ($p)")
done
# The machine may carry a stand-in `convert`; the smoke test needs ImageMagick's.
if ! convert -version 2>/dev/null | grep -q ImageMagick; then
	missing+=("ImageMagick convert (imagemagick)")
	if command -v dpkg-query >/dev/null && installed imagemagick-6.q16; then
		reinstall+=(imagemagick-6.q16)
	fi
fi

((${#missing[@]} == 0)) && exit 0

echo "deps: missing: ${missing[*]}" >&2
if ! command -v apt-get >/dev/null; then
	echo "deps: no apt-get here; install the equivalents of: ${base[*]}" >&2
	exit 1
fi
sudo=()
if ((EUID != 0)); then
	if ! command -v sudo >/dev/null; then
		echo "deps: not root and no sudo; as root run: apt-get install ${base[*]}" >&2
		exit 1
	fi
	sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
echo "deps: apt-get update && apt-get install ${base[*]}" >&2
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${base[@]}" >/dev/null
if ((${#reinstall[@]})); then
	echo "deps: reinstalling ${reinstall[*]} (installed, but files are missing)" >&2
	"${sudo[@]}" apt-get install -y -qq --no-install-recommends --reinstall "${reinstall[@]}" >/dev/null
fi

# Check again: fail now rather than in the middle of a 4-minute build.
still=()
for hp in "${headers[@]}"; do [[ -e ${hp%%:*} ]] || still+=("${hp%%:*}"); done
for cp in "${commands[@]}"; do command -v "${cp%%:*}" >/dev/null || still+=("${cp%%:*}"); done
convert -version 2>/dev/null | grep -q ImageMagick || still+=(convert)
if ((${#still[@]})); then
	echo "deps: still missing after apt-get: ${still[*]}" >&2
	exit 1
fi
echo "deps: ok" >&2

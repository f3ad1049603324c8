#!/usr/bin/env bash
# Adds kefucost's file type to the Linux package `fyne package` made:
# assets/linux/cn.kefucost.app.xml goes to share/mime/packages in the
# tarball, and the tarball's own Makefile (install, uninstall, user-install,
# user-uninstall) copies it, removes it and refreshes the MIME and desktop
# databases. fyne package writes MimeType= into the .desktop file from
# FyneApp.toml's [CanOpen] (Exec=kefucost %F) but ships no type definition
# of its own, so without this a file manager would not know *.kefucost.json.
#
#   scripts/package-mime.sh build/kefucost-VERSION-linux-amd64.tar.xz
set -euo pipefail
cd "$(dirname "$0")/.."
tarball=$1
xml=assets/linux/cn.kefucost.app.xml
name=$(basename "$xml")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tar -xJf "$tarball" -C "$tmp"
# The tarball holds kefucost/Makefile and kefucost/usr/local/… (or
# kefucost/usr/… : fyne chose by the build machine).
mk=$(find "$tmp" -maxdepth 2 -name Makefile | head -n 1)
[[ -n $mk ]] || { echo "package-mime: no Makefile in $tarball" >&2; exit 1; }
root=$(dirname "$mk")
share=usr/share
[[ -d $root/usr/local/share ]] && share=usr/local/share
install -Dm0644 "$xml" "$root/$share/mime/packages/$name"
grep -q "MimeType=application/x-kefucost-scenario" "$root"/$share/applications/*.desktop ||
	{ echo "package-mime: the .desktop file does not name application/x-kefucost-scenario (FyneApp.toml [CanOpen])" >&2; exit 1; }
# fyne's Makefile names the binary by the .desktop file's Exec, which
# [CanOpen] makes "kefucost %F": its install lines would copy
# "usr/local/bin/kefucost" "%F". The binary is plain kefucost (the
# user-install sed still turns "Exec=kefucost %F" into the full path, %F
# kept).
sed -i -e 's/^Exec := "\(.*\) %[fFuU]"$/Exec := "\1"/' "$mk"
grep -q '^Exec := "[^ ]*"$' "$mk" || { echo "package-mime: unexpected Exec line in the Makefile: $(grep '^Exec' "$mk")" >&2; exit 1; }
# Each install target ends with the type's lines (a recipe line starting
# with '-' may fail: a machine without update-desktop-database still opens
# the file by its type).
if ! grep -q "share/mime/packages/$name" "$mk"; then
awk -v share="$share" -v name="$name" '
function extra(t) {
	if (t == "install") {
		print "\tinstall -Dm00644 " share "/mime/packages/" name " $(DESTDIR)$(PREFIX)/share/mime/packages/" name
		print "\t-update-mime-database $(DESTDIR)$(PREFIX)/share/mime"
		print "\t-update-desktop-database $(DESTDIR)$(PREFIX)/share/applications"
	} else if (t == "uninstall") {
		print "\t-rm $(DESTDIR)$(PREFIX)/share/mime/packages/" name
		print "\t-update-mime-database $(DESTDIR)$(PREFIX)/share/mime"
		print "\t-update-desktop-database $(DESTDIR)$(PREFIX)/share/applications"
	} else if (t == "user-install") {
		print "\tinstall -Dm00644 " share "/mime/packages/" name " $(DESTDIR)$(HOME)/.local/share/mime/packages/" name
		print "\t-update-mime-database $(DESTDIR)$(HOME)/.local/share/mime"
		print "\t-update-desktop-database $(DESTDIR)$(HOME)/.local/share/applications"
	} else if (t == "user-uninstall") {
		print "\t-rm $(DESTDIR)$(HOME)/.local/share/mime/packages/" name
		print "\t-update-mime-database $(DESTDIR)$(HOME)/.local/share/mime"
		print "\t-update-desktop-database $(DESTDIR)$(HOME)/.local/share/applications"
	}
}
/^[A-Za-z-]+:/ { if (target != "") extra(target); target = $1; sub(":.*", "", target); print; next }
/^[^\t]/ || /^$/ { if (target != "") extra(target); target = ""; print; next }
{ print }
END { if (target != "") extra(target) }
' "$mk" >"$mk.new"
mv "$mk.new" "$mk"
fi
grep -q "share/mime/packages/$name" "$mk" || { echo "package-mime: could not add the file type to the Makefile" >&2; exit 1; }
(cd "$tmp" && tar -cJf - --owner=0 --group=0 -- *) >"$tarball.new"
mv "$tarball.new" "$tarball"
echo "package-mime: $tarball installs $share/mime/packages/$name"

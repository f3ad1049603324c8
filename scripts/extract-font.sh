#!/usr/bin/env bash
# Extracts the first face of Debian's fonts-wqy-microhei collection to
# assets/fonts/wqy-microhei.ttf (Fyne rejects .ttc collections; go-chart's
# freetype parser wants one TrueType face). The result is committed; run this
# only to refresh it. Needs: fonts-wqy-microhei python3-fonttools.
set -euo pipefail
cd "$(dirname "$0")/.."
src=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc
out=assets/fonts/wqy-microhei.ttf
[[ -r $src ]] || { echo "missing $src: apt-get install fonts-wqy-microhei" >&2; exit 1; }
/usr/bin/python3 - "$src" "$out" <<'PY'
import sys
from fontTools.ttLib import TTCollection
f = TTCollection(sys.argv[1]).fonts[0]
f.recalcTimestamp = False  # keep head.modified: same input, same bytes
f.save(sys.argv[2])
PY
{
  echo "WenQuanYi Micro Hei (文泉驿微米黑), first face of wqy-microhei.ttc"
  echo "extracted from Debian package fonts-wqy-microhei $(dpkg-query -W -f='${Version}' fonts-wqy-microhei 2>/dev/null || echo '?')"
  echo "Licensed under the Apache License, Version 2.0 (chosen from the upstream"
  echo "dual licence \"Apache-2.0 or GPL-3+ with Font exception\"). Full texts below."
  echo
  echo "=============================================================================="
  echo "Debian copyright file (/usr/share/doc/fonts-wqy-microhei/copyright)"
  echo "=============================================================================="
  cat /usr/share/doc/fonts-wqy-microhei/copyright
  echo
  echo "=============================================================================="
  echo "Apache License, Version 2.0 (/usr/share/common-licenses/Apache-2.0)"
  echo "=============================================================================="
  cat /usr/share/common-licenses/Apache-2.0
} > assets/fonts/LICENSE-wqy-microhei.txt
ls -l "$out" assets/fonts/LICENSE-wqy-microhei.txt

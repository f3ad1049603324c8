; kefucost installer (NSIS 3, Unicode). Built by scripts/windows.sh:
;   makensis -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DSTAGE=<folder with the zip's files>
;            -DICON=<kefucost.ico> -DOUTFILE=<setup.exe> kefucost.nsi
;
; A per-user install (procurement desks rarely have administrator rights):
; %LOCALAPPDATA%\Programs\kefucost, a Start-menu entry, an uninstaller listed
; in Apps & features, and kefucost as a program for .json files. Windows
; chooses a program by the last extension only, so *.kefucost.json cannot
; have its own association: kefucost is added to .json's "Open with" list
; (and may be made the default there by the user) without taking .json over.
; The saved scenarios (%APPDATA%\fyne\cn.kefucost.app) are never removed.

Unicode true
; 64-bit, like kefucost.exe itself (and so it also runs under a 64-bit-only wine).
Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel user
; zlib: 5 s to build (lzma takes 27 s of CPU for 12 MB instead of 15 MB);
; a release may pass -DCOMPRESSOR=lzma (windows.sh: NSIS_COMPRESSOR=lzma).
!ifndef COMPRESSOR
!define COMPRESSOR zlib
!endif
SetCompressor /SOLID ${COMPRESSOR}

!ifndef VERSION | STAGE | ICON | OUTFILE
!error "define VERSION, STAGE, ICON and OUTFILE"
!endif

!define APPID "cn.kefucost.app"
!define PROGID "cn.kefucost.app.scenario"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPID}"
!define SHORTCUT "$SMPROGRAMS\kefucost 客服云成本对比.lnk"

Name "kefucost 客服云成本对比 ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\kefucost"
InstallDirRegKey HKCU "Software\kefucost" "InstallDir"
BrandingText "kefucost ${VERSION}"

!include "MUI2.nsh"
!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\kefucost.exe"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
; The first language is the default; the user's Windows language picks.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductName" "kefucost 客服云成本对比"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileDescription" "kefucost ${VERSION} 安装程序"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "LegalCopyright" "kefucost"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "kefucost"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "kefucost ${VERSION} setup"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "kefucost"

LangString OPEN_WITH ${LANG_SIMPCHINESE} "kefucost 客服云成本对比场景"
LangString OPEN_WITH ${LANG_ENGLISH} "kefucost scenario"

Section "kefucost"
	SetShellVarContext current
	SetOutPath "$INSTDIR"
	File "${STAGE}\kefucost.exe"
	File "${STAGE}\kefucost.com"
	File "${STAGE}\README.txt"
	File "${STAGE}\LICENSES.txt"
	WriteUninstaller "$INSTDIR\uninstall.exe"
	WriteRegStr HKCU "Software\kefucost" "InstallDir" "$INSTDIR"

	CreateShortcut "${SHORTCUT}" "$INSTDIR\kefucost.exe" "" "$INSTDIR\kefucost.exe" 0

	WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "kefucost 客服云成本对比"
	WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
	WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\kefucost.exe,0"
	WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "kefucost"
	WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
	WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
	WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
	WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
	WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1

	; *.kefucost.json: a ProgID that opens the file in the window, offered
	; under "Open with" for .json.
	WriteRegStr HKCU "Software\Classes\${PROGID}" "" "$(OPEN_WITH)"
	WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\kefucost.exe,0"
	WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\kefucost.exe" "%1"'
	WriteRegStr HKCU "Software\Classes\.json\OpenWithProgids" "${PROGID}" ""
	WriteRegStr HKCU "Software\Classes\Applications\kefucost.exe" "FriendlyAppName" "kefucost 客服云成本对比"
	WriteRegStr HKCU "Software\Classes\Applications\kefucost.exe\SupportedTypes" ".json" ""
	WriteRegStr HKCU "Software\Classes\Applications\kefucost.exe\shell\open\command" "" '"$INSTDIR\kefucost.exe" "%1"'
	System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

Section "Uninstall"
	SetShellVarContext current
	Delete "$INSTDIR\kefucost.exe"
	Delete "$INSTDIR\kefucost.com"
	Delete "$INSTDIR\README.txt"
	Delete "$INSTDIR\LICENSES.txt"
	Delete "$INSTDIR\uninstall.exe"
	RMDir "$INSTDIR"
	Delete "${SHORTCUT}"
	DeleteRegKey HKCU "Software\Classes\${PROGID}"
	DeleteRegValue HKCU "Software\Classes\.json\OpenWithProgids" "${PROGID}"
	DeleteRegKey HKCU "Software\Classes\Applications\kefucost.exe"
	DeleteRegKey HKCU "${UNINST_KEY}"
	DeleteRegKey HKCU "Software\kefucost"
	System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

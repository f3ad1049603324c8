// Package assets embeds the files kefucost ships inside its binary: the CJK
// font (for Fyne and for go-chart), the application icon and the licence
// texts. It needs no cgo and no display.
package assets

import (
	_ "embed"
	"sync"

	"fyne.io/fyne/v2"
	"github.com/golang/freetype/truetype"
)

// FontTTF is WenQuanYi Micro Hei (the first face of Debian's
// wqy-microhei.ttc, regenerated with scripts/extract-font.sh): one TrueType
// font with glyf outlines for both Latin and CJK, so it serves Fyne's text
// and go-chart's freetype renderer alike. Apache-2.0, see FontLicense.
//
//go:embed fonts/wqy-microhei.ttf
var FontTTF []byte

// FontFileName is the name FontResource carries.
const FontFileName = "wqy-microhei.ttf"

// Icon is the 512×512 application icon (PNG), drawn by scripts/genicon.
//
//go:embed icon.png
var Icon []byte

// Licenses lists the third-party works kefucost ships with and their
// licences (Markdown).
//
//go:embed LICENSES.md
var Licenses string

// FontLicense is the full licence text of the embedded font.
//
//go:embed fonts/LICENSE-wqy-microhei.txt
var FontLicense string

var (
	iconRes = fyne.NewStaticResource("icon.png", Icon)
	fontRes = fyne.NewStaticResource(FontFileName, FontTTF)
)

// IconResource is the application icon as a Fyne resource (for
// Window.SetIcon / App.SetIcon).
func IconResource() fyne.Resource { return iconRes }

// FontResource is the embedded CJK font as a Fyne resource (for a theme's
// Font).
func FontResource() fyne.Resource { return fontRes }

var (
	chartFontOnce sync.Once
	chartFont     *truetype.Font
	chartFontErr  error
)

// ChartFont is the embedded font parsed for go-chart (golang/freetype). It
// is parsed once; every caller shares the same *truetype.Font, which is safe
// for concurrent use by renderers.
func ChartFont() (*truetype.Font, error) {
	chartFontOnce.Do(func() {
		chartFont, chartFontErr = truetype.Parse(FontTTF)
	})
	return chartFont, chartFontErr
}

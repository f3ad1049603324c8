package assets

import (
	"bytes"
	"image/png"
	"strings"
	"testing"
)

func TestChartFontHasGlyphs(t *testing.T) {
	f, err := ChartFont()
	if err != nil {
		t.Fatalf("ChartFont: %v", err)
	}
	const text = "累计成本 Cumulative cost (元) 0123456789,.¥客服云成本对比"
	for _, r := range text {
		if f.Index(r) == 0 {
			t.Errorf("font has no glyph for %q (U+%04X)", r, r)
		}
	}
	again, _ := ChartFont()
	if again != f {
		t.Error("ChartFont parsed the font twice")
	}
}

func TestFontIsSingleTrueType(t *testing.T) {
	// Fyne rejects collections ("ttcf"); go-chart wants glyf outlines, not CFF ("OTTO").
	if len(FontTTF) < 1<<20 {
		t.Fatalf("embedded font is only %d bytes", len(FontTTF))
	}
	if magic := FontTTF[:4]; !bytes.Equal(magic, []byte{0, 1, 0, 0}) {
		t.Fatalf("embedded font starts with %q, want TrueType 00 01 00 00", magic)
	}
	r := FontResource()
	if r.Name() != FontFileName || !bytes.Equal(r.Content(), FontTTF) {
		t.Errorf("FontResource = %q (%d bytes), want the embedded font", r.Name(), len(r.Content()))
	}
}

func TestIcon(t *testing.T) {
	cfg, err := png.DecodeConfig(bytes.NewReader(Icon))
	if err != nil {
		t.Fatalf("icon is not a PNG: %v", err)
	}
	if cfg.Width != 512 || cfg.Height != 512 {
		t.Errorf("icon is %d×%d, want 512×512", cfg.Width, cfg.Height)
	}
	if r := IconResource(); !bytes.Equal(r.Content(), Icon) || !strings.HasSuffix(r.Name(), ".png") {
		t.Errorf("IconResource = %q, want the embedded PNG", r.Name())
	}
}

func TestLicenses(t *testing.T) {
	for _, want := range []string{"WenQuanYi", "Apache", "fyne.io/fyne/v2", "shopspring/decimal", "bbolt",
		"go-chart", "excelize", "golang/freetype", "BurntSushi/toml"} {
		if !strings.Contains(Licenses, want) {
			t.Errorf("Licenses does not mention %q", want)
		}
	}
	if !strings.Contains(FontLicense, "Apache License") || !strings.Contains(FontLicense, "TERMS AND CONDITIONS") {
		t.Error("FontLicense lacks the full Apache-2.0 text")
	}
}

// The About box shows the licences as text a person reads, in either
// language, naming every work LICENSES.md names.
func TestLicensesText(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		txt := LicensesText(lang)
		for _, want := range []string{"WenQuanYi", "Apache", "fyne.io/fyne/v2", "shopspring/decimal", "bbolt",
			"go-chart", "excelize", "golang/freetype", "BurntSushi/toml", "FTL"} {
			if !strings.Contains(txt, want) {
				t.Errorf("%s: licences do not mention %q", lang, want)
			}
		}
		for _, mark := range []string{"|", "`", "#", "---"} {
			if strings.Contains(txt, mark) {
				t.Errorf("%s: licences show the Markdown mark %q:\n%s", lang, mark, txt)
			}
		}
	}
	if !strings.Contains(LicensesText("zh"), "许可") || strings.Contains(LicensesText("zh"), "Licence") {
		t.Error("Chinese licences are not in Chinese")
	}
}

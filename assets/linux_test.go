package assets

import (
	"encoding/xml"
	"os"
	"regexp"
	"testing"
)

// The Linux package registers the scenario file type: the shared-mime-info
// definition that scripts/package-mime.sh installs names the type the
// .desktop file opens (FyneApp.toml's [CanOpen], written by fyne package
// as MimeType=), by the glob *.kefucost.json, with a Chinese comment for
// the file manager. (make package and the install targets were checked
// with desktop-file-validate and xdg-mime query filetype/default under a
// temporary XDG_DATA_HOME; see the commit.)
func TestLinuxFileTypeMatchesTheDesktopFile(t *testing.T) {
	data, err := os.ReadFile("linux/cn.kefucost.app.xml")
	if err != nil {
		t.Fatal(err)
	}
	var info struct {
		Types []struct {
			Type     string `xml:"type,attr"`
			Comments []struct {
				Lang string `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
				Text string `xml:",chardata"`
			} `xml:"comment"`
			Globs []struct {
				Pattern string `xml:"pattern,attr"`
			} `xml:"glob"`
		} `xml:"mime-type"`
	}
	if err := xml.Unmarshal(data, &info); err != nil {
		t.Fatal(err)
	}
	if len(info.Types) != 1 {
		t.Fatalf("%d mime types, want 1", len(info.Types))
	}
	mt := info.Types[0]
	toml, err := os.ReadFile("../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\[CanOpen\]\s*\n\s*MimeTypes\s*=\s*"([^"]+)"`).FindSubmatch(toml)
	if m == nil || string(m[1]) != mt.Type {
		t.Errorf("FyneApp.toml [CanOpen] MimeTypes %q, the definition's type %q", m, mt.Type)
	}
	if len(mt.Globs) != 1 || mt.Globs[0].Pattern != "*.kefucost.json" {
		t.Errorf("globs %v, want *.kefucost.json", mt.Globs)
	}
	zh := false
	for _, c := range mt.Comments {
		zh = zh || c.Lang == "zh_CN" && c.Text != ""
	}
	if !zh {
		t.Error("no Chinese comment: the file manager would describe the file in English")
	}
	script, err := os.ReadFile("../scripts/package-mime.sh")
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`xml=assets/linux/cn\.kefucost\.app\.xml`).Match(script) || !regexp.MustCompile(regexp.QuoteMeta("MimeType="+mt.Type)).Match(script) {
		t.Error("scripts/package-mime.sh does not install this definition or check this type")
	}
}

package window

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"

	"kefucost/scenarios"
)

// limitFile is a scenario file with extra top-level fields; its name is
// "limits" unless fields has one.
func limitFile(fields string) []byte {
	if !strings.Contains(fields, `"name"`) {
		fields = `,"name":"limits"` + fields
	}
	return []byte(`{"format":"kefucost.scenario","version":1,"start":"2027-01-01","months":120` + fields + `}`)
}

func limitChanges(n int) string {
	var b strings.Builder
	b.WriteString(`,"changes":[`)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"date":%q,"online_agents":%d}`, scenarios.NewDate(2027, 1, 1).AddDays(i), i%50)
	}
	return b.String() + "]"
}

// The window's Open and drop hold a file to the limits the command line
// does, and say so with the command line's message (in English) or its
// translation: the file, the field and the limit. At each limit the file
// opens; one over, nothing changes.
func TestUIOpenAndDropRefuseFilesOverTheLimits(t *testing.T) {
	pad := func(data []byte, n int) []byte { return append(data, bytes.Repeat([]byte(" "), n-len(data))...) }
	name := strings.Repeat("名", scenarios.MaxNameLen)
	num := strings.Repeat("0", scenarios.MaxNumberText-1) + "5"
	cases := []struct {
		what     string
		at, over []byte
		zh       []string // the Chinese message says these
	}{
		{"size", pad(limitFile(""), scenarios.MaxFileSize), pad(limitFile(""), scenarios.MaxFileSize+1),
			[]string{"文件大于 1 MiB", "未读取"}},
		{"name", limitFile(`,"name":"` + name + `"`), limitFile(`,"name":"` + name + `名"`),
			[]string{"方案名称：长 201 个字符，最多允许 200 个"}},
		{"changes", limitFile(limitChanges(scenarios.MaxChanges)), limitFile(limitChanges(scenarios.MaxChanges + 1)),
			[]string{"计划变更：共 501 项，最多允许 500 项"}},
		{"number", limitFile(`,"demand":{"online_agents":"` + num + `"}`), limitFile(`,"demand":{"online_agents":"0` + num + `"}`),
			[]string{"数字最多只能写 40 个字符"}},
		{"price", limitFile(`,"vendors":{"huawei-cec":{"prices":{"seat.online.month":"1000000000"}}}`),
			limitFile(`,"vendors":{"huawei-cec":{"prices":{"seat.online.month":"1000000000.01"}}}`),
			[]string{`华为云 云客服 CEC 在线客服座席 报价：必须在 0 到 1000000000 之间`}},
	}
	for _, lang := range []string{"en", "zh"} {
		f := newUIFixture(t, lang)
		u := f.u
		dir := t.TempDir()
		for _, c := range cases {
			start := time.Now()
			file := c.what + ".kefucost.json"
			path := filepath.Join(dir, file)
			// The command line's message: kefucost compare reads files so.
			if err := os.WriteFile(path, c.over, 0o600); err != nil {
				t.Fatal(err)
			}
			_, cliErr := scenarios.ReadFile(path)
			if cliErr == nil {
				t.Fatalf("%s: the command line accepts the file over the limit", c.what)
			}
			for _, how := range []string{"open", "drop"} {
				u.loadScenario(newScenario(u.lang), "", nil) // nothing unsaved to ask about
				before, _ := scenarios.Encode(u.cur)
				open := func() {
					uri := storage.NewFileURI(path)
					if how == "drop" {
						u.onDropped(fyne.NewPos(10, 10), []fyne.URI{uri})
						return
					}
					r, err := storage.Reader(uri)
					if err != nil {
						t.Fatal(err)
					}
					u.openReader(r)
				}
				open()
				after, _ := scenarios.Encode(u.cur)
				if !bytes.Equal(before, after) {
					t.Errorf("%s %s %s: a file over the limit changed the scenario being edited", lang, how, c.what)
				}
				top := u.win.Canvas().Overlays().Top()
				if top == nil {
					t.Fatalf("%s %s %s: no message", lang, how, c.what)
				}
				msg := labelsText(top)
				top.Hide()
				want := []string{file}
				if lang == "en" {
					want = append(want, cliErr.Error())
				} else {
					want = append(want, c.zh...)
				}
				for _, w := range want {
					if !strings.Contains(msg, w) {
						t.Errorf("%s %s %s: message %q does not say %q", lang, how, c.what, msg, w)
					}
				}

				// At the limit the file opens (once: open and drop share
				// the reading and decoding). Not for changes: the window
				// takes about 15 s to lay out 500 change rows (the
				// decoder's acceptance of 500 is tested in scenarios and
				// through the command line).
				if c.what == "changes" || how == "drop" || lang == "en" {
					continue
				}
				if err := os.WriteFile(path, c.at, 0o600); err != nil {
					t.Fatal(err)
				}
				u.loadScenario(newScenario(u.lang), "", nil)
				open()
				if u.cur.Name != "limits" && u.cur.Name != name {
					t.Errorf("%s %s %s: the file at the limit was not opened (editing %q)", lang, how, c.what, u.cur.Name)
					if top := u.win.Canvas().Overlays().Top(); top != nil {
						t.Errorf("message: %q", labelsText(top))
						top.Hide()
					}
				}
				if err := os.WriteFile(path, c.over, 0o600); err != nil {
					t.Fatal(err)
				}
			}
			t.Logf("%s %s: %v", lang, c.what, time.Since(start))
		}
	}
}

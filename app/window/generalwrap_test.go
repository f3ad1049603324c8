package window

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kefucost/app/window/kit"
	"kefucost/app/window/kit/kittest"
)

// A long Chinese message breaks between characters, as the rest of the
// window does (kit.Para): Fyne's own label broke it only at its spaces
// ("…每次不足 1 秒按 1" / "秒计费，…", "超出" / "kefucost" / "能计算的范围…"),
// leaving lines half empty. The engine's refusal of ASR requests too short
// to count went to the form's general message line; it is said at its
// field (the mean request length) since the form has one. A message no
// field shows still goes to the general line, its field named as Chinese
// is written ("厂商组合 机器人：…", not ": ").
func TestGeneralMessageWrapsChinese(t *testing.T) {
	f := newUIFixture(t, "zh")
	u := f.u
	data, err := os.ReadFile("../../scenarios/testdata/spec-example.kefucost.json")
	if err != nil {
		t.Fatal(err)
	}
	js := strings.Replace(string(data), `"asr_minutes_per_day": 0,`,
		`"asr_minutes_per_day": 100000000, "asr_seconds_per_request": "0.0000000001",`, 1)
	if !u.openFileData([]byte(js), "asr.kefucost.json") {
		t.Fatal("the scenario did not open")
	}
	var general *kit.Para
	var text string
	kittest.Walk(u.form.Content, func(o fyne.CanvasObject) bool {
		if x, ok := o.(*kit.Para); ok {
			if strings.Contains(x.Text, "语音识别请求") && x.Visible() && x.Importance == widget.DangerImportance {
				general, text = x, x.Text
			}
			return true
		}
		return false
	})
	if general == nil {
		t.Fatal("no message about the ASR requests in the form")
	}
	if ff := f.field("demand.asr_seconds_per_request"); ff.Message() != text || !strings.HasPrefix(text, "平均") {
		t.Errorf("the field says %q; the message shown is %q", ff.Message(), text)
	}
	// Narrower than the form beside the results at 1280 px.
	width := float32(300)
	general.Resize(fyne.NewSize(width, general.MinSize().Height))
	got := kittest.Rows(general)
	// Fyne's own label at the same width and size, for comparison.
	lb := widget.NewLabel(text)
	lb.Wrapping = fyne.TextWrapWord
	lb.SizeName = general.SizeName
	w := test.NewWindow(container.NewWithoutLayout(lb))
	defer w.Close()
	lb.Resize(fyne.NewSize(width, lb.MinSize().Height))
	fyneRows := kittest.Rows(lb)
	if len(got) < 2 || len(fyneRows) < 2 {
		t.Fatalf("not wrapped at %.0f px: shown %q, Fyne's %q", width, got, fyneRows)
	}
	// Lines filled as Chinese allows take no more of them than lines
	// broken at spaces, and leave no Latin word alone on a line (Fyne's:
	// "秒计费，每天计费秒数将超过" left a third of its line empty; at
	// the field's caption size, "kefucost" alone).
	alone := func(rows []string) bool {
		for _, r := range rows {
			if strings.TrimSpace(r) == "kefucost" {
				return true
			}
		}
		return false
	}
	if !alone(fyneRows) && len(got) >= len(fyneRows) || len(got) > len(fyneRows) || alone(got) {
		t.Errorf("the message breaks as Fyne's label does (at spaces only):\n%s\nFyne's:\n%s",
			strings.Join(got, "\n"), strings.Join(fyneRows, "\n"))
	}
	size := theme.SizeForWidget(theme.SizeNameText, general)
	if general.SizeName != "" {
		size = theme.SizeForWidget(general.SizeName, general)
	}
	for _, r := range got {
		if fyne.MeasureText(r, size, fyne.TextStyle{}).Width > width {
			t.Errorf("row %q is wider than the line (%.0f px)", r, width)
		}
		if strings.Contains(r, "1,000,0") && !strings.Contains(r, "1,000,000,000,000") {
			t.Errorf("a number is broken: %q", got)
		}
	}
	if strings.Join(got, "") == "" || !strings.Contains(strings.Join(got, ""), "kefucost") {
		t.Errorf("the message lost words: %q", got)
	}
	// A field no widget shows (a file's pin to a vendor that does not
	// exist): its message on the general line, joined as Chinese is
	// written.
	u.cur.Combine.Pin = map[string]string{"bot": "nobody"}
	u.recompute()
	if g := generalText(u); !strings.HasPrefix(g, "厂商组合 机器人：") {
		t.Errorf("the general line reads %q, want 厂商组合 机器人：…", g)
	}
}

// generalText is what the form's general message line says.
func generalText(u *ui) string {
	var text string
	kittest.Walk(u.form.Content, func(o fyne.CanvasObject) bool {
		if x, ok := o.(*kit.Para); ok {
			if strings.Contains(x.Text, "厂商组合") && x.Visible() && x.Importance == widget.DangerImportance {
				text = x.Text
			}
			return true
		}
		return false
	})
	return text
}

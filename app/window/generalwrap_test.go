package window

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kefucost/app/window/kit"
	"kefucost/app/window/kit/kittest"
)

// The form's general message line (an engine refusal no field shows:
// ASR requests too short for kefucost to count) breaks Chinese between
// characters, as the rest of the window does (kit.Para): Fyne's own
// label broke it only at its spaces ("…每次不足 1 秒按 1" / "秒计费，…",
// "超出" / "kefucost" / "能计算的范围…"), leaving lines half empty.
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
	var general fyne.CanvasObject
	var text string
	kittest.Walk(u.form.Content, func(o fyne.CanvasObject) bool {
		switch x := o.(type) {
		case *kit.Para:
			if strings.Contains(x.Text, "语音识别请求") && x.Visible() {
				general, text = x, x.Text
			}
			return true
		case *widget.Label:
			if strings.Contains(x.Text, "语音识别请求") && x.Visible() {
				general, text = x, x.Text
			}
			return true
		}
		return false
	})
	if general == nil {
		t.Fatal("no general message about the ASR requests in the form")
	}
	// Narrower than the form beside the results at 1280 px.
	width := float32(300)
	general.Resize(fyne.NewSize(width, general.MinSize().Height))
	got := kittest.Rows(general)
	// Fyne's own label at the same width, for comparison.
	lb := widget.NewLabel(text)
	lb.Wrapping = fyne.TextWrapWord
	w := test.NewWindow(container.NewWithoutLayout(lb))
	defer w.Close()
	lb.Resize(fyne.NewSize(width, lb.MinSize().Height))
	fyneRows := kittest.Rows(lb)
	if len(got) < 2 || len(fyneRows) < 2 {
		t.Fatalf("not wrapped at %.0f px: shown %q, Fyne's %q", width, got, fyneRows)
	}
	// Lines filled as Chinese allows take fewer of them than lines
	// broken at spaces (Fyne's: "秒计费，每天计费秒数将超过" left a third
	// of its line empty).
	if len(got) >= len(fyneRows) {
		t.Errorf("the general line breaks as Fyne's label does (at spaces only):\n%s\nFyne's:\n%s",
			strings.Join(got, "\n"), strings.Join(fyneRows, "\n"))
	}
	for _, r := range got {
		if fyne.MeasureText(r, 14, fyne.TextStyle{}).Width > width {
			t.Errorf("row %q is wider than the line (%.0f px)", r, width)
		}
		if strings.Contains(r, "1,000,0") && !strings.Contains(r, "1,000,000,000,000") {
			t.Errorf("a number is broken: %q", got)
		}
	}
	if strings.Join(got, "") == "" || !strings.Contains(strings.Join(got, ""), "kefucost") {
		t.Errorf("the message lost words: %q", got)
	}
	// The field's name and its message are joined as Chinese is written
	// (it read "每次语音识别请求时长: 平均…").
	if !strings.HasPrefix(text, "每次语音识别请求时长：平均") {
		t.Errorf("the general line reads %q, want 每次语音识别请求时长：平均…", text)
	}
}

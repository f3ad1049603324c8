package window

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"

	"kefucost/scenarios"
	"kefucost/scenarios/store"
)

// In Chinese the dialogs speak Chinese too: the trash, the error dialogs
// (a file that cannot be opened, a name already taken, a file that is not
// a scenario), the question before losing changes, and the form's general
// message line naming a field no widget shows (an own cost's amount in a
// file, a dated change) in the words the window uses beside its fields.
// Fyne's own file dialogs are Fyne's: its Chinese translations must be
// loaded (its buttons and titles).
func TestEveryWordChineseInDialogs(t *testing.T) {
	f := newUIFixture(t, "zh")
	u := f.u
	var texts []string
	top := func() []string {
		o := u.win.Canvas().Overlays().Top()
		if o == nil {
			t.Fatal("no dialog shown")
		}
		defer o.Hide()
		return readTexts(o)
	}
	// The trash, with a scenario in it.
	typeInto(u.form.Name, "甲")
	u.onSave()
	u.onDelete()
	u.onShowTrash()
	trash := top()
	if !strings.Contains(strings.Join(trash, "\n"), "甲") {
		t.Errorf("the trash does not list 甲: %q", trash)
	}
	texts = append(texts, trash...)
	// A file that is not there.
	missing := filepath.Join(t.TempDir(), "missing.kefucost.json")
	u.openPath(missing)
	opened := top()
	if all := strings.Join(opened, "\n"); !strings.Contains(all, "文件或文件夹不存在") {
		t.Errorf("opening a missing file says %q", all)
	}
	texts = append(texts, opened...)
	// A file that is not a scenario.
	u.openFileData([]byte(`{"format": "other", "version": 1}`), "other.json")
	texts = append(texts, top()...)
	// A name already taken (Save as 乙 twice).
	typeInto(u.form.Name, "乙")
	u.onSave()
	u.showStoreError(fmt.Errorf("taken: %w", store.ErrExists), "乙")
	texts = append(texts, top()...)
	// Unsaved changes, then asked before New.
	typeInto(f.field("demand.online_agents").Entry, "7")
	u.onNew()
	texts = append(texts, top()...)
	// The general message line: fields no widget shows.
	u.showErrors(scenarios.FieldErrors{
		{Field: "vendors.chatopera.extras[3].amount", Key: scenarios.ErrNegative, Msg: "must not be negative"},
		{Field: "changes[4].value", Key: scenarios.ErrNegative, Msg: "must not be negative"},
		{Field: "combine.pin.phone", Key: scenarios.ErrRequired, Msg: "is required"},
	})
	general := strings.Join(readTexts(u.form.Content), "\n")
	for _, want := range []string{"自己录入的费用第 4 笔 金额", "计划变更第 5 条 数值", "厂商组合 电话"} {
		if !strings.Contains(general, want) {
			t.Errorf("the general message line lacks %q", want)
		}
	}
	texts = append(texts, general)
	if bad := latinWords(texts, f.db, missing, "other.json"); len(bad) > 0 {
		t.Errorf("%d Latin words in the Chinese dialogs:\n%s", len(bad), strings.Join(dedupe(bad), "\n"))
	}
	// Fyne's file dialogs: their words come from Fyne's own translations,
	// loaded for Chinese (useFyneLanguage).
	for _, en := range []string{"Cancel", "Open", "Save", "Create Folder", "Show Hidden Files"} {
		if got := lang.L(en); got == en {
			t.Errorf("Fyne's %q is not translated: Fyne's Chinese is not loaded", en)
		}
	}
}

package window

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kefucost/app/window/kit"
	"kefucost/app/window/kit/kittest"
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
	// Its buttons in the words Chinese dialogs use.
	for en, zh := range map[string]string{"No": "否", "OK": "确定", "Yes": "是"} {
		if got := lang.L(en); got != zh {
			t.Errorf("Fyne's %q reads %q, want %q", en, got, zh)
		}
	}
}

// In Chinese every word of Fyne's open and save dialogs is Chinese,
// including the places Fyne names without its translations (主目录,
// 计算机, 桌面, …) and its question before saving over a file. Folder
// and file names on disk are the user's.
func TestFileDialogsEveryWordChinese(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	places := []string{"Desktop", "Documents", "Downloads", "Music", "Pictures", "Videos"}
	for _, d := range places {
		if err := os.Mkdir(filepath.Join(home, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(home, "报告.xlsx"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	f := newUIFixture(t, "zh")
	u := f.u
	user := append(strings.Split(filepath.ToSlash(home), "/"), places...)
	user = append(user, "报告.xlsx", ".xlsx")
	check := func(what string, o fyne.CanvasObject, wantList int) {
		t.Helper()
		var lists []*widget.List
		kittest.Walk(o, func(o fyne.CanvasObject) bool {
			if l, ok := o.(*widget.List); ok {
				lists = append(lists, l)
			}
			return false
		})
		if len(lists) != wantList {
			t.Fatalf("%s: %d lists, want %d (the places)", what, len(lists), wantList)
		}
		for _, l := range lists {
			// The places are Fyne's words, none the user's.
			if bad := latinWords(readTexts(l)); len(bad) > 0 {
				t.Errorf("%s, its places: %d Latin words:\n%s", what, len(bad), strings.Join(bad, "\n"))
			}
		}
		if bad := latinWords(readTexts(o), user...); len(bad) > 0 {
			t.Errorf("%s: %d Latin words:\n%s", what, len(bad), strings.Join(dedupe(bad), "\n"))
		}
	}
	u.onOpenFile()
	open := u.win.Canvas().Overlays().Top()
	if open == nil {
		t.Fatal("no open dialog")
	}
	all := strings.Join(readTexts(open), "\n")
	for _, want := range []string{"打开方案文件", "主目录", "计算机", "桌面"} {
		if !strings.Contains(all, want) {
			t.Errorf("the open dialog lacks %q: %q", want, all)
		}
	}
	check("the open dialog", open, 1)
	test.Tap(findButtons(open, "取消")[0])

	saved := ""
	u.pickSavePath("报告.xlsx", []string{".xlsx"}, func(p string) { saved = p })
	save := u.win.Canvas().Overlays().Top()
	check("the save dialog", save, 1)
	// Saving over 报告.xlsx asks first, in Chinese.
	test.Tap(findButtons(save, "保存")[0])
	ask := u.win.Canvas().Overlays().Top()
	asked := strings.Join(readTexts(ask), "\n")
	if !strings.Contains(asked, "覆盖文件？") || !strings.Contains(asked, "报告.xlsx 已存在") {
		t.Errorf("saving over a file asks %q", asked)
	}
	check("the question before saving over a file", ask, 0)
	if len(findButtons(ask, "否")) != 1 {
		t.Errorf("the question's buttons: %q, want 否 and 是", asked)
	}
	test.Tap(findButtons(ask, "是")[0])
	if want := filepath.Join(home, "报告.xlsx"); saved != want {
		t.Errorf("saved to %q, want %q", saved, want)
	}
}

// Every icon without words names itself when pointed at: in the window
// (toolbar icons, a dated change's delete button) and in Fyne's open and
// save dialogs (new folder, list or icons, options), whose icons said
// nothing; the tooltips are in the window's language.
func TestEveryIconHasATooltip(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		f := newUIFixture(t, lang)
		u := f.u
		u.app.Settings().SetTheme(NewThemeMode("dark")) // the program's font: its tabs all fit
		u.build()
		u.win.Resize(fyne.NewSize(1280, 800))
		check := func(what string, o fyne.CanvasObject) int {
			t.Helper()
			tipped := map[*widget.Button]string{}
			var bare []*widget.Button
			tips := 0
			kittest.Walk(o, func(o fyne.CanvasObject) bool {
				if !o.Visible() {
					return true // not on screen (a form's unused buttons)
				}
				switch x := o.(type) {
				case *kit.TipButton:
					tips++
					if x.Tip == "" || lang == "zh" && len(latinWords([]string{x.Tip})) > 0 {
						t.Errorf("%s %s: tooltip %q", lang, what, x.Tip)
					}
					return true
				case *kit.TipArea:
					tipped[x.Target] = x.Tip
				case *widget.Button:
					if x.Text == "" && x.Icon != nil {
						bare = append(bare, x)
					}
					return true
				}
				return false
			})
			for _, b := range bare {
				tip, ok := tipped[b]
				if !ok {
					t.Errorf("%s %s: the icon %s has no tooltip", lang, what, b.Icon.Name())
					continue
				}
				tips++
				if tip == "" || lang == "zh" && len(latinWords([]string{tip})) > 0 {
					t.Errorf("%s %s: the icon %s says %q", lang, what, b.Icon.Name(), tip)
				}
			}
			return tips
		}
		u.onOpenFile()
		open := u.win.Canvas().Overlays().Top()
		if n := check("open dialog", open); n != 3 {
			t.Errorf("%s: %d icons with a tooltip in the open dialog, want 3 (new folder, view, options)", lang, n)
		}
		// Pointing at one shows its tooltip; the icon still acts.
		var area *kit.TipArea
		kittest.Walk(open, func(o fyne.CanvasObject) bool {
			if a, ok := o.(*kit.TipArea); ok && area == nil && a.Tip == u.lang.T("filedialog.view") {
				area = a
			}
			return false
		})
		if area == nil {
			t.Fatalf("%s: no tooltip on the view icon", lang)
		}
		c, d := u.win.Canvas(), fyne.CurrentApp().Driver()
		at := d.AbsolutePositionForObject(area).AddXY(area.Size().Width/2, area.Size().Height/2)
		test.MoveMouse(c, at)
		if top := c.Overlays().Top(); top == open || !strings.Contains(labelsText(top), area.Tip) {
			t.Errorf("%s: pointing at the view icon shows no tooltip", lang)
		}
		// A click on it, its tooltip shown, switches the view.
		before := area.Target.Icon.Name()
		test.TapCanvas(c, at)
		if area.Target.Icon.Name() == before || c.Overlays().Top() != open {
			t.Errorf("%s: the view icon did not switch the view (icon %s), or its tooltip stayed", lang, before)
		}
		test.Tap(findButtons(open, u.lang.T("action.cancel"))[0])
		u.form.Changes.Add()
		u.win.Resize(fyne.NewSize(1279, 800))
		u.win.Resize(fyne.NewSize(1280, 800))
		if n := check("window", u.win.Content()); n < 7 {
			t.Errorf("%s: %d icons with a tooltip in the window, want the toolbar's 6 and the change's delete", lang, n)
		}
	}
}

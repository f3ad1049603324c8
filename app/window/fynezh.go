package window

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kefucost/app/window/kit"
)

// Fyne's file dialog in Chinese. Its buttons, title and placeholder go
// through Fyne's translations (useFyneLanguage), but Fyne 2.7.1 writes
// some words without them: the places on its left (dialog/file.go
// loadFavorites: "Home", "Desktop", … ; file_unix.go: "Computer") and
// the questions it asks on saving over a file or when a folder cannot be
// made. Nothing in its API names them, so under Chinese the dialog's
// objects are walked once it is shown and those words replaced: the
// places' list renders through a wrapped UpdateItem (scrolling keeps
// them Chinese), and each of its buttons, once tapped, translates what
// it opened on the window (the overwrite question, the new-folder form,
// its error).

// fyneFileWordsZh are Fyne's untranslated words, as Fyne writes them.
var fyneFileWordsZh = map[string]string{
	"Home":      "主目录",
	"Computer":  "计算机",
	"App Files": "应用文件",
	"Desktop":   "桌面",
	"Documents": "文档",
	"Downloads": "下载",
	"Music":     "音乐",
	"Pictures":  "图片",
	"Videos":    "视频",
	"Movies":    "影片",

	"Overwrite?":       "覆盖文件？",
	"Cannot overwrite": "无法覆盖",
	"Files cannot replace a directory,\ncheck the file name and try again": "文件不能替换同名文件夹，\n请检查文件名后重试",
	"folder cannot be created": "无法创建文件夹",
}

// fyneOverwriteAsk is how Fyne asks before saving over a file, the
// file's name following.
const fyneOverwriteAsk = "Are you sure you want to overwrite the file\n"

// fyneTextZh is s in Chinese when it is one of Fyne's untranslated texts.
func fyneTextZh(s string) (string, bool) {
	if zh, ok := fyneFileWordsZh[s]; ok {
		return zh, true
	}
	if name, ok := strings.CutPrefix(s, fyneOverwriteAsk); ok {
		return "文件 " + strings.TrimSuffix(name, "?") + " 已存在，要覆盖它吗？", true
	}
	return s, false
}

// fyneZh replaces Fyne's untranslated words on a canvas's overlays
// (when zh), and gives the file dialog's icon buttons tooltips.
type fyneZh struct {
	canvas  fyne.Canvas
	lang    kit.Lang
	wrapped map[fyne.CanvasObject]bool
	tipped  map[*widget.Button]bool
}

// showFileDialog shows one of Fyne's file dialogs in the window's
// language; title is the dialog's title ("" keeps Fyne's). Its icon
// buttons (new folder, list or icons, options) say what they do when
// pointed at, as the window's toolbar icons do: Fyne's say nothing.
func (u *ui) showFileDialog(d *dialog.FileDialog, title string) {
	if title != "" {
		d.SetTitleText(title)
	}
	d.Show()
	z := &fyneZh{canvas: u.win.Canvas(), lang: u.lang, wrapped: map[fyne.CanvasObject]bool{}, tipped: map[*widget.Button]bool{}}
	z.overlays()
}

// fileDialogTips are the tooltips of the file dialog's icon buttons, by
// their icon's name (the view button shows the list or the grid icon).
func fileDialogTips(l kit.Lang) map[string]string {
	return map[string]string{
		theme.FolderNewIcon().Name(): l.T("filedialog.new_folder"),
		theme.ListIcon().Name():      l.T("filedialog.view"),
		theme.GridIcon().Name():      l.T("filedialog.view"),
		theme.SettingsIcon().Name():  l.T("filedialog.options"),
	}
}

// overlays translates every overlay on the canvas (the file dialog and
// whatever it opened).
func (z *fyneZh) overlays() {
	for _, o := range z.canvas.Overlays().List() {
		z.walk(o)
	}
}

func (z *fyneZh) walk(o fyne.CanvasObject) {
	switch x := o.(type) {
	case *widget.PopUp:
		z.walk(x.Content)
	case *fyne.Container:
		tips := fileDialogTips(z.lang)
		for i, c := range x.Objects {
			z.walk(c)
			// An icon without words gets its tooltip.
			if b, ok := c.(*widget.Button); ok && !z.tipped[b] && b.Text == "" && b.Icon != nil && tips[b.Icon.Name()] != "" {
				z.tipped[b] = true
				x.Objects[i] = kit.WithTip(b, tips[b.Icon.Name()])
				x.Refresh()
			}
		}
	case *container.Split:
		z.walk(x.Leading)
		z.walk(x.Trailing)
	case *container.Scroll:
		z.walk(x.Content)
	case *widget.Label:
		if z.lang != "zh" {
			return
		}
		if zh, ok := fyneTextZh(x.Text); ok {
			x.SetText(zh)
		}
	case *widget.List:
		if z.lang != "zh" || z.wrapped[x] || x.UpdateItem == nil {
			return
		}
		z.wrapped[x] = true
		update := x.UpdateItem
		x.UpdateItem = func(id widget.ListItemID, item fyne.CanvasObject) {
			update(id, item)
			z.walk(item)
		}
		x.Refresh()
	case *widget.Button:
		if z.lang != "zh" || z.wrapped[x] || x.OnTapped == nil {
			return
		}
		z.wrapped[x] = true
		tapped := x.OnTapped
		x.OnTapped = func() {
			tapped()
			z.overlays()
		}
	}
}

package window

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"kefucost/app"
	"kefucost/app/chart"
	"kefucost/app/window/kit"
	"kefucost/app/window/results"
	"kefucost/app/wording"
	"kefucost/assets"
	"kefucost/pricing"
	"kefucost/scenarios"
)

// Files: open a scenario file (dialog or drop on the window), export the
// scenario file, export the visible chart as PNG or SVG at print size.

// fileSuffix is the scenario file's extension.
const fileSuffix = ".kefucost.json"

// onOpenFile imports a scenario file chosen in a dialog (Ctrl+O).
func (u *ui) onOpenFile() {
	u.confirmDiscard(func() {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil {
				u.showError(err)
				return
			}
			if r == nil {
				return
			}
			u.openReader(r)
		}, u.win)
		d.SetFilter(storage.NewExtensionFileFilter([]string{".json"}))
		u.showFileDialog(d, u.lang.T("open.dialog_title"))
	})
}

// openReader opens the scenario file the open dialog chose.
func (u *ui) openReader(r fyne.URIReadCloser) bool {
	defer r.Close()
	data, ok := u.readScenarioFile(r, r.URI().Name())
	return ok && u.openFileData(data, r.URI().Name())
}

// readScenarioFile reads a scenario file, no further than a scenario file
// may be (scenarios.MaxFileSize): a larger one is refused with the command
// line's message, in the window's language.
func (u *ui) readScenarioFile(r io.Reader, file string) ([]byte, bool) {
	data, err := scenarios.ReadLimited(r, file)
	if err != nil {
		u.showError(u.lang.FileError(err))
		return nil, false
	}
	return data, true
}

// openFileData decodes a scenario file into the editor as an unsaved
// scenario; a bad file says why, naming the file, line and field, and
// changes nothing.
func (u *ui) openFileData(data []byte, file string) bool {
	s, err := scenarios.Decode(data, file)
	if err != nil {
		u.showError(u.lang.FileError(err))
		return false
	}
	if strings.TrimSpace(s.Name) == "" {
		s.Name = scenarios.NameFromFile(file)
	}
	u.loadScenario(s, "", nil)
	u.list.Refresh()
	return true
}

// openPath opens the scenario file named on the command line, as Windows
// passes a *.kefucost.json file opened with kefucost.
func (u *ui) openPath(path string) bool {
	data, err := scenarios.ReadPath(path)
	if err != nil {
		u.showError(err)
		return false
	}
	return u.openFileData(data, filepath.Base(path))
}

// onDropped opens the first scenario file dropped on the window.
func (u *ui) onDropped(_ fyne.Position, uris []fyne.URI) {
	for _, uri := range uris {
		if !strings.HasSuffix(strings.ToLower(uri.Name()), ".json") {
			continue
		}
		r, err := storage.Reader(uri)
		if err != nil {
			u.showError(err)
			return
		}
		data, ok := u.readScenarioFile(r, uri.Name())
		r.Close()
		if !ok {
			return
		}
		u.confirmDiscard(func() { u.openFileData(data, uri.Name()) })
		return
	}
	u.showInfo(u.lang.T("open.title"), u.lang.T("open.drop_hint"))
}

// onExportScenario writes the scenario file the buyer can mail or archive.
func (u *ui) onExportScenario() {
	if path, msg := u.firstProblem(false); path != "" {
		u.refuse(path, msg)
		return
	}
	data, err := scenarios.Encode(u.cur)
	if err != nil {
		u.showError(err)
		return
	}
	name := scenarios.NameFromFile(u.cur.Name)
	if name == "" {
		name = "scenario"
	}
	u.saveFile(safeFileName(u.cur.Name)+fileSuffix, []string{".json"}, data)
}

// safeFileName turns a scenario name into a file name.
func safeFileName(name string) string {
	r := strings.NewReplacer("/", "-", "\\", "-", ":", "-", "*", "-", "?", "", "\"", "", "<", "", ">", "", "|", "-")
	n := strings.TrimSpace(r.Replace(name))
	if n == "" {
		return "scenario"
	}
	return n
}

// canExport says why nothing can be exported yet (no result, or one that
// is not the scenario on screen), for the chart and the report alike,
// naming what was asked for: stale is the message key of its refusal
// ("export.stale.chart", "export.stale.report").
func (u *ui) canExport(stale string) bool {
	if u.result == nil {
		u.showInfo(u.lang.T("export.title"), u.lang.T("export.nothing"))
		return false
	}
	if u.stale {
		u.showInfo(u.lang.T("export.title"), u.lang.T(stale))
		return false
	}
	return true
}

// onExportChart writes the chart on screen (cumulative, monthly, or the
// selected vendor's breakdown) at print size.
func (u *ui) onExportChart(format string) {
	if !u.canExport("export.stale.chart") {
		return
	}
	// The what-if tabs export what they show (sense.go).
	if data, kind, ok, err := u.sense.Export(format); ok {
		if err != nil {
			u.showError(err)
			return
		}
		u.saveFile(safeFileName(u.cur.Name)+"-"+string(kind)+"."+format, []string{"." + format}, data)
		return
	}
	kind := chart.Cumulative
	switch u.results.Tabs.SelectedIndex() {
	case 1:
		kind = chart.Monthly
	case results.BreakdownTab:
		kind = chart.Breakdown
	}
	data, err := u.chartFile(format, kind)
	if err != nil {
		u.showError(err)
		return
	}
	u.saveFile(safeFileName(u.cur.Name)+"-"+string(kind)+"."+format, []string{"." + format}, data)
}

// chartFile renders the export of one chart kind at print size, for the
// scenario as typed: like the report (report.go), it prices it again
// rather than take the results on screen, which follow typing after a
// short pause.
func (u *ui) chartFile(format string, kind chart.Kind) ([]byte, error) {
	if u.result == nil || u.stale {
		return nil, errors.New(u.lang.T("export.stale.chart"))
	}
	c, err := pricing.Compare(u.cur.Clone())
	if err != nil {
		return nil, err
	}
	if u.netOfVAT {
		c = c.WithoutVAT()
	}
	var buf bytes.Buffer
	o := chart.Options{Lang: string(u.lang)}
	if r := u.results.Selected(); r != nil {
		o.Vendor = r.Vendor
	}
	if err := chart.Render(&buf, format, c, kind, o); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// saveFile asks where to save data and writes it there, through the same
// save dialog as the report.
func (u *ui) saveFile(name string, exts []string, data []byte) {
	u.pickSavePath(name, exts, func(path string) {
		// Write through a temporary file and rename, so a failed write
		// never leaves half a file where the old one was.
		if err := scenarios.WriteFileAtomic(path, data); err != nil {
			u.showError(err)
			return
		}
		u.showInfo(u.lang.T("export.title"), u.lang.T("export.done", filepath.Base(path)))
	})
}

// onAbout shows the version, the price editions in use and the licences.
func (u *ui) onAbout() {
	l := u.lang
	var b strings.Builder
	fmt.Fprintf(&b, "kefucost %s — %s\n\n%s\n", app.Version, l.T("app.name"), l.T("about.editions"))
	for _, v := range u.cat.Vendors {
		var eds []string
		for _, e := range v.Editions {
			eds = append(eds, fmt.Sprintf(l.T("about.edition"), e.ID, wording.SourceDate(string(l), e.SourceDate)))
		}
		fmt.Fprintf(&b, "  %s: %s\n", kit.NameIn(l, v.Name, v.NameEN), strings.Join(eds, ", "))
	}
	if u.result != nil {
		ed := app.EditionsOf(u.result)
		ids := make([]string, 0, len(ed))
		for id := range ed {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		fmt.Fprintf(&b, "\n%s\n", l.T("about.inuse"))
		for _, id := range ids {
			fmt.Fprintf(&b, "  %s: %s\n", wording.VendorNameByID(string(l), id), ed[id])
		}
	}
	if u.store != nil {
		fmt.Fprintf(&b, "\n%s %s\n", l.T("about.db"), u.store.Path())
	}
	lic := kit.NewPara(assets.LicensesText(string(l)))
	info := kit.NewPara(b.String())
	body := container.NewVScroll(container.NewVBox(info, widget.NewSeparator(), lic))
	d := dialog.NewCustom(l.T("menu.about"), l.T("action.close"), body, u.win)
	d.Resize(fyne.NewSize(700, 520))
	d.Show()
}

// validateForSave is the check a scenario must pass to be saved or
// exported: the same as the command line's.
func validateForSave(s *scenarios.Scenario) scenarios.FieldErrors {
	return pricing.Validate(s)
}

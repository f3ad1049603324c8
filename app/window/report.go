package window

import (
	"bytes"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"kefucost/app/report"
	"kefucost/pricing"
	"kefucost/scenarios"
)

// Export of the full report (File → 导出 Excel 报告 / CSV, Ctrl+E): the
// same save dialog and "saved" message as the chart. The workbook takes a
// few hundred milliseconds (it draws the chart and prices switched
// interpretations again), so it is built and written off the UI
// goroutine, from a copy of the scenario, and the window keeps taking
// typing meanwhile.
//
// The export prices its copy of the scenario itself (a millisecond)
// instead of taking the comparison on screen: right after an edit that
// comparison is still the one before it (results follow typing after a
// short pause), and a workbook whose 需求 sheet said 45 agents priced 40.

// reportExport is what the export goroutine needs, copied on the UI
// goroutine.
type reportExport struct {
	format string
	s      *scenarios.Scenario
	// netOfVAT: the results' switch 不含税 was on.
	netOfVAT bool
	lang     string
}

// onExportReport asks where to save the report of the comparison shown.
func (u *ui) onExportReport(format string) {
	if !u.canExport("export.stale.report") {
		return
	}
	job := u.reportJob(format)
	u.pickSavePath(safeFileName(u.cur.Name)+"-report."+format, []string{"." + format}, func(path string) {
		u.writeReport(job, path)
	})
}

// reportJob is what the export of the scenario on screen needs, as the
// window has it now.
func (u *ui) reportJob(format string) reportExport {
	return reportExport{format: format, s: u.cur.Clone(), netOfVAT: u.netOfVAT, lang: string(u.lang)}
}

// pickSavePath shows the save dialog and calls then with the chosen path
// (not on cancel). Tests replace it with savePathHook.
func (u *ui) pickSavePath(name string, exts []string, then func(path string)) {
	if u.savePathHook != nil {
		u.savePathHook(name, then)
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if w == nil {
			return // cancelled
		}
		path := w.URI().Path()
		w.Close()
		then(path)
	}, u.win)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	u.showFileDialog(d, u.lang.T("save.dialog_title"))
}

// writeReport builds the report and writes it (through a temporary file:
// a failure never leaves half a file) on its own goroutine, then says so
// on the UI goroutine.
func (u *ui) writeReport(job reportExport, path string) {
	go func() {
		if u.exportGate != nil {
			<-u.exportGate
		}
		data, err := buildReport(job)
		if err == nil {
			err = scenarios.WriteFileAtomic(path, data)
		}
		u.onUI(func() {
			if err != nil {
				u.showError(err)
				return
			}
			u.showInfo(u.lang.T("export.title"), u.lang.T("export.done", filepath.Base(path)))
			if u.onExported != nil {
				u.onExported(path)
			}
		})
	}()
}

func buildReport(job reportExport) ([]byte, error) {
	c, err := pricing.Compare(job.s)
	if err != nil {
		return nil, err
	}
	if job.netOfVAT {
		c = c.WithoutVAT()
	}
	o := report.Options{Lang: job.lang, Generated: time.Now()}
	if job.format == "csv" {
		return report.CSV(job.s, c, o)
	}
	var b bytes.Buffer
	if err := report.XLSX(&b, job.s, c, o); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

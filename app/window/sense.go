package window

import (
	"fyne.io/fyne/v2/container"

	"kefucost/app/window/results"
	"kefucost/app/window/sensitivity"
)

// The results' what-if tabs (issue 11 point 6): sensitivity (tornado) and
// break-even with a field picker, after the others; computed off the UI
// goroutine while their tab is open (package sensitivity).

// addSensitivity builds the two tabs into the results panel.
func (u *ui) addSensitivity(p *results.Panel) {
	run := func(fn func()) { go fn() }
	if u.sync {
		run = func(fn func()) { fn() }
	}
	u.sense = sensitivity.New(u.lang, run, u.onUI)
	torn := container.NewTabItem(u.lang.T("tab.sensitivity"), u.sense.Tornado)
	be := container.NewTabItem(u.lang.T("tab.breakeven"), u.sense.Breakeven)
	p.Tabs.Append(torn)
	p.Tabs.Append(be)
	prev := p.Tabs.OnSelected
	p.Tabs.OnSelected = func(it *container.TabItem) {
		if prev != nil {
			prev(it)
		}
		switch it {
		case torn:
			u.sense.Show(sensitivity.TornadoView)
		case be:
			u.sense.Show(sensitivity.BreakevenView)
		default:
			u.sense.Show(sensitivity.None)
		}
	}
}

// updateSensitivity gives the what-if tabs the scenario just priced.
func (u *ui) updateSensitivity() {
	size := u.results.ChartSize()
	w, h := clampChartSize(int(size.Width), int(size.Height))
	u.sense.Update(sensitivity.Input{Scenario: u.cur.Clone(), Width: w, Height: h, Dark: u.isDark(), NetOfVAT: u.netOfVAT, Scale: u.win.Canvas().Scale(), Editing: u.cur})
}

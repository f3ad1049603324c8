// Package window is kefucost's desktop window (Fyne): the scenario form,
// vendor settings, results, charts and the saved-scenario list. Everything
// here is tested with Fyne's test driver; only package main creates the
// GLFW driver.
package window

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"os"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kefucost/app"
	"kefucost/app/chart"
	"kefucost/app/window/compareview"
	"kefucost/app/window/demand"
	"kefucost/app/window/kit"
	"kefucost/app/window/results"
	"kefucost/app/window/saved"
	"kefucost/app/window/sensitivity"
	"kefucost/app/window/vendors"
	"kefucost/app/wording"
	"kefucost/assets"
	"kefucost/pricing"
	"kefucost/scenarios"
	"kefucost/scenarios/store"
)

// The main window. One private struct holds every widget the handlers and
// the tests reach; each part of the window lives in its own file
// (ui_form.go, ui_vendors.go, ui_results.go, ui_store.go, ui_files.go).
// Work done off the UI goroutine (pricing, charts, drafts) reaches the
// widgets only through fyne.Do (live.go).

// prefLanguage is the preference key of the language the user chose.
const prefLanguage = "language"

// ui is the main window's state.
type ui struct {
	app   fyne.App
	win   fyne.Window
	store *store.Store // nil when the database could not be opened
	// storeProblem says why store is nil (shown in the list panel);
	// "locked" when another program held the file (Save tries again).
	storeProblem string
	storePath    string // the database file, once known
	lang         tr
	cat          *pricing.Catalog

	// cur is the scenario being edited; savedName/savedBytes what it was
	// when last saved or opened ("" / nil for a new one never saved).
	cur        *scenarios.Scenario
	savedName  string
	savedBytes []byte
	// savedEditions are the price editions of the opened revision, to say
	// "prices have changed since".
	savedEditions map[string]string
	// parseErrs are texts in the form that are not numbers or dates, by
	// field path: the message key and the text as typed (kept across a
	// language switch). While any is set the results are out of date.
	parseErrs map[string]typed
	// loading suppresses change handlers while the form is filled in.
	loading bool
	// fresh is set from opening a scenario until its first results.
	fresh bool

	live     *live
	result   *pricing.Comparison // last good comparison
	stale    bool
	sync     bool // tests: compute on the calling goroutine
	noCharts bool // tests not about charts: leave the two live charts undrawn
	noDraft  bool // tests that count allocations: no draft writes

	inputs  *container.AppTabs // requirements | vendors
	form    *demand.Form
	vendors *vendors.Panel
	results *results.Panel
	sense   *sensitivity.Panel // the results' what-if tabs (sense.go)
	list    *saved.List

	// lastDeleted is the name the undo bar can bring back (by id: the
	// trash may hold several of that name).
	lastDeleted   string
	lastDeletedID uint64
	// editorIsDeleted: the editor holds the scenario last deleted (Undo
	// links it to the store again); cleared when another is opened.
	editorIsDeleted bool
	// breakdownVendor is the vendor id the breakdown shows (kept across
	// a language switch).
	breakdownVendor string
	// onApplied, when set (tests), is called after results are shown.
	onApplied func()
	// do, when set (tests), replaces fyne.Do.
	do func(func())
	// pendingNotices are dialogs to show once the window is up.
	pendingNotices []func()
	// savePathHook, when set (tests), stands for the save dialog: it gets
	// the proposed name and calls then with a path.
	savePathHook func(name string, then func(path string))
	// netOfVAT is the results' switch 不含税: amounts ÷ 1.06 everywhere
	// (cards, charts, breakdown, the exported report).
	netOfVAT bool
	// exportGate, when set (tests), holds a report export before it
	// builds; onExported is called on the UI goroutine once it is saved.
	exportGate chan struct{}
	onExported func(path string)
	// compared is the comparison last shown side by side; onCompared
	// (tests) is called once it is.
	compared   *compareview.View
	onCompared func()
}

// Run opens the main window on a and blocks until it closes. screen, when
// set, is the size in pixels of the screen's work area (the window never
// opens larger than it, whatever size it was closed at).
func Run(a fyne.App, args []string, screen func() (fyne.Size, bool)) int {
	a.Settings().SetTheme(NewThemeMode(a.Preferences().String(prefTheme)))
	a.SetIcon(assets.IconResource())
	db, file, _ := Args(args)
	u := newUI(a, openStoreForWindow(db, os.Getenv), runMode{})
	if os.Getenv("KEFUCOST_TRACE_START") != "" {
		u.traceFirstFrame()
	}
	size := u.savedWindowSize()
	if screen != nil {
		if px, ok := screen(); ok {
			size = fitScreen(size, px, 1)
		}
		// The scale is known once the window exists: fit it again.
		a.Lifecycle().SetOnStarted(func() {
			if px, ok := screen(); ok {
				if s := u.win.Canvas().Size(); fitScreen(s, px, u.win.Canvas().Scale()) != s {
					u.win.Resize(fitScreen(s, px, u.win.Canvas().Scale()))
					u.win.CenterOnScreen()
				}
			}
		})
	}
	u.win.Resize(size)
	u.win.CenterOnScreen()
	u.win.SetMaster()
	if file != "" {
		u.openPath(file)
	}
	u.afterShow()
	u.win.ShowAndRun()
	u.live.stop()
	if u.store != nil {
		u.store.Close()
	}
	return 0
}

// processStart is when the program's packages were initialised: close to
// the process start, for measuring the cold start.
var processStart = time.Now()

// traceFirstFrame reports on stderr when the first frame is painted: the
// painter draws a raster only while painting a frame. The smoke test reads
// it (KEFUCOST_TRACE_START=1).
func (u *ui) traceFirstFrame() {
	var once sync.Once
	r := canvas.NewRaster(func(w, h int) image.Image {
		once.Do(func() {
			fmt.Fprintf(os.Stderr, "kefucost: first frame painted %d ms after start\n", time.Since(processStart).Milliseconds())
		})
		return image.NewUniform(color.Transparent)
	})
	r.SetMinSize(fyne.NewSize(1, 1))
	u.win.SetContent(container.NewStack(u.win.Content(), container.NewWithoutLayout(r)))
}

// storeOpen is the outcome of opening the database for the window.
type storeOpen struct {
	store     *store.Store
	path      string // the database file, once known
	problem   string // why there is no store
	recovered string // where a damaged file was moved
	locked    bool
}

// Args reports whether args (without the program name) ask for the
// window rather than a subcommand: none, --db PATH (the database, as for
// the subcommands) and at most one scenario file to open, a name ending in
// .json (no subcommand does): that is how Windows starts kefucost for a
// *.kefucost.json file opened with it.
func Args(args []string) (db, file string, ok bool) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case strings.HasPrefix(a, "--db="):
			db = strings.TrimPrefix(a, "--db=")
		case a == "--db" || a == "-db":
			if i+1 == len(args) {
				return "", "", false
			}
			i++
			db = args[i]
		case !strings.HasPrefix(a, "-") && strings.HasSuffix(strings.ToLower(a), ".json"):
			// A file manager passes every file selected (Exec=kefucost
			// %F): the first opens.
			if file == "" {
				file = a
			}
		default:
			return "", "", false
		}
	}
	return db, file, true
}

func openStoreForWindow(dbFlag string, getenv func(string) string) storeOpen {
	path, err := app.DBPath(dbFlag, getenv)
	if err != nil {
		return storeOpen{problem: err.Error()}
	}
	if err := os.MkdirAll(dirOf(path), 0o700); err != nil {
		return storeOpen{path: path, problem: err.Error()}
	}
	// The store opens the file only for the moment of each operation, so
	// that a second window and the command line can use it too.
	st, err := store.Open(store.Options{Path: path})
	if err != nil {
		return storeOpen{path: path, problem: err.Error(), locked: errors.Is(err, store.ErrLocked)}
	}
	return storeOpen{store: st, path: path, recovered: st.Recovered}
}

func dirOf(p string) string {
	for i := len(p) - 1; i >= 0; i-- {
		if os.IsPathSeparator(p[i]) {
			return p[:i]
		}
	}
	return "."
}

// runMode is how the window runs; the program uses the zero value. Tests
// compute results on their own goroutine (sync) and, unless they are about
// charts, leave the two live charts undrawn (noCharts): drawing them after
// every edit is most of what a window test would otherwise spend its time on.
type runMode struct{ sync, noCharts bool }

// newUI builds the window around a store (which may have failed to open).
func newUI(a fyne.App, so storeOpen, mode runMode) *ui {
	u := &ui{
		app:       a,
		store:     so.store,
		storePath: so.path,
		cat:       pricing.MustCatalog(),
		parseErrs: map[string]typed{},
		sync:      mode.sync,
		noCharts:  mode.noCharts,
	}
	u.lang = tr(validLanguage(a.Preferences().String(prefLanguage)))
	if u.lang == "" {
		u.lang = tr(SystemLanguage())
	}
	if so.store == nil {
		u.storeProblem = so.problem
		if so.locked {
			u.storeProblem = "locked"
		}
	}
	u.win = a.NewWindow("kefucost")
	u.win.SetIcon(assets.IconResource())
	u.live = newLive(u)
	u.cur = sampleScenario(u.lang)
	u.build()
	if !u.reopenLast() {
		u.loadScenario(u.cur, "", nil)
	}
	u.win.SetCloseIntercept(u.onClose)
	u.win.SetOnDropped(u.onDropped)
	// The charts are images drawn in the theme's colours: redraw them
	// when the system switches between light and dark.
	dark := u.isDark()
	a.Settings().AddListener(func(fyne.Settings) {
		fyne.Do(func() {
			if d := u.isDark(); d != dark {
				dark = d
				u.recompute()
			}
		})
	})
	u.pendingNotices = append(u.pendingNotices, u.storeNotice(so)...)
	return u
}

// newScenario is what "New" starts with: no demand at all (a buyer fills
// in their own numbers; none of the sample's can be left in by mistake),
// starting on the first day of next month.
func newScenario(l tr) *scenarios.Scenario {
	s := scenarios.New(l.T("scenario.untitled"), demand.FirstOfNextMonth())
	for _, name := range scenarios.CountFieldNames() {
		if name != "messages_per_chat" { // a ratio: one request a chat
			s.Demand.SetCount(name, 0)
		}
	}
	return s
}

// sampleScenario is the sample (Help ▸ Sample scenario, and the first
// start): a small web customer service with a bot.
func sampleScenario(l tr) *scenarios.Scenario {
	return scenarios.New(l.T("scenario.sample"), demand.FirstOfNextMonth())
}

// prefLast is the preference key of the saved scenario last open.
const prefLast = "lastScenario"

// rememberLast keeps name as the scenario to reopen at the next start.
func (u *ui) rememberLast(name string) { u.app.Preferences().SetString(prefLast, name) }

// reopenLast opens the saved scenario that was open when the window last
// closed; it reports whether it did.
func (u *ui) reopenLast() bool {
	name := u.app.Preferences().String(prefLast)
	if name == "" || u.store == nil {
		return false
	}
	s, r, err := u.store.Load(name)
	if err != nil {
		return false // deleted or renamed elsewhere: start as for a first start
	}
	s.Name = name
	u.loadScenario(s, name, &r)
	u.list.Refresh()
	return true
}

// build (re)creates every widget in the current language; the scenario
// being edited is kept.
func (u *ui) build() {
	useFyneLanguage(string(u.lang))
	u.form = u.newForm()
	u.vendors = u.newVendorsPanel()
	u.results = u.newResultsPanel()
	u.list = u.newListPanel()

	u.inputs = container.NewAppTabs(
		container.NewTabItemWithIcon(u.lang.T("tab.requirements"), theme.DocumentIcon(), u.form.Content),
		container.NewTabItemWithIcon(u.lang.T("tab.vendors"), theme.SettingsIcon(), u.vendors.Content),
	)
	right := container.NewHSplit(u.inputs, u.results.Content)
	right.Offset = 0.36
	main := container.NewHSplit(u.list.Content, right)
	main.Offset = 0.17
	u.win.SetContent(container.NewBorder(u.toolbar(), nil, nil, nil, main))
	u.win.SetMainMenu(u.menu())
	u.shortcuts()
	u.updateTitle()
}

// toolbar: each icon names itself when pointed at (kit.TipAction), with
// the words of its menu item.
func (u *ui) toolbar() fyne.CanvasObject {
	l := u.lang
	return widget.NewToolbar(
		kit.NewTipAction(theme.ContentAddIcon(), l.T("menu.new"), u.onNew),
		kit.NewTipAction(theme.FolderOpenIcon(), l.T("menu.open"), u.onOpenFile),
		kit.NewTipAction(theme.DocumentSaveIcon(), l.T("menu.save"), u.onSave),
		widget.NewToolbarSeparator(),
		kit.NewTipAction(theme.UploadIcon(), l.T("menu.export.scenario"), u.onExportScenario),
		kit.NewTipAction(theme.MediaPhotoIcon(), l.T("menu.export.png"), func() { u.onExportChart("png") }),
		widget.NewToolbarSpacer(),
		kit.NewTipAction(theme.InfoIcon(), l.T("menu.about"), u.onAbout),
	)
}

func (u *ui) menu() *fyne.MainMenu {
	l := u.lang
	ctrl := fyne.KeyModifierShortcutDefault
	newItem := fyne.NewMenuItem(l.T("menu.new"), u.onNew)
	newItem.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: ctrl}
	openItem := fyne.NewMenuItem(l.T("menu.open"), u.onOpenFile)
	openItem.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: ctrl}
	saveItem := fyne.NewMenuItem(l.T("menu.save"), u.onSave)
	saveItem.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: ctrl}
	reportItem := fyne.NewMenuItem(l.T("menu.export.xlsx"), func() { u.onExportReport("xlsx") })
	reportItem.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: ctrl}
	file := fyne.NewMenu(l.T("menu.file"),
		newItem, openItem, saveItem,
		fyne.NewMenuItem(l.T("menu.saveas"), u.onSaveAs),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(l.T("menu.export.scenario"), u.onExportScenario),
		fyne.NewMenuItem(l.T("menu.export.png"), func() { u.onExportChart("png") }),
		fyne.NewMenuItem(l.T("menu.export.svg"), func() { u.onExportChart("svg") }),
		reportItem,
		fyne.NewMenuItem(l.T("menu.export.csv"), func() { u.onExportReport("csv") }),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(l.T("menu.trash"), u.onShowTrash),
	)
	var langItems []*fyne.MenuItem
	for _, code := range wording.Languages {
		it := fyne.NewMenuItem(tr(code).T("language.name"), func() { u.setLanguage(code) })
		it.Checked = string(u.lang) == code
		langItems = append(langItems, it)
	}
	view := fyne.NewMenu(l.T("menu.language"), langItems...)
	var themeItems []*fyne.MenuItem
	for _, mode := range themeModes {
		it := fyne.NewMenuItem(l.T("menu.theme."+orSystem(mode)), func() { u.setThemeMode(mode) })
		it.Checked = u.app.Preferences().String(prefTheme) == mode
		themeItems = append(themeItems, it)
	}
	look := fyne.NewMenu(l.T("menu.theme"), themeItems...)
	help := fyne.NewMenu(l.T("menu.help"), fyne.NewMenuItem(l.T("menu.sample"), u.onSample), fyne.NewMenuItem(l.T("menu.about"), u.onAbout))
	return fyne.NewMainMenu(file, view, look, help)
}

func orSystem(mode string) string {
	if mode == "" {
		return "system"
	}
	return mode
}

// setThemeMode switches to the light or dark theme, or back to the
// system's, remembers the choice, and redraws the charts in its colours.
func (u *ui) setThemeMode(mode string) {
	u.app.Preferences().SetString(prefTheme, mode)
	u.app.Settings().SetTheme(NewThemeMode(mode))
	u.win.SetMainMenu(u.menu())
	u.recompute()
}

// shortcuts registers Ctrl+S/N/O/E on the canvas as well, so they work where
// the driver shows no main menu (and in tests).
func (u *ui) shortcuts() {
	c := u.win.Canvas()
	ctrl := fyne.KeyModifierShortcutDefault
	for key, fn := range map[fyne.KeyName]func(){fyne.KeyS: u.onSave, fyne.KeyN: u.onNew, fyne.KeyO: u.onOpenFile,
		fyne.KeyE: func() { u.onExportReport("xlsx") }} {
		fn := fn
		sc := &desktop.CustomShortcut{KeyName: key, Modifier: ctrl}
		c.RemoveShortcut(sc)
		c.AddShortcut(sc, func(fyne.Shortcut) { fn() })
	}
}

// setLanguage switches the window's language, remembers the choice, and
// rebuilds the widgets around the same scenario.
func (u *ui) setLanguage(code string) {
	if validLanguage(code) == "" || tr(code) == u.lang {
		return
	}
	pristine := u.isPristineNew()
	old := string(u.lang)
	u.lang = tr(code)
	u.app.Preferences().SetString(prefLanguage, code)
	if pristine {
		if u.cur.Name == tr(old).T("scenario.sample") {
			u.cur.Name = u.lang.T("scenario.sample")
		} else {
			u.cur.Name = u.lang.T("scenario.untitled")
		}
	}
	u.build()
	u.fillForm()
	u.list.Refresh()
	// The last results stay on screen (marked out of date if the form is
	// invalid), now in the new language.
	if u.result != nil && !u.fresh {
		u.showResult(u.redraw(u.result))
		if len(u.parseErrs) > 0 || len(pricing.Validate(u.cur)) > 0 {
			u.setStale(true)
		}
	}
	u.recompute()
}

// redraw draws the charts of a comparison at the current size and
// language (after a language switch).
func (u *ui) redraw(c *pricing.Comparison) *liveResult {
	size := u.results.ChartSize()
	w, h := clampChartSize(int(size.Width), int(size.Height))
	o := chart.Options{Width: w, Height: h, Lang: string(u.lang), Dark: u.isDark(), NoLeads: true}
	r := &liveResult{cmp: c}
	if !u.noCharts {
		r.cumulative, _ = chart.Image(c, chart.Cumulative, o)
		r.monthly, _ = chart.Image(c, chart.Monthly, o)
	}
	return r
}

// dirty reports unsaved changes: the scenario differs from what was saved
// or opened, or the form holds text that is not yet a value.
func (u *ui) dirty() bool {
	if len(u.parseErrs) > 0 {
		return true
	}
	if u.savedBytes == nil {
		return true
	}
	b, err := scenarios.Encode(u.cur)
	return err != nil || !bytes.Equal(b, u.savedBytes)
}

// updateTitle shows the scenario's name and a dot for unsaved changes.
func (u *ui) updateTitle() {
	mark := ""
	if u.dirty() && !u.isPristineNew() { // an untouched sample or new scenario loses nothing
		mark = "● "
	}
	name := u.cur.Name
	if name == "" {
		name = u.lang.T("scenario.untitled")
	}
	ro := ""
	if u.store == nil {
		ro = " — " + u.lang.T("title.nostore")
	}
	u.win.SetTitle(fmt.Sprintf("%s%s — kefucost %s%s", mark, name, u.lang.T("app.name"), ro))
}

// loadScenario puts s in the form as the scenario being edited; name and
// saved say what it was saved as (nil saved: never saved).
func (u *ui) loadScenario(s *scenarios.Scenario, name string, rev *store.Revision) {
	u.cur = s
	u.savedName = name
	if name != "" {
		u.rememberLast(name)
	}
	u.savedBytes = nil
	u.savedEditions = nil
	if name != "" {
		if b, err := scenarios.Encode(s); err == nil {
			u.savedBytes = b
		}
	}
	if rev != nil {
		u.savedEditions = rev.Editions
	}
	u.parseErrs = map[string]typed{}
	u.fresh = true
	u.editorIsDeleted = false
	u.fillForm()
	u.updateTitle()
	u.recompute()
}

// fillForm writes u.cur into every widget without firing change handlers.
func (u *ui) fillForm() {
	u.loading = true
	defer func() { u.loading = false }()
	u.form.Fill(u.cur)
	u.vendors.Fill(u.cur)
	u.restoreTyped()
}

// restoreTyped puts back text that was typed but is not a value (the
// widgets were rebuilt, e.g. for another language): nothing typed is lost,
// and every message has its field.
func (u *ui) restoreTyped() {
	for path, t := range u.parseErrs {
		if !u.form.RestoreTyped(path, t.Text) {
			u.vendors.RestoreTyped(path, t.Text)
		}
	}
}

// edited is called after any change the user made to u.cur.
func (u *ui) edited() {
	if u.loading {
		return
	}
	u.updateTitle()
	u.recompute()
	u.live.draft()
}

// recompute validates u.cur and, when valid, schedules a new comparison;
// when not, marks the last results as out of date.
func (u *ui) recompute() {
	errs := pricing.Validate(u.cur)
	u.showErrors(errs)
	if len(errs) > 0 || len(u.parseErrs) > 0 {
		// No result asked for before this edit may be shown as current.
		u.live.invalidate()
		u.setStale(true)
		if u.fresh {
			// A scenario just opened that is not valid: the results on
			// screen are another scenario's. Do not show them.
			u.result = nil
			u.results.Clear()
			u.vendors.ClearStatus()
		}
		return
	}
	u.live.compute(u.cur.Clone(), u.results.ChartSize())
}

// showErrors puts each validation error next to its field; errors no field
// shows go to the form's general message line.
func (u *ui) showErrors(errs scenarios.FieldErrors) {
	var general []string
	colon := "：" // as wording.FileError writes a field's message in Chinese
	if u.lang.EN() {
		colon = ": "
	}
	shown := u.form.ShowErrors(errs, u.parseErrs)
	shown2 := u.vendors.ShowErrors(errs, u.parseErrs)
	for _, e := range errs {
		if !shown[e] && !shown2[e] {
			general = append(general, u.lang.FieldName(e.Field)+colon+u.lang.FieldError(e))
		}
	}
	u.form.SetGeneral(general)
	u.markTabs(errs)
}

// markTabs marks an input tab that holds a field in error, so a mistake on
// the tab not shown is seen.
func (u *ui) markTabs(errs scenarios.FieldErrors) {
	var bad [2]bool
	for p := range u.parseErrs {
		bad[inputTab(p)] = true
	}
	for _, e := range errs {
		bad[inputTab(e.Field)] = true
	}
	changed := false
	for i, key := range []string{"tab.requirements", "tab.vendors"} {
		text := u.lang.T(key)
		if bad[i] {
			text = u.lang.T("tab.error_mark", text)
		}
		if it := u.inputs.Items[i]; it.Text != text {
			it.Text = text
			changed = true
		}
	}
	if changed {
		u.inputs.Refresh()
	}
}

func (u *ui) setStale(stale bool) {
	u.stale = stale
	u.results.SetStale(stale)
}

// applyResult shows a comparison computed for the scenario as it is now.
func (u *ui) applyResult(r *liveResult) {
	if r.err != nil || r.cmp == nil {
		// A valid scenario the engine refuses (an amount past what it
		// computes exactly, a volume grown past its limit) is said at
		// the field it names, as a mistake; the next edit clears it.
		var fes scenarios.FieldErrors
		if errors.As(r.err, &fes) {
			u.showErrors(fes)
		}
		u.setStale(true) // keep what is shown, marked out of date
		return
	}
	u.fresh = false
	u.showResult(r)
}

// showResult puts a comparison on screen as current.
func (u *ui) showResult(r *liveResult) {
	u.result = r.cmp
	u.setStale(false)
	u.results.Show(results.View{
		Cmp: r.cmp, Cumulative: r.cumulative, Monthly: r.monthly,
		Scenario: u.cur, SavedEditions: u.savedEditions, BreakdownVendor: u.breakdownVendor,
	})
	u.vendors.ShowStatus(r.cmp, u.cur)
	// A vendor past 10^15 元 is not computed (the others are): said at the
	// field to check, as a mistake there, without refusing the results.
	var past scenarios.FieldErrors
	for _, v := range r.cmp.Vendors {
		if e := v.PastLimitError(); e != nil {
			past = append(past, e)
		}
	}
	if len(past) > 0 {
		u.showErrors(past)
	}
	u.updateSensitivity()
	if u.onApplied != nil {
		u.onApplied()
	}
}

// onChartResized redraws the charts at their new size (the comparison is
// recomputed too: it costs less than a millisecond).
func (u *ui) onChartResized() {
	// Without live charts (tests not about them) a new size changes nothing.
	if u.noCharts || u.stale || u.loading || len(u.parseErrs) > 0 || len(pricing.Validate(u.cur)) > 0 {
		return
	}
	u.live.compute(u.cur.Clone(), u.results.ChartSize())
}

// priceAgain computes the results again for the scenario as it is (when
// it is valid): a view setting such as the VAT switch changed.
func (u *ui) priceAgain() {
	if u.stale || u.loading || len(u.parseErrs) > 0 || len(pricing.Validate(u.cur)) > 0 {
		return
	}
	u.live.compute(u.cur.Clone(), u.results.ChartSize())
}

func (u *ui) afterShow() {
	for _, n := range u.pendingNotices {
		n()
	}
	u.pendingNotices = nil
	u.offerDraft()
}

// Preference keys of the window's size, restored at the next start.
const (
	prefWidth  = "window.width"
	prefHeight = "window.height"
)

// savedWindowSize is the size the window had when last closed, or
// 1280×800 the first time.
func (u *ui) savedWindowSize() fyne.Size {
	p := u.app.Preferences()
	w, h := p.FloatWithFallback(prefWidth, 1280), p.FloatWithFallback(prefHeight, 800)
	return fyne.NewSize(float32(min(max(w, 800), 8000)), float32(min(max(h, 560), 8000)))
}

// fitScreen is size made no larger than a screen's work area of px
// pixels at scale (a size remembered on a larger screen, or content wider
// than the screen), and no smaller than the window's least useful size.
func fitScreen(size, px fyne.Size, scale float32) fyne.Size {
	if scale <= 0 {
		scale = 1
	}
	if px.Width <= 0 || px.Height <= 0 {
		return size
	}
	return size.Min(fyne.NewSize(max(px.Width/scale, 800), max(px.Height/scale, 560)))
}

// onClose asks before losing unsaved changes.
func (u *ui) onClose() {
	if s := u.win.Canvas().Size(); s.Width > 0 && s.Height > 0 {
		u.app.Preferences().SetFloat(prefWidth, float64(s.Width))
		u.app.Preferences().SetFloat(prefHeight, float64(s.Height))
	}
	u.confirmDiscard(func() {
		if u.store != nil {
			u.clearDraft()
		}
		u.win.Close()
	})
}

// confirmDiscard runs then when there is nothing unsaved, or after the
// user chose to save or discard the changes.
func (u *ui) confirmDiscard(then func()) {
	if !u.dirty() || u.isPristineNew() {
		then()
		return
	}
	l := u.lang
	var d dialog.Dialog
	save := widget.NewButtonWithIcon(l.T("action.save"), theme.DocumentSaveIcon(), func() {
		d.Hide()
		u.saveThen(then)
	})
	save.Importance = widget.HighImportance
	discard := widget.NewButton(l.T("action.discard"), func() {
		d.Hide()
		u.clearDraft()
		then()
	})
	cancel := widget.NewButton(l.T("action.cancel"), func() { d.Hide() })
	body := container.NewVBox(
		widget.NewLabel(l.T("confirm.unsaved", u.cur.Name)),
		container.NewHBox(cancel, discard, save),
	)
	d = dialog.NewCustomWithoutButtons(l.T("confirm.unsaved.title"), body, u.win)
	d.Show()
}

// isPristineNew is a new scenario nobody has typed into yet.
func (u *ui) isPristineNew() bool {
	if u.savedName != "" || len(u.parseErrs) > 0 {
		return false
	}
	b1, err1 := scenarios.Encode(u.cur)
	if err1 != nil {
		return false
	}
	for _, p := range []*scenarios.Scenario{u.pristine(), sampleScenario(u.lang)} {
		p.Start = u.cur.Start
		if b2, err2 := scenarios.Encode(p); err2 == nil && bytes.Equal(b1, b2) {
			return true
		}
	}
	return false
}

func (u *ui) pristine() *scenarios.Scenario {
	p := newScenario(u.lang)
	p.Start = u.cur.Start
	return p
}

// showError says what went wrong, exactly as the error says it (Fyne's
// error dialog capitalises the first letter, which changes file names),
// in the window's language (a file's problems and the disk's).
// The message breaks as Chinese is set (kit.MessageDialog).
func (u *ui) showError(err error) {
	kit.MessageDialog(u.lang.T("error.title"), u.lang.T("action.close"), u.lang.FileError(err).Error(), u.win).Show()
}

// showInfo says msg (a save refusal naming its field, a file saved) in a
// dialog whose Chinese breaks between characters.
func (u *ui) showInfo(title, msg string) {
	kit.MessageDialog(title, u.lang.T("action.ok"), msg, u.win).Show()
}

// newVendorsPanel builds the vendors tab around the scenario being edited.
func (u *ui) newVendorsPanel() *vendors.Panel {
	p := vendors.New(u.lang, u.cat, u.win.Canvas())
	p.Loading = func() bool { return u.loading }
	p.OnChange = u.changeVendor
	p.OnBadText = func(path string, t typed) {
		u.parseErrs[path] = t
		u.edited()
	}
	p.OnValue = func(path string) { delete(u.parseErrs, path) }
	p.OnCombine = u.changeCombine
	p.Start = func() scenarios.Date { return u.cur.Start }
	return p
}

// changeCombine changes the buyer's decisions on combinations in the
// scenario being edited.
func (u *ui) changeCombine(fn func(c *scenarios.Combine)) {
	fn(&u.cur.Combine)
	if len(u.cur.Combine.Pin) == 0 {
		u.cur.Combine.Pin = nil
	}
	if len(u.cur.Combine.Exclude) == 0 {
		u.cur.Combine.Exclude = nil
	}
	u.edited()
}

// changeVendor changes one vendor's settings in the scenario being edited.
func (u *ui) changeVendor(id string, fn func(vs *scenarios.VendorSettings)) {
	if u.cur.Vendors == nil {
		u.cur.Vendors = map[string]scenarios.VendorSettings{}
	}
	vs := u.cur.Vendors[id]
	fn(&vs)
	if vs.Enabled == nil && (vs.Plan == "" || vs.Plan == "auto") && vs.Discount == nil && len(vs.Prices) == 0 && len(vs.Options) == 0 &&
		len(vs.Gifts) == 0 && len(vs.Extras) == 0 {
		delete(u.cur.Vendors, id) // defaults: no entry, as a new scenario has
	} else {
		u.cur.Vendors[id] = vs
	}
	u.edited()
}

// newResultsPanel builds the results side.
func (u *ui) newResultsPanel() *results.Panel {
	p := results.New(u.lang, u.cat, u.win.Canvas(), u.app.Settings().Theme())
	u.addSensitivity(p) // before OnResized: adding tabs lays them out
	p.OnResized = u.onChartResized
	p.OnBreakdownVendor = func(id string) { u.breakdownVendor = id }
	p.VAT.SetChecked(u.netOfVAT) // kept across a language switch (OnVAT not set yet)
	p.OnVAT = func(on bool) {
		if on == u.netOfVAT {
			return
		}
		u.netOfVAT = on
		u.priceAgain() // shown as switched
	}
	return p
}

// newForm builds the requirements tab around the scenario being edited.
func (u *ui) newForm() *demand.Form {
	f := demand.New(u.lang)
	f.Scenario = func() *scenarios.Scenario { return u.cur }
	f.Typed = func() map[string]typed { return u.parseErrs }
	f.Loading = func() bool { return u.loading }
	f.SetLoading = func(on bool) { u.loading = on }
	f.OnEdited = u.edited
	return f
}

// Package sensitivity is the window's what-if views (issue 11 point 6):
// the tornado (each demand input ±20 %, growth ±5 points of its annual
// rate, or as many as picked: the change in the cheapest way's total or
// one vendor's, inputs that change the ranking starred) and the volume
// break-even chart with a field picker and range, net of VAT when the
// results' switch says so. Both are computed off the UI goroutine, only while their tab
// is open, the newest request replacing one not yet started; a result
// for an older scenario is dropped.
package sensitivity

import (
	"bytes"
	"errors"
	"image"
	"strconv"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"kefucost/app/chart"
	"kefucost/app/window/kit"
	"kefucost/app/wording"
	"kefucost/pricing"
	"kefucost/scenarios"
)

// Views: which of the two is on screen.
const (
	None = iota
	TornadoView
	BreakevenView
)

// Points a break-even sweep compares (as the command line).
const breakevenPoints = 50

// growthChoices are the tornado's growth steps the tab offers, in
// percentage points of the annual growth rate (the first is the default,
// as the command line's --growth-points).
var growthChoices = []string{"5", "2", "10"}

// GrowthPoints is the growth step picked, as pricing.TornadoOptions takes
// it (5 points: 0.05).
func (p *Panel) GrowthPoints() decimal.Decimal {
	i := max(0, p.Growth.SelectedIndex())
	return decimal.RequireFromString(growthChoices[i]).Shift(-2)
}

// Input is what the views are drawn for: the scenario as priced, the
// chart's size in pixels and the window's settings.
type Input struct {
	Scenario *scenarios.Scenario
	Width    int
	Height   int
	Dark     bool
	NetOfVAT bool
	// Scale is the canvas's (pixels per Fyne unit).
	Scale float32
	// Editing identifies the scenario being edited (the window's own,
	// never read here): another one opened starts the break-even at its
	// first need again.
	Editing any
}

// Panel holds both views.
type Panel struct {
	// Tornado and Breakeven are the two tabs' contents.
	Tornado, Breakeven fyne.CanvasObject

	// Whose picks whose total the tornado shows: the cheapest way to
	// cover everything (first) or one vendor.
	Whose *widget.Select
	// Growth picks how far growth moves: growthChoices points of its
	// annual rate (±5 first).
	Growth     *widget.Select
	TornadoImg *canvas.Image
	TornadoMsg *kit.Para
	// TornadoScroll holds the tornado: drawn taller than its area when
	// the inputs need the room (chart.TornadoFit), it scrolls.
	TornadoScroll *container.Scroll
	// breakevenArea holds the break-even chart, at the size it is drawn.
	breakevenArea *fyne.Container

	// Field, From and To are the break-even sweep; RangeMsg says why a
	// range typed is not one.
	Field    *widget.Select
	From, To *widget.Entry
	RangeMsg *kit.Para
	// KeptChanges says the swept field's dated changes stay as planned
	// (the sweep moves only its starting value); empty without any.
	KeptChanges  *kit.Para
	BreakevenImg *canvas.Image
	BreakevenMsg *kit.Para

	lang kit.Lang
	// run starts work off the UI goroutine (tests: runs it now); ui puts
	// a result on screen (fyne.Do).
	run, ui func(func())

	in      Input
	showing int
	dirty   [3]bool // by view
	gen     [3]uint64
	workers [3]worker

	// around[view] are what sits above and below the view's chart: it
	// is drawn at the results' chart size less their height.
	around [3][]fyne.CanvasObject

	whoseIDs []string // "" for the cheapest way, then vendor ids
	tornado  *pricing.Tornado
	tornGen  uint64 // the gen the kept tornado is for
	loading  bool   // the panel sets its own widgets: no handlers

	// OnShown, when set (tests), is called on the UI goroutine after a
	// view shows a new result or message.
	OnShown func(view int)
}

// New builds both views in language l.
func New(l kit.Lang, run, ui func(func())) *Panel {
	p := &Panel{lang: l, run: run, ui: ui}
	img := func() *canvas.Image {
		i := canvas.NewImageFromImage(nil)
		i.FillMode = canvas.ImageFillContain
		i.ScaleMode = canvas.ImageScaleSmooth
		i.SetMinSize(fyne.NewSize(320, 160))
		return i
	}
	msg := func() *kit.Para {
		m := kit.NewPara("")
		m.SizeName = theme.SizeNameCaptionText
		return m
	}

	p.TornadoImg, p.TornadoMsg = img(), msg()
	p.Whose = widget.NewSelect(nil, func(string) {
		if p.loading {
			return
		}
		p.redrawTornado()
	})
	p.Whose.PlaceHolder = l.T("select.placeholder")
	var growth []string
	for _, g := range growthChoices {
		growth = append(growth, l.T("sense.growth.points", g))
	}
	p.Growth = widget.NewSelect(growth, func(string) {
		if p.loading {
			return
		}
		p.dirty[TornadoView] = true
		p.refresh()
	})
	p.Growth.PlaceHolder = l.T("select.placeholder")
	p.loading = true
	p.Growth.SetSelectedIndex(0)
	p.loading = false
	// Two rows: side by side they would widen the window past 1280 px
	// in English (the vendors' long names).
	whose := inset(container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel(l.T("sense.whose")), nil, p.Whose),
		container.NewBorder(nil, nil, widget.NewLabel(l.T("sense.growth")), nil, p.Growth)))
	p.TornadoScroll = container.NewVScroll(p.TornadoImg)
	p.Tornado = container.NewBorder(whose, p.TornadoMsg, nil, nil, p.TornadoScroll)
	p.around[TornadoView] = []fyne.CanvasObject{whose, p.TornadoMsg}

	p.BreakevenImg, p.BreakevenMsg = img(), msg()
	p.BreakevenMsg.Hide() // shown only while there is no chart
	p.RangeMsg = kit.ErrorLabel()
	var labels []string
	for _, f := range scenarios.CountFieldNames() {
		labels = append(labels, wording.FieldLabel(string(l), f))
	}
	p.Field = widget.NewSelect(labels, func(string) {
		if p.loading {
			return
		}
		p.defaultRange()
		p.rangeChanged()
	})
	p.Field.PlaceHolder = l.T("select.placeholder")
	p.From, p.To = widget.NewEntry(), widget.NewEntry()
	p.From.OnChanged = func(string) { p.rangeChanged() }
	p.To.OnChanged = func(string) { p.rangeChanged() }
	p.loading = true
	p.Field.SetSelectedIndex(kit.IndexOf(scenarios.CountFieldNames(), "chats_per_day"))
	p.loading = false
	row := container.NewBorder(nil, nil, widget.NewLabel(l.T("sense.field")), nil,
		container.NewGridWithColumns(2, p.Field, container.NewGridWithColumns(4,
			widget.NewLabel(l.T("sense.from")), p.From, widget.NewLabel(l.T("sense.to")), p.To)))
	p.KeptChanges = kit.NewPara("")
	p.KeptChanges.SizeName = theme.SizeNameCaptionText
	p.KeptChanges.Hide()
	top := inset(container.NewVBox(row, p.RangeMsg, p.KeptChanges))
	// The chart is drawn at its area's size, once that is laid out, and
	// again when the area changes (the note above it shown, the window
	// resized): drawn from an estimate of the rows around it, it came out
	// at the least height (160 px) and was shown as a flat band.
	p.breakevenArea = container.New(&resized{onResize: func() {
		p.ui(func() {
			p.dirty[BreakevenView] = true
			p.refresh()
		})
	}}, p.BreakevenImg)
	// The message (computing, or why there is no chart) stands in the
	// chart's place, never in a row of its own: an empty row left 30 px
	// blank under the chart, and a row shown and hidden would change the
	// chart's area, which draws it again.
	p.Breakeven = container.NewBorder(top, nil, nil, nil, container.NewStack(p.breakevenArea, p.BreakevenMsg))
	p.around[BreakevenView] = []fyne.CanvasObject{top}
	return p
}

// Update gives the views a newly priced scenario (a copy nobody else
// touches); the view on screen is computed again.
func (p *Panel) Update(in Input) {
	first := p.in.Scenario == nil || p.in.Editing != in.Editing
	p.in = in
	p.dirty[TornadoView], p.dirty[BreakevenView] = true, true
	p.setWhose()
	if first {
		p.loading = true
		p.Field.SetSelectedIndex(kit.IndexOf(scenarios.CountFieldNames(), defaultField(in.Scenario)))
		p.loading = false
		p.defaultRange()
	}
	p.refresh()
}

// Show says which view is on screen (None when another tab is).
func (p *Panel) Show(view int) {
	p.showing = view
	p.refresh()
}

func (p *Panel) refresh() {
	if p.in.Scenario == nil || p.showing == None || !p.dirty[p.showing] {
		return
	}
	p.dirty[p.showing] = false
	if p.showing == TornadoView {
		p.computeTornado()
	} else {
		p.computeBreakeven()
	}
}

// setWhose lists the cheapest way and the scenario's enabled vendors,
// keeping the choice.
func (p *Panel) setWhose() {
	keep := ""
	if i := p.Whose.SelectedIndex(); i >= 0 && i < len(p.whoseIDs) {
		keep = p.whoseIDs[i]
	}
	p.whoseIDs = []string{""}
	names := []string{p.lang.T("sense.whose.answer")}
	for _, id := range scenarios.VendorIDs {
		if p.in.Scenario.Vendor(id).IsEnabled() {
			p.whoseIDs = append(p.whoseIDs, id)
			names = append(names, wording.VendorNameByID(string(p.lang), id))
		}
	}
	p.loading = true
	p.Whose.Options = names
	p.Whose.SetSelectedIndex(max(0, kit.IndexOf(p.whoseIDs, keep)))
	p.loading = false
}

func (p *Panel) whose() string {
	if i := p.Whose.SelectedIndex(); i > 0 && i < len(p.whoseIDs) {
		return p.whoseIDs[i]
	}
	return ""
}

// options draws a view's chart at the pixels it fills: the results'
// chart area less the view's own rows (a chart drawn larger would be
// shrunk, its words with it).
func (p *Panel) options(view int, vendor string) chart.Options {
	scale := p.in.Scale
	if scale <= 0 {
		scale = 1
	}
	rows := float32(0)
	for _, o := range p.around[view] {
		if !o.Visible() {
			continue
		}
		rows += o.MinSize().Height + theme.Padding()
	}
	w, h := p.in.Width, max(chart.MinHeight, p.in.Height-int(rows*scale))
	area := p.TornadoScroll.Size()
	if view == BreakevenView {
		area = p.breakevenArea.Size()
	}
	if a := area; a.Width >= chart.MinWidth && a.Height >= chart.MinHeight {
		// The chart's area as laid out, when it is.
		w, h = int(a.Width*scale), int(a.Height*scale)
	}
	return chart.Options{Width: w, Height: h, Lang: string(p.lang), Dark: p.in.Dark, Vendor: vendor, NetOfVAT: p.in.NetOfVAT}
}

// drawTornado draws t as tall as its inputs need at the text size of the
// tornado's area (chart.TornadoFit): the area scrolls.
func drawTornado(t *pricing.Tornado, o chart.Options) (*image.RGBA, error) {
	o, err := chart.TornadoFit(t, o)
	if err != nil {
		return nil, err
	}
	return chart.TornadoImage(t, o)
}

// computeTornado prices every input down and up, then draws.
func (p *Panel) computeTornado() {
	p.gen[TornadoView]++
	gen, s, o, net, points := p.gen[TornadoView], p.in.Scenario, p.options(TornadoView, p.whose()), p.in.NetOfVAT, p.GrowthPoints()
	p.TornadoMsg.SetText(p.lang.T("sense.computing"))
	p.workers[TornadoView].submit(p.run, func() {
		t, err := pricing.ComputeTornado(s, pricing.TornadoOptions{NetOfVAT: net, GrowthPoints: points})
		var img *image.RGBA
		if err == nil {
			img, err = drawTornado(t, o)
		}
		p.ui(func() {
			if gen != p.gen[TornadoView] {
				return
			}
			p.tornado, p.tornGen = t, gen
			p.shown(TornadoView, p.TornadoImg, p.TornadoMsg, img, err)
		})
	})
}

// redrawTornado draws the kept tornado for another vendor (nothing is
// priced again).
func (p *Panel) redrawTornado() {
	if p.tornado == nil || p.tornGen != p.gen[TornadoView] || p.dirty[TornadoView] {
		return
	}
	p.gen[TornadoView]++
	p.tornGen = p.gen[TornadoView]
	gen, t, o := p.gen[TornadoView], p.tornado, p.options(TornadoView, p.whose())
	p.workers[TornadoView].submit(p.run, func() {
		img, err := drawTornado(t, o)
		p.ui(func() {
			if gen == p.gen[TornadoView] {
				p.shown(TornadoView, p.TornadoImg, p.TornadoMsg, img, err)
			}
		})
	})
}

// defaultField is the field a break-even sweeps first: chats per day
// (as the command line), or when that is 0 the first need the scenario
// has (a phone centre sweeps its phone agents).
func defaultField(s *scenarios.Scenario) string {
	if v, _ := s.Demand.Count("chats_per_day"); v > 0 {
		return "chats_per_day"
	}
	for _, f := range scenarios.CountFieldNames() {
		if v, _ := s.Demand.Count(f); v > 0 && f != "messages_per_chat" {
			return f
		}
	}
	return "chats_per_day"
}

// defaultRange sets the sweep to 0 … 3 × the field's value (100 when it
// is 0), as the command line's default.
func (p *Panel) defaultRange() {
	f := p.field()
	if f == "" || p.in.Scenario == nil {
		return
	}
	cur, _ := p.in.Scenario.Demand.Count(f)
	to := 3 * cur
	if to == 0 {
		to = 100
	}
	p.loading = true
	p.From.SetText("0")
	p.To.SetText(strconv.FormatInt(min(to, scenarios.CountLimit(f)), 10))
	p.loading = false
}

func (p *Panel) field() string {
	if i := p.Field.SelectedIndex(); i >= 0 {
		return scenarios.CountFieldNames()[i]
	}
	return ""
}

// sweepRange reads the range typed: whole numbers, 0 ≤ from < to ≤ the
// field's limit; ok false with the message shown otherwise.
func (p *Panel) sweepRange() (from, to int64, ok bool) {
	from, okF := kit.ParseCount(p.From.Text)
	to, okT := kit.ParseCount(p.To.Text)
	lim := scenarios.CountLimit(p.field())
	if !okF || !okT || from < 0 || to <= from || to > lim {
		kit.SetErrorLabel(p.RangeMsg, p.lang.T("sense.range_bad", wording.GroupDigits(strconv.FormatInt(lim, 10))))
		return 0, 0, false
	}
	kit.SetErrorLabel(p.RangeMsg, "")
	return from, to, true
}

func (p *Panel) rangeChanged() {
	if p.loading {
		return
	}
	if _, _, ok := p.sweepRange(); !ok {
		p.gen[BreakevenView]++ // a sweep in flight is for a range no longer typed
		return
	}
	p.dirty[BreakevenView] = true
	p.refresh()
}

// computeBreakeven sweeps the field over the range and draws.
func (p *Panel) computeBreakeven() {
	from, to, ok := p.sweepRange()
	field := p.field()
	if !ok || field == "" {
		return
	}
	p.gen[BreakevenView]++
	// Said before the chart's size is taken (it sits above the chart).
	kept := wording.SweepKeepsChangesLine(string(p.lang), p.in.Scenario, field)
	kit.SetText(p.KeptChanges, kept)
	if kept == "" {
		p.KeptChanges.Hide()
	} else {
		p.KeptChanges.Show()
	}
	gen, s, o := p.gen[BreakevenView], p.in.Scenario, p.options(BreakevenView, "")
	if p.BreakevenImg.Image == nil {
		// Said in the chart's place: over a chart it would hide it.
		p.setMsg(BreakevenView, p.BreakevenMsg, p.lang.T("sense.computing"))
	}
	p.workers[BreakevenView].submit(p.run, func() {
		img, err := chart.BreakevenImage(s, field, pricing.SweepValues(from, to, breakevenPoints), o)
		p.ui(func() {
			if gen == p.gen[BreakevenView] {
				p.shown(BreakevenView, p.BreakevenImg, p.BreakevenMsg, img, err)
			}
		})
	})
}

func (p *Panel) shown(view int, img *canvas.Image, msg *kit.Para, drawn *image.RGBA, err error) {
	img.Image = nil
	if err != nil {
		// A field error (a moved input past what can be computed) in
		// the reader's words, naming the field.
		p.setMsg(view, msg, p.lang.T("sense.error", wording.FileError(string(p.lang), err).Error()))
	} else {
		p.setMsg(view, msg, "")
		if drawn != nil {
			img.Image = drawn
			if view == TornadoView {
				// As tall as drawn: taller than the area, it scrolls.
				scale := p.in.Scale
				if scale <= 0 {
					scale = 1
				}
				img.SetMinSize(fyne.NewSize(320, float32(drawn.Bounds().Dy())/scale))
			}
		}
	}
	img.Refresh()
	if p.OnShown != nil {
		p.OnShown(view)
	}
}

// setMsg says text for a view: under the tornado (a row of its own: the
// tornado scrolls), in the break-even chart's place (shown only while
// there is something to say).
func (p *Panel) setMsg(view int, msg *kit.Para, text string) {
	if view != BreakevenView {
		msg.SetText(text)
		return
	}
	kit.SetErrorLabel(msg, text)
}

// worker runs one job at a time; a job submitted while one runs waits,
// replacing any job already waiting (only the newest matters).
type worker struct {
	mu   sync.Mutex
	busy bool
	next func()
}

func (w *worker) submit(run func(func()), job func()) {
	w.mu.Lock()
	if w.busy {
		w.next = job
		w.mu.Unlock()
		return
	}
	w.busy = true
	w.mu.Unlock()
	run(func() {
		for job != nil {
			job()
			w.mu.Lock()
			job, w.next = w.next, nil
			if job == nil {
				w.busy = false
			}
			w.mu.Unlock()
		}
	})
}

// Current is the tornado shown (nil before the first).
func (p *Panel) Current() *pricing.Tornado { return p.tornado }

// SetRun replaces how work is started off the UI goroutine (tests hold
// it back to show that typing never waits for it).
func (p *Panel) SetRun(run func(func())) { p.run = run }

// Export draws the view on screen at print size (chart.DefaultWidth ×
// DefaultHeight) as "png" or "svg": the tornado shown, for whose total is
// picked, or the break-even as swept. ok is false when neither view is on
// screen; err says why there is nothing to export yet.
func (p *Panel) Export(format string) (data []byte, kind chart.Kind, ok bool, err error) {
	var b bytes.Buffer
	o := chart.Options{Lang: string(p.lang), NetOfVAT: p.in.NetOfVAT}
	switch p.showing {
	case TornadoView:
		if p.tornado == nil || p.dirty[TornadoView] || p.tornGen != p.gen[TornadoView] {
			return nil, chart.Tornado, true, errors.New(p.lang.T("sense.computing"))
		}
		o.Vendor = p.whose()
		err = chart.RenderTornado(&b, format, p.tornado, o)
		return b.Bytes(), chart.Tornado, true, err
	case BreakevenView:
		from, to, good := p.sweepRange()
		if !good || p.in.Scenario == nil {
			return nil, chart.Breakeven, true, errors.New(p.RangeMsg.Text)
		}
		err = chart.RenderBreakeven(&b, format, p.in.Scenario, p.field(), pricing.SweepValues(from, to, breakevenPoints), o)
		return b.Bytes(), chart.Breakeven, true, err
	}
	return nil, "", false, nil
}

// resized lays its objects out over the whole area and calls onResize
// when the area's size changes by more than a few pixels (its objects'
// sizes do not depend on what they show: no loop).
type resized struct {
	size     fyne.Size
	onResize func()
}

func (r *resized) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	old := r.size
	r.size = size
	if size.Width > 0 && size.Height > 0 && (abs32(old.Width-size.Width) > 4 || abs32(old.Height-size.Height) > 4) {
		r.onResize()
	}
}

func (r *resized) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return m
}

func abs32(f float32) float32 {
	if f < 0 {
		return -f
	}
	return f
}

// inset keeps the pickers and fields above a chart off the pane's right
// edge, as far as a label's text is from its left one: at 1280 px in
// English the break-even's "To" field touched the edge.
func inset(o fyne.CanvasObject) fyne.CanvasObject {
	return container.New(layout.NewCustomPaddedLayout(0, 0, 0, theme.InnerPadding()), o)
}

package window

import (
	"errors"
	"image"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"kefucost/app/chart"
	"kefucost/pricing"
	"kefucost/scenarios"
	"kefucost/scenarios/store"
)

// Live results: every valid edit asks for a new comparison; the work runs
// off the UI goroutine and its result is applied with fyne.Do. Requests are
// debounced (fast typing replaces the pending request instead of queueing
// work) and numbered, so a slow old result never overwrites a newer one.

// Delays: results after a short pause in typing, drafts after a longer one.
// A crash loses at most draftDelay of typing.
const (
	computeDelay = 60 * time.Millisecond
	draftDelay   = 2 * time.Second
)

// liveResult is one comparison with its charts, ready to show.
type liveResult struct {
	cmp        *pricing.Comparison
	cumulative *image.RGBA
	monthly    *image.RGBA
	err        error
}

type liveJob struct {
	gen  uint64
	s    *scenarios.Scenario
	size fyne.Size
	lang string
	dark bool
	// netOfVAT: show amounts net of VAT (the results' switch).
	netOfVAT bool
	// noCharts: price only (window tests not about charts).
	noCharts bool
}

type live struct {
	u *ui

	mu      sync.Mutex
	gen     uint64 // number of the newest request
	pending *liveJob
	timer   *time.Timer
	busy    sync.Mutex // one computation at a time

	draftTimer *time.Timer
	stopped    bool

	// Draft writes and clears run in order on one goroutine, so a clear
	// (on save) is never overtaken by a write queued before it.
	drafts     chan draftOp
	draftsDone chan struct{}
}

// draftOp is one write to the store's draft: the scenario, or a clear.
type draftOp struct {
	name  string
	s     *scenarios.Scenario
	clear bool
	// done, when set, makes the op a marker: closed once every op queued
	// before it has run (tests wait on it instead of sleeping).
	done chan struct{}
}

func newLive(u *ui) *live { return &live{u: u} }

// writeDraft queues one draft write (in tests: does it now).
func (l *live) writeDraft(op draftOp) {
	st := l.u.store
	do := func(op draftOp) {
		if op.clear {
			st.ClearDraft()
			return
		}
		// Another program holding the file longer than a second refuses
		// the write: try again after the next pause (scheduled from the
		// UI goroutine, not this one: a writer may hold l.mu while it
		// waits for this queue).
		if err := st.SaveDraft(op.name, op.s); errors.Is(err, store.ErrLocked) {
			go l.u.onUI(l.draft)
		}
	}
	if l.u.sync {
		if op.done != nil {
			close(op.done)
			return
		}
		do(op)
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.stopped {
		return
	}
	if l.drafts == nil {
		l.drafts = make(chan draftOp, 64)
		l.draftsDone = make(chan struct{})
		go func() {
			defer close(l.draftsDone)
			for op := range l.drafts {
				if op.done != nil {
					close(op.done)
					continue
				}
				do(op)
			}
		}()
	}
	l.drafts <- op
}

// cancelDraft stops a scheduled draft write.
func (l *live) cancelDraft() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.draftTimer != nil {
		l.draftTimer.Stop()
	}
}

// compute asks for the comparison of s (a copy the caller no longer
// touches) with charts of the given size.
func (l *live) compute(s *scenarios.Scenario, size fyne.Size) {
	l.mu.Lock()
	l.gen++
	job := &liveJob{gen: l.gen, s: s, size: size, lang: string(l.u.lang), dark: l.u.isDark(), noCharts: l.u.noCharts, netOfVAT: l.u.netOfVAT}
	if l.u.sync {
		l.mu.Unlock()
		if r := runJob(job); r != nil {
			l.u.applyResult(r)
		}
		return
	}
	l.pending = job
	if l.timer == nil {
		l.timer = time.AfterFunc(computeDelay, l.fire)
	} else {
		l.timer.Reset(computeDelay)
	}
	l.mu.Unlock()
}

// invalidate drops the pending request and makes any result in flight
// out of date: the scenario became invalid.
func (l *live) invalidate() {
	l.mu.Lock()
	l.gen++
	l.pending = nil
	l.mu.Unlock()
}

func (l *live) fire() {
	l.busy.Lock()
	defer l.busy.Unlock()
	l.mu.Lock()
	job := l.pending
	l.pending = nil
	l.mu.Unlock()
	if job == nil {
		return
	}
	r := runJob(job)
	l.u.onUI(func() {
		l.mu.Lock()
		current := job.gen == l.gen && !l.stopped
		l.mu.Unlock()
		if current && r != nil {
			l.u.applyResult(r)
		}
	})
}

// runJob prices the scenario and draws both charts (unless noCharts).
func runJob(job *liveJob) *liveResult {
	c, err := pricing.Compare(job.s)
	if err != nil {
		return &liveResult{err: err}
	}
	if job.netOfVAT {
		c = c.WithoutVAT() // the switch 不含税: every amount shown ÷ 1.06
	}
	r := &liveResult{cmp: c}
	if job.noCharts {
		return r
	}
	// The leads sentence is a label under the live chart (results.Leads).
	o := chart.Options{Width: int(job.size.Width), Height: int(job.size.Height), Lang: job.lang, Dark: job.dark, NoLeads: true}
	o.Width, o.Height = clampChartSize(o.Width, o.Height)
	r.cumulative, _ = chart.Image(c, chart.Cumulative, o)
	r.monthly, _ = chart.Image(c, chart.Monthly, o)
	return r
}

// clampChartSize keeps the live chart within what chart.Render accepts; a
// window not laid out yet draws at a default size.
func clampChartSize(w, h int) (int, int) {
	if w < chart.MinWidth || h < chart.MinHeight {
		return 800, 380
	}
	if w > 2400 {
		w = 2400
	}
	if h > 1400 {
		h = 1400
	}
	return w, h
}

// draft schedules a save of the unsaved scenario into the store, so a
// crash or power loss loses at most draftDelay of typing.
func (l *live) draft() {
	u := l.u
	if u.store == nil || u.noDraft {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.draftTimer == nil {
		l.draftTimer = time.AfterFunc(draftDelay, func() { l.u.onUI(u.saveDraft) })
	} else {
		l.draftTimer.Reset(draftDelay)
	}
}

// stop ends background work; queued draft writes finish first (the store
// is closed after).
func (l *live) stop() {
	l.mu.Lock()
	l.stopped = true
	if l.timer != nil {
		l.timer.Stop()
	}
	if l.draftTimer != nil {
		l.draftTimer.Stop()
	}
	drafts, done := l.drafts, l.draftsDone
	l.drafts = nil
	l.mu.Unlock()
	if drafts != nil {
		close(drafts)
		<-done
	}
}

// onUI runs fn on the UI goroutine: through fyne.Do, or the loop a test
// drives (the test driver would run fn on the calling goroutine).
func (u *ui) onUI(fn func()) {
	if u.do != nil {
		u.do(fn)
		return
	}
	fyne.Do(fn)
}

func (u *ui) isDark() bool {
	switch u.app.Preferences().String(prefTheme) {
	case "dark":
		return true
	case "light":
		return false
	}
	return u.app.Settings().ThemeVariant() == theme.VariantDark
}

package window

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"fyne.io/fyne/v2"
	"kefucost/app/chart"
	"kefucost/app/wording"
)

// Run with -race: the worker's side (runJob) on its own goroutine, as live.fire runs it,
// while the UI goroutine keeps editing, applying results and exporting.
// Five rounds reach every shared path (each round draws two charts and
// exports one at print size: most of the test's time).
func TestLiveWorkerBesideTheUI(t *testing.T) {
	f := newUIFixture(t, "en")
	u := f.u
	u.noDraft = true
	jobs := make(chan *liveJob)
	results := make(chan *liveResult)
	go func() {
		for j := range jobs {
			results <- runJob(j)
		}
		close(results)
	}()
	e := f.field("demand.chats_per_day").Entry
	card := u.vendors.Cards["huawei-cec"]
	for i := 0; i < 5; i++ {
		jobs <- &liveJob{gen: uint64(i), s: u.cur.Clone(), size: fyne.NewSize(480, 300), lang: string(u.lang), dark: u.isDark()} // small charts: the test is about sharing, not drawing
		// UI goroutine while the worker computes:
		e.SetText(fmt.Sprint(1000 + i))
		for _, p := range card.Prices {
			p.SetText(fmt.Sprint(100 + i))
			break
		}
		if _, err := u.chartFile("png", chart.Cumulative); err != nil {
			t.Fatal(err)
		}
		u.applyResult(<-results)
	}
	close(jobs)
}

// The real path: a debounced background computation handed to the UI
// goroutine, and fast typing asks for one computation, not one per key.
// The test goroutine plays the UI loop (the test driver's fyne.Do would
// run the work on the worker's goroutine).
func TestLiveResultsDebouncedAndCurrent(t *testing.T) {
	f := newUIFixture(t, "en")
	u := f.u
	u.noDraft = true
	loop := make(chan func(), 10)
	u.do = func(fn func()) { loop <- fn }
	u.sync = false
	applied := 0
	u.onApplied = func() { applied++ }
	e := f.field("demand.chats_per_day").Entry
	for _, text := range []string{"1", "12", "120", "1200", "12000"} {
		e.SetText(text) // faster than the debounce
	}
	select {
	case fn := <-loop:
		fn()
	case <-time.After(10 * time.Second):
		t.Fatal("no result handed to the UI")
	}
	want := u.lang.T("money", wording.Money(resultFor(f.expected(), "chatopera").Total))
	if got := u.results.Totals["chatopera"].Text; got != want || applied != 1 {
		t.Errorf("card shows %q, want %q (applied %d)", got, want, applied)
	}
	select {
	case fn := <-loop:
		fn()
		t.Errorf("fast typing computed more than once (applied %d)", applied)
	case <-time.After(300 * time.Millisecond):
	}

	// A result that arrives after the form turned invalid is not shown as
	// current.
	e.SetText("5")
	test.Type(e, "x")
	select {
	case fn := <-loop:
		fn()
	case <-time.After(500 * time.Millisecond):
	}
	if !u.stale || applied != 1 {
		t.Errorf("stale %v, applied %d after an invalid edit", u.stale, applied)
	}
}

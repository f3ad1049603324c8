package window

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"kefucost/pricing"
	"os"
	"strconv"
	"time"
)

func checkChanges(t *testing.T, u *ui, step int, op string) bool {
	c := u.form.changes
	keys := map[string]bool{}
	n := 0
	for ci := range u.cur.Changes {
		n += len(u.cur.Changes[ci].Fields())
	}
	if n != len(c.list) {
		t.Errorf("step %d %s: %d rows for %d fields", step, op, len(c.list), n)
		return false
	}
	for _, r := range c.list {
		keys[rowKey(r, "date")] = true
		keys[rowKey(r, r.field)] = true
		ch := &u.cur.Changes[r.ci]
		if tv, ok := u.parseErrs[rowKey(r, r.field)]; ok {
			if r.value.Text != tv.text {
				t.Errorf("step %d %s: row %s shows %q, typed %q", step, op, rowKey(r, r.field), r.value.Text, tv.text)
				return false
			}
		} else if want := changeValueText(ch, r.field); r.value.Text != want {
			t.Errorf("step %d %s: row %s shows %q, change holds %q", step, op, rowKey(r, r.field), r.value.Text, want)
			return false
		}
		if tv, ok := u.parseErrs[rowKey(r, "date")]; ok {
			if r.date.Text != tv.text {
				t.Errorf("step %d %s: row %s date shows %q, typed %q", step, op, rowKey(r, r.field), r.date.Text, tv.text)
				return false
			}
		} else if r.date.Text != ch.Date.String() {
			t.Errorf("step %d %s: row %s date shows %q, change has %s", step, op, rowKey(r, r.field), r.date.Text, ch.Date)
			return false
		}
		if changeFields()[r.sel.SelectedIndex()] != r.field {
			t.Errorf("step %d %s: select mismatch", step, op)
			return false
		}
	}
	if len(u.parseErrs) == 0 && len(pricing.Validate(u.cur)) == 0 && u.stale {
		t.Errorf("step %d %s: valid, no typed errors, yet stale", step, op)
		return false
	}
	if (len(u.parseErrs) > 0 || len(pricing.Validate(u.cur)) > 0) && !u.stale {
		t.Errorf("step %d %s: invalid, yet not stale", step, op)
		return false
	}
	for k := range u.parseErrs {
		if strings.HasPrefix(k, "changes[") && !keys[k] {
			t.Errorf("step %d %s: parseErrs key %s has no row (%v)", step, op, k, u.parseErrs)
			return false
		}
	}
	return true
}

// TestChangesRandomEditsKeepValuesOnTheirRows makes random edits to the
// dated changes (add, remove, move, good and bad values and dates, language
// switches) and checks after each that every value is on its change and
// every message has its row. Long: make stress runs it, with new seeds each
// time (each printed); KEFUCOST_SEED=N replays one.
func TestChangesRandomEditsKeepValuesOnTheirRows(t *testing.T) {
	stressOnly(t)
	seeds := []int64{time.Now().UnixNano()}
	if s := os.Getenv("KEFUCOST_SEED"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			t.Fatalf("KEFUCOST_SEED=%q: %v", s, err)
		}
		seeds = []int64{n}
	} else {
		for i := 1; i < 6; i++ {
			seeds = append(seeds, seeds[0]+int64(i))
		}
	}
	for _, seed := range seeds {
		t.Run(fmt.Sprint("seed=", seed), func(t *testing.T) {
			t.Logf("random seed %d (replay: KEFUCOST_SEED=%d)", seed, seed)
			fuzzChanges(t, seed)
		})
	}
}

// stressOnly skips a long test unless make stress runs it.
func stressOnly(t testing.TB) {
	t.Helper()
	if os.Getenv("KEFUCOST_STRESS") == "" {
		t.Skip("long: make stress runs it (KEFUCOST_STRESS=1)")
	}
}

func fuzzChanges(t *testing.T, seed int64) {
	f := newUIFixture(t, "en")
	u := f.u
	u.noDraft = true
	rng := rand.New(rand.NewSource(seed))
	fields := changeFields()
	langs := []string{"zh", "en"}
	for step := 0; step < 400; step++ {
		c := u.form.changes
		var op string
		k := rng.Intn(9)
		if len(c.list) == 0 || k == 0 {
			op = "add"
			c.onAdd()
		} else {
			r := c.list[rng.Intn(len(c.list))]
			switch k {
			case 1:
				op = "badval " + rowKey(r, r.field)
				typeInto(r.value, fmt.Sprintf("%dx", step))
			case 2:
				op = "goodval " + rowKey(r, r.field)
				v := fmt.Sprint(step)
				if r.field == "recorded_share" {
					v = "0.5"
				}
				typeInto(r.value, v)
				ci, field := r.ci, r.field
				if got := changeValueText(&u.cur.Changes[ci], field); got != v {
					t.Fatalf("step %d %s: typed %q, change has %q", step, op, v, got)
				}
			case 3:
				op = "baddate " + rowKey(r, "date")
				typeInto(r.date, "2027-13-")
			case 4:
				op = "gooddate " + rowKey(r, "date")
				typeInto(r.date, fmt.Sprintf("2027-%02d-01", 1+rng.Intn(12)))
			case 5, 6:
				nf := fields[rng.Intn(len(fields))]
				op = "field " + rowKey(r, r.field) + "→" + nf
				r.sel.SetSelectedIndex(indexOf(fields, nf))
			case 7:
				op = "remove " + rowKey(r, r.field)
				c.onRemove(r)
			case 8:
				op = "lang"
				u.setLanguage(langs[step%2])
			}
		}
		if !checkChanges(t, u, step, op) {
			return
		}
	}
	_ = test.Type
}

package results

import (
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"kefucost/app/window/kit"
	"kefucost/app/window/kit/kittest"
	"kefucost/pricing"
	"kefucost/scenarios"
)

// An incomplete vendor with a small known total: the average that rounds
// to 0.00 is a lower bound, not "unknown".
func TestSmallIncompleteAverageIsALowerBound(t *testing.T) {
	test.NewTempApp(t)
	s := scenarios.New("t", scenarios.NewDate(2027, time.January, 1))
	c, err := pricing.Compare(s)
	if err != nil {
		t.Fatal(err)
	}
	c.Months = 36
	r := *c.Vendors[0]
	r.Complete = false
	r.Total = decimal.RequireFromString("0.10")
	r.Alternatives = nil
	r.PresentValue = nil
	v := NewCardView()
	v.Show(kit.Lang("en"), pricing.MustCatalog(), c, &r)
	if strings.Contains(v.Sub.Text, "unknown") || !strings.Contains(v.Sub.Text, "at least ") {
		t.Errorf("total %q, average %q", v.Total.Text, v.Sub.Text)
	}
}

// Prices with their age on the card: the edition's date, and for prices
// older than 12 months at the start a link to the vendor's page to check
// them; prices dated within the year carry no link.
func TestCardSaysThePricesAge(t *testing.T) {
	test.NewTempApp(t)
	for _, tc := range []struct {
		start string
		link  bool
	}{{"2027-01-01", true}, {"2022-06-01", false}} {
		d, _ := scenarios.ParseDate(tc.start)
		s := scenarios.New("t", d)
		s.Demand.PhoneAgents = 5
		c, err := pricing.Compare(s)
		if err != nil {
			t.Fatal(err)
		}
		for _, lang := range []kit.Lang{"zh", "en"} {
			for _, r := range c.Vendors {
				if r.Vendor != scenarios.Aliyun {
					continue
				}
				v := NewCardView()
				v.Show(lang, pricing.MustCatalog(), c, r)
				if !strings.Contains(v.Age.Text, "2021-12-20") || !v.Age.Visible() {
					t.Errorf("%s %s: age %q, want the edition's date 2021-12-20", tc.start, lang, v.Age.Text)
				}
				if v.Check.Visible() != tc.link {
					t.Errorf("%s %s: check link shown %v, want %v", tc.start, lang, v.Check.Visible(), tc.link)
				}
				if tc.link && (v.Check.URL == nil || v.Check.URL.String() != "https://help.aliyun.com/zh/aiccs/" ||
					!strings.HasSuffix(v.Check.Text, map[kit.Lang]string{"zh": "请核实最新价格", "en": "check current prices"}[lang])) {
					t.Errorf("%s %s: link %q → %v", tc.start, lang, v.Check.Text, v.Check.URL)
				}
			}
		}
	}
}

// On a narrow card (the four cards at 1280 px), the prices' date and the
// link to check them take their own lines: nothing is drawn over the next
// text (the link, once wrapped inside, covered "incomplete: …").
func TestPriceAgeLinkNotCutOnNarrowCards(t *testing.T) {
	test.NewTempApp(t)
	s := scenarios.New("t", scenarios.NewDate(2027, time.January, 1))
	s.Demand.PhoneAgents = 5
	c, err := pricing.Compare(s)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, lang := range []kit.Lang{"zh", "en"} {
		for _, r := range c.Vendors {
			// As in the window: the card is on screen, then shows results.
			v := NewCardView()
			w := test.NewWindow(v.card)
			w.Resize(fyne.NewSize(230, 900))
			v.Show(lang, pricing.MustCatalog(), c, r)
			if !v.Check.Visible() {
				w.Close()
				continue
			}
			box := v.card.Content.(*fyne.Container)
			bottom := float32(0)
			for _, o := range box.Objects {
				if !o.Visible() {
					continue
				}
				if o.Position().Y+0.5 < bottom {
					t.Errorf("%s %s: %T at y=%.0f overlaps the text above it (down to y=%.0f)", lang, r.Vendor, o, o.Position().Y, bottom)
				}
				if (o == v.Age || o == v.Check) && (o.Size().Width > box.Size().Width+0.5 || o.MinSize().Width > box.Size().Width+0.5) {
					t.Errorf("%s %s: %T is %.0f wide on a %.0f card: cut off", lang, r.Vendor, o, o.MinSize().Width, box.Size().Width)
				}
				bottom = o.Position().Y + o.Size().Height
			}
			checked++
			w.Close()
		}
	}
	if checked == 0 {
		t.Fatal("no card with a link to check its prices")
	}
}

// A card's texts break Chinese between characters (kit.Para), not only
// at spaces: at the four cards' width at 1280 px Tencent's runner-up
// line broke at its one space ("…次选：在线客服专业版 +" / "电话客服企业版…")
// and left the line part empty. Every line but the last is as full as
// Chinese allows: the next line's first character would not fit on it.
// Nothing ends in "…".
func TestCardTextsBreakBetweenCharacters(t *testing.T) {
	test.NewTempApp(t)
	s, err := scenarios.Decode(mustRead(t, "../../../pricing/testdata/typical-contact-centre.kefucost.json"), "typical")
	if err != nil {
		t.Fatal(err)
	}
	c, err := pricing.Compare(s)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, r := range c.Vendors {
		v := NewCardView()
		w := test.NewWindow(v.card)
		w.Resize(fyne.NewSize(230, 900))
		v.Show("zh", pricing.MustCatalog(), c, r)
		w.Resize(fyne.NewSize(231, 900))
		w.Resize(fyne.NewSize(230, 900))
		for _, o := range []fyne.Widget{v.plan, v.Sub, v.Rank, v.Gap, v.UncoveredBadge, v.UnpricedBadge, v.Age} {
			p := labelOf(o)
			if !o.Visible() || p.Text == "" {
				continue
			}
			lines := kittest.Rows(o)
			th := fyne.CurrentApp().Settings().Theme()
			size := th.Size(p.SizeName)
			if p.SizeName == "" {
				size = th.Size(theme.SizeNameText)
			}
			room := o.Size().Width - 2*th.Size(theme.SizeNameInnerPadding)
			for i := 0; i+1 < len(lines); i++ {
				next := []rune(strings.TrimSpace(lines[i+1]))
				if len(next) == 0 || next[0] < 0x3400 {
					continue // a Latin word or number moves whole
				}
				if fyne.MeasureText(lines[i]+" "+string(next[0]), size, p.TextStyle).Width <= room {
					t.Errorf("%s: line %q has room for %q: %q", r.Vendor, lines[i], string(next[0]), lines)
				}
				checked++
			}
			for _, ln := range lines {
				if strings.HasSuffix(ln, "…") {
					t.Errorf("%s: %q cut off", r.Vendor, ln)
				}
			}
		}
		w.Close()
	}
	if checked == 0 {
		t.Fatal("no card text took two lines: nothing checked")
	}
}

// labelOf is the label a card text is (a kit.Para is one).
func labelOf(o fyne.Widget) *widget.Label {
	switch x := any(o).(type) {
	case *kit.Para:
		return &x.Label
	case *widget.Label:
		return x
	}
	return &widget.Label{}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

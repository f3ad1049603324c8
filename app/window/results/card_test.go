package results

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/shopspring/decimal"

	"kefucost/app/window/kit"
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

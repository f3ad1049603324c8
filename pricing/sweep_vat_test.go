package pricing

import "testing"

// A break-even net of VAT: every point equals the full comparison's
// WithoutVAT totals, to the fen, both for vendors priced at each point and
// for those priced once (chats_per_day is not a need of every vendor).
func TestSweepNetOfVATIsComparisonWithoutVAT(t *testing.T) {
	base := loadBench(t)
	for _, field := range []string{"chats_per_day", "phone_agents"} {
		values := []int64{0, 40, 5000}
		pts, err := SweepVAT(base, field, values, true)
		if err != nil {
			t.Fatal(err)
		}
		for i, v := range values {
			s := *base
			s.Demand.SetCount(field, v)
			c, err := Compare(&s)
			if err != nil {
				t.Fatal(err)
			}
			net := c.WithoutVAT()
			for j, r := range net.Vendors {
				st := pts[i].Vendors[j]
				if st.Vendor != r.Vendor || !st.Total.Equal(r.Total) {
					t.Errorf("%s=%d %s: sweep net %s, comparison net %s", field, v, r.Vendor, st.Total, r.Total)
				}
				if st.Total.Equal(c.Vendors[j].Total) && !r.Total.IsZero() {
					t.Errorf("%s=%d %s: net total %s equals the gross one", field, v, r.Vendor, st.Total)
				}
			}
		}
	}
}

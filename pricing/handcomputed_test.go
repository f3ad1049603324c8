package pricing

import (
	"os"
	"path/filepath"
	"testing"

	"kefucost/scenarios"
)

// Hand-computed totals, each through pricing.Compare on a scenario file
// (the command line's test scenarios, which its other tests and the
// Windows check also read; the spec's example from scenarios/testdata).
// The arithmetic is in the comments; the amounts are exact. The command
// line prints what Compare returns (its golden files).
func TestHandComputedTotals(t *testing.T) {
	cases := []struct {
		file, vendor, plan, total string
		complete, covers          bool
		cheapest                  string // checked when not empty
		runnerUp, runnerUpTotal   string // checked when not empty
	}{
		// Daily free quota boundary: exactly 1,000 requests a day are free.
		{file: "chatopera-daily-boundary", vendor: "chatopera", plan: "chatopera-2020-daily", total: "0.00", complete: true, covers: true},
		// 1,500 a day: (1,500 − 1,000) × 0.01 = 5.00 a day × 31 days.
		{file: "chatopera-daily-1500", vendor: "chatopera", plan: "chatopera-2020-daily", total: "155.00", complete: true, covers: true},
		// 3,000 a day through 2027 (365 days): daily (3,000 − 1,000) × 0.01 × 365
		// = 7,300; daily billing for 32 days (640) then the 1M package on
		// 2027-02-02 (6,000, its year holding the other 999,000 requests)
		// = 6,640 (the package from the first day: 6,950).
		{file: "chatopera-annual-vs-daily", vendor: "chatopera", plan: "chatopera-2020-annual-1m", total: "6640.00", complete: true, covers: true,
			runnerUp: "chatopera-2020-daily", runnerUpTotal: "7300.00"},
		// Packs, 2023-12 edition (100 元 pack: 5,000 calls, valid 1 month): 200
		// a day for 90 days is 18,000 calls; each pack, bought the day the one
		// before runs out, serves 25 days (01-01, 01-26, 02-20, 03-17): 400
		// (buying at month starts, two a month, cost 600; one 1,000 元 pack
		// 1,000).
		{file: "chatopera-packs-2023-12", vendor: "chatopera", plan: "chatopera-2023-packs", total: "400.00", complete: true, covers: true},
		// Same demand, 2023-02 edition (100 元 pack valid 3 months): 18,000
		// calls in one 3-month window = four packs = 400.
		{file: "chatopera-packs-2023-02", vendor: "chatopera", plan: "chatopera-2023-packs", total: "400.00", complete: true, covers: true},
		// ASR: 30 minutes a day = 1,800 s, 600 s free: 1,200 × 0.01 = 12 × 31.
		{file: "chatopera-asr", vendor: "chatopera", plan: "chatopera-2020-daily", total: "372.00", complete: true, covers: true},
		// 2 online users are sold as 3: 3 × 999 = 2,997; on Mar 1, 5 users:
		// 2 more with 10 months left, 10 × 99.9 capped at 999 each: 1,998.
		{file: "tencent-minimum-cap", vendor: "tencent-qidian", plan: "tencent-qidian-basic", total: "4995.00", complete: true, covers: true},
		// 1,000 chats a day: one standard robot 5,800 + sessions 365,000:
		// one 360k pack + one 120k pack = 5,200.
		{file: "tencent-robot-sessions", vendor: "tencent-qidian", plan: "tencent-qidian-basic", total: "11000.00", complete: true, covers: true},
		// 2 numbers × 35 + 55,000 minutes (fixed 2-minute calls bill as they
		// are), past the 50,000 cliff: all at 0.108 = 5,940. Pinned to an
		// older plan id, which still loads; the mix of terms is the runner-up.
		{file: "aliyun-numbers-tiers", vendor: "aliyun-icc", plan: "aliyun-icc-monthly", total: "6010.00", complete: true, covers: true,
			runnerUp: "aliyun-icc", runnerUpTotal: "6010.00"},
		// 120 human seats (tier 159) + 60 AI seats (tier 599) = 55,020 a month.
		// 36 months: the cheapest terms for every seat are 3 years up front,
		// 55,020 × 36 × 0.65 = 1,287,468 (monthly 1,980,720; 1-year terms
		// 55,020 × 12 × 0.85 × 3 = 1,683,612).
		{file: "aliyun-seats-36m", vendor: "aliyun-icc", plan: "aliyun-icc", total: "1287468.00", complete: true, covers: true},
		// 12 months: 1 year at 0.85 = 561,204 (monthly 660,240; a 3-year term
		// would still cost 1,287,468).
		{file: "aliyun-seats-12m", vendor: "aliyun-icc", plan: "aliyun-icc", total: "561204.00", complete: true, covers: true},
		// The seed's seat-days: 10 seats Jan 4–15 (12 days) + 12 seats Jan
		// 16–27 (12) + 11 seats Jan 28–31 (4) = 308 seat-days × 310 / 31.
		{file: "huawei-ondemand-seatdays", vendor: "huawei-cec", plan: "huawei-cec-ondemand", total: "3080.00", complete: true, covers: true},
		// 60 outbound minutes on 2 numbers = 30 each, under 50: inbound-only
		// numbers at 120 each, 500 outbound minutes included: 240.
		{file: "huawei-inbound-numbers", vendor: "huawei-cec", plan: "huawei-cec-ondemand", total: "240.00", complete: true, covers: true},
		// 1,000 outbound minutes in fixed 2.5-minute calls = 400 calls billed
		// 3 minutes each = 1,200 minutes, billed daily: 1,200 / 31 × 0.22 =
		// 8.516 → 8.52 a day × 31 = 264.12, + one fixed number 30.
		{file: "huawei-outbound-calls", vendor: "huawei-cec", plan: "huawei-cec-ondemand", total: "294.12", complete: true, covers: true},
		// Tencent at discount 0.8: 5 × 999 × 0.8 = 3,996.
		{file: "discount-override", vendor: "tencent-qidian", plan: "tencent-qidian-basic", total: "3996.00", complete: true, covers: true},
		// A quoted Huawei price is final, not discounted again: 5 × 100 × 12.
		{file: "discount-override", vendor: "huawei-cec", plan: "huawei-cec-ondemand", total: "6000.00", complete: true, covers: true, cheapest: "tencent-qidian"},
		// The spec's example: Tencent is the only vendor that covers bot chats
		// and online agents. Online 5 users 2027 + 8 users 2028 and 2029 =
		// 20,979 + 3 added Jul 2027 with 6 months left 3 × 6 × 99.9 = 1,798.20;
		// 3 robot-years 17,400; 3,288,000 sessions: 3 × 960k + 360k + 120k =
		// 28,000. Total 68,177.20.
		{file: "spec-example", vendor: "tencent-qidian", plan: "tencent-qidian-basic", total: "68177.20", complete: true, covers: true, cheapest: "tencent-qidian"},
		// Chatopera serves the chats only, from resource packs (the 2020
		// plans ended in 2023, pricing-rules §7.1): 3,000 calls a day is
		// 1,095,000 / 1,098,000 / 1,095,000 a year; a 10,000 元 pack (2M
		// calls, 12 months) a year beats eleven 1,000 元 packs (11,000) and
		// cannot serve past its year: 3 × 10,000.
		{file: "spec-example", vendor: "chatopera", plan: "chatopera-2023-packs", total: "30000.00", complete: true, covers: false},
		// Huawei serves the online seats only, at the quoted 150. Monthly
		// cycles end at the first 00:00 after a month, so each lasts a day
		// longer: monthly only, 35 cycles × 5 seats + 30 × 3 = 265
		// seat-months = 39,750. The cheapest mix chains cycles (5 seats: 25
		// from 2027-01-01 to 2029-02-25; 3 seats: 19 from 2027-07-01 to
		// 2029-02-19), goes on demand to the end of February 2029 (5 × 3 + 3
		// × 9 = 42 seat-days × 150 / 28 = 225.00) so that 8 seats start 9
		// cycles on 2029-03-01 (to 2029-12-09), and ends on demand (8 × 22
		// seat-days × 150 / 31 = 851.61): (5 × 34 + 3 × 28) × 150 = 38,100 +
		// 1,076.61 = 39,176.61.
		{file: "spec-example", vendor: "huawei-cec", plan: "huawei-cec-mixed", total: "39176.61", complete: true, covers: false,
			runnerUp: "huawei-cec-monthly", runnerUpTotal: "39750.00"},
	}
	for _, c := range cases {
		t.Run(c.file+"/"+c.vendor, func(t *testing.T) {
			path := filepath.Join("..", "app", "cli", "testdata", "scenarios", c.file+".kefucost.json")
			if c.file == "spec-example" {
				path = filepath.Join("..", "scenarios", "testdata", "spec-example.kefucost.json")
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			s, err := scenarios.Decode(data, path)
			if err != nil {
				t.Fatal(err)
			}
			cmp, err := Compare(s)
			if err != nil {
				t.Fatal(err)
			}
			if c.cheapest != "" && cmp.Cheapest != c.cheapest {
				t.Errorf("cheapest = %q, want %q", cmp.Cheapest, c.cheapest)
			}
			r := vendor(t, cmp, c.vendor)
			if r.Plan != c.plan || r.Total.StringFixed(2) != c.total || r.Complete != c.complete || r.Covers != c.covers {
				t.Errorf("got plan %s total %s complete %v covers %v; want %s %s %v %v", r.Plan, r.Total.StringFixed(2), r.Complete, r.Covers, c.plan, c.total, c.complete, c.covers)
			}
			if c.runnerUp != "" && (len(r.Alternatives) == 0 || r.Alternatives[0].Plan != c.runnerUp || r.Alternatives[0].Total.StringFixed(2) != c.runnerUpTotal) {
				t.Errorf("runner-up %+v, want %s %s", r.Alternatives, c.runnerUp, c.runnerUpTotal)
			}
		})
	}
}

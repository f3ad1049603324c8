package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// The reviewers' reproduction through the command line: Tencent's minute
// quoted at 999,999,999 元 for 10,000,000 minutes a month was shown at
// −43,358,384,876,704,212.16 and ranked cheapest. A vendor past 10^15 元 is
// now not computed (R21): every output says so for Tencent, in the
// reader's language, naming the quote, shows no amount for it and never
// ranks it; the others are compared (Aliyun the cheapest). When every
// vendor enabled is past the limit, the scenario is refused with one line
// naming the quote, and nothing else is written.
func TestHugeQuoteIsRefusedNotRankedCheapest(t *testing.T) {
	dir := t.TempDir()
	file, alone := filepath.Join(dir, "huge.kefucost.json"), filepath.Join(dir, "alone.kefucost.json")
	demand := `"phone_agents": 1000, "inbound_minutes_per_month": 10000000, "avg_call_minutes": "3"`
	quote := `"tencent-qidian": {"prices": {"phone.minute": "999999999", "phone.number.month": "30"}}`
	off := `, "chatopera": {"enabled": false}, "huawei-cec": {"enabled": false}, "aliyun-icc": {"enabled": false}`
	if os.WriteFile(file, []byte(scenarioJSON("huge", 12, demand, quote)), 0o644) != nil || os.WriteFile(alone, []byte(scenarioJSON("huge", 12, demand, quote+off)), 0o644) != nil {
		t.Fatal("writing the scenarios")
	}
	want := map[string]string{
		"en": `vendors.tencent-qidian.prices["phone.minute"]: at this quote, Tencent Qidian's amount for Call minutes (phone.minute) would be more than 1,000,000,000,000,000 CNY`,
		"zh": "腾讯企点客服 通话分钟 报价：按此计算的金额将超过 1,000,000,000,000,000 元，超出 kefucost 能精确计算的范围",
	}
	shown := map[string]string{
		"en": `not computed: its amounts would be more than 1,000,000,000,000,000 CNY, beyond what kefucost computes exactly (check vendors.tencent-qidian.prices["phone.minute"])`,
		"zh": "未计算：金额将超过 1,000,000,000,000,000 元，超出 kefucost 能精确计算的范围（请检查腾讯企点客服 通话分钟 报价），不参与排名",
	}
	for _, lang := range []string{"en", "zh"} {
		for _, args := range [][]string{
			{"compare", "--scenario", file},
			{"compare", "--scenario", file, "--format", "json"},
			{"compare", "--scenario", file, "--format", "csv"},
			{"compare", "--scenario", file, "--vat", "excluded"},
			{"report", "--scenario", file, "--out", filepath.Join(t.TempDir(), "r.csv")},
		} {
			args = append([]string{"--lang", lang}, args...)
			out, errOut, code := runCLI(t, args...)
			if strings.Contains(out+errOut, "-43,358") {
				t.Errorf("%v: a wrapped total shown: %q %q", args, out, errOut)
			}
			if code != ExitOK {
				t.Errorf("%v: exit %d: %s", args, code, errOut)
				continue
			}
			switch {
			case slices.Contains(args, "json"):
				var j struct {
					Cheapest string `json:"cheapest"`
					Vendors  []struct {
						Vendor         string   `json:"vendor"`
						Rank           string   `json:"rank"`
						PastLimitField string   `json:"past_limit_field"`
						Total          *string  `json:"total"`
						KnownTotal     *string  `json:"known_total"`
						Monthly        []string `json:"monthly"`
					} `json:"vendors"`
				}
				if err := json.Unmarshal([]byte(out), &j); err != nil || j.Cheapest != "aliyun-icc" {
					t.Errorf("%v: cheapest %q (%v)", args, j.Cheapest, err)
				}
				for _, v := range j.Vendors {
					if v.Vendor == "tencent-qidian" && (v.Rank != "past_limit" || v.Total != nil || v.KnownTotal != nil || v.Monthly != nil || v.PastLimitField != `vendors.tencent-qidian.prices["phone.minute"]`) {
						t.Errorf("%v: Tencent %+v; want rank past_limit, no total, no monthly", args, v)
					}
				}
			case slices.Contains(args, "csv"):
				if !strings.Contains(out, "tencent-qidian,,TOTAL,腾讯企点客服,,,,not computed,not computed,") {
					t.Errorf("%v: Tencent's TOTAL row not 'not computed':\n%s", args, out)
				}
			case slices.Contains(args, "report"):
			default:
				if !strings.Contains(out, shown[lang]) {
					t.Errorf("%v: no %q in\n%s", args, shown[lang], out)
				}
			}
		}
		for _, args := range [][]string{
			{"compare", "--scenario", alone},
			{"compare", "--scenario", alone, "--format", "json"},
			{"report", "--scenario", alone, "--out", filepath.Join(t.TempDir(), "r.csv")},
		} {
			args = append([]string{"--lang", lang}, args...)
			out, errOut, code := runCLI(t, args...)
			if code != ExitError || out != "" || !strings.Contains(errOut, want[lang]) || strings.Count(strings.TrimSpace(errOut), "\n") > 0 {
				t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit %d, nothing on stdout, one line containing %q", args, code, out, errOut, ExitError, want[lang])
			}
		}
	}
}

// Unpriced is not 0, and a partial total never reads as whole: in the
// typical contact centre Huawei's seats are unpriced (seat.basic.month,
// seat.online.month). Its breakdown ended "Total 43,200.00 CNY" and its
// JSON total was "43200.00" beside complete:false.
func TestPartialTotalNeverReadsAsWhole(t *testing.T) {
	file := "../../pricing/testdata/typical-contact-centre.kefucost.json"
	for lang, want := range map[string]string{"en": "   Total at least 43,200.00 CNY\n", "zh": "   合计 至少 43,200.00 元\n"} {
		out, errOut, code := runCLI(t, "--lang", lang, "compare", "--scenario", file)
		if code != ExitOK || !strings.Contains(out, want) {
			t.Errorf("%s: exit %d %s; want the breakdown's %q", lang, code, errOut, want)
		}
	}
	out, _, code := runCLI(t, "compare", "--scenario", file, "--format", "json")
	var j struct {
		Vendors []struct {
			Vendor     string  `json:"vendor"`
			Total      *string `json:"total"`
			KnownTotal *string `json:"known_total"`
			Complete   bool    `json:"complete"`
		} `json:"vendors"`
	}
	if err := json.Unmarshal([]byte(out), &j); err != nil || code != ExitOK {
		t.Fatalf("exit %d: %v", code, err)
	}
	for _, v := range j.Vendors {
		switch {
		case v.Complete && (v.Total == nil || v.KnownTotal != nil):
			t.Errorf("%s complete: total %v, known_total %v; want a total only", v.Vendor, v.Total, v.KnownTotal)
		case !v.Complete && (v.Total != nil || v.KnownTotal == nil):
			t.Errorf("%s incomplete: total %v, known_total %v; want total null and known_total", v.Vendor, v.Total, v.KnownTotal)
		case v.Vendor == "huawei-cec" && (v.KnownTotal == nil || *v.KnownTotal != "43200.00"):
			t.Errorf("huawei-cec known_total %v, want 43200.00", v.KnownTotal)
		}
	}
	out, _, _ = runCLI(t, "compare", "--scenario", file, "--format", "csv")
	if !strings.Contains(out, "huawei-cec,huawei-cec-mixed,TOTAL,华为云 云客服 CEC,,,,at least 43200.00,") {
		t.Errorf("CSV: Huawei's TOTAL row is not worded as a lower bound")
	}
}

// A month's cash of an incomplete vendor is a lower bound as its total
// is: compare --format json gives monthly null and the priced cash as
// known_monthly (summing to known_total), present_value likewise; a
// vendor serving none of the needs has no total and no months (null,
// never "0.00"); a partly priced combination's months are known_monthly.
func TestIncompleteMonthlyCashNeverReadsAsWhole(t *testing.T) {
	type vendor struct {
		Vendor            string   `json:"vendor"`
		Total             *string  `json:"total"`
		KnownTotal        *string  `json:"known_total"`
		Monthly           []string `json:"monthly"`
		KnownMonthly      []string `json:"known_monthly"`
		PresentValue      *string  `json:"present_value"`
		KnownPresentValue *string  `json:"known_present_value"`
		AfterHorizon      string   `json:"after_horizon"`
		Complete          bool     `json:"complete"`
		Rank              string   `json:"rank"`
	}
	type combo struct {
		Total        *string  `json:"total"`
		Monthly      []string `json:"monthly"`
		KnownMonthly []string `json:"known_monthly"`
	}
	sum := func(ms []string) decimal.Decimal {
		s := decimal.Zero
		for _, m := range ms {
			s = s.Add(decimal.RequireFromString(m))
		}
		return s
	}
	seen := map[string]bool{}
	for _, file := range []string{"../../pricing/testdata/typical-contact-centre.kefucost.json", filepath.Join("testdata", "scenarios", "mixed-spec-example.kefucost.json")} {
		// A discount rate, so that present values are there to check.
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		f := filepath.Join(t.TempDir(), "pv.kefucost.json")
		if err := os.WriteFile(f, []byte(strings.Replace(string(data), `"discount_rate": "0"`, `"discount_rate": "0.06"`, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		var j struct {
			Months       int      `json:"months"`
			Vendors      []vendor `json:"vendors"`
			Combinations []combo  `json:"combinations"`
			PartlyPriced []combo  `json:"combinations_partly_priced"`
		}
		out, errOut, code := runCLI(t, "compare", "--scenario", f, "--format", "json")
		if err := json.Unmarshal([]byte(out), &j); err != nil || code != ExitOK {
			t.Fatalf("%s: exit %d %s: %v", file, code, errOut, err)
		}
		for _, v := range j.Vendors {
			switch {
			case v.Rank == "none":
				seen["none"] = true
				if v.Total != nil || v.KnownTotal != nil || v.Monthly != nil || v.KnownMonthly != nil || v.PresentValue != nil || v.KnownPresentValue != nil {
					t.Errorf("%s serves none of the needs: total %v/%v, monthly %v/%v, pv %v/%v; want no amount", v.Vendor, v.Total, v.KnownTotal, v.Monthly, v.KnownMonthly, v.PresentValue, v.KnownPresentValue)
				}
			case !v.Complete:
				seen["incomplete"] = true
				if v.Monthly != nil || len(v.KnownMonthly) != j.Months || v.KnownTotal == nil || !sum(append(v.KnownMonthly, v.AfterHorizon)).Equal(decimal.RequireFromString(*v.KnownTotal)) {
					t.Errorf("%s incomplete: monthly %v, known_monthly %d months; want monthly null and the priced cash summing to known_total %v", v.Vendor, v.Monthly, len(v.KnownMonthly), v.KnownTotal)
				}
				if v.PresentValue != nil || v.KnownPresentValue == nil {
					t.Errorf("%s incomplete: present_value %v, known_present_value %v", v.Vendor, v.PresentValue, v.KnownPresentValue)
				}
			default:
				seen["complete"] = true
				if len(v.Monthly) != j.Months || v.KnownMonthly != nil || v.PresentValue == nil || v.KnownPresentValue != nil {
					t.Errorf("%s complete: monthly %d months, known_monthly %v, pv %v/%v", v.Vendor, len(v.Monthly), v.KnownMonthly, v.PresentValue, v.KnownPresentValue)
				}
			}
		}
		for _, cb := range j.PartlyPriced {
			seen["partly priced combination"] = true
			if cb.Total != nil || cb.Monthly != nil || len(cb.KnownMonthly) != j.Months {
				t.Errorf("partly priced combination: total %v, monthly %v, known_monthly %d months", cb.Total, cb.Monthly, len(cb.KnownMonthly))
			}
		}
		for _, cb := range j.Combinations {
			if cb.Total == nil || len(cb.Monthly) != j.Months || cb.KnownMonthly != nil {
				t.Errorf("combination: total %v, monthly %d months, known_monthly %v", cb.Total, len(cb.Monthly), cb.KnownMonthly)
			}
		}
	}
	for _, k := range []string{"none", "incomplete", "complete", "partly priced combination"} {
		if !seen[k] {
			t.Errorf("no %s vendor in the inputs: the test checks nothing for it", k)
		}
	}
}

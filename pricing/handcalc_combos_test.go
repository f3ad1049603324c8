package pricing

import (
	"slices"
	"strings"
	"testing"
)

// The independent checker's combination cases (/work/helpers/handcalc-combos.md,
// computed by hand without reading the engine; scenario files copied to
// testdata/handcalc-combos). Parts, 12 months from 2027-01-01 unless said:
//
//	C300  Chatopera bot, 300 chats/day: 109,500 calls → pack.1000 + 2 × pack.100 = 1,200.00
//	C3000 Chatopera bot, 300 chats × 10 messages: 1,095,000 → pack.10000 = 10,000.00
//	T300  Tencent bot: robot 5,800.00 (full year, §7.3) + 120k sessions 1,600.00 = 7,400.00
//	T5    Tencent online, 5 agents: 5 × 999 = 4,995.00
//	H1200 Huawei online, 5 agents, quote 120/month, 1,200/year: 5 × 1,200 = 6,000.00
//	H999  the same at 999/year: 4,995.00
//	A3    Aliyun phone, 3 agents, 1 number, 2,000 inbound min/month (fixed 2 min):
//	      3 × 2,029.80 (1-year term) + 35 × 12 + 2,000 × 0.110 × 12 = 6,089.40 + 420 + 2,640 = 9,149.40
//
// Their interpretations, which the engine shares: a group is needed when
// any of its fields is non-zero at any time (C1); own lines are the
// vendor's, once in every combination using it (C2); combine touches only
// the combinations, never the vendors' own totals nor "cheapest" (C3); a
// vendor with an unpriced item on a group is in no ranked combination
// (C4); Chatopera covers bots at no charge (C5); a pin to a vendor that
// cannot take the group leaves none, naming the group (C6). Equal totals
// with as many vendors have no order in the spec (case 4): the engine's
// display order is not held against them.
func TestHandcalcCombinations(t *testing.T) {
	for _, c := range []struct {
		file     string
		cheapest string   // the single vendor, "" none
		want     []string // combinations, cheapest first
		gap      string   // the group without a vendor, when none
	}{
		// 1,200 + 4,995; 1,200 + 6,000; 7,400 + 4,995; 7,400 + 6,000
		{"case1", Tencent, []string{"6195.00 bot=chatopera online=tencent-qidian", "7200.00 bot=chatopera online=huawei-cec",
			"12395.00 bot=tencent-qidian online=tencent-qidian", "13400.00 bot=tencent-qidian online=huawei-cec"}, ""},
		// 1,200 + 9,149.40; 7,400 + 9,149.40; Tencent's phone lacks number and minute prices
		{"case1b", "", []string{"10349.40 bot=chatopera phone=aliyun-icc", "16549.40 bot=tencent-qidian phone=aliyun-icc"}, ""},
		// 1,200 + 4,995 + 9,149.40; 1,200 + 6,000 + 9,149.40; 12,395 + 9,149.40; 7,400 + 6,000 + 9,149.40
		{"case2", "", []string{"15344.40 bot=chatopera online=tencent-qidian phone=aliyun-icc", "16349.40 bot=chatopera online=huawei-cec phone=aliyun-icc",
			"21544.40 bot=tencent-qidian online=tencent-qidian phone=aliyun-icc", "22549.40 bot=tencent-qidian online=huawei-cec phone=aliyun-icc"}, ""},
		// 7,400 + 4,995; 7,400 + 6,000; 10,000 + 4,995; 10,000 + 6,000
		{"case3", Tencent, []string{"12395.00 bot=tencent-qidian online=tencent-qidian", "13400.00 bot=tencent-qidian online=huawei-cec",
			"14995.00 bot=chatopera online=tencent-qidian", "16000.00 bot=chatopera online=huawei-cec"}, ""},
		// the tie 12,395.00 goes to the single vendor; the two 14,995.00 are in any order
		{"case4", Tencent, []string{"12395.00 bot=tencent-qidian online=tencent-qidian", "12395.00 bot=tencent-qidian online=huawei-cec",
			"14995.00 bot=chatopera online=huawei-cec", "14995.00 bot=chatopera online=tencent-qidian"}, ""},
		// pin online = huawei: 1,200 + 6,000; 7,400 + 6,000
		{"case5", Tencent, []string{"7200.00 bot=chatopera online=huawei-cec", "13400.00 bot=tencent-qidian online=huawei-cec"}, ""},
		// exclude chatopera
		{"case6", Tencent, []string{"12395.00 bot=tencent-qidian online=tencent-qidian", "13400.00 bot=tencent-qidian online=huawei-cec"}, ""},
		// own lines: Chatopera 6,000 + 12 × 50 = 6,600.00; Tencent 6 × 10 = 60.00 (July–December)
		// 7,400 + 4,995 + 60; (1,200 + 6,600) + (4,995 + 60); (7,400 + 60) + 6,000; 7,800 + 6,000
		{"case7", Tencent, []string{"12455.00 bot=tencent-qidian online=tencent-qidian", "12855.00 bot=chatopera online=tencent-qidian",
			"13460.00 bot=tencent-qidian online=huawei-cec", "13800.00 bot=chatopera online=huawei-cec"}, ""},
		// bot with ASR: only Chatopera covers chats and ASR, and it is left out
		{"case8a", "", nil, "bot"},
		// online: Tencent left out, Huawei's seat unpriced
		{"case8b", Tencent, nil, "online"},
		// bot pinned to Aliyun, which does not cover chats
		{"case8c", Tencent, nil, "bot"},
		// chats from 07-01: Chatopera pack.1000 1,000.00; Tencent bot alone 7,400.00; Tencent bot
		// and online together 4,995 + 5,800/10 × 6 (robot aligned to the online term) + 1,600 = 10,075.00
		{"case9", Tencent, []string{"5995.00 bot=chatopera online=tencent-qidian", "7000.00 bot=chatopera online=huawei-cec",
			"10075.00 bot=tencent-qidian online=tencent-qidian", "13400.00 bot=tencent-qidian online=huawei-cec"}, ""},
		// the typical contact centre, 36 months, fixed 3-minute calls: Chatopera 36,000.00
		// (3 × pack.10000 + 6 × pack.1000); Tencent online 19,980 + 2 × 29,970 = 79,920.00;
		// Aliyun 8 × 4,656.60 + 10 × 35 × 36 + 4,400 × 36 = 37,252.80 + 12,600 + 158,400 = 208,252.80;
		// Tencent bot 34,800 + 42,800 = 77,600.00
		{"typical", "", []string{"324172.80 bot=chatopera online=tencent-qidian phone=aliyun-icc", "365772.80 bot=tencent-qidian online=tencent-qidian phone=aliyun-icc"}, ""},
		// exponential mean 3: Aliyun's voice 5,174.00 × 36 = 186,264.00, phone 236,116.80
		{"typical-exp", "", []string{"352036.80 bot=chatopera online=tencent-qidian phone=aliyun-icc", "393636.80 bot=tencent-qidian online=tencent-qidian phone=aliyun-icc"}, ""},
	} {
		t.Run(c.file, func(t *testing.T) {
			cmp, err := Compare(loadBenchFile(t, "handcalc-combos/"+c.file+".kefucost.json"))
			if err != nil {
				t.Fatal(err)
			}
			if cmp.Cheapest != c.cheapest {
				t.Errorf("cheapest %q, want %q", cmp.Cheapest, c.cheapest)
			}
			var got []string
			for _, cb := range cmp.Combinations {
				got = append(got, combo(cb))
			}
			if g, w := unordered(got), unordered(c.want); !slices.Equal(g, w) {
				t.Errorf("combinations:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(c.want, "\n     "))
			}
			if c.gap != "" {
				if len(cmp.Gaps) != 1 || cmp.Gaps[0].Group != c.gap {
					t.Errorf("gaps %+v, want the %s group named", cmp.Gaps, c.gap)
				}
			} else if len(cmp.Gaps) != 0 {
				t.Errorf("gaps %+v", cmp.Gaps)
			}
		})
	}
}

// Case 8b's reason: every vendor that could take online lacks prices there.
func TestNoCombinationSaysWhichPriceIsMissing(t *testing.T) {
	cmp, err := Compare(loadBenchFile(t, "handcalc-combos/case8b.kefucost.json"))
	if err != nil {
		t.Fatal(err)
	}
	g := cmp.Gaps[0]
	if len(g.Unpriced) != 1 || g.Unpriced[0].Vendor != Huawei || !slices.Equal(g.Unpriced[0].Fields, []string{"seat.online.month"}) ||
		!strings.Contains(g.Why, "seat.online.month") {
		t.Errorf("gap %+v", g)
	}
	if len(cmp.PartlyPriced) != 1 {
		t.Errorf("partly priced %d", len(cmp.PartlyPriced))
	}
}

// unordered sorts runs of combinations with the same total and as many
// vendors, whose order the spec leaves open.
func unordered(cs []string) []string {
	out := slices.Clone(cs)
	key := func(c string) string {
		f := strings.Fields(c)
		vendors := map[string]bool{}
		for _, a := range f[1:] {
			vendors[a[strings.Index(a, "=")+1:]] = true
		}
		return f[0] + "/" + string(rune('0'+len(vendors)))
	}
	for i := 0; i < len(out); {
		j := i + 1
		for j < len(out) && key(out[j]) == key(out[i]) {
			j++
		}
		slices.Sort(out[i:j])
		i = j
	}
	return out
}

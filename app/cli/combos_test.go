package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

const combosDir = "../../pricing/testdata/combos/"

// compare --format json carries the combinations (scenario-and-cli.md
// "Additions"): two vendors are the cheapest way, 1,200 (Chatopera's
// bot) + 4,995 + 15,000 (Tencent's online and phone) = 21,195.00, while
// "cheapest" keeps its meaning: Tencent, the only single vendor covering
// everything, 27,395.00.
func TestCompareJSONCombinations(t *testing.T) {
	out, errs, code := runCLI(t, "compare", "--scenario", combosDir+"two-vendors.kefucost.json", "--format", "json")
	if code != 0 {
		t.Fatal(errs)
	}
	var j struct {
		Cheapest     string   `json:"cheapest"`
		Groups       []string `json:"groups"`
		Combinations []struct {
			Total      string            `json:"total"`
			Groups     map[string]string `json:"groups"`
			Difference string            `json:"difference"`
		} `json:"combinations"`
		CheapestCombination *struct {
			Total  string            `json:"total"`
			Groups map[string]string `json:"groups"`
		} `json:"cheapest_combination"`
		PartlyPriced []struct {
			Complete bool `json:"complete"`
		} `json:"combinations_partly_priced"`
		Vendors []struct {
			Vendor string   `json:"vendor"`
			Rank   string   `json:"rank"`
			Serves []string `json:"serves"`
		} `json:"vendors"`
	}
	if err := json.Unmarshal([]byte(out), &j); err != nil {
		t.Fatal(err)
	}
	if j.Cheapest != "tencent-qidian" || len(j.Combinations) != 4 || j.CheapestCombination == nil {
		t.Fatalf("cheapest %q, %d combinations", j.Cheapest, len(j.Combinations))
	}
	b := j.CheapestCombination
	if b.Total != "21195.00" || b.Groups["bot"] != "chatopera" || b.Groups["online"] != "tencent-qidian" || b.Groups["phone"] != "tencent-qidian" || len(b.Groups) != 3 {
		t.Errorf("cheapest combination %+v", b)
	}
	// 26,493.00 − 21,195.00
	if j.Combinations[1].Difference != "5298.00" || j.Combinations[0].Difference != "0.00" {
		t.Errorf("differences %q %q", j.Combinations[0].Difference, j.Combinations[1].Difference)
	}
	for _, p := range j.PartlyPriced {
		if p.Complete {
			t.Error("a partly priced combination says complete")
		}
	}
	ranks := map[string]string{}
	for _, v := range j.Vendors {
		ranks[v.Vendor] = v.Rank
	}
	if ranks["tencent-qidian"] != "only_whole" || ranks["chatopera"] != "partial" || ranks["aliyun-icc"] != "partial" {
		t.Errorf("ranks %v", ranks)
	}
}

// No complete combination: the JSON has none, no cheapest_combination,
// and says which group and why.
func TestCompareJSONNoCombination(t *testing.T) {
	out, errs, code := runCLI(t, "compare", "--scenario", combosDir+"no-vendor.kefucost.json", "--format", "json")
	if code != 0 {
		t.Fatal(errs)
	}
	if strings.Contains(out, `"cheapest_combination"`) || !strings.Contains(out, `"combinations": []`) {
		t.Errorf("combinations present:\n%s", out)
	}
	var j struct {
		NoCombination []struct {
			Group    string   `json:"group"`
			Why      string   `json:"why"`
			WhyZH    string   `json:"why_zh"`
			Disabled []string `json:"disabled"`
		} `json:"no_combination"`
	}
	if err := json.Unmarshal([]byte(out), &j); err != nil {
		t.Fatal(err)
	}
	if len(j.NoCombination) != 1 || j.NoCombination[0].Group != "phone" || j.NoCombination[0].Disabled[0] != "aliyun-icc" ||
		!strings.Contains(j.NoCombination[0].WhyZH, "阿里云可以提供，但已停用") || !strings.Contains(j.NoCombination[0].WhyZH, "AI 语音坐席") {
		t.Errorf("no_combination %+v", j.NoCombination)
	}
}

// The table answers first, lists the combinations with their differences,
// and never calls the only whole vendor "cheapest"; the csv has a row per
// combination with its monthly cash.
func TestCompareTableAndCSVCombinations(t *testing.T) {
	out, _, code := runCLI(t, "compare", "--scenario", combosDir+"two-vendors.kefucost.json")
	if code != 0 {
		t.Fatal(out)
	}
	for _, want := range []string{
		"Cheapest way to cover everything: Chatopera (bot) + Tencent (online chat, phone) = ¥21,195.00",
		"26,493.00   +5,298.00 CNY (+25.0%)",
		"only one covering everything",
		"covers only: bot",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "cheapest;") || strings.Contains(out, "★") {
		t.Errorf("a vendor is called cheapest:\n%s", out)
	}
	csv, _, code := runCLI(t, "compare", "--scenario", combosDir+"extras-change-winner.kefucost.json", "--format", "csv")
	if code != 0 {
		t.Fatal(csv)
	}
	var rows []string
	for _, l := range strings.Split(csv, "\n") {
		if strings.HasPrefix(l, "COMBINATION,") {
			rows = append(rows, l)
		}
	}
	// The buyer's own lines change the winner: Tencent alone, 27,395.00,
	// then Chatopera (8,800.00 with its own lines) + Tencent, 28,795.00.
	if len(rows) != 4 || !strings.HasPrefix(rows[0], "COMBINATION,1,bot=tencent-qidian online=tencent-qidian phone=tencent-qidian,腾讯企点（机器人、在线客服、电话）,,,,27395.00,") ||
		!strings.HasPrefix(rows[1], "COMBINATION,2,bot=chatopera online=tencent-qidian phone=tencent-qidian,") || !strings.Contains(rows[1], ",28795.00,") {
		t.Errorf("combination rows:\n%s", strings.Join(rows, "\n"))
	}
	if !strings.Contains(csv, "chatopera,chatopera-2023-packs,buyer.extra,多一家供应商的管理,11,month,600,6600.00,0.00,600.00,") {
		t.Errorf("own line missing:\n%s", csv)
	}
	if !strings.Contains(csv, "★ cheapest") {
		t.Errorf("Tencent alone is the cheapest way here: ★ expected")
	}
}

package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kefucost/scenarios"
)

// growthFile is a valid scenario the engine refuses: 10,000 inbound
// minutes doubling every month pass the 10,000,000,000 a field may state
// in 2028-09 (pricing's TestGrowthPastTheLimitIsRefused).
func growthFile(t *testing.T) string {
	t.Helper()
	f := filepath.Join(t.TempDir(), "growth.kefucost.json")
	body := scenarioJSON("增长", 120, `"phone_agents": 10, "inbound_minutes_per_month": 10000, "growth_per_month": "1"`, "")
	if err := os.WriteFile(f, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return f
}

// Every refusal is one line naming the file, the field and the problem
// (README, "Command line"): the engine's refusals (growth past a field's
// limit here) named the field only. In Chinese the growth refusal names
// the field that passes its limit and when, as the English does (it said
// only "需求量").
func TestEngineRefusalNamesFileFieldAndProblem(t *testing.T) {
	f := growthFile(t)
	want := map[string][]string{
		"en": {f + ": demand.growth_per_month: at this growth inbound_minutes_per_month passes 10,000,000,000", "by 2028-09-01", "(nothing was compared)"},
		"zh": {f + "：", "增长率", "按此增长率，每月呼入 (inbound_minutes_per_month) 将在 2028-09-01 超过方案允许的上限 10,000,000,000", "（未作比较）"},
	}
	for _, lang := range []string{"en", "zh"} {
		for _, args := range [][]string{
			{"compare", "--scenario", f},
			{"compare", "--scenario", f, "--format", "json"},
			{"report", "--scenario", f, "--out", filepath.Join(t.TempDir(), "r.csv")},
			{"chart", "--scenario", f, "--out", filepath.Join(t.TempDir(), "c.svg")},
			{"chart", "--scenario", f, "--out", filepath.Join(t.TempDir(), "t.svg"), "--kind", "tornado"},
		} {
			args = append([]string{"--lang", lang}, args...)
			out, errOut, code := runCLI(t, args...)
			if code != ExitError || out != "" || strings.Count(errOut, "\n") != 1 {
				t.Errorf("%v: exit %d, stdout %q, stderr %q; want one line", args, code, out, errOut)
			}
			for _, w := range want[lang] {
				if !strings.Contains(errOut, w) {
					t.Errorf("%v: %q lacks %q", args, errOut, w)
				}
			}
		}
	}
}

// scenarios import of a file the engine refuses says that nothing was
// imported (the database unchanged), not compare's "(nothing was
// compared)", and names the file.
func TestImportRefusalSaysNothingImported(t *testing.T) {
	f := growthFile(t)
	db := filepath.Join(t.TempDir(), "s.db")
	for lang, want := range map[string][]string{
		"en": {f + ": demand.growth_per_month: ", "(nothing was imported: the scenario database is unchanged)"},
		"zh": {f + "：", "（未导入：方案数据库未作任何改动）"},
	} {
		errOut := scFail(t, db, ExitError, []string{"--lang", lang, "scenarios", "import", f}, want...)
		if strings.Contains(errOut, "nothing was compared") || strings.Contains(errOut, "未作比较") {
			t.Errorf("%s: import says compare's outcome: %q", lang, errOut)
		}
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("a refused import created the database")
	}
}

// A break-even sweep past what its field may state is refused naming the
// flag that asked for it (--to, typed or by default), never
// demand.<field>, which the user did not write.
func TestBreakevenRefusalNamesTheFlagTyped(t *testing.T) {
	lim := scenarios.CountLimit("online_agents")
	f := filepath.Join(t.TempDir(), "be.kefucost.json")
	if err := os.WriteFile(f, []byte(scenarioJSON("扫描", 12, fmt.Sprintf(`"online_agents": %d`, lim/2), "")), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "be.svg")
	for _, c := range []struct {
		lang string
		code int
		args []string
		want []string
	}{
		{"en", ExitUsage, []string{"--to", fmt.Sprint(lim + 1)}, []string{fmt.Sprintf("--to %d: online_agents may be at most", lim+1)}},
		{"zh", ExitUsage, []string{"--to", fmt.Sprint(lim + 1)}, []string{fmt.Sprintf("--to %d：方案中在线客服坐席 (online_agents) 最多为", lim+1)}},
		{"en", ExitError, nil, []string{"--to: by default the sweep goes to 3 × online_agents", f, "give --to N"}},
		{"zh", ExitError, nil, []string{"--to：默认扫描到 3 × 在线客服坐席 (online_agents)", f, "请用 --to 数值 指定"}},
	} {
		args := append([]string{"--lang", c.lang, "chart", "--scenario", f, "--out", out, "--kind", "breakeven", "--field", "online_agents"}, c.args...)
		stdout, errOut, code := runCLI(t, args...)
		if code != c.code || stdout != "" || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: exit %d (want %d), stdout %q, stderr %q", args, code, c.code, stdout, errOut)
		}
		for _, w := range c.want {
			if !strings.Contains(errOut, w) {
				t.Errorf("%v: %q lacks %q", args, errOut, w)
			}
		}
		if strings.Contains(errOut, "demand.") {
			t.Errorf("%v: names a field path the user never typed: %q", args, errOut)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a refused chart was written")
	}
}

// messages_per_chat is at least 1: its sweep starts there by default (it
// started at 0 and was refused naming demand.messages_per_chat), and a
// --from below it is refused naming --from.
func TestBreakevenMessagesPerChatStartsAtOne(t *testing.T) {
	out := filepath.Join(t.TempDir(), "be.svg")
	args := []string{"chart", "--scenario", exampleScenario, "--out", out, "--kind", "breakeven", "--field", "messages_per_chat", "--to", "4"}
	if _, errOut, code := runCLI(t, args...); code != ExitOK {
		t.Fatalf("%v: exit %d: %s", args, code, errOut)
	}
	for lang, want := range map[string]string{"en": "--from 0: messages_per_chat is at least 1", "zh": "--from 0：方案中每次对话请求数 (messages_per_chat) 至少为 1"} {
		_, errOut, code := runCLI(t, append([]string{"--lang", lang}, append(args, "--from", "0")...)...)
		if code != ExitUsage || !strings.Contains(errOut, want) || strings.Contains(errOut, "demand.") {
			t.Errorf("%s --from 0: exit %d, %q; want %q", lang, code, errOut, want)
		}
	}
}

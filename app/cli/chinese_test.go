package cli

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Under Chinese (--lang zh, or a Chinese locale) every word the command
// line says about its own use is Chinese: the scenarios subcommands'
// errors, notes and help, chart and report usage errors, flag errors and
// flag help, file errors. What stays Latin is what a user types or reads
// as a code: command and flag names, values (table, json, png…), ids,
// paths, quoted user text.
func TestCLIChineseMessages(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	typical := "../../pricing/testdata/typical-contact-centre.kefucost.json"
	name := "典型客服中心（issue 9）"
	scOK(t, db, "scenarios", "import", typical)
	scOK(t, db, "scenarios", "duplicate", name, "乙")
	scOK(t, db, "scenarios", "delete", "乙")
	scOK(t, db, "scenarios", "duplicate", name, "乙")
	missing := filepath.Join(t.TempDir(), "missing.kefucost.json")
	out := filepath.Join(t.TempDir(), "no-such-folder", "a.png")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"scenarios"}, "请说明要做什么"},
		{[]string{"scenarios", "nope"}, "没有 \"nope\" 这个子命令"},
		{[]string{"scenarios", "help"}, "本机方案库里保存的方案"},
		{[]string{"scenarios", "show"}, "缺少参数；用法：kefucost scenarios show 名称"},
		{[]string{"scenarios", "show", "a", "b"}, "参数太多"},
		{[]string{"scenarios", "show", "-h"}, "用这个版本（默认：最新版本）"},
		{[]string{"scenarios", "show", "nope"}, "没有名为 \"nope\" 的已保存方案"},
		{[]string{"scenarios", "show", name, "--rev", "9"}, "没有这个版本"},
		{[]string{"scenarios", "show", name, "--rev", "0"}, "--rev 必须是版本号"},
		{[]string{"scenarios", "show", " "}, "请输入方案名称"},
		{[]string{"scenarios", "list", "--nope"}, "没有这个选项：-nope"},
		{[]string{"scenarios", "list", "--format", "x"}, "--format 只能是 table、json 或 csv"},
		{[]string{"scenarios", "history", name, "--format", "csv"}, "--format 只能是 table 或 json"},
		{[]string{"scenarios", "history", name}, "价格版本："},
		{[]string{"scenarios", "import", missing}, "无法打开 " + missing + "：文件或文件夹不存在"},
		{[]string{"scenarios", "import", typical}, "已经是这个方案：没有保存新版本"},
		{[]string{"scenarios", "restore", name, "x"}, "版本号必须是 1、2、……"},
		{[]string{"scenarios", "restore", name, "1"}, "已经与版本 1 相同"},
		{[]string{"scenarios", "rename", name, "乙"}, "中已有名为 \"乙\" 的方案"},
		{[]string{"scenarios", "undelete", "丙"}, "的回收站里没有名为 \"丙\" 的方案"},
		{[]string{"scenarios", "undelete", "乙", "--id", "0"}, "--id 必须是"},
		{[]string{"scenarios", "undelete", "乙", "--id", "99"}, "没有编号为 99 的方案"},
		{[]string{"scenarios", "delete", "乙"}, "已把 \"乙\" 移到回收站"},
		{[]string{"scenarios", "undelete", "乙"}, "回收站里还有 1 个名为 \"乙\" 的已删除方案"},
		{[]string{"scenarios", "empty-trash"}, "已从回收站永久清除 1 个方案及其全部版本"},
		{[]string{"scenarios", "empty-trash"}, "回收站本来就是空的"},
		{[]string{"chart", "--scenario", typical}, "需要 --out 文件（.png 或 .svg）"},
		{[]string{"chart", "--scenario", typical, "--out", "a.gif"}, "--out 的文件名必须以 .png 或 .svg 结尾"},
		{[]string{"chart", "--scenario", typical, "--out", "a.png", "--kind", "pie"}, "--kind 只能是"},
		{[]string{"chart", "--scenario", typical, "--out", "a.png", "--width", "10"}, "图表尺寸 10×"},
		{[]string{"chart", "--scenario", typical, "--out", "a.png", "--widht", "10"}, "没有这个选项：-widht"},
		{[]string{"chart", "--scenario", typical, "--out", "a.png", "extra"}, "多余的参数 \"extra\""},
		{[]string{"chart", "--scenario", typical, "--out", out}, "--out：无法写入 " + out + "：文件或文件夹不存在"},
		{[]string{"chart", "--scenario", missing, "--out", "a.png"}, "无法打开"},
		{[]string{"chart", "-h"}, "深色背景"},
		{[]string{"report", "--scenario", typical}, "需要 --out 文件（.xlsx 或 .csv）"},
		{[]string{"report", "--scenario", typical, "--out", "a.pdf"}, "--out 的文件名必须以 .xlsx 或 .csv 结尾"},
		{[]string{"report", "--scenario", typical, "--out", "a.csv", "--vat", "maybe"}, "--vat 只能是 included 或 excluded"},
		{[]string{"compare", "--scenario", typical, "--vat", "maybe"}, "--vat 只能是"},
		{[]string{"compare", "-h"}, "方案文件（*.kefucost.json）"},
		{[]string{"plans", "--price-date", "2027-02-30"}, "2 月只有 28 天"},
		{[]string{"plans", "--vendor", "x"}, "--vendor：没有供应商 \"x\""},
	} {
		stdout, stderr, _ := scRun(t, db, "", append([]string{"--lang", "zh"}, c.args...)...)
		said := stdout + stderr
		if !strings.Contains(said, c.want) {
			t.Errorf("%q: want %q in\n%s", c.args, c.want, said)
		}
		if w := englishWords(said); len(w) > 0 {
			t.Errorf("%q: English words %q in\n%s", c.args, w, said)
		}
	}
	// A scenario read from stdin is named so in Chinese.
	if _, stderr, _ := scRun(t, db, "{}", "--lang", "zh", "scenarios", "import", "-"); !strings.Contains(stderr, "标准输入:1:1：") || len(englishWords(stderr)) > 0 {
		t.Errorf("import - under zh: %q", stderr)
	}
	// A Chinese locale without --lang speaks Chinese too.
	var env = map[string]string{"LANG": "zh_CN.UTF-8", "KEFUCOST_DB": db}
	if _, stderr, _ := runCLIEnv(t, env, "scenarios"); !strings.Contains(stderr, "请说明要做什么") {
		t.Errorf("LANG=zh_CN.UTF-8: %q", stderr)
	}
	// English stays as it was.
	if _, stderr, _ := scRun(t, db, "", "--lang", "en", "scenarios", "show"); !strings.Contains(stderr, "missing arguments; usage: kefucost scenarios show NAME [--rev N] [--db PATH]") {
		t.Errorf("English: %q", stderr)
	}
}

// codeWords are the Latin words a Chinese message may hold: what a user
// types (commands, flags, values) or reads as a code.
var codeWords = regexp.MustCompile(`(?i)^(kefucost|scenarios?|list|show|import|export|history|restore|rename|duplicate|delete|undelete|trash|empty-trash|compare|chart|report|plans|help|table|json|csv|png|svg|xlsx|zh|en|included|excluded|cumulative|monthly|breakdown|breakeven|combination|tornado|chats_per_day|chatopera|tencent-qidian|huawei-cec|aliyun-icc|kefucost\.scenario|KEFUCOST_DB|LC_ALL|LANG|config|fyne|cn|app|db|CEC|ICC|issue|VALUE|from|to|breakdown、tornado)$`)

// englishWords are the Latin words in s outside quotes, paths, flags and
// codeWords.
func englishWords(s string) []string {
	s = regexp.MustCompile(`"[^"]*"|'[^']*'|\S*/\S*|\S+\.json|(^|[\s\[（(：、])--?[a-z][a-z-]*|\$[A-Z_]+|\.[a-z]+\b`).ReplaceAllString(s, " ")
	var out []string
	for _, w := range regexp.MustCompile(`[A-Za-z][A-Za-z_.-]*[A-Za-z]`).FindAllString(s, -1) {
		if !codeWords.MatchString(w) {
			out = append(out, w)
		}
	}
	return out
}

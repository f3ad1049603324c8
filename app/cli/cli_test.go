package cli

import "testing"

// With no locale in the environment (Windows sets none of LC_ALL,
// LC_MESSAGES, LANG) the language is the system's (Windows: the user's
// regional format): a Chinese Windows got English from every subcommand.
// The environment, when set, still comes first.
func TestLanguageFromTheSystemWhenTheEnvironmentHasNone(t *testing.T) {
	saved := systemLocale
	t.Cleanup(func() { systemLocale = saved })
	none := func(string) string { return "" }
	for _, c := range []struct {
		system, env  string
		text, output string
	}{
		{"zh-CN", "", "zh", "zh"},
		{"en-US", "", "en", "en"},
		{"", "", "en", "zh"}, // unknown: English text, Chinese files (as before)
		{"zh-CN", "en_US.UTF-8", "en", "en"},
		{"en-US", "zh_CN.UTF-8", "zh", "zh"},
	} {
		systemLocale = func() string { return c.system }
		getenv := none
		if c.env != "" {
			getenv = func(k string) string {
				if k == "LANG" {
					return c.env
				}
				return ""
			}
		}
		if got := textLang(getenv, ""); got != c.text {
			t.Errorf("system %q, LANG %q: text in %s, want %s", c.system, c.env, got, c.text)
		}
		if got, _ := cliLang(&Env{Getenv: getenv}, ""); got != c.output {
			t.Errorf("system %q, LANG %q: files in %s, want %s", c.system, c.env, got, c.output)
		}
	}
}

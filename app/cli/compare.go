package cli

import (
	"fmt"
	"strings"

	"kefucost/app"
	"kefucost/app/wording"
	"kefucost/pricing"
	"kefucost/scenarios"
)

func init() {
	commands["compare"] = command{summary: "compare what every vendor would cost for a scenario file", run: runCompare}
	commands["plans"] = command{summary: "list vendors, editions, plans and item prices with their sources", run: runPlans}
}

func runCompare(env *Env, args []string) int {
	fs := newFlags(env, "compare")
	file := fs.String("scenario", "", "scenario file (*.kefucost.json)")
	format := fs.String("format", "table", "output: table, json or csv")
	vat := vatFlag(fs)
	if ok, code := parseFlags(env, fs, args); !ok {
		return code
	}
	if *file == "" {
		fmt.Fprintln(env.Stderr, "kefucost compare: "+env.T("cli.err.scenario_required"))
		return ExitUsage
	}
	if *format != "table" && *format != "json" && *format != "csv" {
		fmt.Fprintln(env.Stderr, "kefucost compare: "+env.T("cli.err.format", *format))
		return ExitUsage
	}
	s, err := app.LoadScenario(*file)
	if err != nil {
		return fail(env, "compare", err)
	}
	if _, err := withVAT(&pricing.Comparison{}, *vat); err != nil {
		fmt.Fprintln(env.Stderr, "kefucost compare: "+env.T("cli.err.vat", *vat))
		return ExitUsage
	}
	c, err := pricing.Compare(s)
	if err != nil {
		return fail(env, "compare", inFile(err, *file))
	}
	c, _ = withVAT(c, *vat)
	var out []byte
	switch *format {
	case "json":
		out, err = ComparisonJSON(c)
	case "csv":
		out, err = ComparisonCSV(c, env.Lang())
	default:
		out = []byte(ComparisonTable(c, env.Lang()))
	}
	if err != nil {
		return fail(env, "compare", err)
	}
	env.Stdout.Write(out)
	return ExitOK
}

func runPlans(env *Env, args []string) int {
	fs := newFlags(env, "plans")
	vendor := fs.String("vendor", "", "only this vendor (chatopera, tencent-qidian, huawei-cec, aliyun-icc)")
	dateText := fs.String("price-date", "", "show the editions in force on this day (default: the latest)")
	if ok, code := parseFlags(env, fs, args); !ok {
		return code
	}
	var on scenarios.Date
	if *dateText != "" {
		d, err := scenarios.ParseDate(*dateText)
		if err != nil {
			msg := err.Error()
			if env.Lang() != "en" {
				msg = wording.DateHint(env.Lang(), *dateText)
			}
			fmt.Fprintf(env.Stderr, "kefucost plans: --price-date: %s\n", msg)
			return ExitUsage
		}
		on = d
	}
	cat, err := pricing.LoadCatalog()
	if err != nil {
		return fail(env, "plans", err)
	}
	if *vendor != "" && cat.Vendor(*vendor) == nil {
		fmt.Fprintln(env.Stderr, "kefucost plans: "+env.T("cli.err.vendor", *vendor, strings.Join(scenarios.VendorIDs, ", ")))
		return ExitUsage
	}
	lang := env.Lang()
	zh := lang == "zh"
	var b strings.Builder
	for _, v := range cat.Vendors {
		if *vendor != "" && v.ID != *vendor {
			continue
		}
		fmt.Fprintf(&b, "%s — %s (%s)\n", v.ID, v.Name, v.NameEN)
		covers := strings.Join(v.Covers, ", ")
		if zh {
			covers = wording.FieldRefs(lang, v.Covers)
		}
		b.WriteString("  " + env.T("cli.plans.covers", covers) + "\n")
		plans := v.PlansOn(on)
		var legacy []*pricing.Plan
		for _, p := range v.Plans {
			if p.LegacyOption != "" && p.Edition(on) == nil {
				legacy = append(legacy, p)
			}
		}
		if len(plans) == 0 && len(legacy) == 0 {
			b.WriteString("  " + env.T("cli.plans.none", on.String()) + "\n\n")
			continue
		}
		b.WriteString("  " + env.T("cli.plans.plans") + "\n")
		rows := [][]string{}
		for _, p := range plans {
			name := p.Name + " / " + p.NameEN
			if zh {
				name = p.Name
			}
			rows = append(rows, []string{p.ID, p.Edition(on).ID, name})
		}
		for _, p := range legacy {
			e := p.LastEdition()
			name := p.Name + " / " + p.NameEN
			if zh {
				name = p.Name
			}
			rows = append(rows, []string{p.ID, e.ID, env.T("cli.plans.legacy", name, e.Until.String(), p.LegacyOption)})
		}
		b.WriteString(indent(wording.Table(rows, nil), "    "))
		for _, o := range v.Options {
			if zh {
				def := env.T("hist.off")
				if o.Default {
					def = env.T("hist.on")
				}
				fmt.Fprintf(&b, "  选项 %s（默认%s）：%s\n", o.ID, def, o.Name)
			} else {
				fmt.Fprintf(&b, "  option %s (default %v): %s / %s\n", o.ID, o.Default, o.Name, o.NameEN)
			}
		}
		seen := map[string]bool{}
		for _, p := range plans {
			e := p.Edition(on)
			if seen[e.ID] {
				continue
			}
			seen[e.ID] = true
			b.WriteString("  " + env.T("cli.plans.edition", e.ID, e.From.String()))
			if !e.Until.IsZero() {
				b.WriteString(env.T("cli.plans.until", e.Until.AddDays(-1).String()))
			}
			b.WriteString("\n    " + env.T("cli.plans.source", wording.SourceTitle(lang, e.Source), wording.SourceDate(lang, e.SourceDate)) + "\n")
			rows := [][]string{{env.T("cli.plans.col.id"), env.T("cli.plans.col.unit"), env.T("cli.plans.col.price"), env.T("cli.plans.col.name"), env.T("cli.plans.col.source")}}
			for _, it := range e.Items {
				price := env.T("unpriced")
				switch {
				case it.Price != nil:
					price = wording.Price(*it.Price)
				case len(it.Tiers) > 0:
					var ts []string
					for _, t := range it.Tiers {
						if t.Upto != nil {
							ts = append(ts, "≤"+wording.Price(*t.Upto)+":"+wording.Price(t.Price))
						} else {
							ts = append(ts, env.T("cli.plans.above")+":"+wording.Price(t.Price))
						}
					}
					price = env.T("cli.plans.tiered") + " " + strings.Join(ts, " ")
				}
				src := ""
				if it.Source != e.Source {
					src = wording.SourceTitle(lang, it.Source) + env.T("cli.table.source_date", wording.SourceDate(lang, it.SourceDate))
				}
				name := it.Name // in English the English name ("资源包 10,000 元" was printed)
				if !zh && it.NameEN != "" {
					name = it.NameEN
				}
				if it.Interpretation != "" {
					name += " " + env.T("cli.mark.assumption")
				}
				rows = append(rows, []string{it.ID, unitIn(lang, it.Unit), price, name, src})
			}
			b.WriteString(indent(wording.Table(rows, nil), "    "))
		}
		b.WriteString("\n")
	}
	b.WriteString(env.T("cli.plans.assumption") + "\n")
	fmt.Fprint(env.Stdout, b.String())
	return ExitOK
}

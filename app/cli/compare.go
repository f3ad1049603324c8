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
	if ok, code := parseFlags(env, fs, args); !ok {
		return code
	}
	if *file == "" {
		fmt.Fprintln(env.Stderr, "kefucost compare: --scenario FILE is required")
		return ExitUsage
	}
	if *format != "table" && *format != "json" && *format != "csv" {
		fmt.Fprintf(env.Stderr, "kefucost compare: --format must be table, json or csv, not %q\n", *format)
		return ExitUsage
	}
	s, err := app.LoadScenario(*file)
	if err != nil {
		return fail(env, "compare", err)
	}
	c, err := pricing.Compare(s)
	if err != nil {
		return fail(env, "compare", err)
	}
	var out []byte
	switch *format {
	case "json":
		out, err = ComparisonJSON(c)
	case "csv":
		out, err = ComparisonCSV(c)
	default:
		out = []byte(ComparisonTable(c))
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
			fmt.Fprintf(env.Stderr, "kefucost plans: --price-date: %v\n", err)
			return ExitUsage
		}
		on = d
	}
	cat, err := pricing.LoadCatalog()
	if err != nil {
		return fail(env, "plans", err)
	}
	if *vendor != "" && cat.Vendor(*vendor) == nil {
		fmt.Fprintf(env.Stderr, "kefucost plans: --vendor: unknown vendor %q (known: %s)\n", *vendor, strings.Join(scenarios.VendorIDs, ", "))
		return ExitUsage
	}
	var b strings.Builder
	for _, v := range cat.Vendors {
		if *vendor != "" && v.ID != *vendor {
			continue
		}
		fmt.Fprintf(&b, "%s — %s (%s)\n", v.ID, v.Name, v.NameEN)
		fmt.Fprintf(&b, "  covers: %s\n", strings.Join(v.Covers, ", "))
		plans := v.PlansOn(on)
		var legacy []*pricing.Plan
		for _, p := range v.Plans {
			if p.LegacyOption != "" && p.Edition(on) == nil {
				legacy = append(legacy, p)
			}
		}
		if len(plans) == 0 && len(legacy) == 0 {
			fmt.Fprintf(&b, "  no plans in force on %s\n\n", on)
			continue
		}
		b.WriteString("  plans (vendors.<id>.plan; \"auto\" picks the cheapest):\n")
		rows := [][]string{}
		for _, p := range plans {
			rows = append(rows, []string{p.ID, p.Edition(on).ID, p.Name + " / " + p.NameEN})
		}
		for _, p := range legacy {
			e := p.LastEdition()
			rows = append(rows, []string{p.ID, e.ID, fmt.Sprintf("%s / %s — no longer sold (replaced on %s); offered only with the option %s", p.Name, p.NameEN, e.Until, p.LegacyOption)})
		}
		b.WriteString(indent(wording.Table(rows, nil), "    "))
		for _, o := range v.Options {
			fmt.Fprintf(&b, "  option %s (default %v): %s / %s\n", o.ID, o.Default, o.Name, o.NameEN)
		}
		seen := map[string]bool{}
		for _, p := range plans {
			e := p.Edition(on)
			if seen[e.ID] {
				continue
			}
			seen[e.ID] = true
			fmt.Fprintf(&b, "  edition %s, in force from %s", e.ID, e.From)
			if !e.Until.IsZero() {
				fmt.Fprintf(&b, " until %s", e.Until.AddDays(-1))
			}
			fmt.Fprintf(&b, "\n    source: %s (%s)\n", e.Source, e.SourceDate)
			rows := [][]string{{"item id (vendors.<id>.prices)", "unit", "price (元)", "name", "source"}}
			for _, it := range e.Items {
				price := "unpriced"
				switch {
				case it.Price != nil:
					price = it.Price.String()
				case len(it.Tiers) > 0:
					var ts []string
					for _, t := range it.Tiers {
						if t.Upto != nil {
							ts = append(ts, "≤"+t.Upto.String()+":"+t.Price.String())
						} else {
							ts = append(ts, "above:"+t.Price.String())
						}
					}
					price = "tiered " + strings.Join(ts, " ")
				}
				src := ""
				if it.Source != e.Source {
					src = it.Source + " (" + it.SourceDate + ")"
				}
				name := it.Name
				if it.Interpretation != "" {
					name += " [A]"
				}
				rows = append(rows, []string{it.ID, it.Unit, price, name, src})
			}
			b.WriteString(indent(wording.Table(rows, nil), "    "))
		}
		b.WriteString("\n")
	}
	b.WriteString("[A] rests on an interpretation of an ambiguous document; see kefucost compare for the text.\n")
	fmt.Fprint(env.Stdout, b.String())
	return ExitOK
}

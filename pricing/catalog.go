package pricing

import (
	"embed"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
	"github.com/shopspring/decimal"

	"kefucost/scenarios"
)

//go:embed catalogs/*.toml
var catalogFS embed.FS

// Catalog is every vendor's editions, items and plans, read from the
// embedded TOML files: prices are data, each with its source and date.
type Catalog struct {
	Vendors []*Vendor
	byID    map[string]*Vendor
}

// Vendor is one vendor's price documents over time and the plans built on
// them.
type Vendor struct {
	ID       string     `toml:"id"`
	Name     string     `toml:"name"`
	NameEN   string     `toml:"name_en"`
	Editions []*Edition `toml:"editions"`
	Plans    []*Plan    `toml:"plans"`
	Options  []*Option  `toml:"options"`
	// Retired are options older scenario files may still set: accepted,
	// never offered (the vendor's rules say what they still do).
	Retired []*Option `toml:"retired_options"`
	Covers  []string  `toml:"covers"`
	// earliest is Earliest, found when the catalog is read (every plan
	// priced asks for it).
	earliest scenarios.Date
}

// Edition is one version of a vendor's price document, in force from From
// until Until (exclusive; zero means still in force).
type Edition struct {
	ID         string `toml:"id"`
	FromText   string `toml:"from"`
	UntilText  string `toml:"until"`
	Source     string `toml:"source"`
	SourceDate string `toml:"source_date"`
	// Title (Chinese), TitleEN and URL name the vendor's public page the
	// prices come from, for readers who never see our files.
	Title   string  `toml:"title"`
	TitleEN string  `toml:"title_en"`
	URL     string  `toml:"url"`
	Notes   string  `toml:"notes"`
	Items   []*Item `toml:"items"`
	From    scenarios.Date
	Until   scenarios.Date
	byID    map[string]*Item
}

// Item is one thing a vendor charges for. Price nil means unpriced: the
// vendor does not publish it.
type Item struct {
	ID              string         `toml:"id"`
	Name            string         `toml:"name"`
	NameEN          string         `toml:"name_en"`
	Unit            string         `toml:"unit"`
	PriceText       string         `toml:"price"`
	FreePerDay      int64          `toml:"free_per_day"`
	Quota           int64          `toml:"quota"`
	ValidityMonths  int            `toml:"validity_months"`
	Min             int64          `toml:"min"`
	IncludedMinutes int64          `toml:"included_minutes"`
	TierMode        string         `toml:"tier_mode"`
	TierBy          string         `toml:"tier_by"`
	Tiers           []Tier         `toml:"tiers"`
	Discounts       []TermDiscount `toml:"discounts"`
	Source          string         `toml:"source"`
	SourceDate      string         `toml:"source_date"`
	// An item priced from another document than its edition names that
	// document's public page as the edition does (title, title_en, url).
	SourceTitle   string `toml:"source_title"`
	SourceTitleEN string `toml:"source_title_en"`
	SourceURL     string `toml:"source_url"`
	Notes         string `toml:"notes"`
	// Interpretation, when set, says which reading of an ambiguous document
	// the price or rule rests on; lines using the item are marked.
	Interpretation string `toml:"interpretation"`
	Price          *decimal.Decimal
}

// Tier is one step of a tiered price: up to and including Upto (nil: no
// upper bound) the price is Price.
type Tier struct {
	UptoText  string `toml:"upto"`
	PriceText string `toml:"price"`
	Upto      *decimal.Decimal
	Price     decimal.Decimal
}

// TermDiscount is the multiplier for paying Months up front.
type TermDiscount struct {
	Months   int    `toml:"months"`
	RateText string `toml:"rate"`
	Rate     decimal.Decimal
}

// Plan is a way of buying from a vendor that the optimizer can choose.
type Plan struct {
	ID         string   `toml:"id"`
	Kind       string   `toml:"kind"`
	EditionIDs []string `toml:"editions"`
	Name       string   `toml:"name"`
	NameEN     string   `toml:"name_en"`
	Package    string   `toml:"package"`
	Online     string   `toml:"online"`
	Phone      string   `toml:"phone"`
	Robot      string   `toml:"robot"`
	Mode       string   `toml:"mode"`
	TermMonths int      `toml:"term_months"`
	// PinnedOnly plans are priced only when a scenario pins them (ids
	// older files name); auto never weighs them.
	PinnedOnly bool `toml:"pinned_only"`
	// LegacyOption names the option that offers the plan after its editions
	// ended (pricing-rules §7.1): a buyer who negotiated it may keep it.
	LegacyOption string `toml:"legacy_option"`
	vendor       *Vendor
}

// Option switches an interpretation on or off.
type Option struct {
	ID      string `toml:"id"`
	Default bool   `toml:"default"`
	Name    string `toml:"name"`
	NameEN  string `toml:"name_en"`
}

var (
	catalogOnce sync.Once
	catalog     *Catalog
	catalogErr  error
)

// LoadCatalog returns the embedded catalog, parsed once.
func LoadCatalog() (*Catalog, error) {
	catalogOnce.Do(func() {
		catalog, catalogErr = parseCatalog()
	})
	return catalog, catalogErr
}

// MustCatalog is LoadCatalog for code paths where the embedded data has been
// checked by the tests.
func MustCatalog() *Catalog {
	c, err := LoadCatalog()
	if err != nil {
		panic(err)
	}
	return c
}

func parseCatalog() (*Catalog, error) {
	c := &Catalog{byID: map[string]*Vendor{}}
	for _, id := range scenarios.VendorIDs {
		file := map[string]string{
			scenarios.Chatopera: "catalogs/chatopera.toml",
			scenarios.Tencent:   "catalogs/tencent.toml",
			scenarios.Huawei:    "catalogs/huawei.toml",
			scenarios.Aliyun:    "catalogs/aliyun.toml",
		}[id]
		data, err := catalogFS.ReadFile(file)
		if err != nil {
			return nil, err
		}
		v, err := parseVendor(data, file)
		if err != nil {
			return nil, err
		}
		if v.ID != id {
			return nil, fmt.Errorf("%s: id %q, want %q", file, v.ID, id)
		}
		c.Vendors = append(c.Vendors, v)
		c.byID[id] = v
	}
	return c, nil
}

func parseVendor(data []byte, file string) (*Vendor, error) {
	var v Vendor
	md, err := toml.Decode(string(data), &v)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, fmt.Errorf("%s: unknown key %s", file, und[0])
	}
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%s: "+format, append([]any{file}, args...)...)
	}
	editions := map[string]*Edition{}
	for _, e := range v.Editions {
		if editions[e.ID] != nil {
			return nil, bad("edition %s twice", e.ID)
		}
		editions[e.ID] = e
		if e.From, err = scenarios.ParseDate(e.FromText); err != nil {
			return nil, bad("edition %s from: %v", e.ID, err)
		}
		if e.UntilText != "" {
			if e.Until, err = scenarios.ParseDate(e.UntilText); err != nil {
				return nil, bad("edition %s until: %v", e.ID, err)
			}
		}
		if e.Source == "" || e.SourceDate == "" {
			return nil, bad("edition %s has no source or source_date", e.ID)
		}
		if e.Title == "" || e.TitleEN == "" || !strings.HasPrefix(e.URL, "https://") {
			return nil, bad("edition %s needs title, title_en and an https url (the public page of its prices)", e.ID)
		}
		e.byID = map[string]*Item{}
		for _, it := range e.Items {
			if e.byID[it.ID] != nil {
				return nil, bad("item %s twice in edition %s", it.ID, e.ID)
			}
			e.byID[it.ID] = it
			if it.Source == "" {
				it.Source, it.SourceDate = e.Source, e.SourceDate
			}
			if it.Source != e.Source && (it.SourceDate == "" || it.SourceTitle == "" || it.SourceTitleEN == "" || !strings.HasPrefix(it.SourceURL, "https://")) {
				return nil, bad("item %s of edition %s has its own source: it needs source_date, source_title, source_title_en and an https source_url (the public page of its price)", it.ID, e.ID)
			}
			if it.Name == "" || it.NameEN == "" || it.Unit == "" {
				return nil, bad("item %s needs name, name_en and unit", it.ID)
			}
			if it.PriceText != "" {
				p, err := decimal.NewFromString(it.PriceText)
				if err != nil || p.IsNegative() {
					return nil, bad("item %s price %q", it.ID, it.PriceText)
				}
				it.Price = &p
			}
			for i := range it.Tiers {
				t := &it.Tiers[i]
				if t.Price, err = decimal.NewFromString(t.PriceText); err != nil {
					return nil, bad("item %s tier price %q", it.ID, t.PriceText)
				}
				if t.UptoText != "" {
					u, err := decimal.NewFromString(t.UptoText)
					if err != nil {
						return nil, bad("item %s tier upto %q", it.ID, t.UptoText)
					}
					t.Upto = &u
				} else if i != len(it.Tiers)-1 {
					return nil, bad("item %s: only the last tier may be open-ended", it.ID)
				}
				if i > 0 && t.Upto != nil && !t.Upto.GreaterThan(*it.Tiers[i-1].Upto) {
					return nil, bad("item %s: tiers must rise", it.ID)
				}
			}
			if len(it.Tiers) > 0 && it.Tiers[len(it.Tiers)-1].Upto != nil {
				return nil, bad("item %s: the last tier must be open-ended", it.ID)
			}
			for i := range it.Discounts {
				d := &it.Discounts[i]
				if d.Rate, err = decimal.NewFromString(d.RateText); err != nil {
					return nil, bad("item %s discount %q", it.ID, d.RateText)
				}
			}
		}
	}
	v.earliest = v.Earliest()
	for _, p := range v.Plans {
		p.vendor = &v
		if len(p.EditionIDs) == 0 {
			return nil, bad("plan %s has no editions", p.ID)
		}
		for _, id := range p.EditionIDs {
			if editions[id] == nil {
				return nil, bad("plan %s: unknown edition %s", p.ID, id)
			}
		}
	}
	return &v, nil
}

// Vendor returns the vendor with id, or nil.
func (c *Catalog) Vendor(id string) *Vendor { return c.byID[id] }

// Plan returns the vendor's plan with id, or nil.
func (v *Vendor) Plan(id string) *Plan {
	for _, p := range v.Plans {
		if p.ID == id {
			return p
		}
	}
	return nil
}

// InForce reports whether the edition applies on day d.
func (e *Edition) InForce(d scenarios.Date) bool {
	return !d.Before(e.From) && (e.Until.IsZero() || d.Before(e.Until))
}

// Item returns the edition's item with id, or nil.
func (e *Edition) Item(id string) *Item { return e.byID[id] }

// Edition returns the edition of the plan in force on d (the latest in
// force when d is zero), or nil when none is. A day before the vendor's
// first edition reads as that first day (the engine says so in a note).
func (p *Plan) Edition(d scenarios.Date) *Edition {
	if first := p.vendor.Earliest(); !d.IsZero() && d.Before(first) {
		d = first
	}
	var best *Edition
	for _, id := range p.EditionIDs {
		for _, e := range p.vendor.Editions {
			if e.ID != id {
				continue
			}
			if d.IsZero() {
				if e.Until.IsZero() && (best == nil || e.From.After(best.From)) {
					best = e
				}
			} else if e.InForce(d) {
				best = e
			}
		}
	}
	return best
}

// LastEdition is the plan's most recent edition, ended or not.
func (p *Plan) LastEdition() *Edition {
	var best *Edition
	for _, id := range p.EditionIDs {
		for _, e := range p.vendor.Editions {
			if e.ID == id && (best == nil || e.From.After(best.From)) {
				best = e
			}
		}
	}
	return best
}

// EditionFor is the edition a plan is priced at on day d: the one in
// force, or for a legacy plan switched on by its option, its last one.
func (p *Plan) EditionFor(d scenarios.Date, options map[string]bool) *Edition {
	if e := p.Edition(d); e != nil {
		return e
	}
	if p.LegacyOption != "" && options[p.LegacyOption] {
		return p.LastEdition()
	}
	return nil
}

// PlansFor returns the plans offered on d: those in force, and legacy
// plans whose option the buyer switched on.
func (v *Vendor) PlansFor(d scenarios.Date, options map[string]bool) []*Plan {
	var out []*Plan
	for _, p := range v.Plans {
		if p.EditionFor(d, options) != nil {
			out = append(out, p)
		}
	}
	return out
}

// Plans returns the vendor's plans that have an edition in force on d.
func (v *Vendor) PlansOn(d scenarios.Date) []*Plan {
	var out []*Plan
	for _, p := range v.Plans {
		if p.Edition(d) != nil {
			out = append(out, p)
		}
	}
	return out
}

// ItemIDs lists every item id the vendor has in any edition, sorted; price
// overrides in a scenario must use one of them.
func (v *Vendor) ItemIDs() []string {
	seen := map[string]bool{}
	var out []string
	for _, e := range v.Editions {
		for _, it := range e.Items {
			if !seen[it.ID] {
				seen[it.ID] = true
				out = append(out, it.ID)
			}
		}
	}
	sort.Strings(out)
	return out
}

// anyItem is the vendor's item with id in the latest edition that has
// it, or nil.
func (v *Vendor) anyItem(id string) *Item {
	for i := len(v.Editions) - 1; i >= 0; i-- {
		if it := v.Editions[i].Item(id); it != nil {
			return it
		}
	}
	return nil
}

// PackIDs are the ids of the vendor's packs (items holding a quota, in
// any edition), sorted: what a scenario may list as a gift
// (vendors.<id>.gifts).
func (v *Vendor) PackIDs() []string {
	var out []string
	for _, e := range v.Editions {
		for _, it := range e.Items {
			if it.Quota > 0 && !slices.Contains(out, it.ID) {
				out = append(out, it.ID)
			}
		}
	}
	sort.Strings(out)
	return out
}

// Option returns the vendor's option with id, or nil; a retired option
// is returned too, so that older files keep loading.
func (v *Vendor) Option(id string) *Option {
	for _, o := range v.Options {
		if o.ID == id {
			return o
		}
	}
	for _, o := range v.Retired {
		if o.ID == id {
			return o
		}
	}
	return nil
}

// Earliest is the first day any edition of the vendor is in force.
func (v *Vendor) Earliest() scenarios.Date {
	if !v.earliest.IsZero() {
		return v.earliest
	}
	var d scenarios.Date
	for _, e := range v.Editions {
		if d.IsZero() || e.From.Before(d) {
			d = e.From
		}
	}
	return d
}

// Package vendors is the window's vendor settings: per vendor, include or
// leave out, pin a plan or let the optimizer choose, a negotiated discount,
// interpretation switches, and a price field for every item the vendor does
// not publish, so a buyer can type in the quote they received. The panel
// holds widgets only; every change goes to the window through its On…
// handlers, which own the scenario being edited.
package vendors

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"kefucost/app/window/kit"
	"kefucost/app/wording"
	"kefucost/pricing"
	"kefucost/scenarios"
)

// Panel is the vendors tab.
type Panel struct {
	Content fyne.CanvasObject
	Cards   map[string]*Card

	lang   kit.Lang
	cat    *pricing.Catalog
	canvas fyne.Canvas

	// Loading reports that the window is filling the panel in: changes
	// then are not the user's.
	Loading func() bool
	// OnChange changes one vendor's settings in the scenario being edited.
	OnChange func(vendor string, fn func(vs *scenarios.VendorSettings))
	// OnBadText is text typed at path that is not a value (t says why);
	// OnValue says the text at path is a value again (or empty).
	OnBadText func(path string, t kit.Typed)
	OnValue   func(path string)
}

// Card is one vendor's settings.
type Card struct {
	v        *pricing.Vendor
	Include  *widget.Check
	plan     *widget.Select
	planIDs  []string // parallel to plan.Options; "auto" first
	Discount *widget.Entry
	options  map[string]*widget.Check
	Prices   map[string]*widget.Entry // item id → quote
	Errs     map[string]*widget.Label // field path → message
	Status   *widget.Label
	priceBox *fyne.Container
	addItem  *widget.Select
	addIDs   []string
}

// New builds the panel for the catalog's vendors in language l; canvas is
// the window's (a new quote field takes the focus).
func New(l kit.Lang, cat *pricing.Catalog, canvas fyne.Canvas) *Panel {
	p := &Panel{lang: l, cat: cat, canvas: canvas, Cards: map[string]*Card{}}
	intro := kit.HintLabel(l.T("vendors.intro"))
	items := []fyne.CanvasObject{intro}
	for _, v := range cat.Vendors {
		c := p.newCard(v)
		p.Cards[v.ID] = c
		items = append(items, c.build(l))
	}
	p.Content = container.NewVScroll(container.NewVBox(items...))
	return p
}

func (p *Panel) newCard(v *pricing.Vendor) *Card {
	l := p.lang
	c := &Card{v: v, options: map[string]*widget.Check{}, Prices: map[string]*widget.Entry{}, Errs: map[string]*widget.Label{}}
	base := "vendors." + v.ID
	c.Include = widget.NewCheck(l.T("vendors.include"), func(on bool) {
		if p.Loading() {
			return
		}
		p.OnChange(v.ID, func(vs *scenarios.VendorSettings) {
			vs.Enabled = nil
			if !on {
				f := false
				vs.Enabled = &f
			}
		})
	})
	names := []string{l.T("vendors.plan.auto")}
	c.planIDs = []string{"auto"}
	for _, pl := range v.Plans {
		name := kit.NameIn(l, pl.Name, pl.NameEN)
		if l.EN() {
			name += "  (" + pl.ID + ")" // the id as the file writes it; Chinese readers read the name
		}
		names = append(names, name)
		c.planIDs = append(c.planIDs, pl.ID)
	}
	c.plan = widget.NewSelect(names, func(string) {
		if p.Loading() {
			return
		}
		id := c.planIDs[max(0, c.plan.SelectedIndex())]
		p.OnChange(v.ID, func(vs *scenarios.VendorSettings) {
			vs.Plan = id
			if id == "auto" {
				vs.Plan = ""
			}
		})
	})
	c.plan.PlaceHolder = l.T("select.placeholder")
	c.Errs[base+".plan"] = kit.ErrorLabel()
	c.Discount = widget.NewEntry()
	c.Discount.SetPlaceHolder(l.T("vendors.discount.placeholder"))
	c.Discount.OnChanged = func(text string) {
		if p.Loading() {
			return
		}
		key := base + ".discount"
		t := strings.TrimSpace(text)
		var d *decimal.Decimal
		if t != "" {
			v, ok := kit.ParseDecimal(t)
			if !ok {
				p.OnBadText(key, kit.Typed{Msg: "err.not_decimal", Text: text})
				return
			}
			d = &v
		}
		p.OnValue(key)
		p.OnChange(v.ID, func(vs *scenarios.VendorSettings) { vs.Discount = d })
	}
	c.Errs[base+".discount"] = kit.ErrorLabel()
	for _, o := range v.Options {
		o := o
		c.options[o.ID] = widget.NewCheck(wording.FieldIDsIn(string(l), kit.NameIn(l, o.Name, o.NameEN)), func(on bool) {
			if p.Loading() {
				return
			}
			p.OnChange(v.ID, func(vs *scenarios.VendorSettings) {
				if vs.Options == nil {
					vs.Options = map[string]bool{}
				}
				if on == o.Default {
					delete(vs.Options, o.ID)
				} else {
					vs.Options[o.ID] = on
				}
			})
		})
	}
	c.Status = widget.NewLabel("")
	c.Status.Wrapping = fyne.TextWrapWord
	c.priceBox = container.NewVBox()
	c.addIDs = v.ItemIDs()
	var labels []string
	for _, id := range c.addIDs {
		labels = append(labels, itemLabel(l, v, id))
	}
	c.addItem = widget.NewSelect(labels, func(string) {
		if p.Loading() || c.addItem.SelectedIndex() < 0 {
			return
		}
		id := c.addIDs[c.addItem.SelectedIndex()]
		c.addItem.ClearSelected()
		p.EnsurePriceRow(c, id)
		p.canvas.Focus(c.Prices[id])
	})
	c.addItem.PlaceHolder = l.T("vendors.prices.add")
	return c
}

// itemOf returns the newest edition's item with id.
func itemOf(v *pricing.Vendor, id string) *pricing.Item {
	for i := len(v.Editions) - 1; i >= 0; i-- {
		if it := v.Editions[i].Item(id); it != nil {
			return it
		}
	}
	return nil
}

func itemLabel(l kit.Lang, v *pricing.Vendor, id string) string {
	it := itemOf(v, id)
	if it == nil {
		return id
	}
	return kit.NameIn(l, it.Name, it.NameEN) + " (" + l.UnitText(it.Unit) + ")"
}

// unpricedItems lists the items the vendor publishes no price for.
func unpricedItems(v *pricing.Vendor) []string {
	var out []string
	for _, id := range v.ItemIDs() {
		if it := itemOf(v, id); it != nil && it.Price == nil && len(it.Tiers) == 0 {
			out = append(out, id)
		}
	}
	return out
}

func (c *Card) build(l kit.Lang) fyne.CanvasObject {
	base := "vendors." + c.v.ID
	form := widget.NewForm(
		widget.NewFormItem(l.T("vendors.plan"), container.NewVBox(kit.Shrink(c.plan, 160), c.Errs[base+".plan"])),
		widget.NewFormItem(l.T("vendors.discount"), container.NewVBox(c.Discount, kit.HintLabel(l.T("vendors.discount.hint")), c.Errs[base+".discount"])),
	)
	items := []fyne.CanvasObject{c.Include, form}
	if len(c.options) > 0 {
		items = append(items, widget.NewLabelWithStyle(l.T("vendors.options"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, o := range c.v.Options {
			items = append(items, c.options[o.ID])
		}
	}
	items = append(items,
		widget.NewLabelWithStyle(l.T("vendors.prices"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		kit.HintLabel(l.T("vendors.prices.hint")),
		c.priceBox, kit.Shrink(c.addItem, 160), c.Status)
	return widget.NewCard(kit.NameIn(l, c.v.Name, c.v.NameEN), "", container.NewVBox(items...))
}

// EnsurePriceRow shows a quote field for item id.
func (p *Panel) EnsurePriceRow(c *Card, id string) {
	if _, ok := c.Prices[id]; ok {
		return
	}
	l := p.lang
	key := fmt.Sprintf("vendors.%s.prices[%q]", c.v.ID, id)
	e := widget.NewEntry()
	it := itemOf(c.v, id)
	if it != nil && it.Price != nil {
		e.SetPlaceHolder(l.T("vendors.prices.list", it.Price.String()))
	} else {
		e.SetPlaceHolder(l.T("vendors.prices.unpriced"))
	}
	e.OnChanged = func(text string) {
		if p.Loading() {
			return
		}
		t := strings.TrimSpace(text)
		if t == "" {
			p.OnValue(key)
			p.OnChange(c.v.ID, func(vs *scenarios.VendorSettings) { delete(vs.Prices, id) })
			return
		}
		v, ok := kit.ParseDecimal(t)
		if !ok {
			p.OnBadText(key, kit.Typed{Msg: "err.not_decimal", Text: text})
			return
		}
		p.OnValue(key)
		p.OnChange(c.v.ID, func(vs *scenarios.VendorSettings) {
			if vs.Prices == nil {
				vs.Prices = map[string]decimal.Decimal{}
			}
			vs.Prices[id] = v
		})
	}
	c.Prices[id] = e
	errL := kit.ErrorLabel()
	c.Errs[key] = errL
	unit := widget.NewLabel(l.T("unit.yuan_per", l.UnitText(unitOf(it))))
	unit.Importance = widget.LowImportance
	c.priceBox.Add(widget.NewForm(widget.NewFormItem(itemLabel(l, c.v, id),
		container.NewVBox(container.NewBorder(nil, nil, nil, unit, e), errL))))
}

func unitOf(it *pricing.Item) string {
	if it == nil {
		return ""
	}
	return it.Unit
}

// Fill shows the scenario's vendor settings.
func (p *Panel) Fill(s *scenarios.Scenario) {
	for _, v := range p.cat.Vendors {
		c := p.Cards[v.ID]
		vs := s.Vendor(v.ID)
		c.Include.SetChecked(vs.IsEnabled())
		c.plan.SetSelectedIndex(max(0, kit.IndexOf(c.planIDs, vs.PlanOrAuto())))
		if vs.Discount != nil {
			c.Discount.SetText(vs.Discount.String())
		} else {
			c.Discount.SetText("")
		}
		for _, o := range v.Options {
			on := o.Default
			if x, ok := vs.Options[o.ID]; ok {
				on = x
			}
			c.options[o.ID].SetChecked(on)
		}
		// Rows: every unpriced item, then every item with a quote.
		ids := unpricedItems(v)
		for id := range vs.Prices {
			if kit.IndexOf(ids, id) < 0 {
				ids = append(ids, id)
			}
		}
		for _, id := range ids {
			p.EnsurePriceRow(c, id)
		}
		for id, e := range c.Prices {
			if q, ok := vs.Prices[id]; ok {
				e.SetText(q.String())
			} else {
				e.SetText("")
			}
		}
	}
}

// ShowErrors puts text typed that is not a value, else the validation
// error, next to each field; it returns the validation errors it placed.
func (p *Panel) ShowErrors(errs scenarios.FieldErrors, typed map[string]kit.Typed) map[*scenarios.FieldError]bool {
	shown := map[*scenarios.FieldError]bool{}
	for _, c := range p.Cards {
		for path, lbl := range c.Errs {
			msg := p.lang.TypedMsg(typed, path)
			if msg == "" {
				if e := errs.For(path); e != nil {
					msg = p.lang.FieldError(e)
					shown[e] = true
				}
			}
			kit.SetErrorLabel(lbl, msg)
		}
	}
	return shown
}

// ShowStatus says per vendor what the last comparison found missing.
func (p *Panel) ShowStatus(c *pricing.Comparison) {
	l := p.lang
	got := map[string]*pricing.Result{}
	for _, r := range c.Vendors {
		got[r.Vendor] = r
	}
	for id, card := range p.Cards {
		r := got[id]
		switch {
		case r == nil:
			card.Status.SetText(l.T("vendors.status.excluded"))
			card.Status.Importance = widget.LowImportance
		case wording.ServesNone(r):
			card.Status.SetText(l.T("vendors.status.serves_none"))
			card.Status.Importance = widget.LowImportance
		case !r.Complete:
			var names []string
			for _, it := range r.Unpriced {
				names = append(names, itemLabel(l, card.v, it))
			}
			card.Status.SetText(l.T("vendors.status.unpriced", len(r.Unpriced), strings.Join(names, l.T("list.sep"))))
			card.Status.Importance = widget.WarningImportance
		default:
			card.Status.SetText(l.T("vendors.status.complete"))
			card.Status.Importance = widget.SuccessImportance
		}
		card.Status.Refresh()
	}
}

// ClearStatus forgets what the last comparison said per vendor (another
// scenario was opened).
func (p *Panel) ClearStatus() {
	for _, c := range p.Cards {
		c.Status.SetText("")
	}
}

// RestoreTyped puts back text typed at a vendor's field path (the widgets
// were rebuilt, e.g. for another language); it reports whether the path is
// one of the panel's.
func (p *Panel) RestoreTyped(path, text string) bool {
	if !strings.HasPrefix(path, "vendors.") {
		return false
	}
	var item string
	id, rest, _ := strings.Cut(strings.TrimPrefix(path, "vendors."), ".")
	card := p.Cards[id]
	if card == nil {
		return true
	}
	switch {
	case rest == "discount":
		card.Discount.SetText(text)
	case strings.HasPrefix(rest, "prices["):
		if _, err := fmt.Sscanf(strings.TrimPrefix(rest, "prices["), "%q]", &item); err == nil {
			p.EnsurePriceRow(card, item)
			card.Prices[item].SetText(text)
		}
	}
	return true
}

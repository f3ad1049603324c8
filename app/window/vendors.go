package window

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"kefucost/app/wording"
	"kefucost/pricing"
	"kefucost/scenarios"
)

// The vendors panel: per vendor, include or leave out, pin a plan or let
// the optimizer choose, a negotiated discount, interpretation switches, and
// a price field for every item the vendor does not publish, so a buyer can
// type in the quote they received.

type vendorsPanel struct {
	u       *ui
	content fyne.CanvasObject
	cards   map[string]*vendorCard
}

type vendorCard struct {
	v        *pricing.Vendor
	include  *widget.Check
	plan     *widget.Select
	planIDs  []string // parallel to plan.Options; "auto" first
	discount *widget.Entry
	options  map[string]*widget.Check
	prices   map[string]*widget.Entry // item id → quote
	errs     map[string]*widget.Label // field path → message
	status   *widget.Label
	priceBox *fyne.Container
	addItem  *widget.Select
	addIDs   []string
}

func (u *ui) newVendorsPanel() *vendorsPanel {
	p := &vendorsPanel{u: u, cards: map[string]*vendorCard{}}
	intro := hintLabel(u.lang.T("vendors.intro"))
	items := []fyne.CanvasObject{intro}
	for _, v := range u.cat.Vendors {
		c := p.newCard(v)
		p.cards[v.ID] = c
		items = append(items, c.build(u.lang))
	}
	p.content = container.NewVScroll(container.NewVBox(items...))
	return p
}

func (p *vendorsPanel) newCard(v *pricing.Vendor) *vendorCard {
	u := p.u
	l := u.lang
	c := &vendorCard{v: v, options: map[string]*widget.Check{}, prices: map[string]*widget.Entry{}, errs: map[string]*widget.Label{}}
	base := "vendors." + v.ID
	c.include = widget.NewCheck(l.T("vendors.include"), func(on bool) {
		if u.loading {
			return
		}
		p.update(v.ID, func(vs *scenarios.VendorSettings) {
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
		names = append(names, nameIn(l, pl.Name, pl.NameEN)+"  ("+pl.ID+")")
		c.planIDs = append(c.planIDs, pl.ID)
	}
	c.plan = widget.NewSelect(names, func(string) {
		if u.loading {
			return
		}
		id := c.planIDs[max(0, c.plan.SelectedIndex())]
		p.update(v.ID, func(vs *scenarios.VendorSettings) {
			vs.Plan = id
			if id == "auto" {
				vs.Plan = ""
			}
		})
	})
	c.errs[base+".plan"] = errorLabel()
	c.discount = widget.NewEntry()
	c.discount.SetPlaceHolder(l.T("vendors.discount.placeholder"))
	c.discount.OnChanged = func(text string) {
		if u.loading {
			return
		}
		key := base + ".discount"
		t := strings.TrimSpace(text)
		var d *decimal.Decimal
		if t != "" {
			v, ok := parseDecimal(t)
			if !ok {
				u.parseErrs[key] = typed{"err.not_decimal", text}
				u.edited()
				return
			}
			d = &v
		}
		delete(u.parseErrs, key)
		p.update(v.ID, func(vs *scenarios.VendorSettings) { vs.Discount = d })
	}
	c.errs[base+".discount"] = errorLabel()
	for _, o := range v.Options {
		o := o
		c.options[o.ID] = widget.NewCheck(nameIn(l, o.Name, o.NameEN), func(on bool) {
			if u.loading {
				return
			}
			p.update(v.ID, func(vs *scenarios.VendorSettings) {
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
	c.status = widget.NewLabel("")
	c.status.Wrapping = fyne.TextWrapWord
	c.priceBox = container.NewVBox()
	c.addIDs = v.ItemIDs()
	var labels []string
	for _, id := range c.addIDs {
		labels = append(labels, itemLabel(l, v, id))
	}
	c.addItem = widget.NewSelect(labels, func(string) {
		if u.loading || c.addItem.SelectedIndex() < 0 {
			return
		}
		id := c.addIDs[c.addItem.SelectedIndex()]
		c.addItem.ClearSelected()
		p.ensurePriceRow(c, id)
		p.u.win.Canvas().Focus(c.prices[id])
	})
	c.addItem.PlaceHolder = l.T("vendors.prices.add")
	return c
}

// nameIn picks the Chinese or English name.
func nameIn(l tr, zh, en string) string {
	if l.en() && en != "" {
		return en
	}
	return zh
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

func itemLabel(l tr, v *pricing.Vendor, id string) string {
	it := itemOf(v, id)
	if it == nil {
		return id
	}
	return nameIn(l, it.Name, it.NameEN) + " (" + l.unitText(it.Unit) + ")"
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

func (c *vendorCard) build(l tr) fyne.CanvasObject {
	base := "vendors." + c.v.ID
	form := widget.NewForm(
		widget.NewFormItem(l.T("vendors.plan"), container.NewVBox(shrink(c.plan, 160), c.errs[base+".plan"])),
		widget.NewFormItem(l.T("vendors.discount"), container.NewVBox(c.discount, hintLabel(l.T("vendors.discount.hint")), c.errs[base+".discount"])),
	)
	items := []fyne.CanvasObject{c.include, form}
	if len(c.options) > 0 {
		items = append(items, widget.NewLabelWithStyle(l.T("vendors.options"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, o := range c.v.Options {
			items = append(items, c.options[o.ID])
		}
	}
	items = append(items,
		widget.NewLabelWithStyle(l.T("vendors.prices"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		hintLabel(l.T("vendors.prices.hint")),
		c.priceBox, shrink(c.addItem, 160), c.status)
	return widget.NewCard(nameIn(l, c.v.Name, c.v.NameEN), "", container.NewVBox(items...))
}

// ensurePriceRow shows a quote field for item id.
func (p *vendorsPanel) ensurePriceRow(c *vendorCard, id string) {
	if _, ok := c.prices[id]; ok {
		return
	}
	u := p.u
	l := u.lang
	key := fmt.Sprintf("vendors.%s.prices[%q]", c.v.ID, id)
	e := widget.NewEntry()
	it := itemOf(c.v, id)
	if it != nil && it.Price != nil {
		e.SetPlaceHolder(l.T("vendors.prices.list", it.Price.String()))
	} else {
		e.SetPlaceHolder(l.T("vendors.prices.unpriced"))
	}
	e.OnChanged = func(text string) {
		if u.loading {
			return
		}
		t := strings.TrimSpace(text)
		if t == "" {
			delete(u.parseErrs, key)
			p.update(c.v.ID, func(vs *scenarios.VendorSettings) { delete(vs.Prices, id) })
			return
		}
		v, ok := parseDecimal(t)
		if !ok {
			u.parseErrs[key] = typed{"err.not_decimal", text}
			u.edited()
			return
		}
		delete(u.parseErrs, key)
		p.update(c.v.ID, func(vs *scenarios.VendorSettings) {
			if vs.Prices == nil {
				vs.Prices = map[string]decimal.Decimal{}
			}
			vs.Prices[id] = v
		})
	}
	c.prices[id] = e
	errL := errorLabel()
	c.errs[key] = errL
	unit := widget.NewLabel(l.T("unit.yuan_per", l.unitText(unitOf(it))))
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

// update changes one vendor's settings in the scenario being edited.
func (p *vendorsPanel) update(id string, fn func(vs *scenarios.VendorSettings)) {
	u := p.u
	if u.cur.Vendors == nil {
		u.cur.Vendors = map[string]scenarios.VendorSettings{}
	}
	vs := u.cur.Vendors[id]
	fn(&vs)
	if vs.Enabled == nil && (vs.Plan == "" || vs.Plan == "auto") && vs.Discount == nil && len(vs.Prices) == 0 && len(vs.Options) == 0 {
		delete(u.cur.Vendors, id) // defaults: no entry, as a new scenario has
	} else {
		u.cur.Vendors[id] = vs
	}
	u.edited()
}

func (p *vendorsPanel) fill(s *scenarios.Scenario) {
	for _, v := range p.u.cat.Vendors {
		c := p.cards[v.ID]
		vs := s.Vendor(v.ID)
		c.include.SetChecked(vs.IsEnabled())
		c.plan.SetSelectedIndex(max(0, indexOf(c.planIDs, vs.PlanOrAuto())))
		if vs.Discount != nil {
			c.discount.SetText(vs.Discount.String())
		} else {
			c.discount.SetText("")
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
			if indexOf(ids, id) < 0 {
				ids = append(ids, id)
			}
		}
		for _, id := range ids {
			p.ensurePriceRow(c, id)
		}
		for id, e := range c.prices {
			if q, ok := vs.Prices[id]; ok {
				e.SetText(q.String())
			} else {
				e.SetText("")
			}
		}
	}
}

func (p *vendorsPanel) showErrors(errs scenarios.FieldErrors) map[*scenarios.FieldError]bool {
	shown := map[*scenarios.FieldError]bool{}
	u := p.u
	for _, c := range p.cards {
		for path, lbl := range c.errs {
			msg := u.lang.typedMsg(u.parseErrs, path)
			if msg == "" {
				if e := errs.For(path); e != nil {
					msg = u.lang.fieldError(e)
					shown[e] = true
				}
			}
			setErrorLabel(lbl, msg)
		}
	}
	return shown
}

// showStatus says per vendor what the last comparison found missing.
func (p *vendorsPanel) showStatus(c *pricing.Comparison) {
	l := p.u.lang
	got := map[string]*pricing.Result{}
	for _, r := range c.Vendors {
		got[r.Vendor] = r
	}
	for id, card := range p.cards {
		r := got[id]
		switch {
		case r == nil:
			card.status.SetText(l.T("vendors.status.excluded"))
			card.status.Importance = widget.LowImportance
		case wording.ServesNone(r):
			card.status.SetText(l.T("vendors.status.serves_none"))
			card.status.Importance = widget.LowImportance
		case !r.Complete:
			var names []string
			for _, it := range r.Unpriced {
				names = append(names, itemLabel(l, card.v, it))
			}
			card.status.SetText(l.T("vendors.status.unpriced", len(r.Unpriced), strings.Join(names, l.T("list.sep"))))
			card.status.Importance = widget.WarningImportance
		default:
			card.status.SetText(l.T("vendors.status.complete"))
			card.status.Importance = widget.SuccessImportance
		}
		card.status.Refresh()
	}
}

// clearStatus forgets what the last comparison said per vendor (another
// scenario was opened).
func (p *vendorsPanel) clearStatus() {
	for _, c := range p.cards {
		c.status.SetText("")
	}
}

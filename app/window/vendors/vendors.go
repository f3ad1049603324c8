// Package vendors is the window's vendor settings: per vendor, include or
// leave out, pin a plan or let the optimizer choose, a negotiated discount,
// interpretation switches, and a price field for every item the vendor does
// not publish, so a buyer can type in the quote they received. The panel
// holds widgets only; every change goes to the window through its On…
// handlers, which own the scenario being edited.
package vendors

import (
	"fmt"
	"strconv"
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
	// Intro explains the panel (a hint, greyed).
	Intro *kit.Para

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
	// OnCombine changes the buyer's decisions on combinations (a group
	// pinned to a vendor, vendors left out of combinations).
	OnCombine func(fn func(c *scenarios.Combine))
	// Start is the scenario's first day (a new own line is paid on it).
	Start func() scenarios.Date

	// Pins choose, per service group, a vendor already decided on (index
	// 0: none, the cheapest combination decides).
	Pins map[string]*widget.Select
	// filling: the panel itself is rebuilding rows.
	filling bool
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
	Errs     map[string]*kit.Para     // field path → message
	Status   *kit.Para
	// The quote rows: first the unpriced items this scenario needs (each
	// with the need it serves) and the items quoted or asked for, then
	// the rest folded away under other.
	needBox  *fyne.Container
	otherBox *fyne.Container
	other    *widget.Accordion
	rows     map[string]fyne.CanvasObject
	serves   map[string]*kit.Para // item id → the need it serves
	asked    map[string]bool      // rows the user added
	order    string               // the rows' placement shown
	addItem  *widget.Select
	addIDs   []string
	// Combine: the vendor takes part in combinations (combine.exclude).
	Combine *widget.Check
	// Extras are the buyer's own lines for the vendor, one row each.
	Extras    []*ExtraRow
	extrasBox *fyne.Container
	AddExtra  *widget.Button
	// Gifts are the packs the vendor gave the buyer, one row each; the
	// section shows for a vendor that sells packs, or has gifts listed.
	Gifts    []*GiftRow
	giftsBox *fyne.Container
	AddGift  *widget.Button
	// GiftNote says what the last comparison did with the gifts (the
	// engine's own note: drawn first, or not applied and why).
	GiftNote *kit.Para
	gifts    *fyne.Container
	packIDs  []string
}

// GiftRow is one gift pack: which of the vendor's packs, and the day it
// was received.
type GiftRow struct {
	Item   *widget.Select
	Date   *widget.Entry
	Remove *widget.Button
	ids    []string // parallel to Item.Options
	box    fyne.CanvasObject
}

// ExtraRow is one of the buyer's own lines: what it is for, the amount,
// once or monthly, and the day paid (monthly: from that day; empty, the
// start).
type ExtraRow struct {
	Name, Amount, Date *widget.Entry
	When               *widget.Select
	Remove             *widget.Button
	box                fyne.CanvasObject
}

// NeedRows are the item ids of the quote rows shown first, in order
// (tests read them).
func (c *Card) NeedRows() []string { return c.rowIDs(c.needBox) }

// OtherRows are the item ids of the rows folded away.
func (c *Card) OtherRows() []string { return c.rowIDs(c.otherBox) }

// OtherFolded reports whether the other rows are folded away.
func (c *Card) OtherFolded() bool { return len(c.other.Items) == 0 || !c.other.Items[0].Open }

// Serves is the need the quote row of item says it serves ("" if none).
func (c *Card) Serves(item string) string {
	if lb := c.serves[item]; lb != nil && lb.Visible() {
		return lb.Text
	}
	return ""
}

func (c *Card) rowIDs(box *fyne.Container) []string {
	var out []string
	for _, o := range box.Objects {
		for id, r := range c.rows {
			if r == o {
				out = append(out, id)
			}
		}
	}
	return out
}

// New builds the panel for the catalog's vendors in language l; canvas is
// the window's (a new quote field takes the focus).
func New(l kit.Lang, cat *pricing.Catalog, canvas fyne.Canvas) *Panel {
	p := &Panel{lang: l, cat: cat, canvas: canvas, Cards: map[string]*Card{}, Pins: map[string]*widget.Select{}}
	p.Intro = kit.HintLabel(l.T("vendors.intro"))
	items := []fyne.CanvasObject{p.Intro, p.pinCard()}
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
	c := &Card{v: v, options: map[string]*widget.Check{}, Prices: map[string]*widget.Entry{}, Errs: map[string]*kit.Para{}}
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
	c.Status = kit.NewPara("")
	c.needBox = container.NewVBox()
	c.otherBox = container.NewVBox()
	c.other = widget.NewAccordion()
	c.rows, c.serves, c.asked = map[string]fyne.CanvasObject{}, map[string]*kit.Para{}, map[string]bool{}
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
		c.asked[id] = true
		p.place(c, nil, nil)
		p.canvas.Focus(c.Prices[id])
	})
	c.addItem.PlaceHolder = l.T("vendors.prices.add")
	c.Combine = widget.NewCheck(l.T("combine.include"), func(on bool) {
		if p.filling || p.Loading() {
			return
		}
		p.OnCombine(func(cb *scenarios.Combine) {
			var out []string
			for _, id := range cb.Exclude {
				if id != v.ID {
					out = append(out, id)
				}
			}
			if !on {
				out = append(out, v.ID)
			}
			cb.Exclude = out
		})
	})
	c.extrasBox = container.NewVBox()
	c.AddExtra = widget.NewButton(l.T("extras.add"), func() {
		var now []scenarios.Extra
		p.OnChange(v.ID, func(vs *scenarios.VendorSettings) {
			x := scenarios.Extra{Name: l.T("extras.default_name"), Amount: decimal.Zero, When: scenarios.ExtraOnce}
			if p.Start != nil {
				x.Date = p.Start()
			}
			vs.Extras = append(append([]scenarios.Extra(nil), vs.Extras...), x)
			now = vs.Extras
		})
		p.fillExtras(c, now)
		if n := len(c.Extras); n > 0 {
			p.canvas.Focus(c.Extras[n-1].Amount)
		}
	})
	c.packIDs = v.PackIDs()
	c.giftsBox = container.NewVBox()
	c.GiftNote = kit.NewPara("")
	c.GiftNote.Hide()
	c.AddGift = widget.NewButton(l.T("gifts.add"), func() {
		if len(c.packIDs) == 0 {
			return
		}
		var now []scenarios.Gift
		p.OnChange(v.ID, func(vs *scenarios.VendorSettings) {
			g := scenarios.Gift{Item: newestPack(v, c.packIDs)}
			if p.Start != nil {
				g.Date = p.Start()
			}
			vs.Gifts = append(append([]scenarios.Gift(nil), vs.Gifts...), g)
			now = vs.Gifts
		})
		p.fillGifts(c, now)
		if n := len(c.Gifts); n > 0 {
			p.canvas.Focus(c.Gifts[n-1].Date)
		}
	})
	return c
}

// pinCard holds a choice per service group: a vendor already decided on,
// or none (the cheapest combination decides).
func (p *Panel) pinCard() fyne.CanvasObject {
	l := p.lang
	form := widget.NewForm()
	for _, g := range pricing.Groups {
		g := g
		names := []string{l.T("combine.pin.none")}
		ids := []string{""}
		for _, v := range p.cat.Vendors {
			names = append(names, kit.NameIn(l, v.Name, v.NameEN))
			ids = append(ids, v.ID)
		}
		var sel *widget.Select
		sel = widget.NewSelect(names, func(string) {
			if p.filling || p.Loading() {
				return
			}
			id := ids[max(0, sel.SelectedIndex())]
			p.OnCombine(func(c *scenarios.Combine) {
				if id == "" {
					delete(c.Pin, g.ID)
					return
				}
				if c.Pin == nil {
					c.Pin = map[string]string{}
				}
				c.Pin[g.ID] = id
			})
		})
		sel.PlaceHolder = l.T("combine.pin.none")
		p.filling = true
		sel.SetSelectedIndex(0)
		p.filling = false
		p.Pins[g.ID] = sel
		form.Append(wording.GroupName(string(l), g.ID), kit.Shrink(sel, 160))
	}
	return widget.NewCard(l.T("combine.title"), "", container.NewVBox(kit.HintLabel(l.T("combine.hint")), form))
}

// pinVendorIndex is the position of vendor id in a pin choice.
func (p *Panel) pinVendorIndex(id string) int {
	for i, v := range p.cat.Vendors {
		if v.ID == id {
			return i + 1
		}
	}
	return 0
}

// newExtraRow builds the row of own line i of card c.
func (p *Panel) newExtraRow(c *Card, i int) *ExtraRow {
	l := p.lang
	base := fmt.Sprintf("vendors.%s.extras[%d]", c.v.ID, i)
	r := &ExtraRow{Name: widget.NewEntry(), Amount: widget.NewEntry(), Date: widget.NewEntry()}
	r.Name.SetPlaceHolder(l.T("extras.name.placeholder"))
	r.Amount.SetPlaceHolder("20000")
	r.Date.SetPlaceHolder(l.T("extras.date.placeholder"))
	whens := []string{scenarios.ExtraOnce, scenarios.ExtraMonthly}
	r.When = widget.NewSelect([]string{l.T("extras.once"), l.T("extras.monthly")}, nil)
	r.When.PlaceHolder = l.T("extras.once")
	change := func(fn func(x *scenarios.Extra)) {
		if p.filling || p.Loading() {
			return
		}
		p.OnChange(c.v.ID, func(vs *scenarios.VendorSettings) {
			if i < len(vs.Extras) {
				x := vs.Extras[i]
				fn(&x)
				vs.Extras = append([]scenarios.Extra(nil), vs.Extras...)
				vs.Extras[i] = x
			}
		})
	}
	r.Name.OnChanged = func(text string) { change(func(x *scenarios.Extra) { x.Name = text }) }
	r.Amount.OnChanged = func(text string) {
		if p.filling || p.Loading() {
			return
		}
		key := base + ".amount"
		v, ok := kit.ParseDecimal(strings.TrimSpace(text))
		if !ok {
			p.OnBadText(key, kit.Typed{Msg: "err.not_decimal", Text: text})
			return
		}
		p.OnValue(key)
		change(func(x *scenarios.Extra) { x.Amount = v })
	}
	r.When.OnChanged = func(string) { change(func(x *scenarios.Extra) { x.When = whens[max(0, r.When.SelectedIndex())] }) }
	r.Date.OnChanged = func(text string) {
		p.onDate(base+".date", text, func(d scenarios.Date) { change(func(x *scenarios.Extra) { x.Date = d }) })
	}
	r.Remove = widget.NewButton(l.T("extras.remove"), func() {
		var left []scenarios.Extra
		for _, f := range []string{"name", "amount", "when", "date"} {
			for j := range c.Extras {
				p.OnValue(fmt.Sprintf("vendors.%s.extras[%d].%s", c.v.ID, j, f))
			}
		}
		p.OnChange(c.v.ID, func(vs *scenarios.VendorSettings) {
			if i < len(vs.Extras) {
				vs.Extras = append(append([]scenarios.Extra(nil), vs.Extras[:i]...), vs.Extras[i+1:]...)
			}
			left = vs.Extras
		})
		p.fillExtras(c, left)
	})
	for _, f := range []string{"name", "amount", "when", "date"} {
		c.Errs[base+"."+f] = kit.ErrorLabel()
	}
	form := widget.NewForm(
		widget.NewFormItem(l.T("extras.name"), container.NewVBox(r.Name, c.Errs[base+".name"])),
		widget.NewFormItem(l.T("extras.amount"), container.NewVBox(container.NewBorder(nil, nil, nil, kit.Small(l.T("unit.yuan")), r.Amount), c.Errs[base+".amount"])),
		widget.NewFormItem(l.T("extras.when"), container.NewVBox(kit.Shrink(r.When, 120), c.Errs[base+".when"])),
		widget.NewFormItem(l.T("extras.date"), container.NewVBox(r.Date, c.Errs[base+".date"])),
	)
	r.box = container.NewVBox(form, container.NewHBox(r.Remove))
	return r
}

// packLabel is a pack's name in the window's language (a picker of
// packs shows names, never ids); an id the catalog does not know stays
// as written, so a file's mistake is shown, not lost.
func packLabel(l kit.Lang, v *pricing.Vendor, id string) string {
	if it := itemOf(v, id); it != nil {
		return kit.NameIn(l, it.Name, it.NameEN)
	}
	return id
}

// newestPack is the first of the vendor's packs its newest edition sells
// (a new gift row starts with it: Chatopera's annual packages of 2023-02
// are packs too, no longer sold).
func newestPack(v *pricing.Vendor, packs []string) string {
	if n := len(v.Editions); n > 0 {
		for _, id := range packs {
			if it := v.Editions[n-1].Item(id); it != nil && it.Quota > 0 {
				return id
			}
		}
	}
	return packs[0]
}

// onDate takes a row's date as typed: empty is no date, a text that is no
// date is kept and refused at key, nothing changing.
func (p *Panel) onDate(key, text string, set func(scenarios.Date)) {
	if p.filling || p.Loading() {
		return
	}
	var d scenarios.Date
	if t := strings.TrimSpace(text); t != "" {
		v, err := scenarios.ParseDate(t)
		if err != nil {
			p.OnBadText(key, kit.Typed{Msg: "err.not_date", Text: text})
			return
		}
		d = v
	}
	p.OnValue(key)
	set(d)
}

// newGiftRow builds the row of gift i of card c; item is its pack (one
// the vendor does not sell is offered too, as written in the file).
func (p *Panel) newGiftRow(c *Card, i int, item string) *GiftRow {
	l := p.lang
	base := fmt.Sprintf("vendors.%s.gifts[%d]", c.v.ID, i)
	r := &GiftRow{Date: widget.NewEntry(), ids: append([]string(nil), c.packIDs...)}
	if item != "" && kit.IndexOf(r.ids, item) < 0 {
		r.ids = append(r.ids, item)
	}
	var labels []string
	for _, id := range r.ids {
		labels = append(labels, packLabel(l, c.v, id))
	}
	r.Item = widget.NewSelect(labels, nil)
	r.Item.PlaceHolder = l.T("select.placeholder")
	r.Date.SetPlaceHolder(l.T("placeholder.date"))
	change := func(fn func(g *scenarios.Gift)) {
		if p.filling || p.Loading() {
			return
		}
		p.OnChange(c.v.ID, func(vs *scenarios.VendorSettings) {
			if i < len(vs.Gifts) {
				g := vs.Gifts[i]
				fn(&g)
				vs.Gifts = append([]scenarios.Gift(nil), vs.Gifts...)
				vs.Gifts[i] = g
			}
		})
	}
	r.Item.OnChanged = func(string) {
		if k := r.Item.SelectedIndex(); k >= 0 {
			change(func(g *scenarios.Gift) { g.Item = r.ids[k] })
		}
	}
	r.Date.OnChanged = func(text string) {
		// Empty: the check says a gift needs its day.
		p.onDate(base+".date", text, func(d scenarios.Date) { change(func(g *scenarios.Gift) { g.Date = d }) })
	}
	r.Remove = widget.NewButton(l.T("gifts.remove"), func() {
		var left []scenarios.Gift
		for j := range c.Gifts {
			p.OnValue(fmt.Sprintf("vendors.%s.gifts[%d].date", c.v.ID, j))
		}
		p.OnChange(c.v.ID, func(vs *scenarios.VendorSettings) {
			if i < len(vs.Gifts) {
				vs.Gifts = append(append([]scenarios.Gift(nil), vs.Gifts[:i]...), vs.Gifts[i+1:]...)
			}
			left = vs.Gifts
		})
		p.fillGifts(c, left)
	})
	for _, f := range []string{"item", "date"} {
		c.Errs[base+"."+f] = kit.ErrorLabel()
	}
	form := widget.NewForm(
		widget.NewFormItem(l.T("gifts.item"), container.NewVBox(kit.Shrink(r.Item, 160), c.Errs[base+".item"])),
		widget.NewFormItem(l.T("gifts.date"), container.NewVBox(r.Date, c.Errs[base+".date"])),
	)
	r.box = container.NewVBox(form, container.NewHBox(r.Remove))
	return r
}

// fillGifts shows the vendor's gift packs, one row each, and the
// section when the vendor sells packs or has gifts listed.
func (p *Panel) fillGifts(c *Card, gs []scenarios.Gift) {
	was := p.filling
	p.filling = true
	defer func() { p.filling = was }()
	for k := range c.Errs {
		if strings.HasPrefix(k, "vendors."+c.v.ID+".gifts[") {
			delete(c.Errs, k)
		}
	}
	c.Gifts = nil
	var objs []fyne.CanvasObject
	for i, g := range gs {
		r := p.newGiftRow(c, i, g.Item)
		r.Item.SetSelectedIndex(kit.IndexOf(r.ids, g.Item))
		if !g.Date.IsZero() {
			r.Date.SetText(g.Date.String())
		}
		c.Gifts = append(c.Gifts, r)
		objs = append(objs, r.box)
	}
	c.giftsBox.Objects = objs
	c.giftsBox.Refresh()
	if len(c.packIDs) > 0 {
		c.AddGift.Show()
	} else {
		c.AddGift.Hide() // only a file's gifts, to correct or remove
	}
	if len(c.packIDs) > 0 || len(gs) > 0 {
		c.gifts.Show()
	} else {
		c.gifts.Hide()
	}
}

// fillExtras shows the vendor's own lines, one row each.
func (p *Panel) fillExtras(c *Card, xs []scenarios.Extra) {
	was := p.filling
	p.filling = true
	defer func() { p.filling = was }()
	for k := range c.Errs {
		if strings.HasPrefix(k, "vendors."+c.v.ID+".extras[") {
			delete(c.Errs, k)
		}
	}
	c.Extras = nil
	var objs []fyne.CanvasObject
	for i, x := range xs {
		r := p.newExtraRow(c, i)
		r.Name.SetText(x.Name)
		r.Amount.SetText(x.Amount.String())
		r.When.SetSelectedIndex(0)
		if x.When == scenarios.ExtraMonthly {
			r.When.SetSelectedIndex(1)
		}
		if !x.Date.IsZero() {
			r.Date.SetText(x.Date.String())
		}
		c.Extras = append(c.Extras, r)
		objs = append(objs, r.box)
	}
	c.extrasBox.Objects = objs
	c.extrasBox.Refresh()
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
	if !l.EN() {
		return it.Name + "（" + l.UnitText(it.Unit) + "）" // full-width in Chinese
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
	// Gift packs beside the prices: what the buyer was given.
	c.gifts = container.NewVBox(
		widget.NewLabelWithStyle(l.T("gifts.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		kit.HintLabel(l.T("gifts.hint")), c.GiftNote, c.giftsBox, container.NewHBox(c.AddGift))
	if len(c.packIDs) == 0 {
		c.gifts.Hide()
	}
	form := widget.NewForm(
		widget.NewFormItem(l.T("vendors.plan"), container.NewVBox(kit.Shrink(c.plan, 160), c.Errs[base+".plan"])),
		widget.NewFormItem(l.T("vendors.discount"), container.NewVBox(c.Discount, kit.HintLabel(l.T("vendors.discount.hint")), c.Errs[base+".discount"])),
	)
	items := []fyne.CanvasObject{c.Include, form}
	if len(c.options) > 0 {
		items = append(items, widget.NewLabelWithStyle(l.T("vendors.options"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, o := range c.v.Options {
			items = append(items, kit.WrapCheck(c.options[o.ID]))
		}
	}
	items = append(items,
		widget.NewLabelWithStyle(l.T("vendors.prices"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		kit.HintLabel(l.T("vendors.prices.hint")),
		c.Status, c.needBox, c.other, kit.Shrink(c.addItem, 160), c.gifts,
		widget.NewLabelWithStyle(l.T("extras.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		kit.HintLabel(l.T("extras.hint")), c.extrasBox, container.NewHBox(c.AddExtra), c.Combine)
	// The vendor's name as a heading that wraps: a card's title never
	// wraps, and "Aliyun Intelligent Contact Center" made the panel wider
	// than 1280 px leaves it.
	name := widget.NewRichText(&widget.TextSegment{Text: kit.NameIn(l, c.v.Name, c.v.NameEN), Style: widget.RichTextStyleHeading})
	name.Wrapping = fyne.TextWrapWord
	return widget.NewCard("", "", container.NewVBox(append([]fyne.CanvasObject{name}, items...)...))
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
		e.SetPlaceHolder(l.T("vendors.prices.list", wording.Price(*it.Price)))
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
	serves := kit.HintLabel("")
	serves.Importance = widget.MediumImportance
	serves.Hide()
	c.serves[id] = serves
	// The item's name above its field, wrapping: a form's label never
	// wraps, and the longest names ("Smart IVR (+ASR), half-year
	// (channel·half-year)") made the panel, so the results beside it, too
	// wide for the results' tabs at 1280 px.
	name := kit.NewPara(itemLabel(l, c.v, id))
	row := container.NewVBox(name, serves, container.NewBorder(nil, nil, nil, unit, e), errL)
	c.rows[id] = row
	c.otherBox.Add(row)
}

// place puts the quote rows where they belong for comparison result r of
// scenario s (nil: keep the needs last shown): first the unpriced items
// r needs, each saying the need it serves, then the rows quoted or added
// by the user, then the rest folded away.
func (p *Panel) place(c *Card, r *pricing.Result, s *scenarios.Scenario) {
	l := p.lang
	var need []string
	if r != nil {
		need = append(need, r.Unpriced...)
		for _, id := range need {
			p.EnsurePriceRow(c, id) // unpriced in the edition in force, priced in the newest
		}
		var peaks map[string]int64
		if s != nil && len(c.serves) > 0 {
			peaks = pricing.PeakDemand(s)
		}
		for id, lb := range c.serves {
			if kit.IndexOf(need, id) < 0 {
				lb.Hide()
				continue
			}
			if text := p.servesText(c, r, peaks, id); text != "" {
				lb.SetText(text)
				lb.Show()
			} else {
				lb.Hide()
			}
		}
	} else {
		need = c.NeedRows()
	}
	first := []string{}
	for _, id := range need {
		if c.rows[id] != nil && kit.IndexOf(first, id) < 0 && (r == nil || kit.IndexOf(r.Unpriced, id) >= 0 || c.asked[id] || c.Prices[id].Text != "") {
			first = append(first, id)
		}
	}
	var rest []string
	for _, id := range c.v.ItemIDs() {
		if c.rows[id] == nil || kit.IndexOf(first, id) >= 0 {
			continue
		}
		if c.asked[id] || strings.TrimSpace(c.Prices[id].Text) != "" {
			first = append(first, id)
		} else {
			rest = append(rest, id)
		}
	}
	key := strings.Join(first, ",") + "|" + strings.Join(rest, ",")
	if key == c.order {
		return
	}
	c.order = key
	c.needBox.Objects = nil
	for _, id := range first {
		c.needBox.Objects = append(c.needBox.Objects, c.rows[id])
	}
	c.otherBox.Objects = nil
	for _, id := range rest {
		c.otherBox.Objects = append(c.otherBox.Objects, c.rows[id])
	}
	open := len(c.other.Items) > 0 && c.other.Items[0].Open
	c.other.Items = nil
	if len(rest) > 0 {
		c.other.Append(widget.NewAccordionItem(l.T("vendors.prices.other", len(rest)), c.otherBox))
		if open {
			c.other.Open(0)
		}
	}
	c.needBox.Refresh()
	c.other.Refresh()
}

// servesText says which need the unpriced item id serves, at its peak
// over the horizon as the engine prices it (peaks: pricing.PeakDemand,
// grown and changed): "电话坐席 8 个 → 基础型座席", or the quantity the
// result needs.
func (p *Panel) servesText(c *Card, r *pricing.Result, peaks map[string]int64, id string) string {
	l := p.lang
	name := kit.NameIn(l, c.v.Name, c.v.NameEN)
	if it := itemOf(c.v, id); it != nil {
		name = kit.NameIn(l, it.Name, it.NameEN)
	}
	var needs []string
	for _, f := range pricing.ItemDemand(id) { // the engine's knowledge; here only worded
		if v := peaks[f]; v > 0 {
			needs = append(needs, strings.TrimSpace(l.T("vendors.need.field", wording.FieldLabel(string(l), f), wording.GroupDigits(strconv.FormatInt(v, 10)), l.T("unit."+f))))
		}
	}
	if len(needs) > 0 {
		return l.T("vendors.need", strings.Join(needs, l.T("list.sep")), name)
	}
	for _, ln := range r.Lines {
		if ln.Item == id {
			return l.T("vendors.need.qty", wording.Quantity(ln.Quantity), l.UnitText(ln.Unit), name)
		}
	}
	return ""
}

func unitOf(it *pricing.Item) string {
	if it == nil {
		return ""
	}
	return it.Unit
}

// Fill shows the scenario's vendor settings.
func (p *Panel) Fill(s *scenarios.Scenario) {
	p.filling = true
	for _, g := range pricing.Groups {
		p.Pins[g.ID].SetSelectedIndex(p.pinVendorIndex(s.Combine.Pin[g.ID]))
	}
	p.filling = false
	for _, v := range p.cat.Vendors {
		p.Cards[v.ID].Combine.SetChecked(!s.Combine.Excludes(v.ID))
		p.fillExtras(p.Cards[v.ID], s.Vendor(v.ID).Extras)
		p.fillGifts(p.Cards[v.ID], s.Vendor(v.ID).Gifts)
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
		p.place(c, nil, nil)
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
					msg = p.lang.FieldError(e) // with how to write a discount said in tenths
					shown[e] = true
				}
			}
			kit.SetErrorLabel(lbl, msg)
		}
	}
	return shown
}

// ShowStatus says per vendor what the last comparison of scenario s
// found missing: needs not covered and items without a price, and puts
// the quote rows the scenario needs first.
func (p *Panel) ShowStatus(c *pricing.Comparison, s *scenarios.Scenario) {
	l := p.lang
	got := map[string]*pricing.Result{}
	for _, r := range c.Vendors {
		got[r.Vendor] = r
	}
	for id, card := range p.Cards {
		r := got[id]
		var parts []string
		imp := widget.SuccessImportance
		switch {
		case r == nil:
			parts = append(parts, l.T("vendors.status.excluded"))
			imp = widget.LowImportance
		case r.PastLimit != nil:
			parts = append(parts, wording.Sentence(wording.Status(string(l), r)))
			imp = widget.WarningImportance
		case wording.ServesNone(r):
			parts = append(parts, l.T("vendors.status.serves_none"))
			imp = widget.LowImportance
		default:
			// Coverage first: a vendor missing a need is no candidate for
			// the whole scenario, whatever its prices.
			if !r.Covers {
				var names []string
				for _, f := range r.Uncovered {
					names = append(names, l.FieldName(f))
				}
				parts = append(parts, l.T("vendors.status.uncovered", strings.Join(names, l.T("list.sep"))))
				imp = widget.WarningImportance
			}
			if !r.Complete {
				var names []string
				for _, it := range r.Unpriced {
					names = append(names, itemLabel(l, card.v, it))
				}
				parts = append(parts, l.T("vendors.status.unpriced", len(r.Unpriced), strings.Join(names, l.T("list.sep"))))
				imp = widget.WarningImportance
			} else if r.Covers {
				parts = append(parts, l.T("vendors.status.complete"))
			} else {
				parts = append(parts, l.T("vendors.status.priced"))
			}
		}
		// Only a change is drawn again (see kit.SetText).
		if text := strings.Join(parts, "\n"); card.Status.Text != text || card.Status.Importance != imp {
			card.Status.Text, card.Status.Importance = text, imp
			card.Status.Refresh()
		}
		p.showGiftNote(card, r, s)
		p.place(card, r, s)
	}
}

// showGiftNote says under the vendor's gift packs what the comparison
// did with them, in the engine's words (its notes "chatopera.gifts" and
// "gifts-not-applied"): drawn before bought packs, or not applied and
// why. Nothing when the vendor has no gifts.
func (p *Panel) showGiftNote(c *Card, r *pricing.Result, s *scenarios.Scenario) {
	var parts []string
	if r != nil && s != nil && len(s.Vendor(c.v.ID).Gifts) > 0 {
		for _, n := range r.Notes {
			if n.ID == "chatopera.gifts" || n.ID == "gifts-not-applied" {
				parts = append(parts, kit.NameIn(p.lang, n.Text, n.EN))
			}
		}
	}
	text := strings.Join(parts, "\n")
	if text == "" {
		if c.GiftNote.Visible() {
			c.GiftNote.Hide()
		}
		return
	}
	kit.SetText(c.GiftNote, text)
	c.GiftNote.Show()
}

// ClearStatus forgets what the last comparison said per vendor (another
// scenario was opened).
func (p *Panel) ClearStatus() {
	for _, c := range p.Cards {
		c.Status.SetText("")
		c.GiftNote.Hide()
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
	case strings.HasPrefix(rest, "extras["):
		var i int
		var f string
		if n, _ := fmt.Sscanf(strings.TrimPrefix(rest, "extras["), "%d].%s", &i, &f); n == 2 && i < len(card.Extras) {
			switch f {
			case "amount":
				card.Extras[i].Amount.SetText(text)
			case "date":
				card.Extras[i].Date.SetText(text)
			}
		}
	case strings.HasPrefix(rest, "gifts["):
		var i int
		if _, err := fmt.Sscanf(strings.TrimPrefix(rest, "gifts["), "%d].date", &i); err == nil && i < len(card.Gifts) {
			card.Gifts[i].Date.SetText(text)
		}
	case strings.HasPrefix(rest, "prices["):
		if _, err := fmt.Sscanf(strings.TrimPrefix(rest, "prices["), "%q]", &item); err == nil {
			p.EnsurePriceRow(card, item)
			card.Prices[item].SetText(text)
		}
	}
	return true
}

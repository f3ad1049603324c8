// Package demand is the window's requirement form: what the buyer expects
// to need, grouped as the buyer thinks of it, and the dated changes. Each
// field parses its own text (a number, a decimal, a date) into the
// scenario being edited; text that is not a value is kept as typed, with
// its message. The window owns the scenario and reaches the form through
// Fill, ShowErrors and RestoreTyped; the form reaches the window through
// its handlers.
package demand

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kefucost/app/window/kit"
	"kefucost/app/window/saved"
	"kefucost/pricing"
	"kefucost/scenarios"
	"kefucost/scenarios/store"
)

type fieldKind int

const (
	kindCount fieldKind = iota
	kindDecimal
	kindDate
	kindOptionalDate
	kindCallLength
)

// fieldSpec is one form field by its path in the scenario file.
type fieldSpec struct {
	path string
	kind fieldKind
}

// groups is the form's layout, in Tab order.
var groups = []struct {
	title  string
	fields []fieldSpec
}{
	{"group.horizon", []fieldSpec{{"start", kindDate}, {"months", kindCount}, {"price_date", kindOptionalDate}, {"discount_rate", kindDecimal}}},
	{"group.bot", []fieldSpec{{"demand.chats_per_day", kindCount}, {"demand.messages_per_chat", kindCount}, {"demand.asr_minutes_per_day", kindCount}, {"demand.asr_seconds_per_request", kindDecimal}}},
	{"group.seats", []fieldSpec{{"demand.online_agents", kindCount}, {"demand.phone_agents", kindCount}, {"demand.ai_voice_seats", kindCount}, {"demand.bots", kindCount}}},
	{"group.telephony", []fieldSpec{
		{"demand.phone_numbers", kindCount}, {"demand.inbound_minutes_per_month", kindCount},
		{"demand.outbound_minutes_per_month", kindCount}, {"demand.robot_minutes_per_month", kindCount},
		{"demand.robot_outbound_share", kindDecimal},
		{"demand.avg_call_minutes", kindDecimal}, {"demand.call_length", kindCallLength},
		{"demand.recorded_share", kindDecimal}, {"demand.ivr_channels", kindCount}, {"demand.asr_channels", kindCount},
	}},
	{"group.growth", []fieldSpec{{"demand.growth_per_month", kindDecimal}}},
}

// Form is the requirements tab.
type Form struct {
	Content fyne.CanvasObject
	Name    *widget.Entry
	NameErr *kit.Para
	Fields  map[string]*Field
	general *kit.Para
	Changes *Changes
	lang    kit.Lang

	// Scenario is the scenario being edited (the window replaces it when
	// another is opened); the form writes what is typed into it.
	Scenario func() *scenarios.Scenario
	// Typed is the text typed that is not a value, by field path; the
	// form adds and removes its own entries.
	Typed func() map[string]kit.Typed
	// Loading reports that the window is filling the form in: changes
	// then are not the user's. SetLoading is set by the form while it
	// Fills rows itself.
	Loading    func() bool
	SetLoading func(bool)
	// OnEdited is called after every change the user made.
	OnEdited func()
}

// Field is one field of the form.
type Field struct {
	spec   fieldSpec
	Entry  *widget.Entry  // all kinds but kindCallLength
	Choice *widget.Select // kindCallLength
	// Note shows the field's hint, or in its place what is wrong with the
	// value: the form does not jump while the user types.
	Note *kit.Para
	Hint string
}

// setMessage shows msg (red) in place of the hint, or the hint again.
func (ff *Field) setMessage(msg string) {
	text, imp := ff.Hint, widget.LowImportance
	if msg != "" {
		text, imp = msg, widget.DangerImportance
	}
	if ff.Note.Text != text || ff.Note.Importance != imp {
		ff.Note.Text = text
		ff.Note.Importance = imp
		ff.Note.Refresh()
	}
}

// Message is the error the field shows ("" when it shows its hint).
func (ff *Field) Message() string {
	if ff.Note.Importance == widget.DangerImportance {
		return ff.Note.Text
	}
	return ""
}

// fieldLabelKey is the translation key of a demand or scenario field.
func fieldLabelKey(field string) string { return "field." + field }

// shortName is a field path without "demand.".
func shortName(path string) string { return strings.TrimPrefix(path, "demand.") }

// New builds the form in language l.
func New(l kit.Lang) *Form {
	f := &Form{lang: l, Fields: map[string]*Field{}}
	f.Name = widget.NewEntry()
	f.Name.OnChanged = f.onNameChanged
	f.NameErr = kit.ErrorLabel()
	f.general = kit.ErrorLabel()

	items := []fyne.CanvasObject{
		f.general,
		widget.NewForm(widget.NewFormItem(l.T("field.name"), container.NewVBox(f.Name, f.NameErr))),
	}
	for _, g := range groups {
		// The rows go in at once: each Append lays the whole form out again.
		var rows []*widget.FormItem
		for _, spec := range g.fields {
			ff := f.newField(spec)
			f.Fields[spec.path] = ff
			name := shortName(spec.path)
			var input fyne.CanvasObject
			if ff.Entry != nil {
				input = ff.Entry
			} else {
				input = ff.Choice
			}
			unit := widget.NewLabel(l.T("unit." + name))
			unit.Importance = widget.LowImportance
			ff.Hint = l.T("hint." + name)
			ff.Note.SetText(ff.Hint)
			box := container.NewVBox(container.NewBorder(nil, nil, nil, unit, input), ff.Note)
			rows = append(rows, widget.NewFormItem(l.T(fieldLabelKey(name)), box))
		}
		items = append(items, widget.NewCard(l.T(g.title), "", widget.NewForm(rows...)))
	}
	f.Changes = f.newChanges()
	// Its explanation as a wrapping hint: a card's subtitle never wraps,
	// and in English it made the inputs too wide for 1280 px.
	items = append(items, widget.NewCard(l.T("group.changes"), "", container.NewVBox(kit.HintLabel(l.T("group.changes.sub")), f.Changes.Content)))
	f.Content = container.NewVScroll(container.NewVBox(items...))
	return f
}

func (f *Form) newField(spec fieldSpec) *Field {
	l := f.lang
	ff := &Field{spec: spec, Note: kit.HintLabel("")}
	if spec.kind == kindCallLength {
		opts := []string{l.T("call_length.exponential"), l.T("call_length.fixed")}
		ff.Choice = widget.NewSelect(opts, func(s string) {
			if f.Loading() {
				return
			}
			v := scenarios.CallExponential
			if s == opts[1] {
				v = scenarios.CallFixed
			}
			f.Scenario().Demand.CallLength = v
			f.OnEdited()
		})
		ff.Choice.PlaceHolder = l.T("select.placeholder")
		return ff
	}
	ff.Entry = widget.NewEntry()
	ff.Entry.SetPlaceHolder(l.T("placeholder." + kindName(spec.kind)))
	ff.Entry.OnChanged = func(text string) { f.onFieldChanged(ff, text) }
	return ff
}

func kindName(k fieldKind) string {
	switch k {
	case kindDecimal:
		return "decimal"
	case kindDate:
		return "date"
	case kindOptionalDate:
		return "optional_date"
	}
	return "count"
}

func (f *Form) onNameChanged(text string) {
	if f.Loading() {
		return
	}
	f.Scenario().Name = text
	if _, err := store.CleanName(text); err != nil {
		f.Typed()["name"] = kit.Typed{Msg: saved.NameErrKey(text), Text: text}
	} else {
		delete(f.Typed(), "name")
	}
	f.OnEdited()
}

// onFieldChanged parses the text into the scenario; text that is not a
// value is remembered as a parse error and the scenario keeps its last
// good value.
func (f *Form) onFieldChanged(ff *Field, text string) {
	if f.Loading() {
		return
	}
	if msg := setField(f.Scenario(), ff.spec, text); msg != "" {
		f.Typed()[ff.spec.path] = kit.Typed{Msg: msg, Text: text}
	} else {
		delete(f.Typed(), ff.spec.path)
	}
	f.OnEdited()
}

// setField writes text into the scenario field spec names; it returns the
// key of a message when the text is not a value of the field's kind.
func setField(s *scenarios.Scenario, spec fieldSpec, text string) string {
	switch spec.kind {
	case kindCount:
		v, ok := kit.ParseCount(text)
		if !ok {
			return "err.not_whole"
		}
		switch spec.path {
		case "months":
			s.Months = int(min(max(v, -1), 1<<20))
		default:
			s.Demand.SetCount(shortName(spec.path), v)
		}
	case kindDecimal:
		v, ok := kit.ParseDecimal(text)
		if !ok {
			return "err.not_decimal"
		}
		switch spec.path {
		case "discount_rate":
			s.DiscountRate = v
		case "demand.avg_call_minutes":
			s.Demand.AvgCallMinutes = v
		case "demand.recorded_share":
			s.Demand.RecordedShare = v
		case "demand.growth_per_month":
			s.Demand.GrowthPerMonth = v
		case "demand.robot_outbound_share":
			s.Demand.RobotOutboundShare = v
		case "demand.asr_seconds_per_request":
			if strings.TrimSpace(text) == "" {
				v = scenarios.DefaultASRSecondsPerRequest // empty: as a file that does not say
			}
			s.Demand.ASRSecondsPerRequest = v
		}
	case kindDate, kindOptionalDate:
		t := strings.TrimSpace(text)
		var d scenarios.Date
		if t != "" || spec.kind == kindDate {
			var err error
			if d, err = scenarios.ParseDate(t); err != nil {
				return "err.not_date"
			}
		}
		if spec.path == "start" {
			s.Start = d
		} else {
			s.PriceDate = d
		}
	}
	return ""
}

// fieldText is the text a field shows for the scenario's value.
func fieldText(s *scenarios.Scenario, spec fieldSpec) string {
	switch spec.path {
	case "start":
		return s.Start.String()
	case "months":
		return strconv.Itoa(s.Months)
	case "price_date":
		if s.PriceDate.IsZero() {
			return ""
		}
		return s.PriceDate.String()
	case "discount_rate":
		return s.DiscountRate.String()
	case "demand.avg_call_minutes":
		return s.Demand.AvgCallMinutes.String()
	case "demand.recorded_share":
		return s.Demand.RecordedShare.String()
	case "demand.growth_per_month":
		return s.Demand.GrowthPerMonth.String()
	case "demand.robot_outbound_share":
		return s.Demand.RobotOutboundShare.String()
	case "demand.asr_seconds_per_request":
		return s.Demand.ASRSecondsPerRequest.String()
	}
	v, _ := s.Demand.Count(shortName(spec.path))
	return strconv.FormatInt(v, 10)
}

// Fill shows the scenario in the form.
func (f *Form) Fill(s *scenarios.Scenario) {
	f.Name.SetText(s.Name)
	for _, ff := range f.Fields {
		if ff.Choice != nil {
			if s.Demand.CallLength == scenarios.CallFixed {
				ff.Choice.SetSelectedIndex(1)
			} else {
				ff.Choice.SetSelectedIndex(0)
			}
			continue
		}
		ff.Entry.SetText(fieldText(s, ff.spec))
	}
	f.Changes.rebuild()
}

// ShowErrors shows parse errors, else validation errors, next to their
// fields; it returns the validation errors it placed.
func (f *Form) ShowErrors(errs scenarios.FieldErrors, parse map[string]kit.Typed) map[*scenarios.FieldError]bool {
	shown := map[*scenarios.FieldError]bool{}
	byField := map[string]*scenarios.FieldError{}
	for _, e := range errs {
		if _, dup := byField[e.Field]; !dup {
			byField[e.Field] = e
		}
	}
	l := f.lang
	for path, ff := range f.Fields {
		msg := l.TypedMsg(parse, path)
		if msg == "" {
			if e := byField[path]; e != nil {
				msg = f.lang.FieldError(e)
				shown[e] = true
			}
		}
		ff.setMessage(msg)
		if ff.Entry != nil {
			ff.Entry.SetValidationError(errIf(msg))
		}
	}
	nameMsg := l.TypedMsg(parse, "name")
	if e := byField["name"]; nameMsg == "" && e != nil {
		nameMsg = f.lang.FieldError(e)
		shown[e] = true
	}
	kit.SetErrorLabel(f.NameErr, nameMsg)
	for e := range f.Changes.showErrors(byField, parse) {
		shown[e] = true
	}
	return shown
}

type fieldErrText string

func (e fieldErrText) Error() string { return string(e) }

func errIf(msg string) error {
	if msg == "" {
		return nil
	}
	return fieldErrText(msg)
}

// SetGeneral shows the messages no field shows.
func (f *Form) SetGeneral(msgs []string) {
	sort.Strings(msgs)
	kit.SetErrorLabel(f.general, strings.Join(msgs, "\n"))
}

// Changes lists dated changes, one row per (change, field): a change
// in the file may set several fields on one day, and each shows as its own
// row with the same date.
type Changes struct {
	f       *Form
	Content *fyne.Container
	rows    *fyne.Container
	Rows    []*ChangeRow
}

// ChangeRow is one (change, field) row.
type ChangeRow struct {
	CI    int    // index into Scenario.Changes
	Field string // demand field name
	Date  *widget.Entry
	Sel   *widget.Select
	Value *widget.Entry
	Err   *kit.Para
}

// ChangeFields are the fields a change can set, in form order: the
// counts, then the decimals (recorded_share, robot_outbound_share,
// asr_seconds_per_request).
func ChangeFields() []string {
	return append(scenarios.CountFieldNames(), scenarios.DecimalFieldNames()...)
}

// isDecimal reports whether a change field holds a decimal (else a count).
func isDecimal(name string) bool {
	return kit.IndexOf(scenarios.DecimalFieldNames(), name) >= 0
}

// kindOf groups change fields whose values mean the same kind of thing:
// a count, a share (0 to 1), or seconds.
func kindOf(name string) string {
	switch {
	case !isDecimal(name):
		return "count"
	case strings.HasSuffix(name, "_share"):
		return "share"
	}
	return name
}

func (f *Form) newChanges() *Changes {
	c := &Changes{f: f, rows: container.NewVBox()}
	add := widget.NewButtonWithIcon(f.lang.T("changes.add"), theme.ContentAddIcon(), c.Add)
	c.Content = container.NewVBox(c.rows, container.NewHBox(add, layout.NewSpacer()))
	return c
}

func (c *Changes) rebuild() {
	f := c.f
	l := f.lang
	c.rows.RemoveAll()
	c.Rows = nil
	fields := ChangeFields()
	labels := make([]string, len(fields))
	for i, name := range fields {
		labels[i] = l.T(fieldLabelKey(name))
	}
	was := f.Loading()
	f.SetLoading(true)
	for ci := range f.Scenario().Changes {
		ch := &f.Scenario().Changes[ci]
		for _, name := range ch.Fields() {
			r := &ChangeRow{CI: ci, Field: name, Err: kit.ErrorLabel()}
			r.Date = widget.NewEntry()
			r.Date.SetPlaceHolder("2027-07-01")
			r.Date.SetText(ch.Date.String())
			if t, ok := f.Typed()[RowKey(r, "date")]; ok {
				r.Date.SetText(t.Text) // what was typed stays
			}
			r.Date.OnChanged = func(t string) { c.onDate(r, t) }
			r.Sel = widget.NewSelect(labels, nil)
			r.Sel.PlaceHolder = f.lang.T("select.placeholder")
			r.Sel.SetSelectedIndex(kit.IndexOf(fields, name))
			r.Sel.OnChanged = func(string) { c.onField(r, fields[r.Sel.SelectedIndex()]) }
			r.Value = widget.NewEntry()
			r.Value.SetText(ValueText(ch, name))
			if t, ok := f.Typed()[RowKey(r, name)]; ok {
				r.Value.SetText(t.Text)
			}
			r.Value.OnChanged = func(t string) { c.onValue(r, t) }
			del := kit.NewTipButton(theme.DeleteIcon(), f.lang.T("changes.delete"), func() { c.Remove(r) })
			// The field picker takes what the date leaves, the value on the
			// line below: a third of the row cut its names ("在线客服…"),
			// and sharing the line with the value still did at 1280 px.
			h := r.Date.MinSize().Height
			line := container.NewVBox(
				container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(120, h), r.Date), nil, kit.Shrink(r.Sel, 80)),
				container.NewHBox(container.NewGridWrap(fyne.NewSize(120, h), r.Value), del))
			c.rows.Add(container.NewVBox(line, r.Err))
			c.Rows = append(c.Rows, r)
		}
	}
	if len(c.Rows) == 0 {
		c.rows.Add(kit.HintLabel(l.T("changes.none")))
	}
	// Text typed into rows that no longer exist cannot hold the results
	// out of date.
	shown := map[string]bool{}
	for _, r := range c.Rows {
		shown[RowKey(r, "date")] = true
		shown[RowKey(r, r.Field)] = true
	}
	for k := range f.Typed() {
		if strings.HasPrefix(k, "changes[") && !shown[k] {
			delete(f.Typed(), k)
		}
	}
	f.SetLoading(was)
}

// shiftChangeKeys renumbers typed-text keys after change ci was removed.
func shiftChangeKeys(typed map[string]kit.Typed, ci int) {
	moved := map[string]kit.Typed{}
	for k, t := range typed {
		var i int
		var rest string
		if n, _ := fmt.Sscanf(k, "changes[%d]", &i); n != 1 {
			continue
		}
		rest = k[strings.Index(k, "]")+1:]
		delete(typed, k)
		switch {
		case i < ci:
			moved[k] = t
		case i > ci:
			moved[fmt.Sprintf("changes[%d]%s", i-1, rest)] = t
		}
	}
	for k, t := range moved {
		typed[k] = t
	}
}

func ValueText(ch *scenarios.Change, name string) string {
	if isDecimal(name) {
		if v, _ := ch.Decimal(name); v != nil {
			return v.String()
		}
		return ""
	}
	v, _ := ch.Count(name)
	if v == nil {
		return ""
	}
	return strconv.FormatInt(*v, 10)
}

// RowKey is the field path of one part ("date" or the field) of a row.
func RowKey(r *ChangeRow, part string) string {
	return fmt.Sprintf("changes[%d].%s", r.CI, part)
}

func (c *Changes) onDate(r *ChangeRow, text string) {
	f := c.f
	if f.Loading() {
		return
	}
	d, err := scenarios.ParseDate(strings.TrimSpace(text))
	if err != nil {
		f.Typed()[RowKey(r, "date")] = kit.Typed{Msg: "err.not_date", Text: text}
	} else {
		delete(f.Typed(), RowKey(r, "date"))
		f.Scenario().Changes[r.CI].Date = d
		// Other rows of the same change show the same day.
		f.SetLoading(true)
		for _, o := range c.Rows {
			if o != r && o.CI == r.CI {
				o.Date.SetText(text)
			}
		}
		f.SetLoading(false)
	}
	f.OnEdited()
}

func (c *Changes) onValue(r *ChangeRow, text string) {
	f := c.f
	if f.Loading() {
		return
	}
	ch := &f.Scenario().Changes[r.CI]
	key := RowKey(r, r.Field)
	if isDecimal(r.Field) {
		v, ok := kit.ParseDecimal(text)
		if !ok {
			f.Typed()[key] = kit.Typed{Msg: "err.not_decimal", Text: text}
		} else {
			delete(f.Typed(), key)
			ch.SetDecimal(r.Field, &v)
		}
	} else {
		v, ok := kit.ParseCount(text)
		if !ok {
			f.Typed()[key] = kit.Typed{Msg: "err.not_whole", Text: text}
		} else {
			delete(f.Typed(), key)
			ch.SetCount(r.Field, &v)
		}
	}
	f.OnEdited()
}

// onField moves the row's value to another field: into its own change on
// the same day, so that a change never sets one field twice. The value
// moves with it (a count to a count, a share to a share); other kinds do
// not convert, so the new field starts from its value on that day.
func (c *Changes) onField(r *ChangeRow, field string) {
	f := c.f
	if f.Loading() || field == r.Field {
		return
	}
	old := f.Scenario().Changes[r.CI]
	moved := scenarios.Change{Date: old.Date}
	valTyped, hadVal := f.Typed()[RowKey(r, r.Field)]
	dateTyped, hadDate := f.Typed()[RowKey(r, "date")]
	sameKind := kindOf(r.Field) == kindOf(field)
	switch {
	case sameKind && isDecimal(field):
		v, _ := old.Decimal(r.Field)
		moved.SetDecimal(field, v)
	case sameKind:
		v, _ := old.Count(r.Field)
		moved.SetCount(field, v)
	default:
		// The value on that day: changes apply in date order (file order
		// for ties), as the engine applies them.
		byDate := append([]scenarios.Change(nil), f.Scenario().Changes...)
		sort.SliceStable(byDate, func(i, j int) bool { return byDate[i].Date.Before(byDate[j].Date) })
		cur := f.Scenario().Demand
		for _, ch := range byDate {
			if !ch.Date.After(moved.Date) {
				cur = ch.Apply(cur)
			}
		}
		if isDecimal(field) {
			v, _ := cur.Decimal(field)
			moved.SetDecimal(field, &v)
		} else {
			v, _ := cur.Count(field)
			moved.SetCount(field, &v)
		}
		hadVal = false
	}
	removed := c.clearField(r)
	f.Scenario().Changes = append(f.Scenario().Changes, moved)
	n := len(f.Scenario().Changes) - 1
	if hadVal {
		f.Typed()[fmt.Sprintf("changes[%d].%s", n, field)] = valTyped
	}
	if hadDate && removed {
		f.Typed()[fmt.Sprintf("changes[%d].date", n)] = dateTyped
	}
	c.rebuild()
	f.OnEdited()
}

// clearField removes the row's field from its change, and the change when
// nothing is left in it (reporting so); typed-text keys follow.
func (c *Changes) clearField(r *ChangeRow) bool {
	f := c.f
	ch := &f.Scenario().Changes[r.CI]
	if isDecimal(r.Field) {
		ch.SetDecimal(r.Field, nil)
	} else {
		ch.SetCount(r.Field, nil)
	}
	delete(f.Typed(), RowKey(r, r.Field))
	if len(ch.Fields()) == 0 {
		f.Scenario().Changes = append(f.Scenario().Changes[:r.CI:r.CI], f.Scenario().Changes[r.CI+1:]...)
		shiftChangeKeys(f.Typed(), r.CI)
		return true
	}
	return false
}

// Remove (a row's delete button) takes the row's field out of its change.
func (c *Changes) Remove(r *ChangeRow) {
	c.clearField(r)
	c.rebuild()
	c.f.OnEdited()
}

// Add (the add button) adds a change half way through the horizon that keeps the number
// of online agents, for the buyer to edit.
func (c *Changes) Add() {
	f := c.f
	s := f.Scenario()
	d := s.Start.AddMonths(max(1, s.Months/2))
	if s.Start.IsZero() {
		d = FirstOfNextMonth()
	}
	v := s.Demand.OnlineAgents
	ch := scenarios.Change{Date: d}
	ch.SetCount("online_agents", &v)
	s.Changes = append(s.Changes, ch)
	c.rebuild()
	f.OnEdited()
}

func (c *Changes) showErrors(byField map[string]*scenarios.FieldError, parse map[string]kit.Typed) map[*scenarios.FieldError]bool {
	shown := map[*scenarios.FieldError]bool{}
	for _, r := range c.Rows {
		var msgs []string
		for _, part := range []string{"date", r.Field} {
			key := RowKey(r, part)
			if m := c.f.lang.TypedMsg(parse, key); m != "" {
				msgs = append(msgs, m)
			} else if e := byField[key]; e != nil {
				msgs = append(msgs, c.f.lang.FieldError(e))
				shown[e] = true
			}
		}
		kit.SetErrorLabel(r.Err, strings.Join(msgs, "; "))
	}
	return shown
}

// RestoreTyped puts back text typed at path (the widgets were rebuilt,
// e.g. for another language); it reports whether path is one of the
// form's fields (the dated changes restore their own when rebuilt).
func (f *Form) RestoreTyped(path, text string) bool {
	if path == "name" {
		f.Name.SetText(text)
		return true
	}
	if ff := f.Fields[path]; ff != nil && ff.Entry != nil {
		ff.Entry.SetText(text)
		return true
	}
	return false
}

// Paths are the form's field paths, in Tab order.
func Paths() []string {
	var out []string
	for _, g := range groups {
		for _, spec := range g.fields {
			out = append(out, spec.path)
		}
	}
	return out
}

// FirstOfNextMonth is when a new scenario starts: the first day of next
// month in China.
func FirstOfNextMonth() scenarios.Date {
	now := time.Now().In(pricing.Shanghai)
	return scenarios.NewDate(now.Year(), now.Month(), 1).AddMonths(1)
}

package window

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"kefucost/app/wording"
	"kefucost/scenarios"
	"kefucost/scenarios/store"
)

// The requirement form: what the buyer expects to need, grouped as the
// buyer thinks of it. Each field parses its own text (a number, a
// decimal, a date); the scenario package then validates the whole
// scenario and every message lands next to the field it names.

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

// formGroups is the form's layout, in Tab order.
var formGroups = []struct {
	title  string
	fields []fieldSpec
}{
	{"group.horizon", []fieldSpec{{"start", kindDate}, {"months", kindCount}, {"price_date", kindOptionalDate}, {"discount_rate", kindDecimal}}},
	{"group.bot", []fieldSpec{{"demand.chats_per_day", kindCount}, {"demand.messages_per_chat", kindCount}, {"demand.asr_minutes_per_day", kindCount}}},
	{"group.seats", []fieldSpec{{"demand.online_agents", kindCount}, {"demand.phone_agents", kindCount}, {"demand.ai_voice_seats", kindCount}, {"demand.bots", kindCount}}},
	{"group.telephony", []fieldSpec{
		{"demand.phone_numbers", kindCount}, {"demand.inbound_minutes_per_month", kindCount},
		{"demand.outbound_minutes_per_month", kindCount}, {"demand.robot_minutes_per_month", kindCount},
		{"demand.avg_call_minutes", kindDecimal}, {"demand.call_length", kindCallLength},
		{"demand.recorded_share", kindDecimal}, {"demand.ivr_channels", kindCount}, {"demand.asr_channels", kindCount},
	}},
	{"group.growth", []fieldSpec{{"demand.growth_per_month", kindDecimal}}},
}

type form struct {
	u       *ui
	content fyne.CanvasObject
	name    *widget.Entry
	nameErr *widget.Label
	fields  map[string]*formField
	general *widget.Label
	changes *changesEditor
}

type formField struct {
	spec   fieldSpec
	entry  *widget.Entry  // all kinds but kindCallLength
	choice *widget.Select // kindCallLength
	// err shows the field's hint, or in its place what is wrong with the
	// value: the form does not jump while the user types.
	err  *widget.Label
	hint string
}

// setMessage shows msg (red) in place of the hint, or the hint again.
func (ff *formField) setMessage(msg string) {
	text, imp := ff.hint, widget.LowImportance
	if msg != "" {
		text, imp = msg, widget.DangerImportance
	}
	if ff.err.Text != text || ff.err.Importance != imp {
		ff.err.Text = text
		ff.err.Importance = imp
		ff.err.Refresh()
	}
}

// message is the error the field shows ("" when it shows its hint).
func (ff *formField) message() string {
	if ff.err.Importance == widget.DangerImportance {
		return ff.err.Text
	}
	return ""
}

func errorLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

func setErrorLabel(l *widget.Label, msg string) {
	if msg == "" {
		if l.Visible() {
			l.SetText("")
			l.Hide()
		}
		return
	}
	if l.Text != msg {
		l.SetText(msg)
	}
	l.Show()
}

func hintLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.SizeName = theme.SizeNameCaptionText
	l.Importance = widget.LowImportance
	l.Wrapping = fyne.TextWrapWord
	return l
}

// shortName is a field path without "demand.".
func shortName(path string) string { return strings.TrimPrefix(path, "demand.") }

// fieldName is a field path in the user's words, for messages: known
// fields by their label, others (vendors.…) as written in the file.
func fieldName(l tr, path string) string { return wording.FieldName(string(l), path) }

func (u *ui) newForm() *form {
	l := u.lang
	f := &form{u: u, fields: map[string]*formField{}}
	f.name = widget.NewEntry()
	f.name.OnChanged = f.onNameChanged
	f.nameErr = errorLabel()
	f.general = errorLabel()

	items := []fyne.CanvasObject{
		f.general,
		widget.NewForm(widget.NewFormItem(l.T("field.name"), container.NewVBox(f.name, f.nameErr))),
	}
	for _, g := range formGroups {
		rows := widget.NewForm()
		for _, spec := range g.fields {
			ff := f.newField(spec)
			f.fields[spec.path] = ff
			name := shortName(spec.path)
			var input fyne.CanvasObject
			if ff.entry != nil {
				input = ff.entry
			} else {
				input = ff.choice
			}
			unit := widget.NewLabel(l.T("unit." + name))
			unit.Importance = widget.LowImportance
			ff.hint = l.T("hint." + name)
			ff.err.SetText(ff.hint)
			box := container.NewVBox(container.NewBorder(nil, nil, nil, unit, input), ff.err)
			rows.Append(l.T(fieldLabelKey(name)), box)
		}
		items = append(items, widget.NewCard(l.T(g.title), "", rows))
	}
	f.changes = f.newChangesEditor()
	items = append(items, widget.NewCard(l.T("group.changes"), l.T("group.changes.sub"), f.changes.content))
	f.content = container.NewVScroll(container.NewVBox(items...))
	return f
}

func (f *form) newField(spec fieldSpec) *formField {
	l := f.u.lang
	ff := &formField{spec: spec, err: hintLabel("")}
	if spec.kind == kindCallLength {
		opts := []string{l.T("call_length.exponential"), l.T("call_length.fixed")}
		ff.choice = widget.NewSelect(opts, func(s string) {
			if f.u.loading {
				return
			}
			v := scenarios.CallExponential
			if s == opts[1] {
				v = scenarios.CallFixed
			}
			f.u.cur.Demand.CallLength = v
			f.u.edited()
		})
		return ff
	}
	ff.entry = widget.NewEntry()
	ff.entry.SetPlaceHolder(l.T("placeholder." + kindName(spec.kind)))
	ff.entry.OnChanged = func(text string) { f.onFieldChanged(ff, text) }
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

func (f *form) onNameChanged(text string) {
	if f.u.loading {
		return
	}
	f.u.cur.Name = text
	if _, err := store.CleanName(text); err != nil {
		f.u.parseErrs["name"] = typed{nameErrKey(text), text}
	} else {
		delete(f.u.parseErrs, "name")
	}
	f.u.edited()
}

// onFieldChanged parses the text into the scenario; text that is not a
// value is remembered as a parse error and the scenario keeps its last
// good value.
func (f *form) onFieldChanged(ff *formField, text string) {
	u := f.u
	if u.loading {
		return
	}
	if msg := setField(u.cur, ff.spec, text); msg != "" {
		u.parseErrs[ff.spec.path] = typed{msg, text}
	} else {
		delete(u.parseErrs, ff.spec.path)
	}
	u.edited()
}

// parseCount reads a whole number as people type it: "3,000", "3 000"
// and "3000" are the same. Empty means 0.
func parseCount(text string) (int64, bool) {
	t := strings.NewReplacer(",", "", "，", "", " ", "", "_", "").Replace(strings.TrimSpace(text))
	if t == "" {
		return 0, true
	}
	v, err := strconv.ParseInt(t, 10, 64)
	return v, err == nil
}

// parseDecimal reads a decimal; a trailing % divides by 100, so "5%" and
// "0.05" are the same growth. Empty means 0.
func parseDecimal(text string) (decimal.Decimal, bool) {
	t := strings.NewReplacer(",", "", "，", "", " ", "").Replace(strings.TrimSpace(text))
	pct := false
	if strings.HasSuffix(t, "%") || strings.HasSuffix(t, "％") {
		t = strings.TrimSuffix(strings.TrimSuffix(t, "%"), "％")
		pct = true
	}
	if t == "" {
		return decimal.Zero, !pct
	}
	d, err := decimal.NewFromString(t)
	if err != nil || strings.ContainsAny(t, "eE") {
		return decimal.Zero, false
	}
	if pct {
		d = d.Shift(-2)
	}
	return d, true
}

// setField writes text into the scenario field spec names; it returns the
// key of a message when the text is not a value of the field's kind.
func setField(s *scenarios.Scenario, spec fieldSpec, text string) string {
	switch spec.kind {
	case kindCount:
		v, ok := parseCount(text)
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
		v, ok := parseDecimal(text)
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
	}
	v, _ := s.Demand.Count(shortName(spec.path))
	return strconv.FormatInt(v, 10)
}

func (f *form) fill(s *scenarios.Scenario) {
	f.name.SetText(s.Name)
	for _, ff := range f.fields {
		if ff.choice != nil {
			if s.Demand.CallLength == scenarios.CallFixed {
				ff.choice.SetSelectedIndex(1)
			} else {
				ff.choice.SetSelectedIndex(0)
			}
			continue
		}
		ff.entry.SetText(fieldText(s, ff.spec))
	}
	f.changes.rebuild()
}

// showErrors shows parse errors, else validation errors, next to their
// fields; it returns the validation errors it placed.
func (f *form) showErrors(errs scenarios.FieldErrors, parse map[string]typed) map[*scenarios.FieldError]bool {
	shown := map[*scenarios.FieldError]bool{}
	byField := map[string]*scenarios.FieldError{}
	for _, e := range errs {
		if _, dup := byField[e.Field]; !dup {
			byField[e.Field] = e
		}
	}
	l := f.u.lang
	for path, ff := range f.fields {
		msg := l.typedMsg(parse, path)
		if msg == "" {
			if e := byField[path]; e != nil {
				msg = f.u.lang.fieldError(e)
				shown[e] = true
			}
		}
		ff.setMessage(msg)
		if ff.entry != nil {
			ff.entry.SetValidationError(errIf(msg))
		}
	}
	nameMsg := l.typedMsg(parse, "name")
	if e := byField["name"]; nameMsg == "" && e != nil {
		nameMsg = f.u.lang.fieldError(e)
		shown[e] = true
	}
	setErrorLabel(f.nameErr, nameMsg)
	for e := range f.changes.showErrors(byField, parse) {
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

func (f *form) setGeneral(msgs []string) {
	sort.Strings(msgs)
	setErrorLabel(f.general, strings.Join(msgs, "\n"))
}

// changesEditor lists dated changes, one row per (change, field): a change
// in the file may set several fields on one day, and each shows as its own
// row with the same date.
type changesEditor struct {
	f       *form
	content *fyne.Container
	rows    *fyne.Container
	list    []*changeRow
}

type changeRow struct {
	ci    int    // index into Scenario.Changes
	field string // demand field name
	date  *widget.Entry
	sel   *widget.Select
	value *widget.Entry
	err   *widget.Label
}

// changeFields are the fields a change can set, in form order.
func changeFields() []string {
	return append(scenarios.CountFieldNames(), "recorded_share")
}

func (f *form) newChangesEditor() *changesEditor {
	c := &changesEditor{f: f, rows: container.NewVBox()}
	add := widget.NewButtonWithIcon(f.u.lang.T("changes.add"), theme.ContentAddIcon(), c.onAdd)
	c.content = container.NewVBox(c.rows, container.NewHBox(add, layout.NewSpacer()))
	return c
}

func (c *changesEditor) rebuild() {
	u := c.f.u
	l := u.lang
	c.rows.RemoveAll()
	c.list = nil
	fields := changeFields()
	labels := make([]string, len(fields))
	for i, name := range fields {
		labels[i] = l.T(fieldLabelKey(name))
	}
	was := u.loading
	u.loading = true
	for ci := range u.cur.Changes {
		ch := &u.cur.Changes[ci]
		for _, name := range ch.Fields() {
			r := &changeRow{ci: ci, field: name, err: errorLabel()}
			r.date = widget.NewEntry()
			r.date.SetPlaceHolder("2027-07-01")
			r.date.SetText(ch.Date.String())
			if t, ok := u.parseErrs[rowKey(r, "date")]; ok {
				r.date.SetText(t.text) // what was typed stays
			}
			r.date.OnChanged = func(t string) { c.onDate(r, t) }
			r.sel = widget.NewSelect(labels, nil)
			r.sel.SetSelectedIndex(indexOf(fields, name))
			r.sel.OnChanged = func(string) { c.onField(r, fields[r.sel.SelectedIndex()]) }
			r.value = widget.NewEntry()
			r.value.SetText(changeValueText(ch, name))
			if t, ok := u.parseErrs[rowKey(r, name)]; ok {
				r.value.SetText(t.text)
			}
			r.value.OnChanged = func(t string) { c.onValue(r, t) }
			del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { c.onRemove(r) })
			line := container.NewBorder(nil, nil, nil, del,
				container.NewGridWithColumns(3, r.date, shrink(r.sel, 80), r.value))
			c.rows.Add(container.NewVBox(line, r.err))
			c.list = append(c.list, r)
		}
	}
	if len(c.list) == 0 {
		c.rows.Add(hintLabel(l.T("changes.none")))
	}
	// Text typed into rows that no longer exist cannot hold the results
	// out of date.
	shown := map[string]bool{}
	for _, r := range c.list {
		shown[rowKey(r, "date")] = true
		shown[rowKey(r, r.field)] = true
	}
	for k := range u.parseErrs {
		if strings.HasPrefix(k, "changes[") && !shown[k] {
			delete(u.parseErrs, k)
		}
	}
	u.loading = was
}

// shiftChangeKeys renumbers typed-text keys after change ci was removed.
func (u *ui) shiftChangeKeys(ci int) {
	moved := map[string]typed{}
	for k, t := range u.parseErrs {
		var i int
		var rest string
		if n, _ := fmt.Sscanf(k, "changes[%d]", &i); n != 1 {
			continue
		}
		rest = k[strings.Index(k, "]")+1:]
		delete(u.parseErrs, k)
		switch {
		case i < ci:
			moved[k] = t
		case i > ci:
			moved[fmt.Sprintf("changes[%d]%s", i-1, rest)] = t
		}
	}
	for k, t := range moved {
		u.parseErrs[k] = t
	}
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

func changeValueText(ch *scenarios.Change, name string) string {
	if name == "recorded_share" {
		if ch.RecordedShare == nil {
			return ""
		}
		return ch.RecordedShare.String()
	}
	v, _ := ch.Count(name)
	if v == nil {
		return ""
	}
	return strconv.FormatInt(*v, 10)
}

func rowKey(r *changeRow, part string) string {
	return fmt.Sprintf("changes[%d].%s", r.ci, part)
}

func (c *changesEditor) onDate(r *changeRow, text string) {
	u := c.f.u
	if u.loading {
		return
	}
	d, err := scenarios.ParseDate(strings.TrimSpace(text))
	if err != nil {
		u.parseErrs[rowKey(r, "date")] = typed{"err.not_date", text}
	} else {
		delete(u.parseErrs, rowKey(r, "date"))
		u.cur.Changes[r.ci].Date = d
		// Other rows of the same change show the same day.
		u.loading = true
		for _, o := range c.list {
			if o != r && o.ci == r.ci {
				o.date.SetText(text)
			}
		}
		u.loading = false
	}
	u.edited()
}

func (c *changesEditor) onValue(r *changeRow, text string) {
	u := c.f.u
	if u.loading {
		return
	}
	ch := &u.cur.Changes[r.ci]
	key := rowKey(r, r.field)
	if r.field == "recorded_share" {
		v, ok := parseDecimal(text)
		if !ok {
			u.parseErrs[key] = typed{"err.not_decimal", text}
		} else {
			delete(u.parseErrs, key)
			ch.RecordedShare = &v
		}
	} else {
		v, ok := parseCount(text)
		if !ok {
			u.parseErrs[key] = typed{"err.not_whole", text}
		} else {
			delete(u.parseErrs, key)
			ch.SetCount(r.field, &v)
		}
	}
	u.edited()
}

// onField moves the row's value to another field: into its own change on
// the same day, so that a change never sets one field twice. The value
// moves with it (a count to a count); a share and a count do not convert,
// so the new field starts from its value on that day.
func (c *changesEditor) onField(r *changeRow, field string) {
	u := c.f.u
	if u.loading || field == r.field {
		return
	}
	old := u.cur.Changes[r.ci]
	moved := scenarios.Change{Date: old.Date}
	valTyped, hadVal := u.parseErrs[rowKey(r, r.field)]
	dateTyped, hadDate := u.parseErrs[rowKey(r, "date")]
	sameKind := (r.field == "recorded_share") == (field == "recorded_share")
	switch {
	case sameKind && field == "recorded_share":
		moved.RecordedShare = old.RecordedShare
	case sameKind:
		v, _ := old.Count(r.field)
		moved.SetCount(field, v)
	default:
		// The value on that day: changes apply in date order (file order
		// for ties), as the engine applies them.
		byDate := append([]scenarios.Change(nil), u.cur.Changes...)
		sort.SliceStable(byDate, func(i, j int) bool { return byDate[i].Date.Before(byDate[j].Date) })
		cur := u.cur.Demand
		for _, ch := range byDate {
			if !ch.Date.After(moved.Date) {
				cur = ch.Apply(cur)
			}
		}
		if field == "recorded_share" {
			v := cur.RecordedShare
			moved.RecordedShare = &v
		} else {
			v, _ := cur.Count(field)
			moved.SetCount(field, &v)
		}
		hadVal = false
	}
	removed := c.clearField(r)
	u.cur.Changes = append(u.cur.Changes, moved)
	n := len(u.cur.Changes) - 1
	if hadVal {
		u.parseErrs[fmt.Sprintf("changes[%d].%s", n, field)] = valTyped
	}
	if hadDate && removed {
		u.parseErrs[fmt.Sprintf("changes[%d].date", n)] = dateTyped
	}
	c.rebuild()
	u.edited()
}

// clearField removes the row's field from its change, and the change when
// nothing is left in it (reporting so); typed-text keys follow.
func (c *changesEditor) clearField(r *changeRow) bool {
	u := c.f.u
	ch := &u.cur.Changes[r.ci]
	if r.field == "recorded_share" {
		ch.RecordedShare = nil
	} else {
		ch.SetCount(r.field, nil)
	}
	delete(u.parseErrs, rowKey(r, r.field))
	if len(ch.Fields()) == 0 {
		u.cur.Changes = append(u.cur.Changes[:r.ci:r.ci], u.cur.Changes[r.ci+1:]...)
		u.shiftChangeKeys(r.ci)
		return true
	}
	return false
}

func (c *changesEditor) onRemove(r *changeRow) {
	c.clearField(r)
	c.rebuild()
	c.f.u.edited()
}

// onAdd adds a change half way through the horizon that keeps the number
// of online agents, for the buyer to edit.
func (c *changesEditor) onAdd() {
	u := c.f.u
	s := u.cur
	d := s.Start.AddMonths(max(1, s.Months/2))
	if s.Start.IsZero() {
		d = newScenario(u.lang).Start
	}
	v := s.Demand.OnlineAgents
	ch := scenarios.Change{Date: d}
	ch.SetCount("online_agents", &v)
	s.Changes = append(s.Changes, ch)
	c.rebuild()
	u.edited()
}

func (c *changesEditor) showErrors(byField map[string]*scenarios.FieldError, parse map[string]typed) map[*scenarios.FieldError]bool {
	shown := map[*scenarios.FieldError]bool{}
	for _, r := range c.list {
		var msgs []string
		for _, part := range []string{"date", r.field} {
			key := rowKey(r, part)
			if m := c.f.u.lang.typedMsg(parse, key); m != "" {
				msgs = append(msgs, m)
			} else if e := byField[key]; e != nil {
				msgs = append(msgs, c.f.u.lang.fieldError(e))
				shown[e] = true
			}
		}
		setErrorLabel(r.err, strings.Join(msgs, "; "))
	}
	return shown
}

package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// A Check's own text never wraps: one long interpretation switch ("Charge
// the AI interaction fee on robot minutes (…)") made the whole window
// 1,509 px wide in English. WrapCheck shows the box alone and its text as a
// wrapping label beside it; tapping the text toggles the box, as tapping a
// Check's text does.
func WrapCheck(c *widget.Check) fyne.CanvasObject {
	lb := &CheckText{check: c}
	lb.Text = c.Text
	lb.Wrapping = fyne.TextWrapWord
	lb.ExtendBaseWidget(lb)
	c.Text = ""
	c.Refresh()
	return container.NewBorder(nil, nil, container.NewVBox(c), nil, lb)
}

// CheckText is the wrapping text of a check box (WrapCheck).
type CheckText struct {
	Para  // Chinese breaks between characters
	check *widget.Check
}

// Tapped toggles the check box, unless it is disabled.
func (t *CheckText) Tapped(*fyne.PointEvent) {
	if !t.check.Disabled() {
		t.check.SetChecked(!t.check.Checked)
	}
}

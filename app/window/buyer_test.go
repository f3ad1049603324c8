package window

import (
	"strings"
	"testing"

	"kefucost/app/wording"
)

// Tests of the window as a buyer uses it (issue 12): history entries as
// sentences, every word in Chinese, quotes, mistakes, habits.

// A quote entered in the vendors panel shows in the history as a
// sentence in the buyer's words, not as the file's field path.
func TestHistoryEntriesAreSentences(t *testing.T) {
	f := newUIFixture(t, "zh")
	u := f.u
	typeInto(u.form.Name, "甲方案")
	u.onSave()
	card := u.vendors.Cards["tencent-qidian"]
	u.vendors.EnsurePriceRow(card, "phone.minute")
	typeInto(card.Prices["phone.minute"], "0.12")
	u.onSave()
	u.onHistory()
	dlg := u.win.Canvas().Overlays().Top()
	want := wording.VendorNameByID("zh", "tencent-qidian") + " " + wording.ItemName("zh", "tencent-qidian", "phone.minute") + " 报价改为 0.12 元"
	if got := labelsText(dlg); !strings.Contains(got, want) || strings.Contains(got, "vendors.") {
		t.Errorf("history: %q, want it to say %q", got, want)
	}
}

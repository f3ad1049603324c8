package pricing

import (
	"strings"
	"testing"

	"kefucost/scenarios"
)

// A gift names a pack of the vendor's catalog (scenario-and-cli
// "Additions": items from the catalog): an unknown item, an item that is
// no pack, or a gift from a vendor that sells no packs is refused naming
// the gift's item (review A14: pack.999 was silently ignored).
func TestGiftItemMustBeAPackOfTheVendor(t *testing.T) {
	for _, tc := range []struct {
		vendor, item, field, says, key string
	}{
		{scenarios.Chatopera, "pack.999", "vendors.chatopera.gifts[1].item", `unknown pack "pack.999"`, scenarios.ErrUnknownID},
		{scenarios.Tencent, "online.basic.year", "vendors.tencent-qidian.gifts[1].item", `"online.basic.year" is not a pack`, scenarios.ErrChoice},
		{scenarios.Huawei, "pack.100", "vendors.huawei-cec.gifts[1].item", "sells no packs", scenarios.ErrNoPacks},
	} {
		s := scenario(12, func(s *scenarios.Scenario) {
			s.Demand.ChatsPerDay = 300
			ok := "pack.100"
			if tc.vendor == scenarios.Tencent {
				ok = "sessions.120k"
			}
			gifts := []scenarios.Gift{{Item: ok, Date: scenarios.NewDate(2027, 1, 1)}, {Item: tc.item, Date: scenarios.NewDate(2027, 1, 1)}}
			if tc.vendor == scenarios.Huawei {
				gifts = gifts[1:]
				tc.field = "vendors.huawei-cec.gifts[0].item"
			}
			s.Vendors[tc.vendor] = scenarios.VendorSettings{Gifts: gifts}
		})
		_, err := Compare(s)
		fe := oneFieldError(t, err)
		if fe.Field != tc.field || fe.Key != tc.key || len(fe.Args) != 1 || !strings.Contains(fe.Msg, tc.says) {
			t.Errorf("%s gift %s: %+v, want %s refused (%s)", tc.vendor, tc.item, fe, tc.field, tc.says)
		}
	}
}

// A gift the vendor's rule cannot draw is said on that vendor, never
// dropped silently (review A15): Tencent's session packs are priced as
// bought (§7.2 draws gifts from Chatopera's resource packs only); a
// Chatopera plan billed daily does not draw packs; a pack of another
// edition is not sold in the one used. The totals are those without the
// gift.
func TestGiftNotAppliedIsNoted(t *testing.T) {
	gift := func(item string) []scenarios.Gift {
		return []scenarios.Gift{{Item: item, Date: scenarios.NewDate(2027, 1, 1)}}
	}
	legacy := map[string]bool{"chatopera.legacy-plans": true}
	for _, tc := range []struct {
		name, vendor string
		vs           scenarios.VendorSettings
		says, zh     string
	}{
		{"tencent", scenarios.Tencent, scenarios.VendorSettings{Gifts: gift("sessions.120k")}, "draws gifts only from Chatopera's resource packs",
			"赠送的会话充值包 12 万条（2027-01-01）未计入：kefucost 只从 Chatopera 的资源包扣除赠送额度"},
		{"chatopera daily", scenarios.Chatopera, scenarios.VendorSettings{Plan: "chatopera-2020-daily", Options: legacy, Gifts: gift("pack.1000")}, "does not draw usage from resource packs",
			"赠送的资源包 1,000 元（100,000 次）（2027-01-01）未计入：方案“按天计费”不从资源包扣除用量"},
		{"chatopera other edition", scenarios.Chatopera, scenarios.VendorSettings{Gifts: gift("chat.annual.1m")}, "the price edition 2023-12 has no such pack",
			"未计入：价格版本 2023-12 没有这种资源包"},
	} {
		base := scenario(12, func(s *scenarios.Scenario) {
			s.Demand.ChatsPerDay, s.Demand.Bots = 300, 1
			vs := tc.vs
			vs.Gifts = nil
			s.Vendors[tc.vendor] = vs
		})
		with := base.Clone()
		with.Vendors[tc.vendor] = tc.vs
		cb, err := Compare(base)
		if err != nil {
			t.Fatal(err)
		}
		cw, err := Compare(with)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		r := vendor(t, cw, tc.vendor)
		if want := vendor(t, cb, tc.vendor).Total; !r.Total.Equal(want) {
			t.Errorf("%s: total %s with the gift, %s without", tc.name, r.Total, want)
		}
		var note *Note
		for i := range r.Notes {
			if r.Notes[i].ID == "gifts-not-applied" {
				note = &r.Notes[i]
			}
		}
		item := tc.vs.Gifts[0].Item
		if note == nil || !strings.Contains(note.EN, tc.says) || !strings.Contains(note.EN, item) || !strings.Contains(note.Text, tc.zh) {
			t.Errorf("%s: notes %+v, want the gift %s said not applied (%s)", tc.name, r.Notes, item, tc.says)
		}
	}
}

package wording

import (
	"fmt"

	"kefucost/pricing"
)

// CheckLang accepts the languages outputs are written in: "" (Chinese),
// "zh" and "en".
func CheckLang(lang string) error {
	if lang != "" && lang != "zh" && lang != "en" {
		return fmt.Errorf("language must be zh or en, not %q", lang)
	}
	return nil
}

// VendorName is a vendor's name in lang ("en" or Chinese).
func VendorName(r *pricing.Result, lang string) string {
	if lang == "en" && r.NameEN != "" {
		return r.NameEN
	}
	if r.Name != "" {
		return r.Name
	}
	return r.Vendor
}

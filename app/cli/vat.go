package cli

import (
	"flag"
	"fmt"

	"kefucost/pricing"
)

// vatFlag adds --vat included|excluded: the vendors' published amounts
// (VAT included, the default) or the same net of VAT (÷ 1.06).
func vatFlag(fs *flag.FlagSet) *string {
	return fs.String("vat", "included", "amounts as published, VAT included (included), or net of VAT, ÷ 1.06 (excluded)")
}

// withVAT applies the --vat choice to a comparison.
func withVAT(c *pricing.Comparison, vat string) (*pricing.Comparison, error) {
	switch vat {
	case "included", "":
		return c, nil
	case "excluded":
		return c.WithoutVAT(), nil
	}
	return nil, fmt.Errorf("--vat must be included or excluded, not %q", vat)
}

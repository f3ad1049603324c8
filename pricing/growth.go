package pricing

import (
	"math"
	"math/big"

	"github.com/shopspring/decimal"
)

// growth_per_month is compound monthly growth; a buyer who says "growth
// ±5 points" means the yearly rate (20 % a year → 15 % or 25 %), so the
// tornado moves growth by points of the annual rate and converts back to
// the monthly rate the engine uses. ±5 points a month would be ±80 % a
// year and dwarf every other input.

// growthPlaces is how many decimal places a converted monthly rate keeps:
// the annual rate it gives is then off by less than 2·10⁻⁹ over a year
// (0.0000002 points), far below any percentage shown.
const growthPlaces = 10

var (
	// growth_per_month's range (scenarios.Validate) and the annual rates
	// at its ends: (1 − 0.5)¹² − 1 and (1 + 1)¹² − 1.
	maxGrowthPerMonth = decimal.NewFromInt(1)
	minAnnualGrowth   = AnnualGrowth(minGrowthPerMonth)
	maxAnnualGrowth   = AnnualGrowth(maxGrowthPerMonth)
)

// AnnualGrowth is the yearly rate of a compound monthly growth rate:
// (1 + g)¹² − 1, exact (a monthly rate of 10 places has at most 120).
func AnnualGrowth(g decimal.Decimal) decimal.Decimal {
	f := decimal.NewFromInt(1)
	step := f.Add(g)
	for i := 0; i < 12; i++ {
		f = f.Mul(step)
	}
	return f.Sub(decimal.NewFromInt(1))
}

// MonthlyGrowth is the compound monthly rate that makes the yearly rate a:
// (1 + a)^(1/12) − 1 rounded half up to 10 places, within the scenario's
// range −0.5 … 1 (a yearly rate at or below −99.98 % gives −0.5).
func MonthlyGrowth(a decimal.Decimal) decimal.Decimal {
	if a.LessThanOrEqual(minAnnualGrowth) {
		return minGrowthPerMonth
	}
	if a.GreaterThanOrEqual(maxAnnualGrowth) {
		return maxGrowthPerMonth
	}
	// Newton's method for x¹² = y in 256-bit floats, from float64's
	// answer: each step doubles the 15 correct digits.
	const prec = 256
	y, _, err := big.ParseFloat(a.Add(decimal.NewFromInt(1)).String(), 10, prec, big.ToNearestEven)
	if err != nil { // a decimal's String always parses
		panic(err)
	}
	yf, _ := y.Float64()
	x := new(big.Float).SetPrec(prec).SetFloat64(math.Pow(yf, 1.0/12))
	n := new(big.Float).SetPrec(prec).SetInt64(12)
	for i := 0; i < 4; i++ {
		p := new(big.Float).SetPrec(prec).SetInt64(1)
		for k := 0; k < 11; k++ {
			p.Mul(p, x)
		}
		// x − (x¹² − y) / (12 x¹¹)
		num := new(big.Float).SetPrec(prec).Mul(p, x)
		num.Sub(num, y)
		den := new(big.Float).SetPrec(prec).Mul(n, p)
		x.Sub(x, num.Quo(num, den))
	}
	root, err := decimal.NewFromString(x.Text('f', 40))
	if err != nil {
		panic(err)
	}
	g := root.Sub(decimal.NewFromInt(1)).Round(growthPlaces)
	return decimal.Min(decimal.Max(g, minGrowthPerMonth), maxGrowthPerMonth)
}

// growthMoved moves a monthly growth rate by points of its annual rate.
func growthMoved(g, points decimal.Decimal) decimal.Decimal {
	return MonthlyGrowth(AnnualGrowth(g).Add(points))
}

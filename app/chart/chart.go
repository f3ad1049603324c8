// Package chart draws the charts of a comparison, for the window and for
// `kefucost chart`.
//
// go-chart's Chart type has quirks that matter here (automatic ticks repeat
// month labels and print 53000.00, StackedBarChart shows only percentages,
// a single data point or an all-zero BarChart fails, the y axis sits on the
// right, text is written into SVG unescaped). So this package uses go-chart
// for what it does well — its PNG rasteriser and SVG writer behind one
// Renderer interface, with the embedded font — and lays the chart out
// itself: ticks, money axis, grouped bars, legend, crossing markers and
// messages for charts with nothing to draw. Every text goes through
// chartCanvas.text, which escapes it for SVG.
package chart

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/golang/freetype/truetype"
	"github.com/shopspring/decimal"
	gochart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
	"golang.org/x/image/font"
	fx "golang.org/x/image/math/fixed"

	"kefucost/app/wording"
	"kefucost/assets"
	"kefucost/pricing"
	"kefucost/scenarios"
)

// Kind names one of the charts of a comparison.
type Kind string

const (
	// Cumulative: cumulative cash per vendor over the horizon.
	Cumulative Kind = "cumulative"
	// Monthly: cash paid in each month, per vendor (grouped bars).
	Monthly Kind = "monthly"
	// Breakdown: one vendor's total by breakdown line.
	Breakdown Kind = "breakdown"
	// Breakeven: each vendor's total as one demand field varies.
	Breakeven Kind = "breakeven"
	// Combination: the best few combinations of vendors, each part's
	// share of its total (pricing-rules §7.10).
	Combination Kind = "combination"
	// Tornado: each demand input ±20 % and what it does to a total
	// (pricing.ComputeTornado; RenderTornado).
	Tornado Kind = "tornado"
)

// Kinds lists every kind, in the order they are offered.
var Kinds = []Kind{Cumulative, Monthly, Breakdown, Breakeven, Combination, Tornado}

// Default export size (PNG and SVG) when Options leaves it 0.
const (
	DefaultWidth  = 1600
	DefaultHeight = 900
)

// Limits on a chart's size in pixels.
const (
	MinWidth, MinHeight = 240, 160
	maxSide             = 8000
)

// Options says how to draw a chart.
type Options struct {
	// Width and Height in pixels; 0 means DefaultWidth × DefaultHeight.
	Width, Height int
	// Lang is "zh" (default) or "en": titles, axis names, legends.
	Lang string
	// Vendor is the vendor id a breakdown chart shows (default: the
	// comparison's cheapest, else the first vendor).
	Vendor string
	// Dark draws on a dark background (the window's dark theme).
	Dark bool
	// NetOfVAT: a break-even chart's totals net of VAT (÷ 1.06, as
	// pricing.Comparison.WithoutVAT), said in its subtitle. The other
	// kinds follow their comparison (Comparison.ExcludesVAT).
	NetOfVAT bool
	// NoLeads leaves out the cumulative chart's caption saying who has
	// paid least so far (wording.LeadsText): the window shows it as text
	// under its live chart. Exports and the report keep it.
	NoLeads bool
	// TextScale, when above 0, sizes text and strokes (1: 12 px body
	// text) instead of the size: a chart drawn taller than its area to
	// scroll keeps the text size of one that fits (TornadoFit).
	TextScale float64
}

// Size is the chart's size in pixels, or why it cannot be drawn that size.
func (o Options) Size() (int, int, error) {
	w, h := o.Width, o.Height
	if w == 0 {
		w = DefaultWidth
	}
	if h == 0 {
		h = DefaultHeight
	}
	if w < MinWidth || h < MinHeight || w > maxSide || h > maxSide {
		return 0, 0, fmt.Errorf("chart size %d×%d is out of range (width %d..%d, height %d..%d pixels)",
			w, h, MinWidth, maxSide, MinHeight, maxSide)
	}
	return w, h, nil
}

func (o Options) en() bool { return o.Lang == "en" }

// Render draws one chart of a comparison as "png" or "svg" to w.
// Breakeven charts need the scenario: use RenderBreakeven.
func Render(w io.Writer, format string, c *pricing.Comparison, kind Kind, o Options) error {
	if err := needsScenario(kind); err != nil {
		return err
	}
	cv, err := newCanvas(format, o)
	if err != nil {
		return err
	}
	if err := drawComparison(cv, c, kind, o); err != nil {
		return err
	}
	return cv.save(w)
}

// Image draws one chart of a comparison into an image, without PNG
// encoding: what the window shows after each edit.
func Image(c *pricing.Comparison, kind Kind, o Options) (*image.RGBA, error) {
	if err := needsScenario(kind); err != nil {
		return nil, err
	}
	cv, err := newCanvas("png", o)
	if err != nil {
		return nil, err
	}
	if err := drawComparison(cv, c, kind, o); err != nil {
		return nil, err
	}
	return cv.image()
}

// needsScenario: the kinds drawn from more than one comparison.
func needsScenario(kind Kind) error {
	switch kind {
	case Breakeven:
		return errors.New("a breakeven chart needs the scenario: use RenderBreakeven")
	case Tornado:
		return errors.New("a tornado chart needs the scenario: use pricing.ComputeTornado and RenderTornado")
	}
	return nil
}

type rgbaCollector struct{ img *image.RGBA }

func (c *rgbaCollector) SetRGBA(i *image.RGBA) { c.img = i }
func (c *rgbaCollector) Write([]byte) (int, error) {
	return 0, errors.New("chart image: unexpected write")
}

func drawComparison(cv *chartCanvas, c *pricing.Comparison, kind Kind, o Options) error {
	switch kind {
	case Cumulative:
		drawTimeChart(cv, c, true, o)
	case Monthly:
		drawTimeChart(cv, c, false, o)
	case Breakdown:
		return drawBreakdown(cv, c, o)
	case Combination:
		drawCombinations(cv, c, o)
	default:
		return fmt.Errorf("unknown chart kind %q (want %s)", kind, KindList())
	}
	return nil
}

// KindList names the chart kinds for messages: "cumulative, monthly, …".
func KindList() string {
	var s []string
	for _, k := range Kinds {
		s = append(s, string(k))
	}
	return strings.Join(s, ", ")
}

// RenderBreakeven sweeps one whole-number demand field of the scenario over
// values (pricing.Sweep) and draws each vendor's total against it.
func RenderBreakeven(w io.Writer, format string, s *scenarios.Scenario, field string, values []int64, o Options) error {
	if len(values) == 0 {
		return errors.New("breakeven: no values to sweep")
	}
	cv, err := newCanvas(format, o)
	if err != nil {
		return err
	}
	points, err := pricing.SweepVAT(s, field, values, o.NetOfVAT)
	if err != nil {
		return err
	}
	cur, _ := s.Demand.Count(field)
	drawBreakeven(cv, s, field, cur, points, o)
	return cv.save(w)
}

// BreakevenImage is RenderBreakeven into an image (the window's view).
func BreakevenImage(s *scenarios.Scenario, field string, values []int64, o Options) (*image.RGBA, error) {
	if len(values) == 0 {
		return nil, errors.New("breakeven: no values to sweep")
	}
	cv, err := newCanvas("png", o)
	if err != nil {
		return nil, err
	}
	points, err := pricing.SweepVAT(s, field, values, o.NetOfVAT)
	if err != nil {
		return nil, err
	}
	cur, _ := s.Demand.Count(field)
	drawBreakeven(cv, s, field, cur, points, o)
	return cv.image()
}

// ---------------------------------------------------------------- colours

// vendorColors: one fixed colour per vendor, the same in every chart and
// legible on both backgrounds (Okabe–Ito palette, colour-blind safe).
var vendorColors = map[string]drawing.Color{
	scenarios.Chatopera: drawing.ColorFromHex("009E73"), // bluish green
	scenarios.Tencent:   drawing.ColorFromHex("0072B2"), // blue
	scenarios.Huawei:    drawing.ColorFromHex("D55E00"), // vermillion
	scenarios.Aliyun:    drawing.ColorFromHex("CC79A7"), // reddish purple
}

var extraColors = []drawing.Color{
	drawing.ColorFromHex("E69F00"), drawing.ColorFromHex("56B4E9"), drawing.ColorFromHex("7F7F7F"),
}

// VendorColor is the colour a vendor is drawn in.
func VendorColor(id string) drawing.Color {
	if c, ok := vendorColors[id]; ok {
		return c
	}
	h := 0
	for _, r := range id {
		h = h*31 + int(r)
	}
	if h < 0 {
		h = -h
	}
	return extraColors[h%len(extraColors)]
}

type chartTheme struct {
	bg, text, subtle, axis, grid drawing.Color
}

var (
	lightTheme = chartTheme{
		bg: drawing.ColorFromHex("FFFFFF"), text: drawing.ColorFromHex("212121"), subtle: drawing.ColorFromHex("666666"),
		axis: drawing.ColorFromHex("8A8A8A"), grid: drawing.ColorFromHex("E4E4E4"),
	}
	// darkTheme matches Fyne's dark background (#171717).
	darkTheme = chartTheme{
		bg: drawing.ColorFromHex("171717"), text: drawing.ColorFromHex("EDEDED"), subtle: drawing.ColorFromHex("A6A6A6"),
		axis: drawing.ColorFromHex("7A7A7A"), grid: drawing.ColorFromHex("333333"),
	}
)

// ---------------------------------------------------------------- canvas

// chartCanvas wraps a go-chart Renderer with the few primitives the charts use.
// Sizes are in pixels (see newCanvas for the DPI that makes a point a pixel).
type chartCanvas struct {
	r     gochart.Renderer
	w, h  int
	svg   bool
	font  *truetype.Font
	th    chartTheme
	scale float64 // 1 at 900×400; text and strokes grow with the image
	base  float64 // body font size
	// PNG only: texts are drawn last, straight into the image with cached
	// glyphs (go-chart rasterises every glyph as a path, every time: most
	// of a chart's time), and the background is composited under the
	// drawing at the end instead of being rasterised as a rectangle.
	texts []pendingText
}

type pendingText struct {
	s    string
	x, y float64
	size float64
	col  drawing.Color
}

func newCanvas(format string, o Options) (*chartCanvas, error) {
	if err := wording.CheckLang(o.Lang); err != nil {
		return nil, err
	}
	w, h, err := o.Size()
	if err != nil {
		return nil, err
	}
	f, err := assets.ChartFont()
	if err != nil {
		return nil, fmt.Errorf("chart font: %v", err)
	}
	cv := &chartCanvas{w: w, h: h, font: f, th: lightTheme}
	if o.Dark {
		cv.th = darkTheme
	}
	switch strings.ToLower(format) {
	case "png":
		cv.r, err = gochart.PNG(w, h)
	case "svg":
		cv.r, err = gochart.SVG(w, h)
		cv.svg = true
	default:
		return nil, fmt.Errorf("unknown chart format %q (want png or svg)", format)
	}
	if err != nil {
		return nil, err
	}
	// A font size is then a size in pixels: go-chart's SVG writer uses
	// size×DPI/72 pixels, its rasteriser size×DPI/64.
	if cv.svg {
		cv.r.SetDPI(72)
	} else {
		cv.r.SetDPI(64)
	}
	cv.r.SetFont(f)
	cv.scale = math.Max(0.75, math.Min(3, math.Min(float64(w)/900, float64(h)/400)))
	if o.TextScale > 0 {
		cv.scale = math.Max(0.5, math.Min(3, o.TextScale))
	}
	cv.base = 12 * cv.scale
	if cv.svg {
		cv.rect(0, 0, float64(w), float64(h), cv.th.bg) // never transparent
	}
	return cv, nil
}

// save writes the chart: SVG as go-chart writes it, PNG encoded here.
func (cv *chartCanvas) save(w io.Writer) error {
	if cv.svg {
		return cv.r.Save(w)
	}
	img, err := cv.image()
	if err != nil {
		return err
	}
	return png.Encode(w, img)
}

// image finishes a PNG canvas: the drawing over the opaque background,
// then the texts.
func (cv *chartCanvas) image() (*image.RGBA, error) {
	if cv.svg {
		return nil, errors.New("chart image: an SVG canvas has no image")
	}
	var col rgbaCollector
	if err := cv.r.Save(&col); err != nil {
		return nil, err
	}
	img := col.img
	if img == nil {
		return nil, errors.New("chart image: the renderer gave no image")
	}
	underlay(img, cv.th.bg)
	for _, t := range cv.texts {
		drawText(img, cv.font, t)
	}
	cv.texts = nil
	return img, nil
}

// underlay puts an opaque colour under a premultiplied image ("over" is
// associative, so this equals having drawn everything on that colour).
func underlay(img *image.RGBA, bg drawing.Color) {
	br, bgc, bb := uint32(bg.R), uint32(bg.G), uint32(bg.B)
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		row := img.Pix[(y-b.Min.Y)*img.Stride : (y-b.Min.Y)*img.Stride+b.Dx()*4]
		for i := 0; i < len(row); i += 4 {
			a := uint32(row[i+3])
			if a == 255 {
				continue
			}
			k := 255 - a
			row[i] += uint8((br*k + 127) / 255)
			row[i+1] += uint8((bgc*k + 127) / 255)
			row[i+2] += uint8((bb*k + 127) / 255)
			row[i+3] = 255
		}
	}
}

// Glyph faces, cached across renders by size: a face caches its glyph
// masks, so the window's re-renders rasterise each glyph once. A face is
// not safe for concurrent use, hence a pool per size.
var (
	facesMu sync.Mutex
	faces   = map[int]*sync.Pool{}
)

func facePool(f *truetype.Font, size float64) *sync.Pool {
	key := int(math.Round(size * 8))
	facesMu.Lock()
	defer facesMu.Unlock()
	p := faces[key]
	if p == nil {
		sz := float64(key) / 8
		p = &sync.Pool{New: func() any {
			return truetype.NewFace(f, &truetype.Options{Size: sz, DPI: 72, Hinting: font.HintingNone, GlyphCacheEntries: 1024})
		}}
		faces[key] = p
	}
	return p
}

func drawText(img *image.RGBA, f *truetype.Font, t pendingText) {
	p := facePool(f, t.size)
	face := p.Get().(font.Face)
	defer p.Put(face)
	d := font.Drawer{
		Dst:  img,
		Src:  image.NewUniform(color.RGBA{t.col.R, t.col.G, t.col.B, 255}),
		Face: face,
		Dot:  fx.Point26_6{X: fx.Int26_6(math.Round(t.x * 64)), Y: fx.Int26_6(math.Round(t.y * 64))},
	}
	d.DrawString(t.s)
}

// px rounds a length in pixels for the renderer.
func cpx(v float64) int { return int(math.Round(v)) }

// textWidth is the advance width of s at size pixels.
func (cv *chartCanvas) textWidth(s string, size float64) float64 {
	return textAdvance(cv.font, s, size)
}

func textAdvance(f *truetype.Font, s string, size float64) float64 {
	scale := fx.Int26_6(size * 64)
	var w fx.Int26_6
	var prev truetype.Index
	for i, r := range s {
		idx := f.Index(r)
		if i > 0 {
			w += f.Kern(scale, prev, idx)
		}
		w += f.HMetric(scale, idx).AdvanceWidth
		prev = idx
	}
	return float64(w) / 64
}

// fit shortens s with an ellipsis so that it is at most width pixels wide.
func (cv *chartCanvas) fit(s string, size, width float64) string {
	if cv.textWidth(s, size) <= width {
		return s
	}
	rs := []rune(s)
	for n := len(rs) - 1; n > 0; n-- {
		t := strings.TrimRight(string(rs[:n]), " ") + "…"
		if cv.textWidth(t, size) <= width {
			return t
		}
	}
	return "…"
}

type textAlign int

const (
	alignLeft textAlign = iota
	alignCenter
	alignRight
)

// text draws s with its baseline at y; x is its left edge, centre or right
// edge by al. This is the one place text is written: escaped for SVG,
// queued for PNG (see chartCanvas.texts).
func (cv *chartCanvas) text(s string, x, y, size float64, col drawing.Color, al textAlign) {
	if s == "" {
		return
	}
	switch al {
	case alignCenter:
		x -= cv.textWidth(s, size) / 2
	case alignRight:
		x -= cv.textWidth(s, size)
	}
	if !cv.svg {
		cv.texts = append(cv.texts, pendingText{s: s, x: x, y: y, size: size, col: col})
		return
	}
	cv.r.ResetStyle()
	cv.r.SetFont(cv.font)
	cv.r.SetFontSize(size)
	cv.r.SetFontColor(col)
	cv.r.Text(svgEscape(s), cpx(x), cpx(y))
}

// svgEscape makes text safe inside an SVG <text> element: markup
// characters become entities and characters XML forbids become U+FFFD.
// rowLabel draws a bar's label right-aligned at x, centred on cy: on one
// line when it fits width, else on two (a row at least 2.3 lines tall),
// and only past that cut with "…".
func (cv *chartCanvas) rowLabel(s string, size, width, x, cy, rowH float64, col drawing.Color) {
	if cv.textWidth(s, size) > width && rowH >= size*2.3 {
		if ls := cv.wrap(s, size, width, 2); len(ls) == 2 {
			cv.text(ls[0], x, cy-size*0.3, size, col, alignRight)
			cv.text(ls[1], x, cy+size*0.95, size, col, alignRight)
			return
		}
	}
	cv.text(cv.fit(s, size, width), x, cy+size*0.36, size, col, alignRight)
}

func svgEscape(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s)) // never fails on a bytes.Buffer
	return b.String()
}

func (cv *chartCanvas) rect(x0, y0, x1, y1 float64, fill drawing.Color) {
	cv.r.ResetStyle()
	cv.r.SetFillColor(fill)
	cv.r.MoveTo(cpx(x0), cpx(y0))
	cv.r.LineTo(cpx(x1), cpx(y0))
	cv.r.LineTo(cpx(x1), cpx(y1))
	cv.r.LineTo(cpx(x0), cpx(y1))
	cv.r.Close()
	cv.r.Fill()
}

// outline strokes a rectangle's border.
func (cv *chartCanvas) outline(x0, y0, x1, y1 float64, col drawing.Color, width float64, dash []float64) {
	cv.polyline([][2]float64{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}, col, width, dash)
}

func (cv *chartCanvas) polyline(pts [][2]float64, col drawing.Color, width float64, dash []float64) {
	if len(pts) < 2 {
		return
	}
	cv.r.ResetStyle()
	cv.r.SetStrokeColor(col)
	cv.r.SetStrokeWidth(math.Max(1, width))
	if dash != nil {
		cv.r.SetStrokeDashArray(dash)
	}
	cv.r.MoveTo(cpx(pts[0][0]), cpx(pts[0][1]))
	for _, p := range pts[1:] {
		cv.r.LineTo(cpx(p[0]), cpx(p[1]))
	}
	cv.r.Stroke()
}

func (cv *chartCanvas) line(x0, y0, x1, y1 float64, col drawing.Color, width float64, dash []float64) {
	cv.polyline([][2]float64{{x0, y0}, {x1, y1}}, col, width, dash)
}

// dot draws a filled circle with an outline (two half arcs, which both
// renderers draw; a single full-circle SVG arc draws nothing).
func (cv *chartCanvas) dot(x, y, radius float64, fill, stroke drawing.Color, width float64) {
	cv.r.ResetStyle()
	cv.r.SetFillColor(fill)
	cv.r.SetStrokeColor(stroke)
	cv.r.SetStrokeWidth(math.Max(1, width))
	cx, cy := cpx(x), cpx(y)
	cv.r.ArcTo(cx, cy, radius, radius, 0, math.Pi)
	cv.r.ArcTo(cx, cy, radius, radius, math.Pi, math.Pi)
	cv.r.Close()
	cv.r.FillStroke()
}

func (cv *chartCanvas) dash() []float64 {
	return []float64{math.Round(7 * cv.scale), math.Round(5 * cv.scale)}
}

// message draws a short explanation in the middle of box, for charts with
// nothing to draw (no vendors, every amount zero).
func (cv *chartCanvas) message(lines []string, x0, y0, x1, y1 float64) {
	size := cv.base * 1.15
	lh := size * 1.5
	y := (y0+y1)/2 - lh*float64(len(lines)-1)/2 + size*0.35
	for _, l := range lines {
		cv.text(cv.fit(l, size, x1-x0-2*size), (x0+x1)/2, y, size, cv.th.subtle, alignCenter)
		y += lh
	}
}

// ---------------------------------------------------------------- texts

// tr picks the Chinese or English text.
func ctr(o Options, zh, en string) string {
	if o.en() {
		return en
	}
	return zh
}

// fieldLabel names a demand field as the window does (wording.FieldLabel).
func fieldLabel(field string, o Options) string { return wording.FieldLabel(o.Lang, field) }

// statusSuffix marks a total that is not comparable: incomplete (unpriced
// items) or not covering the scenario. "" when the total is real.
func statusSuffix(complete, covers bool, unpriced, uncovered []string, o Options) string {
	var parts []string
	if !complete {
		parts = append(parts, wording.Incomplete(o.Lang, len(unpriced)))
	}
	if !covers {
		parts = append(parts, wording.NotCovering(o.Lang, uncovered))
	}
	if len(parts) == 0 {
		return ""
	}
	if o.en() {
		return " (" + strings.Join(parts, "; ") + ")"
	}
	return "（" + strings.Join(parts, "；") + "）"
}

// chartNotes is the one-line key under a chart: what dashed lines (or pale
// bars) and dots mean.
func chartNotes(o Options, dashed, bars, dots bool) []string {
	var parts []string
	if dashed && bars {
		parts = append(parts, ctr(o, "浅色虚框 = 不完整（有未定价项目）或不覆盖全部需求", "pale dashed bars = incomplete (unpriced items) or not covering every need"))
	} else if dashed {
		parts = append(parts, ctr(o, "虚线 = 不完整（有未定价项目，实际更高）或不覆盖全部需求，不能直接比较，与它的交叉不标圆点",
			"dashed = incomplete (unpriced items: the real cost is higher) or not covering every need; not comparable, its crossings not marked"))
	}
	if dots {
		parts = append(parts, ctr(o, "圆点 = 两家高低顺序改变处", "dots = two vendors change order"))
	}
	if len(parts) == 0 {
		return nil
	}
	s := strings.Join(parts, ctr(o, "；", "; "))
	if o.en() {
		s = strings.ToUpper(s[:1]) + s[1:]
	}
	return []string{s}
}

// ---------------------------------------------------------------- numbers

// axisMoney formats a money tick: thousands separators, decimals only when
// the tick step needs them, and the currency ("53,000 元" / "¥53,000").
func axisMoney(v, step float64, o Options) string {
	s := groupFloat(v, decimalsFor(step))
	if o.en() {
		if strings.HasPrefix(s, "-") {
			return "-¥" + s[1:]
		}
		return "¥" + s
	}
	return s + " 元"
}

// decimalsFor is how many decimals tick labels spaced step apart need.
func decimalsFor(step float64) int {
	d := 0
	for d < 4 && step > 0 && math.Abs(step-math.Round(step)) > 1e-9 {
		step *= 10
		d++
	}
	return d
}

// groupFloat writes v with d decimals and thousands separators.
func groupFloat(v float64, d int) string {
	if math.Abs(v) < 0.5*math.Pow(10, -float64(d)) {
		v = 0 // no "-0"
	}
	s := strconv.FormatFloat(v, 'f', d, 64)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	ip, frac, hasFrac := strings.Cut(s, ".")
	out := wording.GroupDigits(ip)
	if hasFrac {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}

// niceTicks covers [lo, hi] with about n round ticks (1, 2, 2.5 or 5 × 10^k
// apart); the first is ≤ lo and the last ≥ hi. It returns the ticks and
// their step.
func niceTicks(lo, hi float64, n int) ([]float64, float64) {
	if n < 2 {
		n = 2
	}
	if hi < lo {
		lo, hi = hi, lo
	}
	if hi == lo {
		if hi == 0 {
			hi = 1
		} else {
			lo, hi = math.Min(0, lo), math.Max(0, hi)
			if lo == hi {
				hi = lo + 1
			}
		}
	}
	raw := (hi - lo) / float64(n-1)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := 10 * mag
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	first := math.Floor(lo/step+1e-9) * step
	var out []float64
	for v := first; ; v += step {
		v = roundFloat(math.Round(v/step) * step) // no drift: 0.30000000000000004
		out = append(out, v)
		if v >= hi-1e-9*step || len(out) > 100 {
			break
		}
	}
	if len(out) < 2 {
		out = append(out, out[0]+step)
	}
	return out, step
}

// roundFloat drops binary noise from a tick value (3 × 0.1 → 0.3).
func roundFloat(v float64) float64 {
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 12, 64), 64)
	if err != nil {
		return v
	}
	return r
}

// chartMonthTick is one labelled month on a time axis.
type chartMonthTick struct {
	Index int
	Label string // "2027-01"
}

// monthStep is how many months apart labels go so that labels of
// labelWidth pixels fit in width pixels: 1, 2, 3, 6, 12, 24, 36 or 60.
func monthStep(n int, width, labelWidth float64) int {
	slots := int(width / (labelWidth * 1.6))
	if slots < 1 {
		slots = 1
	}
	for _, s := range []int{1, 2, 3, 6, 12, 24, 36, 60} {
		if (n+s-1)/s <= slots {
			return s
		}
	}
	return 120
}

// monthTicks labels every step-th month, aligned with the calendar (steps
// that divide a year label January, April, … ; longer steps label
// Januaries), so that each label appears once.
func monthTicks(starts []scenarios.Date, step int) []chartMonthTick {
	var out []chartMonthTick
	if len(starts) == 0 {
		return nil
	}
	label := func(i int) chartMonthTick { return chartMonthTick{i, starts[i].String()[:7]} }
	if step <= 1 {
		for i := range starts {
			out = append(out, label(i))
		}
		return out
	}
	y0 := 0 // year of the first January: longer steps count from it
	for _, d := range starts {
		if d.Month() == 1 {
			y0 = d.Year()
			break
		}
	}
	for i, d := range starts {
		m := int(d.Month()) - 1
		if step < 12 && 12%step == 0 && m%step == 0 {
			out = append(out, label(i))
		} else if step >= 12 && m == 0 && (d.Year()-y0)%(step/12) == 0 {
			out = append(out, label(i))
		}
	}
	if len(out) == 0 {
		out = out[:0]
		for i := 0; i < len(starts); i += step {
			out = append(out, label(i))
		}
	}
	return out
}

// wholeCrossings are the crossings between totals that may be compared:
// both series whole (complete and covering every need) at both points the
// crossing lies between. A partial total crossing another is no
// break-even: it is not marked.
func wholeCrossings(ss []chartSeries) []chartCrossing {
	exact := make([][]decimal.Decimal, len(ss))
	for i, s := range ss {
		exact[i] = s.exact
	}
	partial := func(s chartSeries, i int) bool {
		if s.partialAt != nil {
			return s.partialAt[i]
		}
		return s.dashed
	}
	var out []chartCrossing
	for _, cr := range crossings(exact) {
		a, b := ss[cr.A], ss[cr.B]
		if partial(a, cr.From) || partial(a, cr.To) || partial(b, cr.From) || partial(b, cr.To) {
			continue
		}
		out = append(out, cr)
	}
	return out
}

// chartCrossing is where the order of two series changes: between point From
// and point To, at fraction Frac of the way.
type chartCrossing struct {
	A, B     int // series indexes
	From, To int
	Frac     float64
}

// crossings finds every change of order between each pair of series (all
// of the same length). Points where two series are equal do not count as a
// change by themselves; the crossing is placed between the last point of
// the old order and the first of the new one.
func crossings(series [][]decimal.Decimal) []chartCrossing {
	var out []chartCrossing
	for a := 0; a < len(series); a++ {
		for b := a + 1; b < len(series); b++ {
			sa, sb := series[a], series[b]
			n := min(len(sa), len(sb))
			lastSign, last := 0, -1
			for i := 0; i < n; i++ {
				d := sa[i].Sub(sb[i])
				sg := d.Sign()
				if sg == 0 {
					continue
				}
				if lastSign != 0 && sg != lastSign {
					d0 := sa[last].Sub(sb[last]).InexactFloat64()
					d1 := d.InexactFloat64()
					frac := d0 / (d0 - d1)
					out = append(out, chartCrossing{A: a, B: b, From: last, To: i, Frac: frac})
				}
				lastSign, last = sg, i
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		return float64(out[i].From)+out[i].Frac < float64(out[j].From)+out[j].Frac
	})
	return out
}

// ---------------------------------------------------------------- layout

// notDrawn is the legend's word for a vendor with no known amount: "不画线"
// on a line chart, "不画柱" on a bar chart.
func notDrawn(o Options, lines bool) string {
	if lines {
		return ctr(o, "不画线", "no line")
	}
	return ctr(o, "不画柱", "no bars")
}

// chartSeries is one vendor's line or bars.
type chartSeries struct {
	id     string
	label  string
	color  drawing.Color
	dashed bool
	// none: no known amount (unknown or not applicable): in the legend
	// only, never drawn as a line or bars at 0.
	none bool
	// thick: the cheapest combination's line, drawn over the others.
	thick bool
	ys    []float64
	exact []decimal.Decimal
	// partialAt says, per point, that the total there is partial
	// (incomplete or not covering every need); nil: dashed says it for
	// every point.
	partialAt []bool
}

// chartLegendItem is one legend entry.
type chartLegendItem struct {
	label  string
	color  drawing.Color
	dashed bool
	bar    bool
	// more: a wrapped label's next line (no swatch of its own).
	more bool
	// none: a series not drawn (no known amount): no swatch.
	none bool
}

// chartFrame is the common layout: title, subtitle, y-axis title, plot box,
// x ticks, legend and footnotes.
type chartFrame struct {
	cv                       *chartCanvas
	title, subtitle, yTitle  string
	titleLines               []string // the title wrapped to the width (two lines at most)
	subLines, noteLines      []string // subtitle and notes wrapped to the width
	xName                    string
	legend                   []chartLegendItem
	notes                    []string
	left, top, right, bottom float64 // plot box
	xmin, xmax, ymin, ymax   float64
	yticks                   []float64
	ystep                    float64
	legendY                  float64
	legendRows               [][]chartLegendPos
	o                        Options
}

type chartLegendPos struct {
	item chartLegendItem
	x, w float64
	row  int
}

func (f *chartFrame) sizes() (title, body, small float64) {
	b := f.cv.base
	return b * 1.35, b, b * 0.9
}

// layout places everything around the plot box; ylo, yhi are the data's
// value range (ticks are chosen to cover it).
func (f *chartFrame) layout(ylo, yhi float64) {
	cv := f.cv
	W, H := float64(cv.w), float64(cv.h)
	ts, bs, ss := f.sizes()
	pad := math.Round(12 * cv.scale)

	f.titleLines = cv.wrap(f.title, ts, W-2*pad, 2)
	y := pad + ts*1.1 + float64(max(0, len(f.titleLines)-1))*ts*1.25
	f.subLines = cv.wrap(f.subtitle, ss, W-2*pad, maxWrapLines)
	if len(f.subLines) > 0 {
		y += ss*1.6 + float64(len(f.subLines)-1)*ss*1.3
	}
	y += bs * 1.7 // y-axis title
	f.top = y + bs*0.6

	// Bottom, from the image's edge up: notes, legend rows, x axis name,
	// tick labels.
	bottom := H - pad
	f.noteLines = nil
	for _, n := range f.notes {
		f.noteLines = append(f.noteLines, cv.wrap(n, ss, W-2*pad, maxWrapLines)...)
	}
	bottom -= float64(len(f.noteLines)) * ss * 1.5
	f.legendRows = f.layoutLegend(pad, W-pad, bs)
	bottom -= float64(len(f.legendRows)) * bs * 1.7
	f.legendY = bottom
	bottom -= bs * 0.6
	if f.xName != "" {
		bottom -= bs * 1.6
	}
	bottom -= bs*1.5 + 6*cv.scale // tick labels and tick marks
	f.bottom = bottom

	plotH := f.bottom - f.top
	n := int(plotH / (bs * 3.2))
	n = max(2, min(n, 9))
	lo := math.Min(0, ylo)
	hi := math.Max(0, yhi)
	f.yticks, f.ystep = niceTicks(lo, hi, n)
	f.ymin, f.ymax = f.yticks[0], f.yticks[len(f.yticks)-1]
	wmax := 0.0
	for _, t := range f.yticks {
		wmax = math.Max(wmax, cv.textWidth(axisMoney(t, f.ystep, f.o), bs))
	}
	f.left = pad + wmax + 8*cv.scale
	f.right = W - pad - bs*1.5
}

func (f *chartFrame) layoutLegend(x0, x1, size float64) [][]chartLegendPos {
	cv := f.cv
	sw := size * 2.2
	gap := size * 1.6
	var rows [][]chartLegendPos
	var row []chartLegendPos
	x := x0
	for _, it := range f.legend {
		w := sw + size*0.5 + cv.textWidth(it.label, size)
		if w > x1-x0 {
			// Too long for a line of its own: its label wraps onto the
			// rows under it, each row the whole width (not centred).
			if len(row) > 0 {
				rows = append(rows, row)
				row, x = nil, x0
			}
			for i, l := range cv.wrap(it.label, size, x1-x0-sw-size*0.5, maxWrapLines) {
				line := it
				line.label, line.more = l, i > 0
				rows = append(rows, []chartLegendPos{{item: line, x: x0, w: x1 - x0, row: len(rows)}})
			}
			continue
		}
		if len(row) > 0 && x+w > x1 {
			rows = append(rows, row)
			row, x = nil, x0
		}
		row = append(row, chartLegendPos{item: it, x: x, w: w, row: len(rows)})
		x += w + gap
	}
	if len(row) > 0 {
		rows = append(rows, row)
	}
	// Centre each row.
	for _, r := range rows {
		last := r[len(r)-1]
		shift := (x1 - (last.x + last.w)) / 2
		for i := range r {
			r[i].x += shift
		}
	}
	return rows
}

func (f *chartFrame) X(v float64) float64 {
	if f.xmax == f.xmin {
		return (f.left + f.right) / 2
	}
	return f.left + (v-f.xmin)/(f.xmax-f.xmin)*(f.right-f.left)
}

func (f *chartFrame) Y(v float64) float64 {
	if f.ymax == f.ymin {
		return f.bottom
	}
	return f.bottom - (v-f.ymin)/(f.ymax-f.ymin)*(f.bottom-f.top)
}

// drawFrame draws title, grid, axes with y ticks, legend and notes; x ticks
// are given as positions in data units with labels.
func (f *chartFrame) drawFrame(xticks []float64, xlabels []string) {
	cv := f.cv
	W := float64(cv.w)
	ts, bs, ss := f.sizes()
	pad := math.Round(12 * cv.scale)

	y := pad + ts
	for i, l := range f.titleLines {
		if i > 0 {
			y += ts * 1.25
		}
		cv.text(l, W/2, y, ts, cv.th.text, alignCenter)
	}
	y += ts * 0.1
	for i, l := range f.subLines {
		y += ss * 1.3
		if i == 0 {
			y += ss * 0.3
		}
		cv.text(l, W/2, y, ss, cv.th.subtle, alignCenter)
	}
	cv.text(f.yTitle, f.left-8*cv.scale, f.top-bs*1.1, bs, cv.th.subtle, alignLeft)

	// Grid and y ticks.
	lw := math.Max(1, cv.scale)
	for _, t := range f.yticks {
		yy := f.Y(t)
		col := cv.th.grid
		if t == 0 {
			col = cv.th.axis
		}
		cv.line(f.left, yy, f.right, yy, col, lw, nil)
		cv.text(axisMoney(t, f.ystep, f.o), f.left-8*cv.scale, yy+bs*0.35, bs, cv.th.text, alignRight)
	}
	cv.line(f.left, f.top, f.left, f.bottom, cv.th.axis, lw, nil)
	cv.line(f.left, f.bottom, f.right, f.bottom, cv.th.axis, lw, nil)

	// X ticks.
	tl := 5 * cv.scale
	for i, t := range xticks {
		xx := f.X(t)
		cv.line(xx, f.bottom, xx, f.bottom+tl, cv.th.axis, lw, nil)
		// A label centred on a tick at the edge keeps inside the image
		// ("10,000,000,000" under the last tick was cut at the right).
		half := cv.textWidth(xlabels[i], bs) / 2
		lx := math.Max(pad+half, math.Min(W-pad-half, xx))
		cv.text(xlabels[i], lx, f.bottom+tl+bs*1.15, bs, cv.th.text, alignCenter)
	}
	if f.xName != "" {
		cv.text(cv.fit(f.xName, bs, f.right-f.left), (f.left+f.right)/2, f.bottom+tl+bs*2.8, bs, cv.th.subtle, alignCenter)
	}

	// Legend.
	for ri, row := range f.legendRows {
		cy := f.legendY + float64(ri)*bs*1.7 + bs*0.85
		for _, p := range row {
			sw := bs * 2.2
			if p.item.more || p.item.none {
				// the next line of a wrapped label, or a series not
				// drawn: no swatch (its label says why)
			} else if p.item.bar {
				fill := p.item.color
				if p.item.dashed {
					fill = fill.WithAlpha(120)
				}
				cv.rect(p.x, cy-bs*0.45, p.x+sw, cy+bs*0.45, fill)
				if p.item.dashed {
					cv.outline(p.x, cy-bs*0.45, p.x+sw, cy+bs*0.45, p.item.color, lw, []float64{3 * cv.scale, 2 * cv.scale})
				}
			} else {
				var dash []float64
				if p.item.dashed {
					dash = []float64{math.Round(5 * cv.scale), math.Round(3 * cv.scale)}
				}
				cv.line(p.x, cy, p.x+sw, cy, p.item.color, 2.5*cv.scale, dash)
			}
			cv.text(p.item.label, p.x+sw+bs*0.5, cy+bs*0.36, bs, cv.th.text, alignLeft)
		}
	}
	ny := float64(cv.h) - pad - float64(len(f.noteLines))*ss*1.5 + ss*1.1
	for _, n := range f.noteLines {
		cv.text(n, W/2, ny, ss, cv.th.subtle, alignCenter)
		ny += ss * 1.5
	}
}

// ---------------------------------------------------------------- cumulative & monthly

func horizonText(c *pricing.Comparison, o Options) string {
	if len(c.MonthStarts) == 0 {
		return ""
	}
	first := c.MonthStarts[0].String()[:7]
	last := c.MonthStarts[len(c.MonthStarts)-1].String()[:7]
	s := ctr(o, fmt.Sprintf("%s 至 %s，%d 个月，现金支出（人民币元）", first, last, c.Months),
		fmt.Sprintf("%s to %s, %s, cash paid (CNY)", first, last, wording.CountEN(c.Months, "month")))
	if c.ExcludesVAT {
		s += ctr(o, "，不含税（÷ 1.06）", ", net of VAT (÷ 1.06)")
	}
	// The prices' age beside the totals they make.
	if d := wording.PriceDates(o.Lang, c); d != "" {
		s += ctr(o, "；", "; ") + d
	}
	return s
}

func comparisonSeries(c *pricing.Comparison, cumulative bool, o Options) []chartSeries {
	var out []chartSeries
	for _, r := range c.Vendors {
		s := chartSeries{id: r.Vendor, color: VendorColor(r.Vendor), dashed: !r.Complete || !r.Covers}
		s.label = wording.VendorName(r, o.Lang)
		bound := wording.BoundOf(r)
		// Unpriced is not 0, uncovered is not free: a vendor with no
		// known amount (nothing needed priced, or serving none of the
		// needs) gets no line or bars, only its legend entry saying so.
		// (or not computed, past 10^15 元)
		s.none = bound == wording.Unknown || bound == wording.NotApplicable || bound == wording.NotComputed
		if cumulative || s.none {
			s.label += " · " + wording.Amount(o.Lang, r.Total, bound)
		}
		if r.Vendor == wording.CheapestWhole(c) {
			s.label += ctr(o, "（"+wording.CheapestOf(o.Lang, r)+"）", " ("+wording.CheapestOf(o.Lang, r)+")")
		}
		if r.PastLimit == nil { // "not computed" says it all: it is not "incomplete"
			s.label += statusSuffix(r.Complete, r.Covers, r.Unpriced, r.Uncovered, o)
		}
		if s.none {
			s.label += " · " + notDrawn(o, cumulative)
		}
		run := decimal.Zero
		for _, m := range r.Monthly {
			v := m
			if cumulative {
				run = run.Add(m)
				v = run
			}
			s.exact = append(s.exact, v)
			s.ys = append(s.ys, v.InexactFloat64())
		}
		out = append(out, s)
	}
	// The cheapest way to cover everything, when it takes more than one
	// vendor, is a line of its own (a single vendor's is already drawn).
	if best := c.BestCombination(); best != nil && len(best.Parts) > 1 {
		s := chartSeries{id: "combination", thick: true}
		s.label = ctr(o, "最便宜组合：", "Cheapest combination: ") + wording.CombinationText(o.Lang, best)
		if cumulative {
			s.label += " · " + wording.Amount(o.Lang, best.Total, wording.Exact)
		}
		run := decimal.Zero
		for _, m := range best.Monthly {
			v := m
			if cumulative {
				run = run.Add(m)
				v = run
			}
			s.exact = append(s.exact, v)
			s.ys = append(s.ys, v.InexactFloat64())
		}
		out = append(out, s)
	}
	return out
}

// ---------------------------------------------------------------- combinations

// maxChartCombinations is how many combinations the combination chart shows.
const maxChartCombinations = 5

// drawCombinations draws the best few combinations as stacked bars, one
// segment per vendor in its colour with its share of the total.
func drawCombinations(cv *chartCanvas, c *pricing.Comparison, o Options) {
	W, H := float64(cv.w), float64(cv.h)
	ts, bs, ss := cv.base*1.35, cv.base, cv.base*0.9
	pad := math.Round(12 * cv.scale)
	title := ctr(o, "厂商组合 — 各部分占总额的比例", "Combinations of vendors — each part's share")
	if c.Scenario != "" {
		title += " — " + c.Scenario
	}
	// The title (with the scenario's name), the horizon and the price
	// dates wrap as the other charts' texts do (at the window's width the
	// subtitle was cut after "Huawei 2023…").
	y := pad
	for i, ln := range cv.wrap(title, ts, W-2*pad, 2) {
		if i == 0 {
			y += ts
		} else {
			y += ts * 1.25
		}
		cv.text(ln, W/2, y, ts, cv.th.text, alignCenter)
	}
	y += ss * 0.2
	for _, ln := range cv.wrap(horizonText(c, o), ss, W-2*pad, maxWrapLines) {
		y += ss * 1.5
		cv.text(ln, W/2, y, ss, cv.th.subtle, alignCenter)
	}
	for _, ln := range cv.wrap(wording.Answer(o.Lang, c), ss, W-2*pad, maxWrapLines) {
		y += ss * 1.5
		cv.text(ln, W/2, y, ss, cv.th.text, alignCenter)
	}
	top := y + bs*1.4
	bottom := H - pad
	cbs := c.Combinations
	if len(cbs) > maxChartCombinations {
		cbs = cbs[:maxChartCombinations]
	}
	if len(cbs) == 0 {
		cv.message([]string{ctr(o, "没有完整定价、覆盖全部需求的厂商组合", "No combination of vendors covers everything at known prices")}, pad, top, W-pad, bottom)
		return
	}
	best := cbs[0].Total
	labels := make([]string, len(cbs))
	texts := make([]string, len(cbs))
	textW, maxTotal := 0.0, 0.0
	for i := range cbs {
		labels[i] = fmt.Sprintf("%d. ", i+1) + wording.CombinationText(o.Lang, &cbs[i])
		texts[i] = wording.Amount(o.Lang, cbs[i].Total, wording.Exact)
		if g := wording.Gap(o.Lang, cbs[i].Total, best); g != "" {
			texts[i] += "  " + g
		}
		textW = math.Max(textW, cv.textWidth(texts[i], ss))
		maxTotal = math.Max(maxTotal, cbs[i].Total.InexactFloat64())
	}
	rowH := math.Min(bs*4.2, (bottom-top)/float64(len(cbs)))
	barLeft, barMax := pad, W-pad-textW-bs
	lw := math.Max(1, cv.scale)
	for i := range cbs {
		cb := &cbs[i]
		ty := top + rowH*float64(i) + ss
		cv.text(cv.fit(labels[i], ss, W-2*pad), barLeft, ty, ss, cv.th.text, alignLeft)
		y0, y1 := ty+ss*0.4, top+rowH*float64(i+1)-bs*0.5
		// A part too narrow for its name and share is named in a key
		// under the bar, in its colour ("Chatopera 3%" was drawn nowhere).
		type keyed struct {
			text  string
			color drawing.Color
		}
		var key []keyed
		widths := make([]float64, len(cb.Parts))
		segs := make([]string, len(cb.Parts))
		for k, p := range cb.Parts {
			if maxTotal > 0 {
				widths[k] = (barMax - barLeft) * p.Result.Total.InexactFloat64() / maxTotal
			}
			share := ""
			if !cb.Total.IsZero() {
				share = p.Result.Total.Div(cb.Total).Mul(decimal.NewFromInt(100)).StringFixed(0) + "%"
			}
			segs[k] = wording.ShortVendorName(o.Lang, p.Vendor) + " " + share
			if cv.textWidth(segs[k], ss) >= widths[k]-bs*0.5 {
				key = append(key, keyed{segs[k], VendorColor(p.Vendor)})
			}
		}
		keyY := 0.0
		if len(key) > 0 {
			y1 = math.Max(y0+ss*0.8, y1-ss*1.6)
			keyY = y1 + ss*1.15
		}
		x := barLeft
		for k, p := range cb.Parts {
			w := widths[k]
			cv.rect(x, y0, x+w, y1, VendorColor(p.Vendor))
			cv.line(x+w, y0, x+w, y1, cv.th.bg, lw, nil)
			if cv.textWidth(segs[k], ss) < w-bs*0.5 {
				cv.text(segs[k], x+w/2, (y0+y1)/2+ss*0.36, ss, drawing.ColorWhite, alignCenter)
			}
			x += w
		}
		cv.text(texts[i], x+bs*0.5, (y0+y1)/2+ss*0.36, ss, cv.th.text, alignLeft)
		kx := barLeft
		for _, kd := range key {
			sq := ss * 0.8
			cv.rect(kx, keyY-sq, kx+sq, keyY, kd.color)
			cv.text(kd.text, kx+sq+ss*0.4, keyY, ss, cv.th.text, alignLeft)
			kx += sq + ss*0.4 + cv.textWidth(kd.text, ss) + ss*1.2
		}
	}
}

func drawTimeChart(cv *chartCanvas, c *pricing.Comparison, cumulative bool, o Options) {
	ss := comparisonSeries(c, cumulative, o)
	for i := range ss {
		if ss[i].thick {
			ss[i].color = cv.th.text // the text colour: apart from every vendor's, in both themes
		}
	}
	f := &chartFrame{cv: cv, o: o}
	name := c.Scenario
	if cumulative {
		f.title = ctr(o, "累计现金支出", "Cumulative cash paid")
		f.yTitle = ctr(o, "累计支出", "Cumulative")
	} else {
		f.title = ctr(o, "每月现金支出", "Cash paid per month")
		f.yTitle = ctr(o, "当月支出", "Per month")
	}
	if name != "" {
		f.title += " — " + name
	}
	f.subtitle = horizonText(c, o)
	anyDashed := false
	ylo, yhi := 0.0, 0.0
	all := ss
	ss = nil
	for _, s := range all {
		f.legend = append(f.legend, chartLegendItem{label: s.label, color: s.color, dashed: s.dashed, bar: !cumulative, none: s.none})
		if s.none {
			continue
		}
		ss = append(ss, s)
		anyDashed = anyDashed || s.dashed
		for _, v := range s.ys {
			ylo, yhi = math.Min(ylo, v), math.Max(yhi, v)
		}
	}
	var cross []chartCrossing
	if cumulative {
		cross = wholeCrossings(ss)
	}
	f.notes = chartNotes(o, anyDashed, !cumulative, len(cross) > 0)
	if cumulative && !o.NoLeads {
		// Break-even over time in words, as under the window's chart.
		if l := wording.LeadsText(o.Lang, c); l != "" {
			f.notes = append([]string{l}, f.notes...)
		}
	}
	f.layout(ylo, yhi)
	n := c.Months
	if n < 1 {
		n = len(c.MonthStarts)
	}
	if cumulative && n > 1 {
		f.xmin, f.xmax = 0, float64(n-1)
	} else {
		f.xmin, f.xmax = -0.5, float64(n)-0.5
	}
	labelW := cv.textWidth("2027-01", f.cv.base)
	mt := monthTicks(c.MonthStarts, monthStep(len(c.MonthStarts), f.right-f.left, labelW))
	var xt []float64
	var xl []string
	for _, t := range mt {
		xt = append(xt, float64(t.Index))
		xl = append(xl, t.Label)
	}
	f.drawFrame(xt, xl)

	if len(all) == 0 {
		cv.message([]string{ctr(o, "没有启用的供应商", "No vendor is enabled")}, f.left, f.top, f.right, f.bottom)
		return
	}
	if len(ss) == 0 {
		cv.message([]string{ctr(o, "没有已知金额可画：每个供应商都没有已知价格或不适用", "No known amount to draw: every vendor is unpriced or not applicable"),
			ctr(o, "（未定价不是 0 元）", "(unpriced is not 0)")}, f.left, f.top, f.right, f.bottom)
		return
	}
	if yhi == 0 && ylo == 0 {
		msg := ctr(o, "所有供应商在此期间的支出都是 0 元", "Every vendor's cash is 0 over the whole horizon")
		if len(ss) < len(all) {
			msg = ctr(o, "有已知金额的供应商在此期间的支出都是 0 元", "Every vendor with a known amount pays 0 over the whole horizon")
		}
		cv.message([]string{msg, ctr(o, "（没有需要购买的项目）", "(nothing to buy for this scenario)")}, f.left, f.top, f.right, f.bottom)
		return
	}
	if cumulative {
		drawLines(cv, f, ss, nil)
		drawCrossings(cv, f, ss, nil, cross, func(cr chartCrossing) string { return c.MonthStarts[cr.To].String()[:7] })
	} else {
		drawBars(cv, f, ss)
	}
}

// drawLines draws each series as a line (dots when there is one point);
// xs are the x values (nil: 0, 1, 2, …).
func drawLines(cv *chartCanvas, f *chartFrame, ss []chartSeries, xs []float64) {
	x := func(i int) float64 {
		if xs == nil {
			return float64(i)
		}
		return xs[i]
	}
	lw := 2.5 * cv.scale
	// Dashed (not comparable) lines first, so that real totals stay on top.
	order := make([]int, 0, len(ss))
	for i, s := range ss {
		if s.dashed {
			order = append(order, i)
		}
	}
	for i, s := range ss {
		if !s.dashed {
			order = append(order, i)
		}
	}
	for _, i := range order {
		s := ss[i]
		var dash []float64
		if s.dashed {
			dash = cv.dash()
		}
		w := lw
		if s.thick {
			w = lw * 1.6
		}
		// A point with no known amount (NaN) is a gap: the line stops
		// and starts again; a point alone between gaps is a dot.
		var pts [][2]float64
		flush := func() {
			if len(pts) == 1 {
				cv.dot(pts[0][0], pts[0][1], 4*cv.scale, s.color, s.color, 1)
			} else {
				cv.polyline(pts, s.color, w, dash)
			}
			pts = nil
		}
		for j, v := range s.ys {
			if math.IsNaN(v) {
				flush()
				continue
			}
			pts = append(pts, [2]float64{f.X(x(j)), f.Y(v)})
		}
		flush()
	}
}

// drawCrossings marks where two lines change order: a ring at the crossing
// and, where there is room, a label.
func drawCrossings(cv *chartCanvas, f *chartFrame, ss []chartSeries, xs []float64, cross []chartCrossing, label func(chartCrossing) string) {
	x := func(i int) float64 {
		if xs == nil {
			return float64(i)
		}
		return xs[i]
	}
	_, _, small := f.sizes()
	var placed [][4]float64
	for _, cr := range cross {
		a := ss[cr.A]
		px0, px1 := x(cr.From), x(cr.To)
		xv := px0 + cr.Frac*(px1-px0)
		yv := a.ys[cr.From] + cr.Frac*(a.ys[cr.To]-a.ys[cr.From])
		X, Y := f.X(xv), f.Y(yv)
		cv.dot(X, Y, 4.5*cv.scale, cv.th.bg, cv.th.text, 1.6*cv.scale)
		if len(cross) > 8 {
			continue
		}
		l := label(cr)
		w := cv.textWidth(l, small)
		box := [4]float64{X - w/2, Y - 8*cv.scale - small, X + w/2, Y - 8*cv.scale}
		if box[0] < f.left || box[2] > f.right || box[1] < f.top {
			box = [4]float64{X - w/2, Y + 8*cv.scale, X + w/2, Y + 8*cv.scale + small}
		}
		overlap := false
		for _, p := range placed {
			if box[0] < p[2]+4 && p[0] < box[2]+4 && box[1] < p[3]+2 && p[1] < box[3]+2 {
				overlap = true
				break
			}
		}
		if overlap || box[0] < f.left || box[2] > f.right {
			continue
		}
		placed = append(placed, box)
		cv.text(l, box[0], box[3]-small*0.15, small, cv.th.subtle, alignLeft)
	}
}

// drawBars draws grouped bars, one group per month; when bars would be
// thinner than 2 pixels it draws lines instead.
func drawBars(cv *chartCanvas, f *chartFrame, ss []chartSeries) {
	n := len(ss[0].ys)
	slot := (f.right - f.left) / float64(n)
	group := slot * 0.8
	bw := group / float64(len(ss))
	if bw < 2 {
		drawLines(cv, f, ss, nil)
		return
	}
	y0 := f.Y(0)
	for i, s := range ss {
		fill := s.color
		if s.dashed {
			fill = fill.WithAlpha(120)
		}
		for j, v := range s.ys {
			if v == 0 {
				continue
			}
			x0 := f.X(float64(j)) - group/2 + float64(i)*bw
			x1 := x0 + bw - math.Min(1, bw*0.15)
			y1 := f.Y(v)
			if math.Abs(y1-y0) < 1 { // keep tiny amounts visible
				y1 = y0 - 1
			}
			cv.rect(x0, y1, x1, y0, fill)
			if s.dashed && bw >= 4 {
				cv.outline(x0, y1, x1, y0, s.color, 1, []float64{3, 2})
			}
		}
	}
}

// ---------------------------------------------------------------- breakdown

func BreakdownVendor(c *pricing.Comparison, id string) (*pricing.Result, error) {
	if len(c.Vendors) == 0 {
		return nil, errors.New("breakdown: the comparison has no vendor (every vendor is disabled)")
	}
	if id == "" {
		id = c.Cheapest
	}
	if id == "" {
		return c.Vendors[0], nil
	}
	var have []string
	for _, r := range c.Vendors {
		if r.Vendor == id {
			return r, nil
		}
		have = append(have, r.Vendor)
	}
	return nil, fmt.Errorf("breakdown: vendor %q is not in the comparison (have: %s)", id, strings.Join(have, ", "))
}

type chartBarRow struct {
	label  string
	amount float64
	text   string
	priced bool
}

func drawBreakdown(cv *chartCanvas, c *pricing.Comparison, o Options) error {
	r, err := BreakdownVendor(c, o.Vendor)
	if err != nil {
		return err
	}
	W, H := float64(cv.w), float64(cv.h)
	ts, bs, ss := cv.base*1.35, cv.base, cv.base*0.9
	pad := math.Round(12 * cv.scale)

	title := ctr(o, "费用构成 — ", "Cost breakdown — ") + wording.VendorName(r, o.Lang)
	if plan := ctr(o, r.PlanName, r.Plan); plan != "" { // plan names are Chinese only
		title += ctr(o, "（"+plan+"）", " ("+plan+")")
	}
	total := wording.Bounded(o.Lang, wording.BoundOf(r), wording.Money(r.Total)+ctr(o, " 元", " CNY"))
	sub := ctr(o, fmt.Sprintf("%s · %d 个月合计 %s", c.Scenario, c.Months, total),
		fmt.Sprintf("%s · %d-month total %s", c.Scenario, c.Months, total))
	if c.ExcludesVAT {
		sub += ctr(o, "，不含税（÷ 1.06）", ", net of VAT (÷ 1.06)")
	}
	if r.PastLimit == nil {
		sub += statusSuffix(r.Complete, r.Covers, r.Unpriced, r.Uncovered, o)
	}
	// Title and subtitle wrap rather than end in "…" in a narrow chart.
	y := pad + ts
	for i, l := range cv.wrap(title, ts, W-2*pad, 2) {
		if i > 0 {
			y += ts * 1.25
		}
		cv.text(l, W/2, y, ts, cv.th.text, alignCenter)
	}
	y += ss * 0.2
	for _, l := range cv.wrap(sub, ss, W-2*pad, maxWrapLines) {
		y += ss * 1.5
		cv.text(l, W/2, y, ss, cv.th.subtle, alignCenter)
	}
	top := y + bs*1.6

	var rows []chartBarRow
	anyAssumption := false
	for _, l := range r.Lines {
		label := l.Label
		if o.en() && l.LabelEN != "" {
			label = l.LabelEN
		}
		if label == "" {
			label = l.Item
		}
		if l.Assumption {
			label += " *"
			anyAssumption = true
		}
		br := chartBarRow{label: label, priced: l.Priced()}
		if br.priced {
			br.amount = l.Amount.InexactFloat64()
			br.text = wording.Money(*l.Amount) + ctr(o, " 元", "")
			if o.en() {
				br.text = "¥" + br.text
			}
			if !r.Total.IsZero() {
				pct := l.Amount.Div(r.Total).Mul(decimal.NewFromInt(100))
				br.text += fmt.Sprintf("  (%s%%)", pct.StringFixed(1))
			}
		} else {
			br.text = ctr(o, "未定价", "unpriced")
		}
		rows = append(rows, br)
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].priced != rows[j].priced {
			return rows[i].priced
		}
		return rows[i].amount > rows[j].amount
	})

	var notes []string
	if anyAssumption {
		notes = append(notes, ctr(o, "* 基于对价格文件的解释或假设，详见报告", "* rests on an interpretation or assumption; see the report"))
	}
	if !r.Complete {
		notes = append(notes, ctr(o, "未定价：没有已知价格，合计不含这些项目；可在场景里填入报价",
			"Unpriced: no known price, left out of the total; enter a quote in the scenario"))
	}
	var noteLines []string
	for _, n := range notes {
		noteLines = append(noteLines, cv.wrap(n, ss, W-2*pad, maxWrapLines)...)
	}
	bottom := H - pad - float64(len(noteLines))*ss*1.5
	ny := bottom + ss*1.1
	for _, n := range noteLines {
		cv.text(n, W/2, ny, ss, cv.th.subtle, alignCenter)
		ny += ss * 1.5
	}
	if len(rows) == 0 {
		msg := ctr(o, "这个场景在此方案下没有需要购买的项目（合计 0 元）", "Nothing to buy from this vendor for this scenario (total 0)")
		switch wording.BoundOf(r) {
		case wording.NotComputed:
			// Past 10^15 元: no amount, and why.
			msg = wording.Sentence(wording.Status(o.Lang, r))
		case wording.NotApplicable:
			// Serving none of the needs is no price of 0.
			msg = ctr(o, "不适用：这家供应商不提供本方案所需的任何服务，没有可画的费用", "Not applicable: this vendor serves none of this scenario's needs; no cost to draw")
		}
		cv.message([]string{msg}, pad, top, W-pad, bottom)
		return nil
	}

	// Rows: as tall as fits, between 1.3× and 2.4× the font; when even the
	// smallest rows do not fit, the smallest items are grouped as "others".
	avail := bottom - top - bs*0.5
	maxRows := int(avail / (bs * 1.3))
	if maxRows < 1 {
		maxRows = 1
	}
	if len(rows) > maxRows {
		keep := rows[:maxRows-1]
		other := chartBarRow{priced: true}
		unpriced := 0
		for _, br := range rows[maxRows-1:] {
			if br.priced {
				other.amount += br.amount
			} else {
				unpriced++
			}
		}
		n := len(rows) - (maxRows - 1)
		other.label = ctr(o, fmt.Sprintf("其他 %d 项", n), fmt.Sprintf("%d other items", n))
		other.text = groupFloat(other.amount, 2) + ctr(o, " 元", "")
		if unpriced > 0 {
			other.text += ctr(o, fmt.Sprintf("，另有 %d 项未定价", unpriced), fmt.Sprintf(", %d unpriced", unpriced))
		}
		rows = append(append([]chartBarRow{}, keep...), other)
	}
	rowH := math.Min(bs*2.6, avail/float64(len(rows)))
	labelW := 0.0
	for _, br := range rows {
		labelW = math.Max(labelW, cv.textWidth(br.label, bs))
	}
	labelW = math.Min(labelW, W*0.38)
	textW := 0.0
	for _, br := range rows {
		textW = math.Max(textW, cv.textWidth(br.text, bs))
	}
	barLeft := pad + labelW + bs
	barMax := W - pad - textW - bs
	if barMax-barLeft < W*0.2 {
		barMax = barLeft + W*0.2
	}
	maxAmount := 0.0
	for _, br := range rows {
		maxAmount = math.Max(maxAmount, br.amount)
	}
	col := VendorColor(r.Vendor)
	lw := math.Max(1, cv.scale)
	cv.line(barLeft, top, barLeft, top+rowH*float64(len(rows)), cv.th.axis, lw, nil)
	for i, br := range rows {
		cy := top + rowH*(float64(i)+0.5)
		cv.rowLabel(br.label, bs, labelW, barLeft-bs*0.6, cy, rowH, cv.th.text)
		x1 := barLeft
		if br.priced && maxAmount > 0 {
			x1 = barLeft + (barMax-barLeft)*br.amount/maxAmount
			if br.amount > 0 && x1-barLeft < 2 {
				x1 = barLeft + 2
			}
			cv.rect(barLeft, cy-rowH*0.32, x1, cy+rowH*0.32, col)
		}
		tc := cv.th.text
		if !br.priced {
			tc = cv.th.subtle
			cv.outline(barLeft+1, cy-rowH*0.32, barLeft+bs*3, cy+rowH*0.32, cv.th.subtle, 1, []float64{3, 2})
			x1 = barLeft + bs*3
		}
		cv.text(br.text, x1+bs*0.5, cy+bs*0.36, bs, tc, alignLeft)
	}
	return nil
}

// ---------------------------------------------------------------- breakeven

func drawBreakeven(cv *chartCanvas, s *scenarios.Scenario, field string, current int64, points []pricing.SweepPoint, o Options) {
	cat, _ := pricing.LoadCatalog() // Sweep succeeded, so the catalog loads
	names := map[string]string{}
	if cat != nil {
		for _, v := range cat.Vendors {
			names[v.ID] = ctr(o, v.Name, v.NameEN)
		}
	}
	// The x axis spans every value swept; the lines join the points
	// computed. A point the engine refused (past a limit) is left out of
	// the lines and named in a note with the reason.
	lo, hi := 0.0, 0.0
	if len(points) > 0 {
		lo, hi = float64(points[0].Value), float64(points[len(points)-1].Value)
	}
	var refused []pricing.SweepPoint
	var computed []pricing.SweepPoint
	for _, p := range points {
		if p.Refused != nil {
			refused = append(refused, p)
		} else {
			computed = append(computed, p)
		}
	}
	points = computed
	// Vendors in the order of the first point (all points have the same).
	var ids []string
	if len(points) > 0 {
		for _, v := range points[0].Vendors {
			ids = append(ids, v.Vendor)
		}
	}
	xs := make([]float64, len(points))
	for i, p := range points {
		xs[i] = float64(p.Value)
	}
	var ss []chartSeries
	ylo, yhi := 0.0, 0.0
	for _, id := range ids {
		sr := chartSeries{id: id, color: VendorColor(id), label: names[id]}
		if sr.label == "" {
			sr.label = id
		}
		complete, covers := true, true
		known := 0
		for _, p := range points {
			for _, v := range p.Vendors {
				if v.Vendor == id {
					sr.partialAt = append(sr.partialAt, !v.Complete || !v.Covers)
					sr.exact = append(sr.exact, v.Total)
					f := v.Total.InexactFloat64()
					if v.Total.IsZero() && (!v.Complete || !v.Covers) {
						// No known amount at this value (nothing
						// needed priced, or serving none of the
						// needs): a gap in the line, not a 0.
						f = math.NaN()
					} else {
						known++
						ylo, yhi = math.Min(ylo, f), math.Max(yhi, f)
					}
					sr.ys = append(sr.ys, f)
					complete = complete && v.Complete
					covers = covers && v.Covers
				}
			}
		}
		if len(sr.ys) != len(points) {
			continue
		}
		sr.dashed = !complete || !covers
		sr.none = known == 0 && len(points) > 0
		if !complete {
			sr.label += ctr(o, "（"+wording.Incomplete(o.Lang, 0)+"）", " ("+wording.Incomplete(o.Lang, 0)+")")
		}
		if !covers {
			sr.label += ctr(o, "（"+wording.NotCovering(o.Lang, nil)+"）", " ("+wording.NotCovering(o.Lang, nil)+")")
		}
		if sr.none {
			sr.label += " · " + ctr(o, "没有已知金额", "no known amount") + " · " + notDrawn(o, true)
		} else if known < len(points) {
			sr.label += " · " + ctr(o, "无已知金额处断开", "gaps: no known amount")
		}
		ss = append(ss, sr)
	}
	f := &chartFrame{cv: cv, o: o}
	fl := fieldLabel(field, o)
	f.title = ctr(o, "盈亏平衡：总成本随"+fl+"变化", "Break-even: total cost vs "+fl)
	if s.Name != "" {
		f.title += " — " + s.Name
	}
	f.subtitle = ctr(o, fmt.Sprintf("%d 个月现金支出合计（人民币元）", s.Months), "Total cash over "+wording.CountEN(s.Months, "month")+" (CNY)")
	if o.NetOfVAT {
		f.subtitle += ctr(o, "，不含税（÷ 1.06）", ", net of VAT (÷ 1.06)")
	}
	f.subtitle += ctr(o, "；其他需求不变", "; every other need unchanged")
	// The sweep keeps the field's dated changes (the tornado moves them):
	// said, with the dates and values, when there are any.
	if kept := wording.SweepKeepsChanges(o.Lang, s, field); kept != "" {
		f.subtitle += ctr(o, "；", "; ") + kept
	}
	f.yTitle = ctr(o, "总成本", "Total")
	// Words only in Chinese; English keeps the id --field takes.
	f.xName = ctr(o, fl, fl+" ("+field+")")
	anyDashed := false
	all := ss
	ss = nil
	for _, sr := range all {
		f.legend = append(f.legend, chartLegendItem{label: sr.label, color: sr.color, dashed: sr.dashed, none: sr.none})
		if !sr.none {
			ss = append(ss, sr)
			anyDashed = anyDashed || sr.dashed
		}
	}
	cross := wholeCrossings(ss)
	f.notes = chartNotes(o, anyDashed, false, len(cross) > 0)
	if len(refused) > 0 {
		var vals []string
		for _, p := range refused {
			vals = append(vals, wording.GroupDigits(strconv.FormatInt(p.Value, 10)))
		}
		at, atEN := strings.Join(vals, "、"), strings.Join(vals, ", ")
		if n := len(vals); n > 3 {
			at = fmt.Sprintf("%s … %s（共 %d 个）", vals[0], vals[n-1], n)
			atEN = fmt.Sprintf("%s … %s (%d values)", vals[0], vals[n-1], n)
		}
		f.notes = append(f.notes, ctr(o, "无法计算（未画出）的取值："+at+"。原因：", "Not computable (not drawn) at "+atEN+". Why: ")+
			refusalText(o, refused[0].Refused))
	}
	f.layout(ylo, yhi)
	if hi <= lo {
		lo, hi = lo-1, hi+1
	}
	// The x axis spans exactly the swept values; round ticks inside it.
	// As many ticks as the widest label leaves room for (a label at
	// 10,000,000,000 is twice the width of one at 10,000).
	_, bs, _ := f.sizes()
	labelW := math.Max(cv.base*7, cv.textWidth(groupFloat(math.Max(math.Abs(lo), math.Abs(hi)), 0), bs)+cv.base*2)
	nice, xstep := niceTicks(lo, hi, max(2, min(10, int((f.right-f.left)/labelW))))
	f.xmin, f.xmax = lo, hi
	var xt []float64
	for _, t := range nice {
		if t >= lo-1e-9 && t <= hi+1e-9 {
			xt = append(xt, t)
		}
	}
	if len(xt) < 2 {
		xt, xstep = []float64{lo, hi}, 1
	}
	var xl []string
	for _, t := range xt {
		xl = append(xl, groupFloat(t, decimalsFor(xstep)))
	}
	f.drawFrame(xt, xl)
	// One value computed (or none) is nothing to compare: never "every
	// vendor costs 0" because the one point drawn is at 0 (reviewer R18).
	if len(points) == 0 {
		cv.message([]string{ctr(o, "没有一个取值可以计算：无从比较", "No value could be computed: nothing to compare")}, f.left, f.top, f.right, f.bottom)
		return
	}
	if len(all) == 0 {
		cv.message([]string{ctr(o, "没有启用的供应商", "No vendor is enabled")}, f.left, f.top, f.right, f.bottom)
		return
	}
	if len(points) == 1 {
		v := wording.GroupDigits(strconv.FormatInt(points[0].Value, 10))
		cv.message([]string{ctr(o, "只算出了 "+v+" 这一个取值：无从比较", "Only one value could be computed ("+v+"): nothing to compare")}, f.left, f.top, f.right, f.bottom)
		return
	}
	if float64(current) >= f.xmin && float64(current) <= f.xmax {
		X := f.X(float64(current))
		cv.line(X, f.top, X, f.bottom, cv.th.axis, math.Max(1, cv.scale), []float64{2 * cv.scale, 3 * cv.scale})
		_, _, small := f.sizes()
		cv.text(ctr(o, "当前 ", "now ")+wording.GroupDigits(strconv.FormatInt(current, 10)), X+4*cv.scale, f.top+small, small, cv.th.subtle, alignLeft)
	}
	if len(ss) == 0 {
		cv.message([]string{ctr(o, "没有已知金额可画：每个供应商都没有已知价格或不适用", "No known amount to draw: every vendor is unpriced or not applicable"),
			ctr(o, "（未定价不是 0 元）", "(unpriced is not 0)")}, f.left, f.top, f.right, f.bottom)
		return
	}
	if yhi == 0 && ylo == 0 {
		msg := ctr(o, "所有供应商在这些取值下的总成本都是 0 元", "Every vendor's total is 0 at these values")
		if len(ss) < len(all) {
			msg = ctr(o, "有已知金额的供应商在这些取值下的总成本都是 0 元", "Every vendor with a known amount totals 0 at these values")
		}
		cv.message([]string{msg}, f.left, f.top, f.right, f.bottom)
		return
	}
	drawLines(cv, f, ss, xs)
	drawCrossings(cv, f, ss, xs, cross, func(cr chartCrossing) string {
		v := xs[cr.From] + cr.Frac*(xs[cr.To]-xs[cr.From])
		return "≈ " + groupFloat(math.Round(v), 0)
	})
}

// Command genicon draws kefucost's application icon, assets/icon.png: a
// rounded blue square holding a white speech bubble with a rising bar chart.
// It is deterministic (same binary, same bytes), so the icon can be
// regenerated at any time:
//
//	go run ./scripts/genicon            # writes assets/icon.png
//	go run ./scripts/genicon -o x.png -size 256
package main

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"os"
)

// shape reports whether the point (x, y), in units of the icon's side
// (0..1), lies inside.
type shape func(x, y float64) bool

// roundRect is an axis-aligned rectangle with corner radius r.
func roundRect(x0, y0, x1, y1, r float64) shape {
	return func(x, y float64) bool {
		if x < x0 || x > x1 || y < y0 || y > y1 {
			return false
		}
		cx := math.Max(x0+r, math.Min(x, x1-r))
		cy := math.Max(y0+r, math.Min(y, y1-r))
		return (x-cx)*(x-cx)+(y-cy)*(y-cy) <= r*r
	}
}

// triangle is the triangle a, b, c (any winding).
func triangle(ax, ay, bx, by, cx, cy float64) shape {
	side := func(px, py, qx, qy, x, y float64) float64 { return (qx-px)*(y-py) - (qy-py)*(x-px) }
	return func(x, y float64) bool {
		d1 := side(ax, ay, bx, by, x, y)
		d2 := side(bx, by, cx, cy, x, y)
		d3 := side(cx, cy, ax, ay, x, y)
		neg := d1 < 0 || d2 < 0 || d3 < 0
		pos := d1 > 0 || d2 > 0 || d3 > 0
		return !(neg && pos)
	}
}

func union(shapes ...shape) shape {
	return func(x, y float64) bool {
		for _, s := range shapes {
			if s(x, y) {
				return true
			}
		}
		return false
	}
}

// mask rasterises s at size×size with ss×ss samples per pixel, so edges are
// anti-aliased.
func mask(s shape, size, ss int) *image.Alpha {
	m := image.NewAlpha(image.Rect(0, 0, size, size))
	n := float64(size)
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			hit := 0
			for sy := 0; sy < ss; sy++ {
				for sx := 0; sx < ss; sx++ {
					x := (float64(px) + (float64(sx)+0.5)/float64(ss)) / n
					y := (float64(py) + (float64(sy)+0.5)/float64(ss)) / n
					if s(x, y) {
						hit++
					}
				}
			}
			m.Pix[py*m.Stride+px] = uint8((hit*255 + ss*ss/2) / (ss * ss))
		}
	}
	return m
}

// gradient is a vertical blend from top to bottom colour.
type gradient struct {
	top, bottom color.NRGBA
	size        int
}

func (g gradient) ColorModel() color.Model { return color.NRGBAModel }
func (g gradient) Bounds() image.Rectangle { return image.Rect(0, 0, g.size, g.size) }
func (g gradient) At(_, y int) color.Color {
	t := float64(y) / float64(g.size-1)
	mix := func(a, b uint8) uint8 { return uint8(math.Round(float64(a)*(1-t) + float64(b)*t)) }
	return color.NRGBA{mix(g.top.R, g.bottom.R), mix(g.top.G, g.bottom.G), mix(g.top.B, g.bottom.B), 255}
}

func render(size int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	const ss = 4
	layer := func(s shape, src image.Image) {
		draw.DrawMask(img, img.Bounds(), src, image.Point{}, mask(s, size, ss), image.Point{}, draw.Over)
	}
	blue := color.NRGBA{0x1e, 0x6f, 0xe0, 0xff}

	// Background: rounded square, light-to-deep blue.
	layer(roundRect(0.03, 0.03, 0.97, 0.97, 0.20),
		gradient{top: color.NRGBA{0x3d, 0x8b, 0xff, 0xff}, bottom: color.NRGBA{0x16, 0x4f, 0xc4, 0xff}, size: size})

	// Speech bubble with a tail at the lower left.
	bubble := union(
		roundRect(0.17, 0.18, 0.83, 0.70, 0.09),
		triangle(0.27, 0.66, 0.43, 0.66, 0.22, 0.84),
	)
	layer(bubble, image.NewUniform(color.NRGBA{0xff, 0xff, 0xff, 0xff}))

	// Rising bar chart inside the bubble, on a baseline.
	bars := union(
		roundRect(0.28, 0.47, 0.37, 0.60, 0.015),
		roundRect(0.41, 0.39, 0.50, 0.60, 0.015),
		roundRect(0.54, 0.33, 0.63, 0.60, 0.015),
		roundRect(0.67, 0.26, 0.76, 0.60, 0.015),
	)
	layer(bars, image.NewUniform(blue))
	layer(roundRect(0.25, 0.615, 0.79, 0.64, 0.01), image.NewUniform(color.NRGBA{0x9d, 0xbf, 0xf2, 0xff}))
	return img
}

func main() {
	out := flag.String("o", "assets/icon.png", "output PNG")
	size := flag.Int("size", 512, "side in pixels")
	flag.Parse()
	if *size < 16 {
		fmt.Fprintln(os.Stderr, "genicon: -size must be at least 16")
		os.Exit(2)
	}
	f, err := os.Create(*out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "genicon:", err)
		os.Exit(1)
	}
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(f, render(*size)); err != nil {
		f.Close()
		fmt.Fprintln(os.Stderr, "genicon:", err)
		os.Exit(1)
	}
	if err := f.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "genicon:", err)
		os.Exit(1)
	}
}

package web

import (
	"fmt"
	"html"
	"html/template"
	"strings"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// The dashboard's charts are SVG drawn here, on the server: no script, no
// library. Each is a figure with the SVG (role img, its title and a
// description that reads the figures) and the same figures as a table, for
// screen readers, for print and for copying.

// bar is one bar of a chart: its label and value.
type bar struct {
	Label string
	Value int
}

// chart draws a figure: columns over time (trend) or horizontal bars of the
// parts of a whole with their shares (composition).
type chart struct {
	ID, Title string
	Unit      string // what the values count, "người"
	Bars      []bar
}

const (
	chartWidth = 480
	chartColor = "#8b0000"
)

// esc escapes text for SVG and HTML.
func esc(s string) string { return html.EscapeString(s) }

// total is the sum of the bars.
func (c chart) total() int {
	n := 0
	for _, b := range c.Bars {
		n += b.Value
	}
	return n
}

func (c chart) max() int {
	m := 0
	for _, b := range c.Bars {
		m = max(m, b.Value)
	}
	return m
}

// describe reads the chart's figures as a sentence (the SVG's desc).
func (c chart) describe(shares bool) string {
	var parts []string
	total := c.total()
	for _, b := range c.Bars {
		s := b.Label + ": " + tochuc.FormatInt(b.Value) + " " + c.Unit
		if shares && total > 0 {
			s += " (" + tochuc.FormatPercent(float64(b.Value)/float64(total)) + ")"
		}
		parts = append(parts, s)
	}
	return c.Title + ". " + strings.Join(parts, "; ") + "."
}

// open writes the figure's start and the SVG's title and desc.
func (c chart) open(b *strings.Builder, height int, shares bool) {
	fmt.Fprintf(b, `<figure class="chart" id="%s"><figcaption>%s</figcaption>`, esc(c.ID), esc(c.Title))
	fmt.Fprintf(b, `<svg role="img" aria-labelledby="%[1]s-t %[1]s-d" viewBox="0 0 %[2]d %[3]d" width="%[2]d" height="%[3]d">`, esc(c.ID), chartWidth, height)
	fmt.Fprintf(b, `<title id="%s-t">%s</title><desc id="%s-d">%s</desc>`, esc(c.ID), esc(c.Title), esc(c.ID), esc(c.describe(shares)))
}

// table writes the figures as a table and closes the figure.
func (c chart) table(b *strings.Builder, head string, shares bool) {
	fmt.Fprintf(b, `</svg><details class="chart-data"><summary>Số liệu của biểu đồ</summary><table class="chart-data"><thead><tr><th>%s</th><th class="num">Số lượng</th>`, esc(head))
	if shares {
		b.WriteString(`<th class="num">Tỷ lệ</th>`)
	}
	b.WriteString(`</tr></thead><tbody>`)
	total := c.total()
	for _, br := range c.Bars {
		fmt.Fprintf(b, `<tr><td>%s</td><td class="num">%s</td>`, esc(br.Label), tochuc.FormatInt(br.Value))
		if shares {
			pct := ""
			if total > 0 {
				pct = tochuc.FormatPercent(float64(br.Value) / float64(total))
			}
			fmt.Fprintf(b, `<td class="num pct">%s</td>`, pct)
		}
		b.WriteString(`</tr>`)
	}
	b.WriteString(`</tbody></table></details></figure>`)
}

// Trend draws the bars as columns, left to right (dates).
func (c chart) Trend() template.HTML {
	const height, top, bottom = 200, 22, 24
	var b strings.Builder
	c.open(&b, height, false)
	n, m := len(c.Bars), c.max()
	if n > 0 {
		slot := float64(chartWidth) / float64(n)
		for i, br := range c.Bars {
			h := 0.0
			if m > 0 {
				h = float64(height-top-bottom) * float64(br.Value) / float64(m)
			}
			x := slot*float64(i) + slot*0.2
			fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"/>`, x, float64(height-bottom)-h, slot*0.6, h, chartColor)
			fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle" font-size="12">%s</text>`, x+slot*0.3, float64(height-bottom)-h-5, tochuc.FormatInt(br.Value))
			fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle" font-size="12">%s</text>`, x+slot*0.3, height-7, esc(br.Label))
		}
	}
	fmt.Fprintf(&b, `<line x1="0" y1="%d" x2="%d" y2="%d" stroke="#555"/>`, height-bottom, chartWidth, height-bottom)
	c.table(&b, "Thời điểm", false)
	return template.HTML(b.String()) // every text escaped by esc
}

// Composition draws the bars as horizontal bars, each with its share of the total.
func (c chart) Composition() template.HTML {
	const row, labelW, valueW = 26, 190, 110
	height := max(row, row*len(c.Bars))
	var b strings.Builder
	c.open(&b, height, true)
	total, m := c.total(), c.max()
	for i, br := range c.Bars {
		w := 0.0
		if m > 0 {
			w = float64(chartWidth-labelW-valueW) * float64(br.Value) / float64(m)
		}
		y := row * i
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end" font-size="12">%s</text>`, labelW-6, y+17, esc(br.Label))
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%.1f" height="%d" fill="%s"/>`, labelW, y+5, w, row-10, chartColor)
		v := tochuc.FormatInt(br.Value)
		if total > 0 {
			v += " (" + tochuc.FormatPercent(float64(br.Value)/float64(total)) + ")"
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" font-size="12">%s</text>`, float64(labelW)+w+6, y+17, v)
	}
	c.table(&b, "Thành phần", true)
	return template.HTML(b.String()) // every text escaped by esc
}

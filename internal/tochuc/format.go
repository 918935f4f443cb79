package tochuc

import (
	"strconv"
	"strings"
)

// FormatInt formats n the Vietnamese way: 1.186, -1.120.
func FormatInt(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// FormatPercent formats a ratio as a Vietnamese percentage with one decimal: 0.631 → "63,1 %".
func FormatPercent(ratio float64) string {
	s := strconv.FormatFloat(ratio*100, 'f', 1, 64)
	return strings.Replace(s, ".", ",", 1) + " %"
}

// FormatSigned formats a change: +15, 0, -1.120.
func FormatSigned(n int) string {
	if n > 0 {
		return "+" + FormatInt(n)
	}
	return FormatInt(n)
}

package tochuc

import (
	"math"
	"strconv"
	"strings"
)

// FormatDecimal formats a number the Vietnamese way with up to 6 decimals:
// 1186 → "1.186", 2.5 → "2,5", -0.25 → "-0,25".
func FormatDecimal(f float64) string {
	s := strconv.FormatFloat(math.Round(f*1e6)/1e6, 'f', -1, 64)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	n, _ := strconv.Atoi(whole)
	out := FormatInt(n)
	if frac != "" {
		out += "," + frac
	}
	if neg && out != "0" {
		out = "-" + out
	}
	return out
}

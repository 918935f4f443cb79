// Package textvn holds the Vietnamese text conventions of the app: search that
// ignores diacritics, and people sorted by given name.
package textvn

import (
	"strings"
	"unicode"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// Fold lowercases s and removes its diacritics (đ becomes d), so that
// "Nguyễn Văn Đức" and "nguyen van duc" match.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			b.WriteByte('d')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// Query is a search folded once, to match many texts.
type Query []string

// NewQuery folds a search into its words.
func NewQuery(q string) Query { return strings.Fields(Fold(q)) }

// Match reports whether a folded text contains every word of the query.
func (q Query) Match(foldedText string) bool {
	for _, w := range q {
		if !strings.Contains(foldedText, w) {
			return false
		}
	}
	return true
}

// Collator compares Vietnamese strings. It is not safe for concurrent use:
// make one per goroutine.
type Collator struct{ c *collate.Collator }

// NewCollator returns a Vietnamese collator.
func NewCollator() *Collator { return &Collator{collate.New(language.Vietnamese)} }

// Compare compares two strings in Vietnamese alphabetical order.
func (c *Collator) Compare(a, b string) int { return c.c.CompareString(a, b) }

// ComparePeople orders full names by given name, then by family and middle
// names: each part in full (tones included) before the next.
func (c *Collator) ComparePeople(a, b string) int {
	ga, ra := splitGiven(a)
	gb, rb := splitGiven(b)
	if r := c.c.CompareString(ga, gb); r != 0 {
		return r
	}
	if r := c.c.CompareString(ra, rb); r != 0 {
		return r
	}
	return strings.Compare(a, b)
}

// Key returns a sort key for a full name, ordering as ComparePeople does, to
// compare with bytes.Compare.
func (c *Collator) Key(full string) []byte {
	var buf collate.Buffer
	given, rest := splitGiven(full)
	k := append([]byte(nil), c.c.KeyFromString(&buf, given)...)
	k = append(k, 0, 0) // below any collation weight: the given name ends here
	return append(k, c.c.KeyFromString(&buf, rest)...)
}

// splitGiven splits a full name into its given name and the words before it.
func splitGiven(full string) (given, rest string) {
	f := strings.Fields(full)
	if len(f) == 0 {
		return "", ""
	}
	return f[len(f)-1], strings.Join(f[:len(f)-1], " ")
}

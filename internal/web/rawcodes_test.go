package web_test

import (
	"html"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// vocabCodes are the codes of every vocabulary the label table knows, with
// their vocabulary: none may be read on a page where a label belongs.
var vocabCodes = func() map[string]string {
	m := map[string]string{}
	for v, codes := range tochuc.LabelCodes() {
		for _, c := range codes {
			m[c] = v
		}
	}
	return m
}()

// englishPhrases are words of the machinery that must not reach a reader
// (compared ignoring case).
var englishPhrases = []string{"page not found", "not found", "method not allowed", "internal server error",
	"map[", "yyyy-mm-dd", "bad request", "forbidden"}

var (
	hiddenRe = regexp.MustCompile(`(?is)<(script|style|template)\b.*?</(script|style|template)>|<!--.*?-->`)
	tagRe    = regexp.MustCompile(`(?s)<[^>]*>`)
)

// visibleText is what a reader sees of a page: no scripts, styles,
// comments, tags or attributes; entities decoded.
func visibleText(page string) string {
	return html.UnescapeString(tagRe.ReplaceAllString(hiddenRe.ReplaceAllString(page, " "), " "))
}

// rawCodes returns the vocabulary codes and English phrases in a page's
// visible text, each once ("code (vocabulary)"). A code counts as a whole
// word only: a run of letters, digits, '_' and '.' (so "party" inside
// "party_cell" is the one code party_cell, and Vietnamese words are never
// cut into ASCII pieces).
func rawCodes(page string) []string {
	text := visibleText(page)
	var out []string
	seen := map[string]bool{}
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, w := range strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' && r != '.'
	}) {
		w = strings.Trim(w, ".")
		if v, ok := vocabCodes[w]; ok {
			add(w + " (" + v + ")")
		}
	}
	lower := strings.ToLower(text)
	for _, p := range englishPhrases {
		if strings.Contains(lower, p) {
			add(`"` + p + `"`)
		}
	}
	slices.Sort(out)
	return out
}

package web_test

import (
	"fmt"
	"html"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// vocabCodes are the codes of every vocabulary the label table knows, with
// their vocabulary: none may be read on a page where a label belongs.
var vocabCodes = func() map[string]string {
	m := map[string]string{}
	all := tochuc.LabelCodes()
	for _, v := range slices.Sorted(maps.Keys(all)) {
		for _, c := range all[v] {
			if m[c] == "" {
				m[c] = v // a code of several vocabularies is reported under the first by name
			}
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

// TestRawCodes: the crawl's check finds a code as a whole word of the
// visible text only — not in a tag, an attribute, a script or a longer
// code, never in a Vietnamese word — and Go's English messages.
func TestRawCodes(t *testing.T) {
	for page, want := range map[string]string{
		`<td>party_cell</td><td>Nam</td>`:                                "[party_cell (unit_kind)]",
		`<td>assignments.change</td>`:                                    "[assignments.change (action)]",
		`<p>Giới tính: female.</p>`:                                      "[female (gender)]",
		`<option value="male">Nam</option><a title="official">Đảng</a>`:  "[]",
		`<script>var s = "probationary"</script><style>.state{}</style>`: "[]",
		`<p>Đảng bộ xã Một, VN1-07444/DU, P002233; Đảng viên dự bị</p>`:  "[]",
		`404 page not found`:                                             `["not found" "page not found"]`,
	} {
		if got := fmt.Sprint(rawCodes(page)); got != want {
			t.Errorf("%s: %s, want %s", page, got, want)
		}
	}
}

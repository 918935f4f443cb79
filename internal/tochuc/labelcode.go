package tochuc

import (
	"sort"
	"strings"
	"unicode"
)

// The way back from a label to its code: a board's own workbook writes
// "Nam", "Nữ", "Bí thư", "Chính thức" where the bundle writes male, female,
// secretary, official. CodeOfLabel reads them through the same table that
// pages show (Label), ignoring case, diacritics and spacing.

// VocabLabels returns the labels of codes in a vocabulary as Label gives
// them ("unit_kind": unit kinds, as they read today); a code without a label
// gives itself.
func VocabLabels(vocab string, codes []string) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = vocabLabel(vocab, c, Today())
	}
	return out
}

func vocabLabel(vocab, code string, d Date) string {
	if vocab == "unit_kind" {
		return KindLabelOn(code, d)
	}
	return Label(vocab, code)
}

// CodeOfLabel returns the code among codes that s names: the code itself,
// or its label in vocab (for unit kinds, either label a kind has had),
// compared without case, diacritics or extra spaces.
func CodeOfLabel(vocab string, codes []string, s string) (string, bool) {
	key := FoldLabel(s)
	if key == "" {
		return "", false
	}
	for _, c := range codes {
		if c == s || FoldLabel(c) == key || FoldLabel(vocabLabel(vocab, c, 0)) == key ||
			(vocab == "unit_kind" && FoldLabel(KindLabelOn(c, Reform2025)) == key) {
			return c, true
		}
	}
	return "", false
}

// FoldLabel folds a label for comparison: lower case, no diacritics (đ as
// d), spaces collapsed, and "–" as "-".
func FoldLabel(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r >= 0x300 && r <= 0x36f { // a combining mark (decomposed text)
			continue
		}
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		if r == '–' || r == '—' {
			r = '-'
		}
		b.WriteRune(baseLetter(unicode.ToLower(r)))
	}
	return b.String()
}

// vietnameseLetters maps each lower-case letter with diacritics to its base.
var vietnameseLetters = func() map[rune]rune {
	m := map[rune]rune{'đ': 'd'}
	for base, letters := range map[rune]string{
		'a': "àáảãạăằắẳẵặâầấẩẫậ", 'e': "èéẻẽẹêềếểễệ", 'i': "ìíỉĩị",
		'o': "òóỏõọôồốổỗộơờớởỡợ", 'u': "ùúủũụưừứửữự", 'y': "ỳýỷỹỵ",
	} {
		for _, r := range letters {
			m[r] = base
		}
	}
	return m
}()

func baseLetter(r rune) rune {
	if b, ok := vietnameseLetters[r]; ok {
		return b
	}
	return r
}

// QualificationLevels returns the levels of a qualification kind, lowest first.
func QualificationLevels(kind string) []string {
	levels := qualificationLevels[kind]
	out := make([]string, 0, len(levels))
	for l := range levels {
		out = append(out, l)
	}
	sort.Slice(out, func(i, j int) bool {
		if levels[out[i]] != levels[out[j]] {
			return levels[out[i]] < levels[out[j]]
		}
		return out[i] < out[j]
	})
	return out
}

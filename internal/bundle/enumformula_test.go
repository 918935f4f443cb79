package bundle

import (
	"context"
	"strings"
	"testing"
)

// TestEnumCodeIsNoFormula: a target's op "=" (amendment 3) is a code of its
// vocabulary, not a formula; free text starting with "=" still is.
func TestEnumCodeIsNoFormula(t *testing.T) {
	b := Tables{}
	b.Add("units", map[string]string{"id": "u1", "name": "A", "kind": "commune", "valid_from": "2000-01-01"})
	b.Add("documents", map[string]string{"id": "d1", "number": "1", "kind": "resolution", "issued_on": "2000-01-01", "title": "T"})
	b.Add("document_targets", map[string]string{"document_id": "d1", "target_id": "1", "indicator": "units.village",
		"due_on": "2001-01-01", "op": "=", "value": "3"})
	b.Add("document_targets", map[string]string{"document_id": "d1", "target_id": "2", "indicator": "units.village",
		"due_on": "2001-01-01", "op": "=", "value": "3", "label": "=1+1"})
	b.Add("document_targets", map[string]string{"document_id": "d1", "target_id": "3", "indicator": "units.village",
		"due_on": "2001-01-01", "op": "=>", "value": "3"})
	rep, err := Import(context.Background(), b, emptyTarget{}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, i := range rep.Issues {
		got = append(got, i.Column)
	}
	if strings.Join(got, ",") != "label,op" {
		t.Errorf("issues %v, want the label as a formula and the op '=>' refused", rep.Issues)
	}
}

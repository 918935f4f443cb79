package restructure

import (
	"reflect"
	"testing"

	"github.com/tochuc/tochuc/internal/tochuc"
)

func TestParse(t *testing.T) {
	d := tochuc.MustDate("2025-07-01")
	for _, c := range []struct {
		name string
		in   Input
		want Operation
	}{
		{"merge into new, ids by comma and repeated", Input{Kind: "merge", Date: "01/07/2025", From: []string{"A, B", "C"},
			NewID: []string{"X"}, NewName: []string{"Đảng bộ xã X, tỉnh Y"}},
			Operation{Kind: "merge", Date: d, From: []string{"A", "B", "C"}, To: []Target{{ID: "X", Name: "Đảng bộ xã X, tỉnh Y"}}}},
		{"split, names by semicolon, one kind for all, member targets", Input{Kind: "split", Date: "2025-07-01", From: []string{"A"},
			NewID: []string{"X1,X2"}, NewName: []string{"Chi bộ 1; Chi bộ 2"}, NewKind: []string{"party_cell"},
			MemberTo: []string{"P1=X2, P2 = X1"}, MembersTo: " X1 "},
			Operation{Kind: "split", Date: d, From: []string{"A"}, MembersTo: "X1",
				To:            []Target{{ID: "X1", Name: "Chi bộ 1", Kind: "party_cell"}, {ID: "X2", Name: "Chi bộ 2", Kind: "party_cell"}},
				MemberTargets: map[string]string{"P1": "X2", "P2": "X1"}}},
		{"rename in place keeps the unit's id", Input{Kind: "rename", Date: "2025-07-01", From: []string{"A"}, NewName: []string{"Tên mới"}},
			Operation{Kind: "rename", Date: d, From: []string{"A"}, To: []Target{{ID: "A", Name: "Tên mới"}}}},
		{"split without ids leaves the target without one", Input{Kind: "split", Date: "2025-07-01", From: []string{"A"}, NewName: []string{"B"}},
			Operation{Kind: "split", Date: d, From: []string{"A"}, To: []Target{{Name: "B"}}}},
		{"empty web fields", Input{Kind: "dissolve", Date: "2025-07-01", From: []string{"A"}, NewID: []string{""}, NewName: []string{""},
			MemberTo: []string{""}}, Operation{Kind: "dissolve", Date: d, From: []string{"A"}, To: []Target{}}},
	} {
		got, err := Parse(c.in)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s:\n got %#v\nwant %#v", c.name, got, c.want)
		}
	}
}

func TestParseRefuses(t *testing.T) {
	for _, in := range []Input{
		{Date: "2025-07-01"},
		{Kind: "merge", Date: "31/02/2025"},
		{Kind: "merge"},
		{Kind: "split", Date: "2025-07-01", From: []string{"A"}, NewID: []string{"X1,X2,X3"}, NewName: []string{"a;b"}},
		{Kind: "split", Date: "2025-07-01", From: []string{"A"}, MemberTo: []string{"P1"}},
	} {
		if _, err := Parse(in); tochuc.ErrorCode(err) != tochuc.EInvalid {
			t.Errorf("%+v: got %v, want an invalid-input error", in, err)
		}
	}
}

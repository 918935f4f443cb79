package bundle

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// heldTarget is a database holding some units, people and documents; it
// stores nothing and records the ids it is asked about.
type heldTarget struct {
	emptyTarget
	units  map[string][]unitVersion
	people map[string]tochuc.Date
	docs   map[string]docMeta
	asked  map[string][]string // file → ids asked, in order
	most   int                 // the most ids asked at once
}

func (h *heldTarget) ask(file string, ids []string) {
	h.asked[file] = append(h.asked[file], ids...)
	h.most = max(h.most, len(ids))
}

func (h *heldTarget) Units(_ context.Context, ids []string, fn func(string, string, tochuc.Period) error) error {
	h.ask("units", ids)
	for _, id := range ids {
		for _, v := range h.units[id] {
			if err := fn(id, v.Kind, v.Period); err != nil {
				return err
			}
		}
	}
	return nil
}

func (h *heldTarget) People(_ context.Context, ids []string, fn func(string, tochuc.Date) error) error {
	h.ask("people", ids)
	for _, id := range ids {
		if d, ok := h.people[id]; ok {
			if err := fn(id, d); err != nil {
				return err
			}
		}
	}
	return nil
}

func (h *heldTarget) Documents(_ context.Context, ids []string, fn func(string, tochuc.Date, string) error) error {
	h.ask("documents", ids)
	for _, id := range ids {
		if m, ok := h.docs[id]; ok {
			if err := fn(id, m.issued, m.replaces); err != nil {
				return err
			}
		}
	}
	return nil
}

func newHeldTarget() *heldTarget {
	d := func(s string) tochuc.Date { v, _ := tochuc.ParseDate(s); return v }
	h := &heldTarget{units: map[string][]unitVersion{}, people: map[string]tochuc.Date{}, docs: map[string]docMeta{},
		asked: map[string][]string{}}
	h.units["hu1"] = []unitVersion{{Period: tochuc.Period{From: d("2000-01-01"), To: d("2010-01-01")}, Kind: "commune"}}
	h.units["hc1"] = []unitVersion{{Period: tochuc.Period{From: d("2000-01-01")}, Kind: "party_cell"}}
	h.people["hp1"] = d("2015-01-01")
	h.docs["hd1"] = docMeta{issued: d("2001-01-01")}
	for i := range 2000 { // held, never referred to: never asked about
		h.people[fmt.Sprintf("other%d", i)] = 0
		h.units[fmt.Sprintf("ou%d", i)] = h.units["hu1"]
	}
	return h
}

// TestHeldLookedUpByReference: the import asks the target only about the ids
// the bundle refers to and does not itself hold, and the checks see the held
// records as they did when every held record was loaded first: a held
// unit's periods and kind, a held person's death, a held document.
func TestHeldLookedUpByReference(t *testing.T) {
	b := baseBundle()
	b.Add("units", row{"id": "u9", "name": "Xã Chín", "kind": "commune", "valid_from": "2000-01-01", "parent_id": "hu1"})
	b.Add("assignments", row{"person_id": "hp1", "unit_id": "hu1", "role": "chair", "valid_from": "2011-01-01", "document_id": "hd1"})
	b.Add("assignments", row{"person_id": "p1", "unit_id": "hu1", "role": "secretary", "valid_from": "2001-01-01"})
	b.Add("assignments", row{"person_id": "hp1", "unit_id": "hc1", "role": "secretary", "valid_from": "2001-01-01"})
	b.Add("assignments", row{"person_id": "nobody", "unit_id": "u1", "role": "staff", "valid_from": "2001-01-01", "document_id": "nodoc"})
	h := newHeldTarget()
	rep, err := Import(context.Background(), b, h, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []wantIssue{
		{file: "assignments.csv", line: 2, col: "unit_id", vi: "đơn vị 'hu1' không tồn tại vào ngày 01/01/2011"},
		{file: "assignments.csv", line: 2, col: "valid_to", vi: "chức vụ còn mở sau ngày từ trần", warning: true},
		{file: "assignments.csv", line: 3, col: "role", vi: "phải giữ trong một tổ chức đảng"},
		{file: "assignments.csv", line: 4, col: "valid_to", vi: "chức vụ còn mở sau ngày từ trần", warning: true},
		{file: "assignments.csv", line: 5, col: "person_id", vi: "tham chiếu 'nobody' không tồn tại"},
		{file: "assignments.csv", line: 5, col: "document_id", vi: "tham chiếu 'nodoc' không tồn tại"},
	} {
		if !hasIssue(rep, w) {
			t.Errorf("missing issue %+v; got %v", w, rep.Issues)
		}
	}
	if len(rep.Issues) != 6 {
		t.Errorf("want 6 issues, got %v", rep.Issues)
	}
	for file, want := range map[string][]string{
		"units": {"hc1", "hu1"}, "people": {"hp1", "nobody"}, "documents": {"hd1", "nodoc"},
	} {
		got := slices.Sorted(slices.Values(h.asked[file]))
		if !slices.Equal(got, want) {
			t.Errorf("%s asked about %v, want %v", file, got, want)
		}
	}
}

// TestHeldLookedUpInBatches: many references are looked up a batch of at
// most lookupBatch ids at a time, each id once.
func TestHeldLookedUpInBatches(t *testing.T) {
	b := Tables{}
	h := newHeldTarget()
	for i := range 1200 {
		b.Add("qualifications", row{"person_id": fmt.Sprintf("other%d", i%1100), "kind": "education",
			"level": []string{"intermediate", "college"}[i/1100]})
	}
	rep, err := Import(context.Background(), b, h, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() {
		t.Fatalf("%d issues, the first: %v", len(rep.Issues), rep.Issues[0])
	}
	if h.most > lookupBatch {
		t.Errorf("%d ids asked at once, want at most %d", h.most, lookupBatch)
	}
	if n := len(h.asked["people"]); n != 1100 {
		t.Errorf("%d people asked about, want each of the 1100 referred to once", n)
	}
}

// TestHeldKeptForBadUnitRow: a unit row that fails to parse leaves the held
// versions of its unit in place, so rows referring to the unit are checked
// against them (as when every held unit was loaded first).
func TestHeldKeptForBadUnitRow(t *testing.T) {
	b := baseBundle()
	b.Add("units", row{"id": "hu1", "name": "Xã Hỏng", "kind": "no_such_kind", "valid_from": "2000-01-01"})
	b.Add("assignments", row{"person_id": "p1", "unit_id": "hu1", "role": "chair", "valid_from": "2011-01-01"})
	rep, err := Import(context.Background(), b, newHeldTarget(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	w := wantIssue{file: "assignments.csv", line: 2, col: "unit_id", vi: "đơn vị 'hu1' không tồn tại vào ngày 01/01/2011"}
	if !hasIssue(rep, w) {
		t.Errorf("missing issue %+v; got %v", w, rep.Issues)
	}
}

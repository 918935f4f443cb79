package demo

import (
	"slices"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// DraftOp is one operation of the demo's restructuring draft, as the
// wizard's fields give it (restructure.Input).
type DraftOp struct {
	Kind, From, NewID, NewName, NewKind, NewParent, NewLocality string
}

// DraftMerger finds in the demo's tables two communes of one parent alive
// on d (the first two by id) and returns the draft of their merger on d:
// the communes, their party committees and their People's Committees,
// each pair merged into a new unit. ok is false when there are no two.
func DraftMerger(t bundle.Tables, d tochuc.Date) (name string, ops []DraftOp, ok bool) {
	rows := t["units"]
	if len(rows) < 2 {
		return "", nil, false
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	type unit struct{ id, name, kind, parent, locality string }
	var units []unit
	for _, r := range rows[1:] {
		from, err := tochuc.ParseDate(r[col["valid_from"]])
		if err != nil || from > d {
			continue
		}
		if to := r[col["valid_to"]]; to != "" {
			if e, err := tochuc.ParseDate(to); err != nil || e <= d {
				continue
			}
		}
		units = append(units, unit{r[col["id"]], r[col["name"]], r[col["kind"]], r[col["parent_id"]], r[col["locality_id"]]})
	}
	slices.SortFunc(units, func(a, b unit) int {
		if a.id < b.id {
			return -1
		}
		if a.id > b.id {
			return 1
		}
		return 0
	})
	byParent := map[string][]unit{}
	var pair []unit
	for _, u := range units {
		if u.kind != "commune" || u.parent == "" {
			continue
		}
		byParent[u.parent] = append(byParent[u.parent], u)
		if len(byParent[u.parent]) == 2 {
			pair = byParent[u.parent]
			break
		}
	}
	if pair == nil {
		return "", nil, false
	}
	const newCommune = "NHAP-XA-1"
	ops = append(ops, DraftOp{Kind: "merge", From: pair[0].id + "," + pair[1].id, NewID: newCommune,
		NewName: pair[0].name + " – " + pair[1].name + " (dự kiến)"})
	for _, k := range []struct{ suffix, id, label string }{{"/DU", "NHAP-DU-1", "Đảng bộ"},
		{"/UBND", "NHAP-UB-1", "UBND"}} {
		var from []string
		for _, u := range units { // the demo names a commune's organizations after it: X/DU, X/UBND
			if u.id == pair[0].id+k.suffix || u.id == pair[1].id+k.suffix {
				from = append(from, u.id)
			}
		}
		if len(from) == 2 {
			ops = append(ops, DraftOp{Kind: "merge", From: from[0] + "," + from[1], NewID: k.id,
				NewName: k.label + " " + pair[0].name + " – " + pair[1].name + " (dự kiến)", NewLocality: newCommune})
		}
	}
	return "Dự kiến sáp nhập " + pair[0].name + " và " + pair[1].name, ops, true
}

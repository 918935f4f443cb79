package app

import (
	"context"
	"slices"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// RestructureCounts sum up what a restructuring changes, for its preview.
type RestructureCounts struct {
	UnitsEnded   int // units that end on the date (merged, dissolved, split)
	UnitsCreated int // units that start on the date
	UnitsChanged int // units that go on with a new version from the date
	MembersMoved int // party members transferred to another organization
	PostsEnded   int // posts ended on the date
	PostsCarried int // posts taken up in a successor from the date
	// Localities are the localities left with more than one party
	// organization of one kind after it (two commune party committees on
	// one commune), by the locality's id: the organizations' ids.
	Localities map[string][]string
}

// countPlan sums up the rows a restructuring on d writes.
func countPlan(t bundle.Tables, d tochuc.Date) RestructureCounts {
	var n RestructureCounts
	rows := func(file string) []map[string]string {
		all := t[file]
		if len(all) < 2 {
			return nil
		}
		out := make([]map[string]string, 0, len(all)-1)
		for _, cells := range all[1:] {
			m := map[string]string{}
			for i, h := range all[0] {
				m[h] = cells[i]
			}
			out = append(out, m)
		}
		return out
	}
	ds := d.String()
	ends, starts, earlier := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, u := range rows("units") {
		if u["valid_to"] == ds {
			ends[u["id"]] = true
		}
		if u["valid_from"] == ds {
			starts[u["id"]] = true
		} else if u["valid_from"] < ds {
			earlier[u["id"]] = true
		}
	}
	for id := range ends {
		if !starts[id] {
			n.UnitsEnded++
		}
	}
	for id := range starts {
		if ends[id] || earlier[id] {
			n.UnitsChanged++
		} else {
			n.UnitsCreated++
		}
	}
	for _, a := range rows("assignments") {
		switch ds {
		case a["valid_to"]:
			n.PostsEnded++
		case a["valid_from"]:
			n.PostsCarried++
		}
	}
	for _, e := range rows("party") {
		if e["event"] == tochuc.EventTransferred && e["date"] == ds {
			n.MembersMoved++
		}
	}
	return n
}

// twoPartyOrgs returns the localities among the units a plan starts on d
// where, as the plan leaves them, more than one party organization of one
// kind is located (two commune party committees on one merged commune), by
// the locality's id: the organizations' ids.
func twoPartyOrgs(ctx context.Context, r *sqldb.Reader, t bundle.Tables, d tochuc.Date) (map[string][]string, error) {
	out := map[string][]string{}
	all := t["units"]
	if len(all) < 2 {
		return out, nil
	}
	id, from := slices.Index(all[0], "id"), slices.Index(all[0], "valid_from")
	seen := map[string]bool{}
	for _, cells := range all[1:] {
		place := cells[id]
		if cells[from] != d.String() || seen[place] {
			continue
		}
		seen[place] = true
		located, err := r.UnitsAsOf(ctx, d, tochuc.UnitFilter{LocalityID: place})
		if err != nil {
			return nil, err
		}
		byKind := map[string][]string{}
		for _, u := range located {
			if tochuc.LineOf(u.Kind) == tochuc.LineParty {
				byKind[u.Kind] = append(byKind[u.Kind], u.ID)
			}
		}
		for _, ids := range byKind {
			if len(ids) > 1 {
				out[place] = append(out[place], ids...)
			}
		}
	}
	return out, nil
}

package web

import (
	"context"
	"net/http"

	"github.com/tochuc/tochuc/internal/tochuc"
)

func (s *Server) handleTree(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	d, err := pageDate(r)
	if err != nil {
		return err
	}
	reg := s.registry
	roots, err := s.rootsOn(r.Context(), d)
	if err != nil {
		return err
	}
	units, err := treeRoots(ctx, reg, roots, d)
	if err != nil {
		return err
	}
	rows, err := withKids(ctx, reg, d, units)
	if err != nil {
		return err
	}
	lines, err := byLines(ctx, reg, d, rows)
	if err != nil {
		return err
	}
	counts, err := reg.CountUnitsByKind(ctx, d, roots)
	if err != nil {
		return err
	}
	var kc []kindCount
	for _, k := range tochuc.UnitKinds {
		if n := counts[k.Code]; n > 0 {
			kc = append(kc, kindCount{k.Code, tochuc.KindLabelOn(k.Code, d), n})
		}
	}
	data := treeView{Lines: lines, Counts: kc}
	s.render(w, r, "tree.html", http.StatusOK, page{Title: "Cơ cấu tổ chức", Date: d, Data: data, API: data})
	return nil
}

// withChildren counts the children of each unit on d (one query, over
// those units' children only) and sorts by name.
func withChildren(ctx context.Context, reg Registry, d tochuc.Date, units []tochuc.Unit) ([]unitRow, error) {
	sortUnits(units)
	rows := make([]unitRow, len(units))
	if len(units) == 0 {
		return rows, nil
	}
	ids := make([]string, len(units))
	for i, u := range units {
		ids[i] = u.ID
	}
	counts, err := reg.ChildCounts(ctx, d, ids)
	if err != nil {
		return nil, err
	}
	for i, u := range units {
		rows[i] = unitRow{Unit: u, KindName: u.KindLabelOn(d), Children: counts[u.ID]}
	}
	return rows, nil
}

// withKids makes the rows of the units at the top of the tree with their
// children, one level down (expanded in place), sorted by name: one query
// for the children of all of them, one for the children's own counts.
func withKids(ctx context.Context, reg Registry, d tochuc.Date, units []tochuc.Unit) ([]unitRow, error) {
	sortUnits(units)
	ids := make([]string, len(units))
	for i, u := range units {
		ids[i] = u.ID
	}
	kids, err := reg.UnitsUnder(ctx, d, ids)
	if err != nil {
		return nil, err
	}
	byParent := map[string][]tochuc.Unit{}
	for _, k := range kids {
		byParent[k.ParentID] = append(byParent[k.ParentID], k)
	}
	kidIDs := make([]string, len(kids))
	for i, k := range kids {
		kidIDs[i] = k.ID
	}
	counts, err := reg.ChildCounts(ctx, d, kidIDs)
	if err != nil {
		return nil, err
	}
	rows := make([]unitRow, len(units))
	for i, u := range units {
		under := byParent[u.ID]
		sortUnits(under)
		rows[i] = unitRow{Unit: u, KindName: u.KindLabelOn(d), Children: len(under)}
		for _, k := range under {
			rows[i].Kids = append(rows[i].Kids, unitRow{Unit: k, KindName: k.KindLabelOn(d), Children: counts[k.ID]})
		}
	}
	return rows, nil
}

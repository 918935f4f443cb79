package web

import (
	"context"
	"net/http"
	"strconv"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// The tree page is bounded: the units at the top of the user's tree, by
// line, 50 a page (?nhanh= a line, ?trang=), each with its children one
// level down (the first 50); a unit's own page of the tree (?don_vi=) lists
// its children, 50 a page, each linking to its own. Every list reads only
// what it shows; the tops of a tree are kept per registry version (treeCache).

// maxKids is the most children a unit at the top shows in place.
const maxKids = pageSize

func (s *Server) handleTree(w http.ResponseWriter, r *http.Request) error {
	d, err := pageDate(r)
	if err != nil {
		return err
	}
	if id := r.URL.Query().Get("don_vi"); id != "" {
		return s.handleSubtree(w, r, d, id)
	}
	roots, err := s.rootsOn(r.Context(), d)
	if err != nil {
		return err
	}
	tops, err := s.trees.get(r.Context(), s.registry, s.budget, roots, d)
	if err != nil {
		return err
	}
	data := treeView{Counts: tops.Counts, Lines: []treeLine{}}
	only, err := strconv.Atoi(r.URL.Query().Get("nhanh"))
	if err != nil || only < 1 || only > len(tops.Lines) {
		only = 0
	}
	if only == 0 { // the first page of each line, read with the tops
		for _, l := range tops.First {
			if l.Page.Pages > 1 {
				q := r.URL.Query()
				q.Set("nhanh", strconv.Itoa(l.Index))
				q.Set("trang", "2")
				l.Page.Next = r.URL.Path + "?" + q.Encode()
			}
			data.Lines = append(data.Lines, l)
		}
	} else {
		l := tops.Lines[only-1]
		p := newPager(r, len(l.Units))
		from, to := p.bounds()
		data.Line = only
		data.Lines = append(data.Lines, treeLine{Label: l.Label, Index: only, Units: append([]unitRow(nil), l.Units[from:to]...), Page: p})
		if err := withKids(r.Context(), s.registry, d, data.Lines); err != nil {
			return err
		}
	}
	s.render(w, r, "tree.html", http.StatusOK, page{Title: "Cơ cấu tổ chức", Date: d, Data: data, API: data})
	return nil
}

// handleSubtree is the tree's page of one unit: its path from the top of
// the user's tree, and a page of its children.
func (s *Server) handleSubtree(w http.ResponseWriter, r *http.Request, d tochuc.Date, id string) error {
	ctx := r.Context()
	if len(id) > 100 {
		return tochuc.Errorf(tochuc.EInvalid, "Mã đơn vị quá dài.")
	}
	if ok, err := s.canSeeUnit(ctx, id, d); err != nil || !ok {
		return forbiddenOr(err)
	}
	reg := s.registry
	u, err := reg.Unit(ctx, id, d)
	if err != nil {
		return err
	}
	data := treeView{Lines: []treeLine{}}
	if data.Path, err = s.pathUp(ctx, u, d); err != nil {
		return err
	}
	rows, info, err := childrenPage(r, reg, d, id)
	if err != nil {
		return err
	}
	data.Focus = &unitRow{Unit: u, KindName: u.KindLabelOn(d), Children: info.Total}
	data.Lines = append(data.Lines, treeLine{Label: "Đơn vị trực thuộc", Units: rows, Page: info})
	s.render(w, r, "tree.html", http.StatusOK, page{Title: u.Name + " – Cơ cấu tổ chức", Date: d, Data: data, API: data})
	return nil
}

// childrenPage reads the page ?trang= of the units directly under a unit on
// d (50 a page, by name), each with its own count of children.
func childrenPage(r *http.Request, reg Registry, d tochuc.Date, id string) ([]unitRow, listInfo, error) {
	ctx := r.Context()
	counts, err := reg.ChildCounts(ctx, d, []string{id})
	if err != nil {
		return nil, listInfo{}, err
	}
	info := newPager(r, counts[id])
	from, to := info.bounds()
	kids := []tochuc.Unit{}
	if to > from {
		if kids, err = reg.ChildrenPage(ctx, d, id, from, to-from); err != nil {
			return nil, listInfo{}, err
		}
	}
	if info.Total <= pageSize {
		sortUnits(kids) // one page: in Vietnamese order
	}
	rows, err := withCounts(ctx, reg, d, kids)
	return rows, info, err
}

// withCounts makes the rows of units, in their order, with the number of
// their children on d (one query, over those units' children only).
func withCounts(ctx context.Context, reg Registry, d tochuc.Date, units []tochuc.Unit) ([]unitRow, error) {
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

// withChildren is withCounts on the units sorted by name.
func withChildren(ctx context.Context, reg Registry, d tochuc.Date, units []tochuc.Unit) ([]unitRow, error) {
	sortUnits(units)
	return withCounts(ctx, reg, d, units)
}

// withKids expands the rows shown at the top of the tree one level down,
// in place: the children of those with at most maxKids of them in one
// query, the first maxKids of each other one by name; then the children's
// own counts in one query.
func withKids(ctx context.Context, reg Registry, d tochuc.Date, lines []treeLine) error {
	var few []string
	for _, l := range lines {
		for _, u := range l.Units {
			if u.Children > 0 && u.Children <= maxKids {
				few = append(few, u.ID)
			}
		}
	}
	kids, err := reg.UnitsUnder(ctx, d, few)
	if err != nil {
		return err
	}
	byParent := map[string][]tochuc.Unit{}
	for _, k := range kids {
		byParent[k.ParentID] = append(byParent[k.ParentID], k)
	}
	for _, l := range lines {
		for _, u := range l.Units {
			if u.Children > maxKids {
				page, err := reg.ChildrenPage(ctx, d, u.ID, 0, maxKids)
				if err != nil {
					return err
				}
				byParent[u.ID] = page
				kids = append(kids, page...)
			}
		}
	}
	kidIDs := make([]string, len(kids))
	for i, k := range kids {
		kidIDs[i] = k.ID
	}
	counts, err := reg.ChildCounts(ctx, d, kidIDs)
	if err != nil {
		return err
	}
	for _, l := range lines {
		for i := range l.Units {
			row := &l.Units[i]
			under := byParent[row.ID]
			if row.Children <= maxKids {
				sortUnits(under)
			}
			row.Kids = nil
			for _, k := range under {
				row.Kids = append(row.Kids, unitRow{Unit: k, KindName: k.KindLabelOn(d), Children: counts[k.ID]})
			}
		}
	}
	return nil
}

// pathUp returns the units above u on d, the top first, while the user may
// see them (a few levels: each one read).
func (s *Server) pathUp(ctx context.Context, u tochuc.Unit, d tochuc.Date) ([]unitRow, error) {
	var path []unitRow
	for p, n := u.ParentID, 0; p != "" && n < 20; n++ {
		ok, err := s.canSeeUnit(ctx, p, d)
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		pu, err := s.registry.Unit(ctx, p, d)
		if err != nil {
			break
		}
		path = append([]unitRow{{Unit: pu, KindName: pu.KindLabelOn(d)}}, path...)
		p = pu.ParentID
	}
	return path, nil
}

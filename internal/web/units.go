package web

import (
	"net/http"
	"strings"

	"github.com/tochuc/tochuc/internal/textvn"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// unitsData is the list page of units existing on the date: its API type
// and the filters that chose the rows.
type unitsData struct {
	unitList
	Query, Kind string
	Kinds       []tochuc.UnitKind
	// Unit is the subtree filter (don_vi), UnitName its name; ParentNames
	// the names of the units above those shown.
	Unit, UnitName string
	ParentNames    map[string]string
}

// handleUnits lists the units existing on the date inside the user's scope,
// by kind and name (diacritics ignored), sorted the Vietnamese way.
func (s *Server) handleUnits(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	d, err := pageDate(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	data := unitsData{Query: q.Get("q"), Kind: q.Get("loai"), Kinds: tochuc.UnitKinds, Unit: strings.TrimSpace(q.Get("don_vi"))}
	reg := s.registry
	units, err := reg.UnitsAsOf(ctx, d, tochuc.UnitFilter{Kind: data.Kind})
	if err != nil {
		return err
	}
	var inScope map[string]bool
	roots, err := s.rootsOn(r.Context(), d)
	if err == nil && roots != nil {
		inScope, err = reg.ScopedUnitIDs(ctx, roots, d)
	}
	if err != nil {
		return err
	}
	if data.Unit != "" { // the subtree of a unit inside the scope
		if data.Unit, err = s.unitByName(ctx, d, data.Unit); err != nil {
			return err
		}
		if ok, err := s.canSeeUnit(ctx, data.Unit, d); err != nil {
			return err
		} else if !ok {
			return tochuc.Errorf(tochuc.EForbidden, "Đơn vị %s nằm ngoài phạm vi của bạn.", data.Unit)
		}
		if inScope, err = reg.ScopedUnitIDs(ctx, []string{data.Unit}, d); err != nil {
			return err
		}
		delete(inScope, data.Unit)
	}
	search := textvn.NewQuery(data.Query)
	var rows []tochuc.Unit
	for _, u := range units {
		if (inScope == nil || inScope[u.ID]) && search.Match(textvn.Fold(u.Name+" "+u.ID)) {
			rows = append(rows, u)
		}
	}
	sortUnits(rows)
	if q.Get("dang") == "xlsx" {
		out := [][]any{{"Mã", "Tên", "Loại", "Mã đơn vị cấp trên", "Mã địa bàn", "Mã hành chính", "Từ ngày", "Đến ngày"}}
		for _, u := range rows {
			out = append(out, []any{u.ID, u.Name, u.KindLabelOn(d), u.ParentID, u.LocalityID, u.AdminCode, u.From, u.To})
		}
		if err := writeXLSX(w, "don-vi-"+d.String()+".xlsx", "don_vi", out); err != nil {
			s.log.Error("xlsx", "err", err)
		}
		return nil
	}
	data.listInfo = newPager(r, len(rows))
	from, to := data.bounds()
	data.Items = rows[from:to]
	ids := []string{data.Unit}
	for _, u := range data.Items {
		ids = append(ids, u.ParentID)
	}
	if data.ParentNames, err = reg.UnitNames(ctx, ids, d); err != nil {
		return err
	}
	data.UnitName = data.ParentNames[data.Unit]
	s.render(w, r, "units.html", http.StatusOK, page{Title: "Danh sách đơn vị", Date: d, Data: data, API: data.unitList})
	return nil
}

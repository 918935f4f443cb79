package web

import (
	"net/http"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// handleChildren lists the units directly under a unit, inside the user's scope.
func (s *Server) handleChildren(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	d, err := pageDate(r)
	if err != nil {
		return err
	}
	reg := s.registry
	id := r.PathValue("id")
	if ok, err := s.canSeeUnit(r.Context(), id, d); err != nil || !ok {
		return forbiddenOr(err)
	}
	kids, err := reg.UnitsAsOf(ctx, d, tochuc.UnitFilter{ParentID: id})
	if err != nil {
		return err
	}
	rows, err := withChildren(ctx, reg, d, kids)
	if err != nil {
		return err
	}
	writeAPI(w, http.StatusOK, apiPage{AsOf: d, Data: childrenView{ParentID: id, Units: rows}})
	return nil
}

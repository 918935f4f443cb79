package web

import (
	"net/http"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// handleChildren lists the units directly under a unit, inside the user's scope.
func (s *Server) handleChildren(w http.ResponseWriter, r *http.Request) {
	d, ok := dateOf(r)
	if !ok {
		s.fail(w, r, badDate(r))
		return
	}
	reg := s.registry(r.Context())
	id := r.PathValue("id")
	if ok, err := s.canSeeUnit(r.Context(), id, d); err != nil || !ok {
		s.failOrForbid(w, r, err)
		return
	}
	kids, err := reg.UnitsAsOf(d, tochuc.UnitFilter{ParentID: id})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rows, err := withChildren(reg, d, kids)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeAPI(w, http.StatusOK, apiPage{AsOf: d, Data: childrenView{ParentID: id, Units: rows}})
}

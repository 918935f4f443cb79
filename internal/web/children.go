package web

import (
	"net/http"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// childrenData is the units directly under one unit on a date, for the
// tree's expansion in place (static/tree.js asks for it).
type childrenData struct {
	ParentID string    `json:"parent_id"`
	Units    []unitRow `json:"units"`
}

// handleChildren lists the units directly under a unit, inside the user's scope.
func (s *Server) handleChildren(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	d, ok := dateOf(r)
	if !ok {
		s.fail(w, r, badDate(r))
		return
	}
	reg := s.registry
	id := r.PathValue("id")
	if ok, err := s.canSeeUnit(r.Context(), id, d); err != nil || !ok {
		s.failOrForbid(w, r, err)
		return
	}
	kids, err := reg.UnitsAsOf(ctx, d, tochuc.UnitFilter{ParentID: id})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rows, err := withChildren(ctx, reg, d, kids)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, apiBody{AsOf: d, Data: childrenData{ParentID: id, Units: rows}})
}

package web

import "net/http"

// handleChildren lists a page (trang, 50) of the units directly under a
// unit, by name, inside the user's scope.
func (s *Server) handleChildren(w http.ResponseWriter, r *http.Request) error {
	d, err := pageDate(r)
	if err != nil {
		return err
	}
	reg := s.registry
	id := r.PathValue("id")
	if ok, err := s.canSeeUnit(r.Context(), id, d); err != nil || !ok {
		return forbiddenOr(err)
	}
	rows, info, err := childrenPage(r, reg, d, id)
	if err != nil {
		return err
	}
	writeAPI(w, http.StatusOK, apiPage{AsOf: d, Data: childrenView{ParentID: id, Units: rows, listInfo: info}})
	return nil
}

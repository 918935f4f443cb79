package web

import (
	"net/http"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// unitData is a unit's page: its version on the date, all its versions, its children.
type unitData struct {
	Unit     tochuc.Unit
	Exists   bool
	Parent   *tochuc.Unit
	Versions []tochuc.Unit
	Children []unitRow
}

func (s *Server) handleUnit(w http.ResponseWriter, r *http.Request) {
	d, ok := dateOf(r)
	if !ok {
		s.fail(w, r, tochuc.Errorf(tochuc.EInvalid, "Ngày không hợp lệ: %q (cần dd/mm/yyyy)", r.URL.Query().Get("ngay")))
		return
	}
	reg := s.registry(r.Context())
	id := r.PathValue("id")
	versions, err := reg.UnitVersions(id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	data := unitData{Versions: versions, Unit: versions[len(versions)-1]}
	if u, err := reg.Unit(id, d); err == nil {
		data.Unit, data.Exists = u, true
	}
	if data.Exists && data.Unit.ParentID != "" {
		if p, err := reg.Unit(data.Unit.ParentID, d); err == nil {
			data.Parent = &p
		}
	}
	if data.Exists {
		kids, err := reg.UnitsAsOf(d, tochuc.UnitFilter{ParentID: id})
		if err == nil {
			data.Children, err = withChildren(reg, d, kids)
		}
		if err != nil {
			s.fail(w, r, err)
			return
		}
	}
	s.render(w, r, "unit.html", http.StatusOK, page{Title: data.Unit.Name, Date: d, Data: data})
}

package web

import (
	"net/http"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// compareData is the comparison between two dates, with the units' names.
type compareData struct {
	*tochuc.Comparison
	Units map[string]string
}

// handleCompare shows what changed between ?tu= and ?den= (default: a year before the page date, and the page date).
func (s *Server) handleCompare(w http.ResponseWriter, r *http.Request) {
	d, ok := dateOf(r)
	if !ok {
		s.fail(w, r, badDate(r))
		return
	}
	to, from := d, tochuc.NewDate(d.Time().Year()-1, d.Time().Month(), d.Time().Day())
	for name, dst := range map[string]*tochuc.Date{"tu": &from, "den": &to} {
		if v := r.URL.Query().Get(name); v != "" {
			x, err := tochuc.ParseDateLoose(v)
			if err != nil || x == 0 {
				s.fail(w, r, tochuc.Errorf(tochuc.EInvalid, "Ngày không hợp lệ: %q (cần dd/mm/yyyy)", v))
				return
			}
			*dst = x
		}
	}
	if from >= to {
		s.fail(w, r, tochuc.Errorf(tochuc.EInvalid, "Ngày đầu (%s) phải trước ngày cuối (%s)", from.Vietnamese(), to.Vietnamese()))
		return
	}
	reg := s.registry(r.Context())
	u, _ := userOf(r.Context())
	c, err := reg.Compare(from, to, scope(u))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var ids []string
	for _, l := range c.Links {
		ids = append(ids, l.FromUnitID, l.ToUnitID)
	}
	for _, a := range append(append([]tochuc.Assignment{}, c.Filled...), c.Vacated...) {
		ids = append(ids, a.UnitID)
	}
	units, err := reg.UnitNames(ids, to)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, "compare.html", http.StatusOK, page{Title: "So sánh hai thời điểm", Date: d, Data: compareData{c, units}})
}

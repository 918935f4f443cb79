package web

import (
	"context"
	"net/http"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// scope returns the unit a user is limited to, or "" for the whole registry.
func scope(u tochuc.User) string {
	if u.WholeRegistry() {
		return ""
	}
	return u.ScopeUnitID
}

// canSeeUnit reports whether a unit is inside the user's scope on d, or, for
// a unit not existing on d, on the last day it existed.
func (s *Server) canSeeUnit(ctx context.Context, reg Registry, u tochuc.User, unitID string, d tochuc.Date) (bool, error) {
	sc := scope(u)
	if sc == "" || unitID == sc {
		return true, nil
	}
	if _, err := reg.Unit(unitID, d); err != nil {
		vs, err := reg.UnitVersions(unitID)
		if err != nil {
			return false, err
		}
		last := vs[len(vs)-1]
		d = last.From
		if last.To != 0 {
			d = last.To.AddDays(-1)
		}
	}
	return s.accounts.UnitInScope(ctx, unitID, sc, d)
}

// canSeePerson reports whether a person held a post, or was registered as a
// member, in a unit inside the user's scope (as it stood then).
func (s *Server) canSeePerson(ctx context.Context, u tochuc.User, f *tochuc.PersonFile) (bool, error) {
	sc := scope(u)
	if sc == "" {
		return true, nil
	}
	check := func(unit string, d tochuc.Date) (bool, error) {
		if unit == "" {
			return false, nil
		}
		return s.accounts.UnitInScope(ctx, unit, sc, d)
	}
	for _, a := range f.Assignments {
		if ok, err := check(a.UnitID, a.From); ok || err != nil {
			return ok, err
		}
	}
	for _, e := range f.Events {
		if ok, err := check(e.UnitID, e.Date); ok || err != nil {
			return ok, err
		}
	}
	return false, nil
}

// forbidden answers 403 in the page's or the API's form.
func (s *Server) forbidden(w http.ResponseWriter, r *http.Request) {
	s.fail(w, r, tochuc.Errorf(tochuc.EForbidden, "Bạn không có quyền xem nội dung này (ngoài phạm vi được giao)."))
}

// failOrForbid answers an error, or 403 when there is none.
func (s *Server) failOrForbid(w http.ResponseWriter, r *http.Request, err error) {
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.forbidden(w, r)
}

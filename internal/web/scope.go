package web

import (
	"context"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// scope returns the unit a user is limited to, or "" for the whole registry.
func scope(u tochuc.User) string {
	if u.WholeRegistry() {
		return ""
	}
	return u.ScopeUnitID
}

// scopeOf returns the read side of the scope policy for the signed-in user.
func (s *Server) scopeOf(ctx context.Context) (*app.Scope, error) {
	u, _ := userOf(ctx)
	return s.app.Scope(ctx, u)
}

// rootsOn returns the units whose subtrees make the user's scope on d (the
// scope unit, or those that carry it on after it ended), or nil for the
// whole registry.
func (s *Server) rootsOn(ctx context.Context, d tochuc.Date) ([]string, error) {
	sc, err := s.scopeOf(ctx)
	if err != nil || sc.Whole() {
		return nil, err
	}
	roots := sc.RootsOn(d)
	if roots == nil {
		roots = []string{}
	}
	return roots, nil
}

// canSeeUnit reports whether a unit's page on d may be shown to the user:
// the unit lies inside the scope on d or, when it does not exist on d, on
// its nearest day.
func (s *Server) canSeeUnit(ctx context.Context, unitID string, d tochuc.Date) (bool, error) {
	sc, err := s.scopeOf(ctx)
	if err != nil {
		return false, err
	}
	return sc.UnitOn(unitID, d), nil
}

// canSeePerson reports whether a person's page may be shown to the user: they
// held a post, or were registered as a member, inside the scope at some date.
func (s *Server) canSeePerson(ctx context.Context, id string) (bool, error) {
	sc, err := s.scopeOf(ctx)
	if err != nil {
		return false, err
	}
	return sc.Person(ctx, id)
}

// forbidden answers 403 in the page's or the API's form.
func forbiddenOr(err error) error {
	if err != nil {
		return err
	}
	return tochuc.Errorf(tochuc.EForbidden, "Bạn không có quyền xem nội dung này (ngoài phạm vi được giao).")
}

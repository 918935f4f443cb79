package app

import (
	"context"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// Scope is the read side of the scope policy for one account, over the
// registry as it stands now (or as a transaction sees it). Its methods are
// cheap once built; the people's places are read as they are asked for.
type Scope struct {
	app   *App   // for the audit log of confidential reads
	ip    string // where the reads come from
	user  tochuc.User
	r     *sqldb.Reader
	view  *scopeView // nil for the whole registry
	above map[string]bool
	// complete: the places of every person who may be read are loaded; the
	// others need not be looked up.
	complete bool
}

// Scope returns the scope of an account over the registry as it stands now.
func (a *App) Scope(ctx context.Context, u tochuc.User) (*Scope, error) {
	return a.scopeOn(ctx, a.db.Reader(sqldb.Recorded{}), u)
}

// scopeOn builds an account's scope over what a reader sees.
func (a *App) scopeOn(ctx context.Context, r *sqldb.Reader, u tochuc.User) (*Scope, error) {
	s := &Scope{app: a, user: u, r: r}
	if u.WholeRegistry() {
		return s, nil
	}
	sm, err := a.scopeMap(ctx, r, u.ScopeUnitID)
	if err != nil {
		return nil, err
	}
	s.view = &scopeView{sm: sm, places: map[string][]tochuc.Place{}, docs: map[string][]string{}, today: a.today()}
	return s, nil
}

// scopeMap returns the scope map of a unit as a reader sees the registry,
// from the cache when the registry has not changed since.
func (a *App) scopeMap(ctx context.Context, r *sqldb.Reader, unit string) (*tochuc.ScopeMap, error) {
	v, err := r.Version(ctx)
	if err != nil {
		return nil, sqldb.Fault(err)
	}
	if sm := a.scopes.get(unit, v); sm != nil {
		return sm, nil
	}
	sm, err := r.ScopeMap(ctx, unit)
	if err != nil {
		return nil, sqldb.Fault(err)
	}
	a.scopes.put(unit, v, sm)
	return sm, nil
}

// Whole reports whether the scope is the whole registry.
func (s *Scope) Whole() bool { return s.view == nil }

// UnitID returns the scope unit, or "" for the whole registry.
func (s *Scope) UnitID() string {
	if s.view == nil {
		return ""
	}
	return s.user.ScopeUnitID
}

// Map returns the scope map (nil for the whole registry).
func (s *Scope) Map() *tochuc.ScopeMap {
	if s.view == nil {
		return nil
	}
	return s.view.sm
}

// UnitOn reports whether a page of a unit on d may be shown: the unit lies
// inside the scope on d or, when it does not exist on d, on its nearest day.
func (s *Scope) UnitOn(id string, d tochuc.Date) bool {
	if s.view == nil {
		return true
	}
	return s.view.unitIn(id, tochuc.Period{From: d, To: d.AddDays(1)}, true)
}

// RootsOn returns the units whose subtrees make the scope on d, or nil for
// the whole registry.
func (s *Scope) RootsOn(d tochuc.Date) []string {
	if s.view == nil {
		return nil
	}
	return s.view.sm.RootsOn(d)
}

// Person reports whether a person may be read: they had a post or were a
// member inside the scope at some date.
func (s *Scope) Person(ctx context.Context, id string) (bool, error) {
	if s.view == nil {
		return true, nil
	}
	if err := s.loadPlaces(ctx, []string{id}); err != nil {
		return false, err
	}
	return s.view.personReadable(id), nil
}

// Row reports whether a record (cells aligned to f.Columns) may be read.
func (s *Scope) Row(ctx context.Context, f *bundle.File, cells []string) (bool, error) {
	if f.Confidential && !s.MayReadConfidential() {
		return false, nil
	}
	if s.view == nil {
		return true, nil
	}
	r := refsOf(f, cells)
	var ids []string
	for _, p := range r.persons {
		ids = append(ids, p.id)
	}
	if err := s.loadPlaces(ctx, ids); err != nil {
		return false, err
	}
	if r.partOfDocuments() {
		if err := s.loadDocs(ctx, r.docs); err != nil {
			return false, err
		}
	}
	if (f.Name == "documents" || r.partOfDocuments()) && s.above == nil {
		if err := s.loadAbove(ctx); err != nil {
			return false, err
		}
	}
	return s.view.readable(f, cells, s.above), nil
}

// loadPlaces reads the places of the people not read yet.
func (s *Scope) loadPlaces(ctx context.Context, ids []string) error {
	if s.complete {
		return nil
	}
	var missing []string
	for _, id := range ids {
		if _, ok := s.view.places[id]; !ok && id != "" {
			missing = append(missing, id)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	got, err := s.r.PersonPlaces(ctx, missing)
	if err != nil {
		return sqldb.Fault(err)
	}
	for _, id := range missing {
		s.view.places[id] = got[id] // nil when not held
	}
	return nil
}

// loadDocs reads the documents not read yet that parts of documents are judged by.
func (s *Scope) loadDocs(ctx context.Context, docs []ref) error {
	var missing []string
	for _, d := range docs {
		if _, ok := s.view.docs[d.id]; !ok {
			missing = append(missing, d.id)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	got, err := s.r.DocumentRows(ctx, missing)
	if err != nil {
		return sqldb.Fault(err)
	}
	for _, id := range missing {
		s.view.docs[id] = got[id] // nil when not held
	}
	return nil
}

// loadAbove reads the units above the scope unit (through any version's
// parent and locality): their documents are the directives it works under.
func (s *Scope) loadAbove(ctx context.Context) error {
	s.above = map[string]bool{}
	next := []string{s.user.ScopeUnitID}
	for len(next) > 0 {
		id := next[0]
		next = next[1:]
		vs, err := s.r.UnitVersions(ctx, id)
		if tochuc.ErrorCode(err) == tochuc.ENotFound {
			continue
		}
		if err != nil {
			return sqldb.Fault(err)
		}
		for _, v := range vs {
			for _, up := range []string{v.ParentID, v.LocalityID} {
				if up != "" && !s.above[up] {
					s.above[up] = true
					next = append(next, up)
				}
			}
		}
	}
	return nil
}

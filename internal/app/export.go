package app

import (
	"context"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// Export writes the registry as recorded at rec into sink — the whole of it,
// or, for an account with a scope, exactly the records its scope may read
// (the read side of the scope policy, on each record's own dates) — and
// returns the records written per file. The export is written to the audit
// log.
func (a *App) Export(ctx context.Context, act Actor, rec sqldb.Recorded, sink bundle.Sink) (map[string]int, error) {
	return a.ExportChangedSince(ctx, act, rec, Recorded{}, sink)
}

// ExportChangedSince is Export of an incremental package when since is set:
// only the records recorded after since, and retractions.csv naming the
// records of the scope held at since and no longer held (ExportRetractions).
func (a *App) ExportChangedSince(ctx context.Context, act Actor, rec, since sqldb.Recorded, sink bundle.Sink) (map[string]int, error) {
	r := a.db.Reader(rec)
	sc, err := a.scopeOn(ctx, r, act.User)
	if err != nil {
		return nil, err
	}
	sc.ip = act.IP
	if err := sc.prefetch(ctx); err != nil {
		return nil, err
	}
	var store bundle.Store = r
	if !act.whole() || !sc.MayReadConfidential() {
		store = scopedStore{Store: r, scope: sc}
	}
	if since.At != 0 {
		store = changedStore{Store: store, r: r.ChangedSince(since), scope: sc, whole: act.whole() && sc.MayReadConfidential()}
	}
	counts, err := bundle.Export(ctx, store, sink)
	if err != nil {
		return nil, a.fault(err)
	}
	if since.At != 0 {
		n, err := exportRetractions(ctx, r, sc, act.whole() && sc.MayReadConfidential(), since, sink)
		if err != nil {
			return nil, a.fault(err)
		}
		counts[bundle.RetractionsFile] = n
	}
	attached, err := exportAttached(ctx, r, store, sink)
	if err != nil {
		return nil, a.fault(err)
	}
	if sc.MayReadConfidential() {
		for _, f := range bundle.Files {
			if f.Confidential && counts[f.Name] > 0 {
				if err := sc.LogRead(ctx, ConfidentialRead{File: f.Name, Via: "export", Count: counts[f.Name]}); err != nil {
					return nil, err
				}
			}
		}
	}
	detail := map[string]any{"files": counts}
	if attached > 0 {
		detail["attached"] = attached
	}
	if since.At != 0 {
		detail["changed_since"] = since.At
	}
	if !act.whole() {
		detail["scope"] = act.User.ScopeUnitID
	}
	err = a.db.AppendAudit(ctx, tochuc.AuditEntry{UserLogin: act.User.Login, IP: act.IP, Action: "bundle.export",
		ObjectType: "bundle", Detail: detail})
	return counts, a.fault(err)
}

// scopedStore is the part of the registry a scope may read.
type scopedStore struct {
	bundle.Store
	scope *Scope
}

// Records implements bundle.Store, keeping the records the scope may read
// (confidential columns blank without the permission).
func (s scopedStore) Records(ctx context.Context, f *bundle.File, fn func(cells []string, extra map[string]string) error) error {
	if f.Confidential && !s.scope.MayReadConfidential() {
		return nil
	}
	return s.Store.Records(ctx, f, func(cells []string, extra map[string]string) error {
		ok, err := s.scope.Row(ctx, f, cells)
		if err != nil || !ok {
			return err
		}
		return fn(s.scope.Cells(f, cells), extra)
	})
}

// Holds implements bundle.Store: a confidential column is held for the
// scope only with the permission.
func (s scopedStore) Holds(ctx context.Context, f *bundle.File, column string) (bool, error) {
	if i := f.Index(column); i >= 0 && f.Columns[i].Confidential && !s.scope.MayReadConfidential() {
		return false, nil
	}
	return s.Store.Holds(ctx, f, column)
}

// prefetch reads at once the places of everyone who ever had one in a unit
// of the scope: whoever else may be named can be read by no record.
func (s *Scope) prefetch(ctx context.Context) error {
	if s.view == nil {
		return nil
	}
	people, err := s.r.PeopleOfUnits(ctx, s.view.sm.Units())
	if err != nil {
		return sqldb.Fault(err)
	}
	if err := s.loadPlaces(ctx, people); err != nil {
		return err
	}
	s.complete = true
	return nil
}

// Recorded selects the registry's knowledge at a recording time (the zero
// value: as it stands now).
type Recorded = sqldb.Recorded

// ParseRecorded reads a recording time: RFC 3339, a date (the end of that
// day, UTC), or "" for now.
func ParseRecorded(s string) (Recorded, error) { return sqldb.ParseRecorded(s) }

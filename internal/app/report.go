package app

import (
	"context"

	"github.com/tochuc/tochuc/internal/indicator"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// ReportScope sets the scope of a report for an account: its own scope
// when p.Scope is empty or its own unit (carried on by the units that
// succeed it, p.Roots), or else a unit that lies inside it on p.AsOf; a
// unit outside is refused with EForbidden. An account over the whole
// registry may name any unit.
func (a *App) ReportScope(ctx context.Context, u tochuc.User, p indicator.Params) (indicator.Params, error) {
	own := ""
	if !u.WholeRegistry() {
		own = u.ScopeUnitID
	}
	if p.Scope == "" || p.Scope == own {
		p.Scope = own
		if own == "" {
			return p, nil
		}
		sc, err := a.Scope(ctx, u)
		if err != nil {
			return p, err
		}
		p.Roots = sc.Map().RootList()
		return p, nil
	}
	if own == "" {
		return p, nil
	}
	sc, err := a.Scope(ctx, u)
	if err != nil {
		return p, err
	}
	if !sc.UnitOn(p.Scope, p.AsOf) {
		return p, tochuc.Errorf(tochuc.EForbidden, "Phạm vi '%s' nằm ngoài phạm vi được giao.", p.Scope)
	}
	return p, nil
}

// Report computes the indicator catalog with p (its scope set by
// ReportScope) on the registry as recorded at rec.
func (a *App) Report(ctx context.Context, p indicator.Params, rec Recorded) (*indicator.Result, error) {
	res, err := indicator.Compute(ctx, a.db.Reader(rec), p)
	return res, a.fault(err)
}

// Explain opens the records behind one indicator with p (its scope set by
// ReportScope) on the registry as recorded at rec: the explanation streams
// them from the storage (its Each) each time it is written.
func (a *App) Explain(ctx context.Context, p indicator.Params, id string, rec Recorded) (*indicator.Explanation, error) {
	return a.ExplainPart(ctx, p, id, "", rec)
}

// ExplainPart is Explain of the records of one part of the indicator's
// breakdown (part "": all of them).
func (a *App) ExplainPart(ctx context.Context, p indicator.Params, id, part string, rec Recorded) (*indicator.Explanation, error) {
	e, err := indicator.OpenPart(ctx, a.db.Reader(rec), p, id, part)
	if err != nil {
		return nil, a.fault(err)
	}
	each := e.Each
	e.Each = func(rg indicator.Range, fn func(indicator.Item) error) error { return a.fault(each(rg, fn)) }
	return e, nil
}

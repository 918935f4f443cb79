package app

import (
	"context"

	"github.com/tochuc/tochuc/internal/check"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// CheckParams select a run of the rule checks.
type CheckParams struct {
	AsOf     tochuc.Date
	Scope    string // a unit inside the account's scope; "" = the account's scope
	Rules    []string
	Recorded Recorded
}

// CheckResult is the findings of a run, with what they were run on.
type CheckResult struct {
	AsOf     tochuc.Date     `json:"as_of"`
	Scope    string          `json:"scope,omitempty"`
	Findings []check.Finding `json:"findings"`
	// Version is the registry version the run read (CurrentChecks only).
	Version int64 `json:"-"`
}

// Check applies the rule checks (checks-v1) at p.AsOf and keeps the
// findings inside the scope — the account's, or p.Scope inside it: a finding
// stays when a unit of its subject (EVAL-11: its rated_by_id), or a unit
// where a person of its subject holds a post or is registered as a member on
// the date, lies inside the scope; data-quality findings (DQ-*) only for the
// whole registry.
func (a *App) Check(ctx context.Context, u tochuc.User, p CheckParams) (*CheckResult, error) {
	return a.checkOn(ctx, a.db.Reader(p.Recorded), u, p)
}

// checkOn is Check on a reader (the registry as recorded at a time, or
// inside a change set).
func (a *App) checkOn(ctx context.Context, r *sqldb.Reader, u tochuc.User, p CheckParams) (*CheckResult, error) {
	scope := p.Scope
	if !u.WholeRegistry() {
		if scope == "" {
			scope = u.ScopeUnitID
		} else if sc, err := a.scopeOn(ctx, r, u); err != nil {
			return nil, err
		} else if !sc.UnitOn(scope, p.AsOf) {
			return nil, tochuc.Errorf(tochuc.EForbidden, "Phạm vi '%s' nằm ngoài phạm vi được giao.", scope)
		}
	}
	fs, err := check.Run(ctx, r.CheckSource(), check.Params{AsOf: p.AsOf, Rules: p.Rules})
	if err != nil {
		return nil, a.fault(err)
	}
	fs = readableFindings(u, fs)
	res := &CheckResult{AsOf: p.AsOf, Scope: scope, Findings: []check.Finding{}}
	if scope == "" {
		res.Findings = fs
		return res, nil
	}
	sm, err := a.scopeMap(ctx, r, scope)
	if err != nil {
		return nil, err
	}
	var persons []string
	for _, f := range fs {
		persons = append(persons, findingPersons(f)...)
	}
	places, err := r.PersonPlaces(ctx, persons)
	if err != nil {
		return nil, a.fault(err)
	}
	for _, f := range fs {
		if findingInScope(f, sm, places, p.AsOf) {
			res.Findings = append(res.Findings, f)
		}
	}
	return res, nil
}

// findingPersons returns the persons of a finding's subject.
func findingPersons(f check.Finding) []string {
	var out []string
	if id := f.Subject["person_id"]; id != "" {
		out = append(out, id)
	}
	if f.Subject["subject_type"] == "person" {
		out = append(out, f.Subject["subject_id"])
	}
	return out
}

// findingInScope applies the scope rule of checks-v1 to a finding.
func findingInScope(f check.Finding, sm *tochuc.ScopeMap, places map[string][]tochuc.Place, d tochuc.Date) bool {
	if len(f.Rule) > 3 && f.Rule[:3] == "DQ-" {
		return false
	}
	if f.Rule == "EVAL-11" {
		return sm.InOn(f.Subject["rated_by_id"], d)
	}
	units := []string{f.Subject["unit_id"]}
	if f.Subject["subject_type"] == "unit" {
		units = append(units, f.Subject["subject_id"])
	}
	for _, u := range units {
		if u != "" && sm.InOn(u, d) {
			return true
		}
	}
	for _, id := range findingPersons(f) {
		for _, pl := range places[id] {
			if pl.Contains(d) && sm.InOn(pl.UnitID, d) {
				return true
			}
		}
	}
	return false
}

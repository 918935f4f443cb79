package indicator

import (
	"context"
	"fmt"
	"math"
	"strings"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// Indicator is one figure of the catalog.
type Indicator struct {
	ID     string         `json:"id"`
	Label  string         `json:"label"`
	Value  int            `json:"value"`
	Of     *int           `json:"of,omitempty"`
	Ratio  *float64       `json:"ratio,omitempty"`
	By     map[string]int `json:"by,omitempty"`
	Since  *Figure        `json:"since,omitempty"`
	Change *int           `json:"change,omitempty"`
	// Flow marks indicators that count events in (S, D] rather than a state.
	Flow bool `json:"-"`
}

// Figure is the state of a stock indicator at the since date.
type Figure struct {
	Value int            `json:"value"`
	Of    *int           `json:"of,omitempty"`
	By    map[string]int `json:"by,omitempty"`
}

// Scope names the unit a report is restricted to. When that unit no longer
// exists on the report's date, Ended is its last day and Successors are the
// units that carry the scope on (the roots of Params).
type Scope struct {
	ID         string  `json:"id"`
	Name       string  `json:"name"`
	Ended      string  `json:"ended,omitempty"`
	Successors []Scope `json:"successors,omitempty"`
}

// Result is a whole report.
type Result struct {
	AsOf       string      `json:"as_of"`
	Since      string      `json:"since,omitempty"`
	Scope      *Scope      `json:"scope"`
	Indicators []Indicator `json:"indicators"`
}

// Measure is what an Engine found for one indicator at one date: for a
// breakdown, one Measure per part.
type Measure struct {
	ID    string
	Since bool   // evaluated at Params.Since (stocks only); flows are evaluated once, over (Since, AsOf]
	Part  string // a key of Def.Parts, "" for an indicator without parts
	Value int    // the records counted in the value, or the sum of their amounts (Def.Sum)
	Of    int    // the records listed (the denominator of a share)
}

// Engine is what computes the indicators from the registry: storage
// implements it (*sqldb.Reader), following each Def's Counts.
type Engine interface {
	// Unit returns the version of a unit valid on d.
	Unit(ctx context.Context, id string, d tochuc.Date) (tochuc.Unit, error)
	// Evaluate computes the given indicators at p.AsOf, and stocks also at p.Since when set.
	Evaluate(ctx context.Context, p Params, defs []Def) ([]Measure, error)
	// EachItem calls fn with the records behind an indicator at p.AsOf (a
	// flow: over (p.Since, p.AsOf]) in a stable order — by part, in the
	// order of def.Parts, then by id (byte order) — as the storage reads
	// them, without holding them all: those of rg. An error of fn stops it.
	EachItem(ctx context.Context, p Params, def Def, rg Range, fn func(Item) error) error
	// CountItems counts the records behind an indicator, up to limit of
	// them (0: all; past it, More is set and the counts stop there).
	CountItems(ctx context.Context, p Params, def Def, limit int) (ItemCount, error)
	// EachChange calls fn with the records of a stock indicator that entered
	// its value between p.Since and p.AsOf, then those that left it, each
	// by id (byte order): those of rg.
	EachChange(ctx context.Context, p Params, def Def, rg Range, fn func(Change) error) error
	// CountChanges counts the records that entered and left.
	CountChanges(ctx context.Context, p Params, def Def) (ChangeCount, error)
	// ItemDetails reads what makes each of the records ids (a page of them)
	// count on p.AsOf: a person's posts, party status and qualifications, a
	// locality's holders of the indicator's posts, a unit's superior.
	ItemDetails(ctx context.Context, p Params, def Def, ids []string) (map[string]Detail, error)
}

// Params select what a report covers.
type Params struct {
	AsOf  tochuc.Date
	Since tochuc.Date // zero: no comparison
	Scope string      // unit id; "" = everything
	// Roots, when set, are the units whose subtrees make the scope, each over
	// a period: the scope unit while it exists, then those that carry it on
	// after it ended (tochuc.ScopeMap). Without them the scope is the scope
	// unit's subtree on every date.
	Roots []tochuc.Place
}

// Key identifies the parameters, for caches.
func (p Params) Key() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d|%d|%s", p.AsOf, p.Since, p.Scope)
	for _, r := range p.Roots {
		fmt.Fprintf(&b, "|%s:%d-%d", r.UnitID, r.From, r.To)
	}
	return b.String()
}

// ScopeRoots returns the roots of the scope: Roots, or the scope unit itself
// at every date; none without a scope.
func (p Params) ScopeRoots() []tochuc.Place {
	if p.Scope == "" {
		return nil
	}
	if len(p.Roots) > 0 {
		return p.Roots
	}
	return []tochuc.Place{{UnitID: p.Scope, Period: tochuc.Period{From: tochuc.NewDate(1, 1, 1)}}}
}

// Check validates the dates of a report.
func (p Params) Check() error {
	if p.AsOf == 0 {
		return tochuc.Errorf(tochuc.EInvalid, "thiếu ngày báo cáo")
	}
	if p.Since != 0 && p.Since >= p.AsOf {
		return tochuc.Errorf(tochuc.EInvalid, "ngày so sánh %s phải trước ngày báo cáo %s",
			p.Since.Vietnamese(), p.AsOf.Vietnamese())
	}
	return nil
}

// Compute evaluates every catalog indicator.
func Compute(ctx context.Context, src Engine, p Params) (*Result, error) {
	if err := p.Check(); err != nil {
		return nil, err
	}
	res := &Result{AsOf: p.AsOf.String(), Since: p.Since.String()}
	if p.Scope != "" {
		sc, err := scopeOf(ctx, src, p)
		if err != nil {
			return nil, err
		}
		res.Scope = sc
	}
	ms, err := src.Evaluate(ctx, p, catalog)
	if err != nil {
		return nil, err
	}
	for _, def := range catalog {
		now := figure(def, ms, false)
		ind := Indicator{ID: def.ID, Label: def.LabelOn(p.AsOf), Value: now.Value, Of: now.Of, By: now.By, Flow: def.Flow}
		if now.Of != nil && *now.Of > 0 {
			r := math.Round(float64(now.Value)/float64(*now.Of)*1e6) / 1e6
			ind.Ratio = &r
		}
		if p.Since != 0 && !def.Flow {
			then := figure(def, ms, true)
			change := now.Value - then.Value
			ind.Since, ind.Change = &then, &change
		}
		res.Indicators = append(res.Indicators, ind)
	}
	return res, nil
}

// figure adds up the measures of one indicator at one date.
func figure(def Def, ms []Measure, since bool) Figure {
	var f Figure
	of := 0
	if len(def.Parts) > 0 {
		f.By = make(map[string]int, len(def.Parts))
		for _, part := range def.Parts {
			f.By[part] = 0
		}
	}
	for _, m := range ms {
		if m.ID != def.ID || m.Since != since {
			continue
		}
		f.Value += m.Value
		of += m.Of
		if f.By != nil {
			f.By[m.Part] += m.Value
		}
	}
	if def.Share {
		f.Of = &of
	}
	return f
}

// scopeOf names a report's scope on its date: its unit, or, when the unit
// has ended and roots carry the scope on, the unit's last name, its last day
// and the units that carry it on.
func scopeOf(ctx context.Context, src Engine, p Params) (*Scope, error) {
	u, err := src.Unit(ctx, p.Scope, p.AsOf)
	if err == nil {
		return &Scope{ID: u.ID, Name: u.Name}, nil
	}
	if tochuc.ErrorCode(err) != tochuc.ENotFound || len(p.Roots) == 0 {
		return nil, err
	}
	sc := &Scope{ID: p.Scope, Name: p.Scope}
	for _, r := range p.Roots {
		if r.UnitID == p.Scope && r.To != 0 && r.To <= p.AsOf {
			last, err := src.Unit(ctx, p.Scope, r.To.AddDays(-1))
			if err == nil {
				sc.Name, sc.Ended = last.Name, r.To.AddDays(-1).String()
			}
		}
	}
	for _, r := range p.Roots {
		if r.Contains(p.AsOf) {
			if u, err := src.Unit(ctx, r.UnitID, p.AsOf); err == nil {
				sc.Successors = append(sc.Successors, Scope{ID: u.ID, Name: u.Name})
			}
		}
	}
	if sc.Ended == "" {
		return nil, err
	}
	return sc, nil
}

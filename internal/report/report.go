// Package report computes the standard indicators of indicators-v1 for a date,
// an optional earlier date and a scope, and renders them as JSON, a Vietnamese
// table, CSV or a workbook.
package report

import (
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

// Scope names the unit a report is restricted to.
type Scope struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Result is a whole report.
type Result struct {
	AsOf       string      `json:"as_of"`
	Since      string      `json:"since,omitempty"`
	Scope      *Scope      `json:"scope"`
	Indicators []Indicator `json:"indicators"`
}

// Source is what the indicators are computed from.
type Source interface {
	// CountUnitsByKind returns the units existing on d inside the scope ("" = all), by kind.
	CountUnitsByKind(d tochuc.Date, scope string) (map[string]int, error)
	// Unit returns the version of a unit valid on d.
	Unit(id string, d tochuc.Date) (tochuc.Unit, error)
}

// Params select what a report covers.
type Params struct {
	AsOf  tochuc.Date
	Since tochuc.Date // zero: no comparison
	Scope string      // unit id; "" = everything
}

// Compute evaluates every catalog indicator.
func Compute(src Source, p Params) (*Result, error) {
	res := &Result{AsOf: p.AsOf.String(), Since: p.Since.String()}
	if p.Scope != "" {
		u, err := src.Unit(p.Scope, p.AsOf)
		if err != nil {
			return nil, err
		}
		res.Scope = &Scope{ID: u.ID, Name: u.Name}
	}
	now, err := unitIndicators(src, p.AsOf, p.Scope)
	if err != nil {
		return nil, err
	}
	if p.Since != 0 {
		then, err := unitIndicators(src, p.Since, p.Scope)
		if err != nil {
			return nil, err
		}
		for i := range now {
			if now[i].Flow {
				continue
			}
			now[i].Since = &Figure{Value: then[i].Value, Of: then[i].Of, By: then[i].By}
			change := now[i].Value - then[i].Value
			now[i].Change = &change
		}
	}
	res.Indicators = now
	return res, nil
}

// unitIndicators computes units.<kind> for every unit kind.
func unitIndicators(src Source, d tochuc.Date, scope string) ([]Indicator, error) {
	counts, err := src.CountUnitsByKind(d, scope)
	if err != nil {
		return nil, err
	}
	out := make([]Indicator, 0, len(tochuc.UnitKinds))
	for _, k := range tochuc.UnitKinds {
		out = append(out, Indicator{ID: "units." + k.Code, Label: "Số đơn vị: " + k.Label, Value: counts[k.Code]})
	}
	return out, nil
}

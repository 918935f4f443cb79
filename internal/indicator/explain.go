package indicator

import (
	"context"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// Item is one record behind an indicator: a unit or a person.
type Item struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Part is the item's key in the indicator's breakdown.
	Part string `json:"part,omitempty"`
	// Counted reports whether the item counts in the value; for a share, the
	// items are the `of` records and only some are counted.
	Counted bool `json:"counted"`
	// Amount is what the item adds to a sum (a unit's headcount).
	Amount *int `json:"amount,omitempty"`
}

// Explain lists the units or persons behind an indicator's value at p.AsOf
// (a flow: the persons of the events in (p.Since, p.AsOf]).
func Explain(ctx context.Context, src Engine, p Params, id string) ([]Item, error) {
	def, ok := Lookup(id)
	if !ok {
		return nil, tochuc.Errorf(tochuc.ENotFound, "không có chỉ tiêu '%s'", id)
	}
	if err := p.Check(); err != nil {
		return nil, err
	}
	return src.Items(ctx, p, def)
}

// Explanation is an indicator with the records behind it, ready to render.
type Explanation struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	AsOf  string `json:"as_of"`
	Since string `json:"since,omitempty"`
	Scope *Scope `json:"scope"`
	Items []Item `json:"items"`
	// Def is the indicator explained.
	Def Def `json:"-"`
}

// NewExplanation explains an indicator and names its date and scope.
func NewExplanation(ctx context.Context, src Engine, p Params, id string) (*Explanation, error) {
	items, err := Explain(ctx, src, p, id)
	if err != nil {
		return nil, err
	}
	def, _ := Lookup(id)
	e := &Explanation{ID: id, Label: def.LabelOn(p.AsOf), AsOf: p.AsOf.String(), Items: items, Def: def}
	if def.Flow {
		e.Since = p.Since.String()
	}
	if p.Scope != "" {
		u, err := src.Unit(ctx, p.Scope, p.AsOf)
		if err != nil {
			return nil, err
		}
		e.Scope = &Scope{ID: u.ID, Name: u.Name}
	}
	if e.Items == nil {
		e.Items = []Item{}
	}
	return e, nil
}

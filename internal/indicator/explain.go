package indicator

import (
	"context"
	"slices"

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

// Range selects a page of an indicator's records in their order: Limit
// records (0: all of them) after the first Offset, in their order or Order.
type Range struct {
	Offset, Limit int
	// Order, when set, sorts the records first by: OrderName (persons by
	// their sort key, units by name) or OrderCounted (counted first).
	Order string
}

// The orders of Range besides the records' own.
const (
	OrderName    = "name"
	OrderCounted = "counted"
)

// ItemCount is how many records are behind an indicator: those listed, those
// counted in the value, the sum of their amounts. With a limit, More is set
// when there are more records than the limit, and the counts are of the
// first limit records only.
type ItemCount struct {
	Listed  int  `json:"listed"`
	Counted int  `json:"counted"`
	Sum     int  `json:"sum"`
	More    bool `json:"more,omitempty"`
}

// Explain lists the units or persons behind an indicator's value at p.AsOf
// (a flow: the persons of the events in (p.Since, p.AsOf]), all in memory:
// for a few records; EachItem streams them.
func Explain(ctx context.Context, src Engine, p Params, id string) ([]Item, error) {
	var out []Item
	err := EachItem(ctx, src, p, id, Range{}, func(it Item) error {
		out = append(out, it)
		return nil
	})
	return out, err
}

// EachItem calls fn with the records behind an indicator in their order
// (Engine.EachItem), those of rg, without holding them.
func EachItem(ctx context.Context, src Engine, p Params, id string, rg Range, fn func(Item) error) error {
	def, err := lookupChecked(p, id)
	if err != nil {
		return err
	}
	return src.EachItem(ctx, p, def, rg, fn)
}

// lookupChecked returns the indicator id after checking p.
func lookupChecked(p Params, id string) (Def, error) {
	def, ok := Lookup(id)
	if !ok {
		return def, tochuc.Errorf(tochuc.ENotFound, "không có chỉ tiêu '%s'", id)
	}
	return def, p.Check()
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
	// Each, when set, streams the items instead of Items (OpenExplanation),
	// with the context OpenExplanation was given: each call reads them again
	// from the storage, in the same order.
	Each func(rg Range, fn func(Item) error) error `json:"-"`
}

// NewExplanation explains an indicator and names its date and scope, its
// items read into memory.
func NewExplanation(ctx context.Context, src Engine, p Params, id string) (*Explanation, error) {
	e, err := OpenExplanation(ctx, src, p, id)
	if err != nil {
		return nil, err
	}
	e.Items = []Item{}
	err = e.Each(Range{}, func(it Item) error {
		e.Items = append(e.Items, it)
		return nil
	})
	e.Each = nil
	return e, err
}

// OpenExplanation names an indicator's date and scope, its items left in
// the storage: Each streams them (Items stays nil).
func OpenExplanation(ctx context.Context, src Engine, p Params, id string) (*Explanation, error) {
	return OpenPart(ctx, src, p, id, "")
}

// OpenPart is OpenExplanation of the records of one part of an indicator's
// breakdown (part "": all of them); its label names the part.
func OpenPart(ctx context.Context, src Engine, p Params, id, part string) (*Explanation, error) {
	def, err := lookupChecked(p, id)
	if err != nil {
		return nil, err
	}
	label := def.LabelOn(p.AsOf)
	if part != "" {
		if !slices.Contains(def.Parts, part) {
			return nil, tochuc.Errorf(tochuc.ENotFound, "chỉ tiêu '%s' không có nhóm '%s'", id, part)
		}
		def.Only = part
		label += " – " + PartLabelOf(id, part)
	}
	e := &Explanation{ID: id, Label: label, AsOf: p.AsOf.String(), Def: def}
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
	e.Each = func(rg Range, fn func(Item) error) error {
		return src.EachItem(ctx, p, def, rg, fn)
	}
	return e, nil
}

// EachOf calls fn with every item of an explanation: streamed (Each) or in memory.
func (e *Explanation) EachOf(fn func(Item) error) error {
	if e.Each != nil {
		return e.Each(Range{}, fn)
	}
	for _, it := range e.Items {
		if err := fn(it); err != nil {
			return err
		}
	}
	return nil
}

// Change is a record that entered an indicator's value between the
// comparison date and the date (counted on the date, not on the comparison
// date), or left it (the reverse).
type Change struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Entered bool   `json:"entered"`
}

// ChangeCount is how many records entered and left.
type ChangeCount struct {
	Entered int `json:"entered"`
	Left    int `json:"left"`
}

// Detail is what makes a record count, read for a page of records
// (Engine.ItemDetails): a person's posts, party status and qualifications on
// the date; a locality's holders of the indicator's posts (or its units of
// the kind counted); a unit's superior and host.
type Detail struct {
	Posts     []Held `json:"posts,omitempty"`
	Party     string `json:"party,omitempty"`      // persons: official, probationary or "" (not a member)
	PartyUnit string `json:"party_unit,omitempty"` // persons: the name of their party organization
	Education string `json:"education,omitempty"`  // persons: the highest level on the date
	Theory    string `json:"theory,omitempty"`     // persons: the highest political theory level on the date
	// persons behind a breakdown of members (MemberTraits): their record's traits
	Gender    string `json:"gender,omitempty"`
	Born      string `json:"born,omitempty"` // the birth date, YYYY-MM-DD
	Ethnicity string `json:"ethnicity,omitempty"`
	Religion  string `json:"religion,omitempty"`
	Parent    string `json:"parent,omitempty"` // units: the superior unit's name
	Host      string `json:"host,omitempty"`   // units: the name of the unit hosting it
	// Both names the person holding both posts of a combined-post indicator.
	Both string `json:"both,omitempty"`
}

// Held is a post held on the date: the role, the unit's name and, when the
// record is not the person, the holder.
type Held struct {
	Role     string `json:"role"`
	Unit     string `json:"unit"`
	PersonID string `json:"person_id,omitempty"`
	Person   string `json:"person,omitempty"`
}

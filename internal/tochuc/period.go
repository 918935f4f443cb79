package tochuc

// Period is a half-open span of dates [From, To): From is the first day it
// holds and To the first day it no longer holds. A zero To means open-ended.
type Period struct {
	From Date `json:"valid_from"`
	To   Date `json:"valid_to,omitempty"`
}

// Contains reports whether the period holds on d.
func (p Period) Contains(d Date) bool {
	return p.From <= d && (p.To == 0 || d < p.To)
}

// Overlaps reports whether two periods share at least one day.
func (p Period) Overlaps(q Period) bool {
	return (q.To == 0 || p.From < q.To) && (p.To == 0 || q.From < p.To)
}

// Valid reports whether the period ends after it starts.
func (p Period) Valid() bool { return p.To == 0 || p.To > p.From }

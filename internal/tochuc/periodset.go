package tochuc

import (
	"math"
	"slices"
)

// forever stands for an open end in period arithmetic.
const forever = Date(math.MaxInt32)

func end(p Period) Date {
	if p.To == 0 {
		return forever
	}
	return p.To
}

func period(from, to Date) Period {
	if to == forever {
		to = 0
	}
	return Period{From: from, To: to}
}

// PeriodSet is a set of dates held as sorted, disjoint, non-adjacent
// periods (the last may be open-ended). The zero value is the empty set.
type PeriodSet []Period

// Add returns the set with the dates of p added.
func (s PeriodSet) Add(p Period) PeriodSet {
	if !p.Valid() || p.From == 0 {
		return s
	}
	out := make(PeriodSet, 0, len(s)+1)
	from, to := p.From, end(p)
	placed := false
	for _, q := range s {
		switch {
		case end(q) < from: // entirely before, not adjacent
			out = append(out, q)
		case q.From > to: // entirely after, not adjacent
			if !placed {
				out = append(out, period(from, to))
				placed = true
			}
			out = append(out, q)
		default: // overlaps or touches: merge
			from, to = min(from, q.From), max(to, end(q))
		}
	}
	if !placed {
		out = append(out, period(from, to))
	}
	return out
}

// Union returns the dates in s or t.
func (s PeriodSet) Union(t PeriodSet) PeriodSet {
	out := slices.Clone(s)
	for _, p := range t {
		out = out.Add(p)
	}
	return out
}

// Clip returns the dates of s that lie in p.
func (s PeriodSet) Clip(p Period) PeriodSet {
	var out PeriodSet
	for _, q := range s {
		from, to := max(q.From, p.From), min(end(q), end(p))
		if from < to {
			out = append(out, period(from, to))
		}
	}
	return out
}

// Intersect returns the dates in both s and t.
func (s PeriodSet) Intersect(t PeriodSet) PeriodSet {
	var out PeriodSet
	for _, p := range t {
		for _, q := range s.Clip(p) {
			out = out.Add(q)
		}
	}
	return out
}

// Contains reports whether d is in the set.
func (s PeriodSet) Contains(d Date) bool {
	for _, q := range s {
		if q.Contains(d) {
			return true
		}
	}
	return false
}

// Overlaps reports whether the set holds at least one date of p.
func (s PeriodSet) Overlaps(p Period) bool { return len(s.Clip(p)) > 0 }

// Covers reports whether the set holds every date of p.
func (s PeriodSet) Covers(p Period) bool {
	for _, q := range s {
		if q.From <= p.From && end(p) <= end(q) {
			return true
		}
	}
	return false
}

// CoversSet reports whether every date of t is in s.
func (s PeriodSet) CoversSet(t PeriodSet) bool {
	for _, p := range t {
		if !s.Covers(p) {
			return false
		}
	}
	return true
}

// Equal reports whether s and t hold the same dates.
func (s PeriodSet) Equal(t PeriodSet) bool { return slices.Equal(s, t) }

// Last returns the last date of the set, or 0 when it is empty or open-ended.
func (s PeriodSet) Last() Date {
	if len(s) == 0 || s[len(s)-1].To == 0 {
		return 0
	}
	return s[len(s)-1].To.AddDays(-1)
}

// Around returns the last date of s on or before d, or failing that the
// first date after it; ok is false when s is empty.
func (s PeriodSet) Around(d Date) (Date, bool) {
	var best Date
	found := false
	for _, q := range s {
		switch {
		case q.Contains(d):
			return d, true
		case end(q) <= d:
			best, found = end(q).AddDays(-1), true
		case !found:
			return q.From, true
		}
	}
	return best, found
}

// Minus returns the dates of s that are not in t.
func (s PeriodSet) Minus(t PeriodSet) PeriodSet {
	var out PeriodSet
	for _, p := range s {
		from, to := p.From, end(p)
		for _, q := range t {
			if end(q) <= from || q.From >= to {
				continue
			}
			if q.From > from {
				out = out.Add(period(from, q.From))
			}
			from = end(q)
			if from >= to {
				break
			}
		}
		if from < to {
			out = out.Add(period(from, to))
		}
	}
	return out
}

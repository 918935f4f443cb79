package check

import "github.com/tochuc/tochuc/internal/tochuc"

// Registered is where members were registered on 31 December of some
// years, among the units asked for each year: what a Source without the
// member periods derives from the events to answer MemberRatings.
type Registered struct {
	units map[int]map[string]bool   // year → units asked
	at    map[string]map[int]string // person → year → unit
	years []int
}

// NewRegistered prepares a Registered for the units of each year and
// returns the last 31 December asked (events up to it are needed).
func NewRegistered(units map[int][]string) (*Registered, tochuc.Date) {
	r := &Registered{units: map[int]map[string]bool{}, at: map[string]map[int]string{}}
	last := 0
	for y, us := range units {
		r.units[y] = map[string]bool{}
		for _, u := range us {
			r.units[y][u] = true
		}
		r.years = append(r.years, y)
		last = max(last, y)
	}
	return r, tochuc.NewDate(last, 12, 31)
}

// Add notes where a person with these events was registered on each year's
// 31 December, when it is one of the units asked.
func (r *Registered) Add(p Person, evs []tochuc.MembershipEvent) error {
	for _, y := range r.years {
		if st := tochuc.MembershipAt(evs, tochuc.NewDate(y, 12, 31), p.Died); st.Member && r.units[y][st.UnitID] {
			if r.at[p.ID] == nil {
				r.at[p.ID] = map[int]string{}
			}
			r.at[p.ID][y] = st.UnitID
		}
	}
	return nil
}

// Rating passes a rating to fn when it is a person's of the category in a
// year when they were registered in one of the units asked.
func (r *Registered) Rating(x Rating, category string, fn func(int, string, Rating) error) error {
	if x.SubjectType != "person" || x.Category != category {
		return nil
	}
	if unit, ok := r.at[x.SubjectID][x.Year]; ok {
		return fn(x.Year, unit, x)
	}
	return nil
}
